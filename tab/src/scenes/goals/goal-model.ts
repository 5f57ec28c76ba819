import type { CaseStatisticsDto, GoalViewDto } from '../../api/goals-api';
import type { MessageKey } from '../../i18n/messages';
import type { CaseField } from '../../../../functions/src/core/goal-types';

/** Pure view logic of the goals scene: words, figures, chart series and filters. */

export type GoalColour = NonNullable<GoalViewDto['lastReading']>['colour'];
export const goalColourFilters = ['red', 'yellow', 'green', 'none'] as const;

/** The colour of a goal's last reading; 'none' until it has been measured. */
export function colourOf(goal: Pick<GoalViewDto, 'lastReading'>): GoalColour {
  return goal.lastReading?.colour ?? 'none';
}

/** The colour's words: a colour is never shown without them (WCAG 1.4.1). */
export const colourKey: Record<GoalColour, MessageKey> = {
  green: 'goals.colour.green',
  yellow: 'goals.colour.yellow',
  red: 'goals.colour.red',
  none: 'goals.colour.none',
};

/** A colour filter from the address (?colour=red), or null for all goals. */
export function colourFilterOf(value: string | null): GoalColour | null {
  return goalColourFilters.find((colour) => colour === value) ?? null;
}

/** Red first (they need attention), then yellow, green, unmeasured; then by title. */
export function sortGoals<T extends Pick<GoalViewDto, 'lastReading' | 'title'>>(goals: readonly T[]): T[] {
  const rank = (goal: T) => goalColourFilters.indexOf(colourOf(goal));
  return [...goals].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'da'));
}

export function filterGoals<T extends Pick<GoalViewDto, 'lastReading' | 'status'>>(
  goals: readonly T[],
  colour: GoalColour | null,
): T[] {
  return goals.filter((goal) => colour === null || (goal.status === 'active' && colourOf(goal) === colour));
}

type Target = GoalViewDto['target'];

/** A figure in its unit, rounded as people read it: 91.4 %, 38 dage, 7 sager. */
export function formatFigure(value: number | null, unit: Target['unit'], locale: string): string {
  if (value === null) return '–';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 'percent' ? 1 : 0 }).format(value);
  return unit === 'percent' ? `${number} %` : number;
}

/** The message of a target: "mindst 95 %", "højst 40 dage". */
export function targetKey(target: Target): MessageKey {
  const keys: Record<Target['direction'], Record<Target['unit'], MessageKey>> = {
    'at-least': {
      percent: 'goals.target.atLeastPercent',
      days: 'goals.target.atLeastDays',
      count: 'goals.target.atLeastCount',
    },
    'at-most': {
      percent: 'goals.target.atMostPercent',
      days: 'goals.target.atMostDays',
      count: 'goals.target.atMostCount',
    },
  };
  return keys[target.direction][target.unit];
}

export const measurementKey: Record<GoalViewDto['measurement']['kind'], MessageKey> = {
  cases: 'goals.measurement.cases',
  survey: 'goals.measurement.survey',
  entered: 'goals.measurement.entered',
  register: 'goals.measurement.register',
};

export const registerMetricKey: Record<'replied-in-time' | 'overdue-unanswered', MessageKey> = {
  'replied-in-time': 'goals.registerMetric.replied-in-time',
  'overdue-unanswered': 'goals.registerMetric.overdue-unanswered',
};

export const registerKindKey: Record<'praise' | 'complaint' | 'suggestion' | 'deviation', MessageKey> = {
  praise: 'goals.registerKind.praise',
  complaint: 'goals.registerKind.complaint',
  suggestion: 'goals.registerKind.suggestion',
  deviation: 'goals.registerKind.deviation',
};

/** "Beregnes af registret: andel besvaret inden for svarfristen (Klager)" and the like. */
export function measurementText(measurement: GoalViewDto['measurement'], t: (key: MessageKey) => string): string {
  switch (measurement.kind) {
    case 'cases':
      return `${t(measurementKey.cases)}: ${t(metricKey[measurement.metric])}`;
    case 'register': {
      const kinds = measurement.kinds.map((kind) => t(registerKindKey[kind])).join(', ');
      return `${t(measurementKey.register)}: ${t(registerMetricKey[measurement.metric])}${kinds ? ` (${kinds})` : ''}`;
    }
    default:
      return t(measurementKey[measurement.kind]);
  }
}

export const metricKey: Record<'share-within-target' | 'mean-days' | 'median-days' | 'backlog', MessageKey> = {
  'share-within-target': 'goals.metric.share-within-target',
  'mean-days': 'goals.metric.mean-days',
  'median-days': 'goals.metric.median-days',
  backlog: 'goals.metric.backlog',
};

export const cadenceKey: Record<GoalViewDto['cadence'], MessageKey> = {
  monthly: 'goals.cadence.monthly',
  quarterly: 'goals.cadence.quarterly',
  yearly: 'goals.cadence.yearly',
};

export const statusKey: Record<GoalViewDto['status'], MessageKey> = {
  draft: 'goals.status.draft',
  active: 'goals.status.active',
  achieved: 'goals.status.achieved',
  'not-achieved': 'goals.status.not-achieved',
  retired: 'goals.status.retired',
};

export const caseFieldKey: Record<CaseField, MessageKey> = {
  caseId: 'goals.field.caseId',
  caseType: 'goals.field.caseType',
  unit: 'goals.field.unit',
  receivedOn: 'goals.field.receivedOn',
  fullyInformedOn: 'goals.field.fullyInformedOn',
  decidedOn: 'goals.field.decidedOn',
  pausedDays: 'goals.field.pausedDays',
  targetDays: 'goals.field.targetDays',
  exemptionReason: 'goals.field.exemptionReason',
  decisionType: 'goals.field.decisionType',
};

/** One month of the chart and of its table: the share that month, the rolling 12 months, the target. */
export type ChartMonth = {
  month: string;
  decided: number;
  share: number | null;
  rolling12: number | null;
  target: number;
};

/**
 * The months of a goal's statistics as the chart draws them and the table lists them. A month
 * with no decided case has no bar (null), not a bar of 0 %: nothing was measured.
 */
export function chartMonths(statistics: Pick<CaseStatisticsDto, 'months'>, target: Target): ChartMonth[] {
  return statistics.months.map((month) => ({
    month: month.month,
    decided: month.figures.decided,
    share: month.figures.sharePercent,
    rolling12: month.rolling12.sharePercent,
    target: target.value,
  }));
}

/** "2026-03" as the user's short month and year ("mar. 2026"). */
export function monthLabel(month: string, locale: string): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
}

/** The extension of a chosen file as an import format, or null when it is neither. */
export function caseFileFormatOf(fileName: string): 'xlsx' | 'csv' | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

/** A source id from its name: "Byg og Miljø (BOM)" → "byg-og-miljo-bom". */
export function sourceIdOf(name: string): string {
  const id = name
    .toLocaleLowerCase('da')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id.slice(0, 60) || 'kilde';
}

/** An entered goal value as typed: 0 to 100,000 with at most two decimals after a comma or point; null otherwise. */
export function parseEnteredValue(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}([.,]\d{1,2})?$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(',', '.'));
  return value <= 100_000 ? value : null;
}
