import type { CaseRecord, GoalScope } from './goal-types.js';
import type { LocalDate } from './local-date.js';

/**
 * Processing-time figures over imported cases, as Danish municipalities count them (sources in
 * `docs/goals-data.md`):
 *
 * - A period's figures are over the cases **decided** in it (Copenhagen: "en byggesag først
 *   tæller med, når den bliver afsluttet"); exempt cases (an exemption reason, e.g. BBR or
 *   legalisation) are left out (Bornholm: only the classic building cases are counted).
 * - The clock runs in calendar days from "fuldt oplyst" (received when the export has no such
 *   date) to the decision (M1, M5), minus the days with the applicant beyond the first
 *   `applicantGraceDays` (M1: "waiting time for the applicant's extra information beyond 7 days
 *   is deducted"; M6). The export gives the days with the applicant as one total.
 * - Within target: counted days ≤ the case's target days (its servicemål). The headline is the
 *   share within target (KL: "andelen af sager, der opfylder servicemålet"); mean and median
 *   days are secondary (KL: the mean is pulled up by single long cases).
 * - Backlog ("sagspukkel", MST): cases open on `asOf` whose counted days so far already exceed
 *   their target.
 * - Series: per calendar month with the rolling 12 months ending in it (Randers'
 *   "glidende gennemsnit"), per quarter (Lejre) and per year (KL, SSB).
 *
 * Pure and linear in the cases: each case is read once into month tallies, and the periods are
 * sums of tallies (a day histogram each, so medians need no sorting of the cases).
 */

export const applicantGraceDays = 7;

export type CaseFigures = {
  /** Decided, not exempt cases counted. */
  decided: number;
  withinTarget: number;
  /** Percent of `decided` within target (0–100); null when nothing was decided. */
  sharePercent: number | null;
  meanDays: number | null;
  medianDays: number | null;
};

export type MonthFigures = { month: string; figures: CaseFigures; rolling12: CaseFigures };
export type QuarterFigures = { quarter: string; figures: CaseFigures; isPartial: boolean };
export type YearFigures = { year: number; figures: CaseFigures; isPartial: boolean };
export type GroupFigures = { key: string; figures: CaseFigures; backlog: number };

export type CaseStatistics = {
  from: LocalDate;
  to: LocalDate;
  asOf: LocalDate;
  /** Over the cases decided from `from` to `to` inclusive. */
  headline: CaseFigures;
  /** Open on `asOf` and already over target. */
  backlog: number;
  /** Exempt cases decided in the period (left out of every figure). */
  exempt: number;
  months: MonthFigures[];
  quarters: QuarterFigures[];
  years: YearFigures[];
  byCaseType: GroupFigures[];
  /** Key: the unit id, '' for cases without a unit. */
  byUnit: GroupFigures[];
};

export type StatisticsOptions = {
  from: LocalDate;
  to: LocalDate;
  /** The day the backlog is counted on (normally today, or `to` when that is earlier). */
  asOf: LocalDate;
  scope?: GoalScope;
};

/** Days since 1970-01-01 of a YYYY-MM-DD date, without allocating. */
function dayNumber(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The case's counted processing days on `end` (its decision day, or a later day for an open case). */
export function countedDays(
  record: Pick<CaseRecord, 'receivedOn' | 'fullyInformedOn' | 'pausedDays'>,
  end: LocalDate,
): number {
  const start = record.fullyInformedOn ?? record.receivedOn;
  const deducted = Math.max(0, record.pausedDays - applicantGraceDays);
  return Math.max(0, dayNumber(end) - dayNumber(start) - deducted);
}

export function isInScope(record: Pick<CaseRecord, 'caseType' | 'unitId'>, scope: GoalScope | undefined): boolean {
  if (!scope) return true;
  if (scope.caseTypes.length > 0 && !scope.caseTypes.includes(record.caseType)) return false;
  if (scope.unitIds.length > 0 && (record.unitId === null || !scope.unitIds.includes(record.unitId))) return false;
  return true;
}

/** Counts, sum and a histogram of counted days: enough for share, mean and median of any union of tallies. */
type Tally = { decided: number; within: number; sum: number; days: Map<number, number> };

const emptyTally = (): Tally => ({ decided: 0, within: 0, sum: 0, days: new Map() });

function add(tally: Tally, days: number, isWithin: boolean): void {
  tally.decided += 1;
  if (isWithin) tally.within += 1;
  tally.sum += days;
  tally.days.set(days, (tally.days.get(days) ?? 0) + 1);
}

function merge(tallies: readonly (Tally | undefined)[]): Tally {
  const total = emptyTally();
  for (const tally of tallies) {
    if (!tally) continue;
    total.decided += tally.decided;
    total.within += tally.within;
    total.sum += tally.sum;
    for (const [days, count] of tally.days) total.days.set(days, (total.days.get(days) ?? 0) + count);
  }
  return total;
}

function median(days: Map<number, number>, count: number): number | null {
  if (count === 0) return null;
  const sorted = [...days.keys()].sort((a, b) => a - b);
  const lowIndex = Math.floor((count - 1) / 2);
  const highIndex = Math.floor(count / 2);
  let seen = 0;
  let low: number | null = null;
  for (const value of sorted) {
    seen += days.get(value)!;
    if (low === null && seen > lowIndex) low = value;
    if (seen > highIndex) return (low! + value) / 2;
  }
  return low;
}

export function figuresOf(tally: Tally): CaseFigures {
  const { decided, within, sum } = tally;
  return {
    decided,
    withinTarget: within,
    sharePercent: decided === 0 ? null : (within / decided) * 100,
    meanDays: decided === 0 ? null : sum / decided,
    medianDays: median(tally.days, decided),
  };
}

function groupFigures(tallies: Map<string, Tally>, backlogs: Map<string, number>): GroupFigures[] {
  const keys = [...new Set([...tallies.keys(), ...backlogs.keys()])].sort();
  return keys.map((key) => ({
    key,
    figures: figuresOf(tallies.get(key) ?? emptyTally()),
    backlog: backlogs.get(key) ?? 0,
  }));
}

/**
 * Every figure of a period over the cases in scope. The month series runs over the calendar
 * months from `from` to `to`; a quarter or year only partly inside the period is marked partial.
 */
export function computeCaseStatistics(cases: readonly CaseRecord[], options: StatisticsOptions): CaseStatistics {
  const { from, to, asOf, scope } = options;
  const firstMonth = monthIndex(from);
  const lastMonth = monthIndex(to);
  // Rolling 12 months need the 11 months before the first one.
  const earliestMonth = firstMonth - 11;
  const byMonth = new Map<number, Tally>();
  const headline = emptyTally();
  const byType = new Map<string, Tally>();
  const byUnit = new Map<string, Tally>();
  const backlogByType = new Map<string, number>();
  const backlogByUnit = new Map<string, number>();
  let backlog = 0;
  let exempt = 0;

  for (const record of cases) {
    if (!isInScope(record, scope)) continue;
    const decidedOn = record.decidedOn;
    const isExempt = record.exemptionReason !== null;
    if (decidedOn !== null && decidedOn <= asOf) {
      if (isExempt) {
        if (decidedOn >= from && decidedOn <= to) exempt += 1;
        continue;
      }
      const month = monthIndex(decidedOn);
      if (month < earliestMonth || month > lastMonth) continue;
      const days = countedDays(record, decidedOn);
      const isWithin = days <= record.targetDays;
      let tally = byMonth.get(month);
      if (!tally) byMonth.set(month, (tally = emptyTally()));
      add(tally, days, isWithin);
      if (decidedOn >= from && decidedOn <= to) {
        add(headline, days, isWithin);
        const unitKey = record.unitId ?? '';
        let typeTally = byType.get(record.caseType);
        if (!typeTally) byType.set(record.caseType, (typeTally = emptyTally()));
        add(typeTally, days, isWithin);
        let unitTally = byUnit.get(unitKey);
        if (!unitTally) byUnit.set(unitKey, (unitTally = emptyTally()));
        add(unitTally, days, isWithin);
      }
    } else if (!isExempt && record.receivedOn <= asOf && countedDays(record, asOf) > record.targetDays) {
      backlog += 1;
      backlogByType.set(record.caseType, (backlogByType.get(record.caseType) ?? 0) + 1);
      const unitKey = record.unitId ?? '';
      backlogByUnit.set(unitKey, (backlogByUnit.get(unitKey) ?? 0) + 1);
    }
  }

  const months: MonthFigures[] = [];
  for (let month = firstMonth; month <= lastMonth; month++) {
    const window: (Tally | undefined)[] = [];
    for (let back = month - 11; back <= month; back++) window.push(byMonth.get(back));
    months.push({
      month: monthLabel(month),
      figures: figuresOf(byMonth.get(month) ?? emptyTally()),
      rolling12: figuresOf(merge(window)),
    });
  }

  const quarters: QuarterFigures[] = [];
  const firstQuarter = Math.floor(firstMonth / 3);
  for (let quarter = firstQuarter; quarter <= Math.floor(lastMonth / 3); quarter++) {
    const inRange = [0, 1, 2].map((offset) => quarter * 3 + offset).filter((m) => m >= firstMonth && m <= lastMonth);
    quarters.push({
      quarter: `${Math.floor(quarter / 4)}-Q${(quarter % 4) + 1}`,
      figures: figuresOf(merge(inRange.map((m) => byMonth.get(m)))),
      isPartial: inRange.length < 3,
    });
  }

  const years: YearFigures[] = [];
  for (let year = Math.floor(firstMonth / 12); year <= Math.floor(lastMonth / 12); year++) {
    const inRange = Array.from({ length: 12 }, (_, offset) => year * 12 + offset).filter(
      (m) => m >= firstMonth && m <= lastMonth,
    );
    years.push({
      year,
      figures: figuresOf(merge(inRange.map((m) => byMonth.get(m)))),
      isPartial: inRange.length < 12,
    });
  }

  return {
    from,
    to,
    asOf,
    headline: figuresOf(headline),
    backlog,
    exempt,
    months,
    quarters,
    years,
    byCaseType: groupFigures(byType, backlogByType),
    byUnit: groupFigures(byUnit, backlogByUnit),
  };
}
