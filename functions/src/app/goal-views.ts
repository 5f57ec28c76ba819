import { computeCaseStatistics, type CaseStatistics } from '../core/case-statistics.js';
import { AppError } from '../core/errors.js';
import { qualityPolicyId, type Goal, type QualityPolicy } from '../core/goal-types.js';
import type { LocalDate } from '../core/local-date.js';
import { canManageGoals, goalAbilities, type Actor, type GoalAbilities } from '../core/policies.js';
import { goalStatistics } from './measure-goals.js';
import type { Services } from './ports.js';
import { todayOf } from './quality-records.js';

/** Read models of the quality policy, goals and case statistics: every signed-in person reads them. */

/** `etag` is the policy's, or 0 before one is written (If-Match "0" creates it), also sent as the ETag header. */
export type QualityPolicyView = { policy: QualityPolicy | null; etag: number; abilities: { edit: boolean } };

export async function getQualityPolicyView(services: Services, actor: Actor): Promise<QualityPolicyView> {
  const policy = (await services.goals.getQualityPolicy(qualityPolicyId)) ?? null;
  return { policy, etag: policy?.etag ?? 0, abilities: { edit: canManageGoals(actor) } };
}

export type GoalView = Goal & { ownerName: string; abilities: GoalAbilities };
export type GoalDetailView = GoalView & { statistics: CaseStatistics | null };

async function ownerNames(services: Services): Promise<Map<string, string>> {
  return new Map((await services.store.listPeople()).map((person) => [person.id, person.name]));
}

function toGoalView(goal: Goal, actor: Actor, names: Map<string, string>): GoalView {
  return { ...goal, ownerName: names.get(goal.ownerId) ?? goal.ownerId, abilities: goalAbilities(actor, goal) };
}

export async function listGoalViews(
  services: Services,
  actor: Actor,
): Promise<{ goals: GoalView[]; abilities: { create: boolean } }> {
  const [goals, names] = await Promise.all([services.goals.listGoals(), ownerNames(services)]);
  return { goals: goals.map((goal) => toGoalView(goal, actor, names)), abilities: { create: canManageGoals(actor) } };
}

export async function loadGoal(services: Services, id: string): Promise<Goal> {
  const goal = await services.goals.getGoal(id);
  if (!goal) throw new AppError('NOT_FOUND', `No goal ${id}.`, { id });
  return goal;
}

/** One goal with, when it is measured by cases, the figures of its period so far. */
export async function getGoalView(services: Services, actor: Actor, id: string): Promise<GoalDetailView> {
  const [goal, names] = await Promise.all([loadGoal(services, id), ownerNames(services)]);
  const statistics =
    goal.measurement.kind === 'cases'
      ? goalStatistics(goal, await services.goals.listCaseRecords(), todayOf(services))
      : null;
  return { ...toGoalView(goal, actor, names), statistics };
}

/** Figures over every imported case (or one case type / unit) for a period; the backlog on its last day or today. */
export async function getCaseStatistics(
  services: Services,
  _actor: Actor,
  query: { from: LocalDate; to: LocalDate; caseType?: string; unitId?: string },
): Promise<CaseStatistics> {
  if (query.to < query.from)
    throw new AppError('VALIDATION', 'The period ends before it begins.', { field: 'to', from: query.from });
  const today = todayOf(services);
  const asOf = query.to < today ? query.to : today;
  return computeCaseStatistics(await services.goals.listCaseRecords(), {
    from: query.from,
    to: query.to,
    asOf,
    scope: {
      caseTypes: query.caseType === undefined ? [] : [query.caseType],
      unitIds: query.unitId === undefined ? [] : [query.unitId],
    },
  });
}
