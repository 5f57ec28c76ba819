import { registerMetricUnit } from '../core/register-goal.js';
import { AppError } from '../core/errors.js';
import type { Goal } from '../core/goal-types.js';
import { canEnterGoalValue, canManageGoals, ensure, type Actor } from '../core/policies.js';
import { getGoalView, loadGoal, type GoalDetailView } from './goal-views.js';
import { measureGoals } from './measure-goals.js';
import type { Services } from './ports.js';
import {
  ensurePeopleExist,
  ensureUnitExists,
  firstVersion,
  nextVersion,
  qualityTrail,
  stampOf,
  todayOf,
} from './quality-records.js';

export type GoalInput = Omit<Goal, 'id' | 'lastReading' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'etag'>;

async function validateGoal(services: Services, input: GoalInput): Promise<void> {
  if (input.periodTo < input.periodFrom)
    throw new AppError('VALIDATION', 'The period ends before it begins.', { field: 'periodTo' });
  if (input.target.unit === 'percent' && (input.target.value < 0 || input.target.value > 100))
    throw new AppError('VALIDATION', 'A percentage target is from 0 to 100.', { field: 'target.value' });
  if (
    input.measurement.kind === 'cases' &&
    input.target.unit !==
      (input.measurement.metric === 'share-within-target'
        ? 'percent'
        : input.measurement.metric === 'backlog'
          ? 'count'
          : 'days')
  )
    throw new AppError('VALIDATION', `The target's unit does not fit the measure ${input.measurement.metric}.`, {
      field: 'target.unit',
    });
  if (input.measurement.kind === 'register' && input.target.unit !== registerMetricUnit(input.measurement.metric))
    throw new AppError('VALIDATION', `The target's unit does not fit the measure ${input.measurement.metric}.`, {
      field: 'target.unit',
    });
  await ensurePeopleExist(services, [input.ownerId], 'ownerId');
  for (const unitId of input.scope.unitIds) await ensureUnitExists(services, unitId, 'scope.unitIds');
}

/** A new goal (the coordinator), measured at once when it is active. */
export async function createGoal(services: Services, actor: Actor, input: GoalInput): Promise<GoalDetailView> {
  ensure(canManageGoals(actor), 'Only the quality coordinator sets quality goals.');
  await validateGoal(services, input);
  const stamp = stampOf(services, actor);
  const goal: Goal = { ...input, id: services.ids.next(), lastReading: null, ...firstVersion(stamp) };
  await services.goals.commit({
    expect: [{ collection: 'goals', id: goal.id, etag: 0 }],
    goals: [goal],
    trail: [qualityTrail(stamp, 'goal.created', goal.id, `Kvalitetsmål oprettet: ${goal.title}`)],
  });
  await measureGoals(services, stamp, todayOf(services));
  return getGoalView(services, actor, goal.id);
}

/**
 * Changes a goal: the coordinator any field; the goal's owner only the entered values of a goal
 * measured by entered values. A stale etag is a CONFLICT. The goal is measured again.
 */
export async function updateGoal(
  services: Services,
  actor: Actor,
  input: { id: string; etag: number; changes: Partial<GoalInput> },
): Promise<GoalDetailView> {
  const stored = await loadGoal(services, input.id);
  const isValuesOnly = Object.keys(input.changes).every((key) => key === 'measurement');
  const isEnteredValues = input.changes.measurement?.kind === 'entered' && stored.measurement.kind === 'entered';
  ensure(
    canManageGoals(actor) || (isValuesOnly && isEnteredValues && canEnterGoalValue(actor, stored)),
    'Only the quality coordinator changes a goal; its owner enters its values.',
  );
  const next: GoalInput = { ...stored, ...input.changes };
  await validateGoal(services, next);
  const stamp = stampOf(services, actor);
  const goal: Goal = { ...stored, ...input.changes, ...nextVersion(stored, stamp) };
  await services.goals.commit({
    expect: [{ collection: 'goals', id: goal.id, etag: input.etag }],
    goals: [goal],
    trail: [
      qualityTrail(stamp, 'goal.updated', goal.id, `Kvalitetsmål ændret: ${goal.title}`, {
        fields: Object.keys(input.changes),
      }),
    ],
  });
  await measureGoals(services, stamp, todayOf(services));
  return getGoalView(services, actor, goal.id);
}
