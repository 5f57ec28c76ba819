import type { CreateGoalBody, GoalViewDto } from '../../api/goals-api';

/** The unit a measurement's value has, or null when the coordinator chooses it (entered values). */
export function unitOfMeasurement(measurement: CreateGoalBody['measurement']): CreateGoalBody['target']['unit'] | null {
  if (measurement.kind === 'survey') return 'percent';
  if (measurement.kind === 'entered') return null;
  if (measurement.kind === 'register') return measurement.metric === 'replied-in-time' ? 'percent' : 'count';
  switch (measurement.metric) {
    case 'share-within-target':
      return 'percent';
    case 'backlog':
      return 'count';
    case 'mean-days':
    case 'median-days':
      return 'days';
  }
}

/** "6.2, 9.1.1" or "6.2; 9.1.1" as a list, blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * The form's first values: the goal's own, or a new goal measured by cases (share within target,
 * at least 95 %, yellow within 5 points) for this calendar year, owned by the one who sets it.
 */
export function goalFormDefaults(goal: GoalViewDto | null, ownerId: string, today: string): CreateGoalBody {
  if (goal)
    return {
      title: goal.title,
      description: goal.description,
      clauses: goal.clauses,
      target: goal.target,
      scope: goal.scope,
      periodFrom: goal.periodFrom,
      periodTo: goal.periodTo,
      cadence: goal.cadence,
      ownerId: goal.ownerId,
      measurement: goal.measurement,
      thresholds: goal.thresholds,
      status: goal.status,
      revisionMonth: goal.revisionMonth,
    };
  const year = today.slice(0, 4);
  return {
    title: '',
    description: '',
    clauses: ['6.2'],
    target: { direction: 'at-least', value: 95, unit: 'percent' },
    scope: { caseTypes: [], unitIds: [] },
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    cadence: 'monthly',
    ownerId,
    measurement: { kind: 'cases', metric: 'share-within-target' },
    thresholds: { yellowWithinPoints: 5 },
    status: 'active',
    revisionMonth: 1,
  };
}
