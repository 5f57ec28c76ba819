import { unitWithDescendants } from './competence-gaps.js';
import type { Audit, Finding, FindingGrade, Importance, ProgrammeItem } from './quality-year-types.js';
import type { Person, Unit } from './types.js';

/**
 * The internal audit programme (ISO 9001 9.2.2 a): how often each programme item is audited,
 * "taking into consideration the importance of the processes concerned, changes affecting the
 * organisation, and the results of previous audits".
 *
 * Frequency, the first rule that applies:
 *
 * | rule                                                                   | frequency       |
 * | ---------------------------------------------------------------------- | --------------- |
 * | importance 3, a major finding in the last 3 years, or flagged changed  | `yearly`        |
 * | importance 2, or a minor finding in the last 3 years                   | `every-2-years` |
 * | otherwise                                                              | `every-3-years` |
 *
 * "The last 3 years" for programme year Y are Y−3 … Y−1. An item is due in Y when it was never
 * audited, or its last audit year + interval ≤ Y. Every item is audited at least once per
 * certification cycle: the intervals never exceed 3 years, and when the caller names the
 * current cycle's years, an item not audited since the cycle began is due in its last year.
 *
 * The score orders the items of a year (most points first) and explains itself: it is the sum of
 * the reasons' points, and each reason is a machine-readable code with its numbers (the tab
 * translates them).
 *
 * | reason             | points                                        |
 * | ------------------ | --------------------------------------------- |
 * | `importance`       | 10 × importance                               |
 * | `major-findings`   | 8 per major finding in the last 3 years       |
 * | `minor-findings`   | 4 per minor finding in the last 3 years       |
 * | `observations`     | 1 per observation in the last 3 years         |
 * | `never-audited`    | 6                                             |
 * | `last-audited`     | 3 per year the item is past its interval      |
 * | `changed`          | 5                                             |
 * | `cycle-coverage`   | 5                                             |
 */

export type AuditFrequency = 'yearly' | 'every-2-years' | 'every-3-years';

export const frequencyYears: Record<AuditFrequency, number> = { yearly: 1, 'every-2-years': 2, 'every-3-years': 3 };

export const priorityPoints = {
  perImportance: 10,
  perMajor: 8,
  perMinor: 4,
  perObservation: 1,
  neverAudited: 6,
  perYearPastInterval: 3,
  changed: 5,
  cycleCoverage: 5,
  lookbackYears: 3,
} as const;

/** One held audit of a programme item and the grades of its findings. */
export type AuditHistoryEntry = { programmeItemId: string; year: number; grades: FindingGrade[] };

export type PriorityReason =
  | { code: 'importance'; importance: Importance; points: number }
  | { code: 'major-findings'; count: number; sinceYear: number; points: number }
  | { code: 'minor-findings'; count: number; sinceYear: number; points: number }
  | { code: 'observations'; count: number; sinceYear: number; points: number }
  | { code: 'never-audited'; points: number }
  | { code: 'last-audited'; year: number; yearsSince: number; points: number }
  | { code: 'changed'; points: number }
  | { code: 'cycle-coverage'; cycleLastYear: number; points: number };

export type PriorityReasonCode = PriorityReason['code'];

export type AuditPriority = {
  score: number;
  frequency: AuditFrequency;
  reasons: PriorityReason[];
  /** The year of the item's latest audit before the programme year; null: never audited. */
  lastAuditedYear: number | null;
  /** True when the item belongs in the programme year (see the module comment). */
  isDue: boolean;
};

export type PriorityOptions = {
  /** Ids of items the coordinator flagged as affected by changes (a reorganisation, a new law, a new system). */
  changedItemIds?: ReadonlySet<string> | readonly string[];
  /** The current certification cycle as calendar years, first and last inclusive (e.g. 2025–2027). */
  certificationCycle?: { firstYear: number; lastYear: number };
};

/**
 * The items affected by a change that has not been audited since (ISO 9001 9.2.2 a): the change was
 * noted on or before the end of `year`, and no reported audit of the item is from the year of the
 * change or later (among the years before `year`). Feed the result to `PriorityOptions.changedItemIds`.
 */
export function changedItemIdsFor(
  items: readonly Pick<ProgrammeItem, 'id' | 'changedOn'>[],
  history: readonly AuditHistoryEntry[],
  year: number,
): Set<string> {
  const changed = new Set<string>();
  for (const item of items) {
    if (item.changedOn === null) continue;
    const changeYear = Number(item.changedOn.slice(0, 4));
    if (changeYear > year) continue;
    const auditedSince = history.some(
      (entry) => entry.programmeItemId === item.id && entry.year >= changeYear && entry.year < year,
    );
    if (!auditedSince) changed.add(item.id);
  }
  return changed;
}

/**
 * How an item weighs in programme year `year`. `history` may hold every item's audits: only the
 * item's own audits from earlier years count (the year's own audits are what is being planned).
 */
export function auditPriority(
  item: Pick<ProgrammeItem, 'id' | 'importance'>,
  history: readonly AuditHistoryEntry[],
  year: number,
  options: PriorityOptions = {},
): AuditPriority {
  const own = history.filter((entry) => entry.programmeItemId === item.id && entry.year < year);
  const sinceYear = year - priorityPoints.lookbackYears;
  const recentGrades = own.filter((entry) => entry.year >= sinceYear).flatMap((entry) => entry.grades);
  const count = (grade: FindingGrade) => recentGrades.filter((candidate) => candidate === grade).length;
  const majors = count('major');
  const minors = count('minor');
  const observations = count('observation');
  const changed = options.changedItemIds;
  const isChanged = changed !== undefined && ('has' in changed ? changed.has(item.id) : changed.includes(item.id));

  const frequency: AuditFrequency =
    item.importance === 3 || majors > 0 || isChanged
      ? 'yearly'
      : item.importance === 2 || minors > 0
        ? 'every-2-years'
        : 'every-3-years';
  const interval = frequencyYears[frequency];

  const reasons: PriorityReason[] = [
    { code: 'importance', importance: item.importance, points: priorityPoints.perImportance * item.importance },
  ];
  if (majors > 0)
    reasons.push({ code: 'major-findings', count: majors, sinceYear, points: priorityPoints.perMajor * majors });
  if (minors > 0)
    reasons.push({ code: 'minor-findings', count: minors, sinceYear, points: priorityPoints.perMinor * minors });
  if (observations > 0) {
    reasons.push({
      code: 'observations',
      count: observations,
      sinceYear,
      points: priorityPoints.perObservation * observations,
    });
  }

  const lastAuditedYear = own.length === 0 ? null : Math.max(...own.map((entry) => entry.year));
  let isDue: boolean;
  if (lastAuditedYear === null) {
    isDue = true;
    reasons.push({ code: 'never-audited', points: priorityPoints.neverAudited });
  } else {
    const yearsSince = year - lastAuditedYear;
    isDue = yearsSince >= interval;
    const pastInterval = Math.max(0, yearsSince - interval);
    reasons.push({
      code: 'last-audited',
      year: lastAuditedYear,
      yearsSince,
      points: priorityPoints.perYearPastInterval * pastInterval,
    });
  }
  if (isChanged) {
    isDue = true;
    reasons.push({ code: 'changed', points: priorityPoints.changed });
  }
  const cycle = options.certificationCycle;
  if (cycle !== undefined && year >= cycle.lastYear && lastAuditedYear !== null && lastAuditedYear < cycle.firstYear) {
    isDue = true;
    reasons.push({ code: 'cycle-coverage', cycleLastYear: cycle.lastYear, points: priorityPoints.cycleCoverage });
  }
  const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return { score, frequency, reasons, lastAuditedYear, isDue };
}

export type PlannedProgrammeItem<Item extends ProgrammeItemLike = ProgrammeItem> = {
  item: Item;
  priority: AuditPriority;
  /** 1–12: the month the audit is suggested in. */
  suggestedMonth: number;
};

type ProgrammeItemLike = Pick<ProgrammeItem, 'id' | 'importance' | 'title'>;

/** Audit months when none are given: the year without July (summer holidays) and December (Christmas, year end). */
export const defaultAuditMonths: readonly number[] = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11];

export type PlanOptions = PriorityOptions & {
  /** The months audits may be suggested in, 1–12. Default `defaultAuditMonths`. */
  months?: readonly number[];
};

/**
 * The items due in `year`, highest score first (ties: by title in Danish order, then id), each
 * with a suggested month. The months are spread evenly over the allowed months in order, the
 * highest scores earliest: with 10 allowed months, 5 items get January, March, May, August and
 * October; 20 items get two per month.
 */
export function planProgramme<Item extends ProgrammeItemLike>(
  items: readonly Item[],
  history: readonly AuditHistoryEntry[],
  year: number,
  options: PlanOptions = {},
): PlannedProgrammeItem<Item>[] {
  const months = [...new Set(options.months ?? defaultAuditMonths)].sort((a, b) => a - b);
  if (months.length === 0 || months.some((month) => !Number.isInteger(month) || month < 1 || month > 12)) {
    throw new RangeError(`Audit months must be whole numbers from 1 to 12: ${months.join(', ')}`);
  }
  const due = items
    .map((item) => ({ item, priority: auditPriority(item, history, year, options) }))
    .filter((entry) => entry.priority.isDue)
    .sort(
      (a, b) =>
        b.priority.score - a.priority.score ||
        a.item.title.localeCompare(b.item.title, 'da') ||
        (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
    );
  return due.map((entry, position) => ({
    ...entry,
    suggestedMonth: months[Math.floor((position * months.length) / due.length)] as number,
  }));
}

/**
 * The history `auditPriority` needs, from the stored records: reported internal audits planned
 * from a programme item, with the grades of their findings. Planned, running and cancelled audits
 * are not history yet.
 */
export function auditHistoryFrom(
  audits: readonly Pick<Audit, 'id' | 'kind' | 'year' | 'status' | 'programmeItemId'>[],
  findings: readonly Pick<Finding, 'auditId' | 'grade'>[],
): AuditHistoryEntry[] {
  const gradesByAudit = new Map<string, FindingGrade[]>();
  for (const finding of findings) {
    const grades = gradesByAudit.get(finding.auditId) ?? [];
    grades.push(finding.grade);
    gradesByAudit.set(finding.auditId, grades);
  }
  return audits
    .filter((audit) => audit.kind === 'internal' && audit.status === 'reported' && audit.programmeItemId !== null)
    .map((audit) => ({
      programmeItemId: audit.programmeItemId as string,
      year: audit.year,
      grades: gradesByAudit.get(audit.id) ?? [],
    }));
}

// ---------------------------------------------------------------------------------------------
// Auditor independence (9.2.2 c: "ensure objectivity and the impartiality of the audit process")

export type IndependenceWarning =
  | { code: 'no-auditors' }
  /** The auditor belongs to the audited unit or a unit below it. */
  | { code: 'audits-own-unit'; auditorId: string; auditorUnitId: string; auditedUnitId: string }
  /** The auditor is not among the people: their independence cannot be checked. */
  | { code: 'unknown-auditor'; auditorId: string }
  /** The audited unit is not among the units: only an auditor of exactly that unit id is caught. */
  | { code: 'unknown-unit'; unitId: string };

/**
 * Warnings, not refusals: a small municipality may have to let someone audit close to home, but
 * the coordinator should decide that knowingly. One warning per auditor (duplicates counted
 * once), in the order given. An audit with no unit (a cross-cutting process or clause) has no
 * own-unit check.
 */
export function auditorIndependenceWarnings(
  audit: { unitId: string | null; auditorIds: readonly string[] },
  people: readonly Pick<Person, 'id' | 'unitId'>[],
  units: readonly Unit[],
): IndependenceWarning[] {
  const auditorIds = [...new Set(audit.auditorIds)];
  const warnings: IndependenceWarning[] = [];
  if (auditorIds.length === 0) warnings.push({ code: 'no-auditors' });
  const auditedUnitId = audit.unitId;
  if (auditedUnitId !== null && !units.some((unit) => unit.id === auditedUnitId)) {
    warnings.push({ code: 'unknown-unit', unitId: auditedUnitId });
  }
  const covered = auditedUnitId === null ? new Set<string>() : unitWithDescendants(auditedUnitId, units);
  const personById = new Map(people.map((person) => [person.id, person]));
  for (const auditorId of auditorIds) {
    const person = personById.get(auditorId);
    if (person === undefined) warnings.push({ code: 'unknown-auditor', auditorId });
    else if (auditedUnitId !== null && covered.has(person.unitId)) {
      warnings.push({ code: 'audits-own-unit', auditorId, auditorUnitId: person.unitId, auditedUnitId });
    }
  }
  return warnings;
}
