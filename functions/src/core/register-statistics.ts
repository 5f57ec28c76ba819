import { addMonths, daysBetween, type LocalDate } from './local-date.js';
import type { RegisterChannel, RegisterKind, RegisterStatus } from './register-types.js';

/**
 * The register's statistics ("grundlag for årsagsanalyse, trendanalyser og forslag til tiltak"):
 * counts per kind, category, root cause, unit, channel and month over a period, a Pareto of the
 * root causes, 24 months of trend per kind, reply-time compliance and open items by age. One
 * pass over the rows; a store may hand over identical rows once with their `count` (SQLite groups
 * 100,000 items into some thousand rows), so 100,000 items stay well within the tab's budget.
 */

/** What the statistics need of an item (or of an audit finding shown in the register). */
export type StatisticsRow = {
  kind: RegisterKind;
  channel: RegisterChannel;
  status: RegisterStatus;
  categoryId: string | null;
  rootCauseCategoryId: string | null;
  /** The main unit; null when none is known. */
  unitId: string | null;
  receivedOn: LocalDate;
  isAnswerable: boolean;
  /** The deadline in force (null once answered, or never answerable). */
  replyDueOn: LocalDate | null;
  /** Null while unanswered. */
  isReplyLate: boolean | null;
  /** How many items the row stands for (a store may group identical rows); 1 when absent. */
  count?: number;
};

export type Count = { key: string; count: number };

export type RegisterStatistics = {
  from: LocalDate;
  to: LocalDate;
  total: number;
  byKind: Count[];
  byCategory: Count[];
  byRootCause: Count[];
  byUnit: Count[];
  byChannel: Count[];
  byMonth: { month: string; counts: Record<string, number> }[];
  pareto: (Count & { cumulativeShare: number })[];
  trend: { month: string; counts: Record<string, number> }[];
  replyCompliance: {
    answerable: number;
    answeredInTime: number;
    answeredLate: number;
    overdueUnanswered: number;
    share: number | null;
  };
  openByAge: { bucket: AgeBucket; count: number }[];
};

export const ageBuckets = ['0-7', '8-30', '31-90', '91+'] as const;
export type AgeBucket = (typeof ageBuckets)[number];

/** Key of a row without a category, root cause or unit. */
export const noneKey = 'none';

export function ageBucketOf(days: number): AgeBucket {
  if (days <= 7) return '0-7';
  if (days <= 30) return '8-30';
  return days <= 90 ? '31-90' : '91+';
}

/** The months `from`…`to` as YYYY-MM, oldest first. */
export function monthsBetween(from: LocalDate, to: LocalDate): string[] {
  const months: string[] = [];
  let current = `${from.slice(0, 7)}-01` as LocalDate;
  const last = to.slice(0, 7);
  while (current.slice(0, 7) <= last) {
    months.push(current.slice(0, 7));
    current = addMonths(current, 1);
  }
  return months;
}

/** The first day of the period of `months` months ending on `to` (whole months: 12 → 1 of the month 11 months before). */
export function periodStart(to: LocalDate, months: number): LocalDate {
  return addMonths(`${to.slice(0, 7)}-01` as LocalDate, -(months - 1));
}

const sortedCounts = (counts: Map<string, number>): Count[] =>
  [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

const bump = (counts: Map<string, number>, key: string, by: number) => counts.set(key, (counts.get(key) ?? 0) + by);

/**
 * The statistics of the rows received in [`from`, `to`]; the trend covers the 24 months up to
 * `to`, and open items by age are those received by `to` and not closed, aged at `to`. Items
 * without a root-cause category are left out of the Pareto (it explains causes found).
 */
export function registerStatistics(rows: Iterable<StatisticsRow>, from: LocalDate, to: LocalDate): RegisterStatistics {
  const byKind = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const byRootCause = new Map<string, number>();
  const byUnit = new Map<string, number>();
  const byChannel = new Map<string, number>();
  const periodMonths = monthsBetween(from, to);
  const byMonth = new Map(periodMonths.map((month) => [month, {} as Record<string, number>]));
  const trendMonths = monthsBetween(periodStart(to, 24), to);
  const trend = new Map(trendMonths.map((month) => [month, {} as Record<string, number>]));
  const age = new Map<string, number>(ageBuckets.map((bucket) => [bucket, 0]));
  let total = 0;
  let answerable = 0;
  let answeredInTime = 0;
  let answeredLate = 0;
  let overdueUnanswered = 0;

  for (const row of rows) {
    if (row.receivedOn > to) continue;
    const count = row.count ?? 1;
    const month = row.receivedOn.slice(0, 7);
    const trendCounts = trend.get(month);
    if (trendCounts) trendCounts[row.kind] = (trendCounts[row.kind] ?? 0) + count;
    if (row.status !== 'closed') bump(age, ageBucketOf(daysBetween(row.receivedOn, to)), count);
    if (row.receivedOn < from) continue;
    total += count;
    bump(byKind, row.kind, count);
    bump(byCategory, row.categoryId ?? noneKey, count);
    if (row.rootCauseCategoryId !== null) bump(byRootCause, row.rootCauseCategoryId, count);
    bump(byUnit, row.unitId ?? noneKey, count);
    bump(byChannel, row.channel, count);
    const monthCounts = byMonth.get(month);
    if (monthCounts) monthCounts[row.kind] = (monthCounts[row.kind] ?? 0) + count;
    if (row.isAnswerable) {
      answerable += count;
      if (row.isReplyLate === true) answeredLate += count;
      else if (row.isReplyLate === false) answeredInTime += count;
      else if (row.replyDueOn !== null && row.replyDueOn < to) overdueUnanswered += count;
    }
  }

  const rootCauses = sortedCounts(byRootCause);
  const causeTotal = rootCauses.reduce((sum, row) => sum + row.count, 0);
  let running = 0;
  const pareto = rootCauses.map((row) => {
    running += row.count;
    return { ...row, cumulativeShare: running / causeTotal };
  });
  const judged = answeredInTime + answeredLate + overdueUnanswered;
  return {
    from,
    to,
    total,
    byKind: sortedCounts(byKind),
    byCategory: sortedCounts(byCategory),
    byRootCause: rootCauses,
    byUnit: sortedCounts(byUnit),
    byChannel: sortedCounts(byChannel),
    byMonth: [...byMonth].map(([key, counts]) => ({ month: key, counts })),
    pareto,
    trend: [...trend].map(([key, counts]) => ({ month: key, counts })),
    replyCompliance: {
      answerable,
      answeredInTime,
      answeredLate,
      overdueUnanswered,
      share: judged === 0 ? null : answeredInTime / judged,
    },
    openByAge: ageBuckets.map((bucket) => ({ bucket, count: age.get(bucket) ?? 0 })),
  };
}
