import { computeCaseStatistics, type CaseStatistics } from '../core/case-statistics.js';
import { caseMetricValue, goalColour, hasTurnedRed, nextReading } from '../core/goal-status.js';
import type { CaseRecord, Goal, GoalReading } from '../core/goal-types.js';
import type { LocalDate } from '../core/local-date.js';
import type { YearWheelOccurrence } from '../core/quality-year-types.js';
import { registerGoalValue } from '../core/register-goal.js';
import type { StatisticsRow } from '../core/register-statistics.js';
import type { Services } from './ports.js';
import { firstVersion, nextVersion, type Stamp } from './quality-records.js';
import { surveyGoalValue } from './survey-measure.js';
import type { Locale } from '../core/locale.js';
import { serverTexts } from '../i18n/server-texts.js';

/** The statistics of a case-data goal's period so far (to the earlier of its end and today). */
export function goalStatistics(goal: Goal, cases: readonly CaseRecord[], today: LocalDate): CaseStatistics {
  const to = goal.periodTo < today ? goal.periodTo : today;
  return computeCaseStatistics(cases, { from: goal.periodFrom, to, asOf: to, scope: goal.scope });
}

/**
 * A goal's value now: computed from the cases, the register's items (`registerRows`, as of today)
 * or the newest entered value of its period; undefined for a survey goal, whose value needs the
 * survey's answers (`surveyGoalValue`).
 */
export function goalValue(
  goal: Goal,
  cases: readonly CaseRecord[],
  today: LocalDate,
  registerRows: readonly StatisticsRow[] = [],
): number | null | undefined {
  switch (goal.measurement.kind) {
    case 'register': {
      if (today < goal.periodFrom) return null;
      const to = goal.periodTo < today ? goal.periodTo : today;
      return registerGoalValue(goal.measurement, registerRows, goal.periodFrom, to);
    }
    case 'cases':
      return caseMetricValue(goal.measurement.metric, goalStatistics(goal, cases, today));
    case 'entered': {
      const inPeriod = goal.measurement.values
        .filter((entry) => entry.on >= goal.periodFrom && entry.on <= goal.periodTo)
        .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
      return inPeriod.at(-1)?.value ?? null;
    }
    case 'survey':
      return undefined;
  }
}

/** The id of the årshjul activity that tells the owner a goal turned red: one per goal and turn. */
export function redGoalOccurrenceId(goal: Pick<Goal, 'id'>, redSince: LocalDate): string {
  return `goal-red-${goal.id}-${redSince}`;
}

/**
 * Measures the active goals (by cases, by a survey's share satisfied, from the register, or by entered values), writes the readings that
 * changed (a new version of the goal, so an edit from a stale read is refused), and for each goal
 * that is red makes sure its owner has the "goal in red" activity in the årshjul: the deadline
 * index and the daily sweep then remind the owner, once (the activity's id is the goal and the day
 * it turned red). Idempotent; the activity is created again if an earlier run wrote the reading
 * but not the activity.
 */
export async function measureGoals(
  services: Services,
  stamp: Stamp,
  today: LocalDate,
  options: { cases?: readonly CaseRecord[]; locale?: Locale } = {},
): Promise<{ goalId: string; reading: GoalReading; hasTurnedRed: boolean }[]> {
  const goals = (await services.goals.listGoals()).filter((goal) => goal.status === 'active');
  if (goals.length === 0) return [];
  const cases =
    options.cases ??
    (goals.some((goal) => goal.measurement.kind === 'cases') ? await services.goals.listCaseRecords() : []);
  const registerRows = goals.some((goal) => goal.measurement.kind === 'register')
    ? await services.register.statisticsRows(today)
    : [];
  const changed: Goal[] = [];
  const results: { goalId: string; reading: GoalReading; hasTurnedRed: boolean }[] = [];
  for (const goal of goals) {
    const value =
      goal.measurement.kind === 'survey'
        ? await surveyGoalValue(services.surveys, goal)
        : goalValue(goal, cases, today, registerRows);
    if (value === undefined) continue;
    const reading = nextReading(goal.lastReading, goalColour(goal.target, goal.thresholds, value), value, today);
    results.push({ goalId: goal.id, reading, hasTurnedRed: hasTurnedRed(goal.lastReading, reading) });
    const previous = goal.lastReading;
    if (
      previous?.colour !== reading.colour ||
      previous.value !== reading.value ||
      previous.redSince !== reading.redSince
    )
      changed.push({ ...goal, lastReading: reading, ...nextVersion(goal, stamp) });
  }
  if (changed.length > 0)
    await services.goals.commit({
      expect: changed.map((goal) => ({ collection: 'goals' as const, id: goal.id, etag: goal.etag - 1 })),
      goals: changed,
    });

  const red = goals
    .map((goal) => ({ goal, reading: results.find((result) => result.goalId === goal.id)?.reading }))
    .filter((entry) => entry.reading?.colour === 'red' && entry.reading.redSince !== null);
  if (red.length > 0) {
    const days = red.map((entry) => entry.reading!.redSince!).sort();
    const existing = new Set(
      (await services.quality.listOccurrences({ from: days[0], to: days.at(-1) })).map((occurrence) => occurrence.id),
    );
    const occurrences: YearWheelOccurrence[] = red
      .filter(({ goal, reading }) => !existing.has(redGoalOccurrenceId(goal, reading!.redSince!)))
      .map(({ goal, reading }) => redGoalOccurrence(goal, reading!, stamp, options.locale ?? 'da'));
    if (occurrences.length > 0)
      await services.quality.commit({
        expect: occurrences.map((occurrence) => ({ collection: 'occurrences' as const, id: occurrence.id, etag: 0 })),
        occurrences,
      });
  }
  return results;
}

function formatValue(goal: Goal, value: number | null, locale: Locale): string {
  if (value === null) return '–';
  const rounded = Math.round(value * 10) / 10;
  const number = locale === 'en' ? String(rounded) : String(rounded).replace('.', ',');
  const text = serverTexts(locale, 'yearWheel');
  if (goal.target.unit === 'percent') return text('goal.percent', { value: number });
  if (goal.target.unit === 'days') return text('goal.days', { count: rounded, value: number });
  return number;
}

/**
 * The "goal in red" activity. Its title and note are stored with it, like every generated
 * occurrence's, in the organisation's language (`locale`, Danish unless the caller says otherwise).
 */
function redGoalOccurrence(goal: Goal, reading: GoalReading, stamp: Stamp, locale: Locale): YearWheelOccurrence {
  const text = serverTexts(locale, 'yearWheel');
  return {
    id: redGoalOccurrenceId(goal, reading.redSince!),
    kind: 'goal-revision',
    title: text('goal.red', { title: goal.title }),
    dueOn: reading.redSince!,
    ownerId: goal.ownerId,
    origin: { kind: 'manual' },
    completedOn: null,
    isEdited: false,
    note: text('goal.redNote', {
      value: formatValue(goal, reading.value, locale),
      target: formatValue(goal, goal.target.value, locale),
    }),
    ...firstVersion(stamp),
  };
}
