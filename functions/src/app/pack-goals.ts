import { computeCaseStatistics } from '../core/case-statistics.js';
import { caseMetricValue, goalColour } from '../core/goal-status.js';
import type { CaseRecord, Goal, GoalColour, GoalTarget } from '../core/goal-types.js';
import type { LocalDate } from '../core/local-date.js';
import { registerGoalValue } from '../core/register-goal.js';
import type { RegisterStore } from './register-ports.js';
import { surveyGoalValue } from './survey-measure.js';
import type { SurveyStore } from './survey-ports.js';

/**
 * The quality goals section of the management evaluation's input pack (ISO 9001 9.3.2 c 2: the
 * extent to which quality objectives have been met): each goal that is or was measured, with its
 * value and colour over the evaluation's period, not today's reading, so the pack shows what the
 * meeting looks back on.
 */

export type PackGoalFigures = {
  decided: number;
  sharePercent: number | null;
  meanDays: number | null;
  medianDays: number | null;
  backlog: number;
};

export type PackGoalRow = {
  id: string;
  title: string;
  owner: { id: string; name: string } | null;
  target: GoalTarget;
  measurement: Goal['measurement']['kind'];
  /** The value over the period (null: nothing measured in it, or a survey not yet linked). */
  value: number | null;
  colour: GoalColour;
  /** For goals measured by case data: the period's figures over the goal's scope. */
  figures: PackGoalFigures | null;
};

export type PackGoalsSection =
  { status: 'not-available'; note: string } | { status: 'available'; goals: PackGoalRow[] };

/** The part of a goal's period that falls within the evaluation's period, or null when none does. */
function overlap(goal: Goal, period: { from: LocalDate; to: LocalDate }): { from: LocalDate; to: LocalDate } | null {
  const from = goal.periodFrom > period.from ? goal.periodFrom : period.from;
  const to = goal.periodTo < period.to ? goal.periodTo : period.to;
  return from <= to ? { from, to } : null;
}

/**
 * The survey goals' values over the part of their period within `period`, measured from the
 * answers of the rounds in that span (a goal's last reading may be of a later period).
 */
export async function surveyGoalValuesOver(
  surveys: Pick<SurveyStore, 'getSurvey' | 'listAnswers'>,
  goals: readonly Goal[],
  period: { from: LocalDate; to: LocalDate },
): Promise<ReadonlyMap<string, number | null>> {
  const values = new Map<string, number | null>();
  for (const goal of goals) {
    const span = overlap(goal, period);
    if (goal.measurement.kind !== 'survey' || !span) continue;
    values.set(goal.id, await surveyGoalValue(surveys, { ...goal, periodFrom: span.from, periodTo: span.to }));
  }
  return values;
}

/**
 * The register goals' values over the part of their period within `period`, judged as on the
 * span's last day (the replies as known now, like the register's figures in the pack).
 */
export async function registerGoalValuesOver(
  register: Pick<RegisterStore, 'statisticsRows'> | undefined,
  goals: readonly Goal[],
  period: { from: LocalDate; to: LocalDate },
): Promise<ReadonlyMap<string, number | null>> {
  const values = new Map<string, number | null>();
  const spans = goals.flatMap((goal) => {
    const span = overlap(goal, period);
    return goal.measurement.kind === 'register' && span ? [{ goal, measurement: goal.measurement, span }] : [];
  });
  if (spans.length === 0 || !register) return values;
  const rows = await register.statisticsRows(period.to);
  for (const { goal, measurement, span } of spans)
    values.set(goal.id, registerGoalValue(measurement, rows, span.from, span.to));
  return values;
}

/** The measured values of the survey and register goals over `period`, for `packGoals`. */
export async function measuredGoalValuesOver(
  stores: { surveys: Pick<SurveyStore, 'getSurvey' | 'listAnswers'>; register?: Pick<RegisterStore, 'statisticsRows'> },
  goals: readonly Goal[],
  period: { from: LocalDate; to: LocalDate },
): Promise<ReadonlyMap<string, number | null>> {
  const [surveys, register] = await Promise.all([
    surveyGoalValuesOver(stores.surveys, goals, period),
    registerGoalValuesOver(stores.register, goals, period),
  ]);
  return new Map([...surveys, ...register]);
}

export function packGoals(
  goals: readonly Goal[],
  cases: readonly CaseRecord[],
  period: { from: LocalDate; to: LocalDate },
  ownerName: (id: string) => string | null,
  measuredValues: ReadonlyMap<string, number | null> = new Map(),
): PackGoalsSection {
  const rows: PackGoalRow[] = [];
  for (const goal of goals) {
    if (goal.status === 'draft' || goal.status === 'retired') continue;
    const span = overlap(goal, period);
    if (!span) continue;
    const { value, figures } = valueOver(goal, cases, span, period, measuredValues);
    const name = ownerName(goal.ownerId);
    rows.push({
      id: goal.id,
      title: goal.title,
      owner: name === null ? null : { id: goal.ownerId, name },
      target: goal.target,
      measurement: goal.measurement.kind,
      value,
      colour: goalColour(goal.target, goal.thresholds, value),
      figures,
    });
  }
  if (rows.length === 0) return { status: 'not-available', note: 'No quality goals were set for the period.' };
  return { status: 'available', goals: rows };
}

/** A goal's value over the span (and, for case data, the span's figures). */
function valueOver(
  goal: Goal,
  cases: readonly CaseRecord[],
  span: { from: LocalDate; to: LocalDate },
  period: { from: LocalDate; to: LocalDate },
  measuredValues: ReadonlyMap<string, number | null>,
): { value: number | null; figures: PackGoalFigures | null } {
  switch (goal.measurement.kind) {
    case 'cases': {
      const statistics = computeCaseStatistics(cases, { ...span, asOf: span.to, scope: goal.scope });
      return {
        value: caseMetricValue(goal.measurement.metric, statistics),
        figures: {
          decided: statistics.headline.decided,
          sharePercent: statistics.headline.sharePercent,
          meanDays: statistics.headline.meanDays,
          medianDays: statistics.headline.medianDays,
          backlog: statistics.backlog,
        },
      };
    }
    case 'entered': {
      const inSpan = goal.measurement.values
        .filter((entry) => entry.on >= span.from && entry.on <= span.to)
        .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
      return { value: inSpan.at(-1)?.value ?? null, figures: null };
    }
    case 'survey':
    case 'register':
      // Measured over the span from the answers or the register's items when the caller gave
      // them (measuredGoalValuesOver); otherwise the goal's last reading, if it was taken within the period.
      if (measuredValues.has(goal.id)) return { value: measuredValues.get(goal.id) ?? null, figures: null };
      return {
        value: goal.lastReading && goal.lastReading.computedOn <= period.to ? goal.lastReading.value : null,
        figures: null,
      };
  }
}
