import type { Locale } from './locale.js';
import { serverTexts } from '../i18n/server-texts.js';
import { certificationCycle, type CycleOptions } from './certification-cycle.js';
import { matchCycleAudits } from './certifier-audit-match.js';
import { asLocalDate, daysBetween, daysInMonth, type LocalDate } from './local-date.js';
import type {
  Audit,
  Certificate,
  ManagementEvaluation,
  OccurrenceKind,
  OccurrenceOrigin,
  YearWheelOccurrence,
} from './quality-year-types.js';

/**
 * The årshjul: the quality year's recurring activities as dated occurrences, generated from the
 * audit programme, the certificate and the management evaluation, and then edited by the
 * coordinator. Pure: the use case reads the records, calls `generateOccurrences` and commits
 * its `upserts`.
 *
 * | source                                   | occurrence (origin)                      | date                                    | owner                         |
 * | ---------------------------------------- | ---------------------------------------- | --------------------------------------- | ----------------------------- |
 * | internal audit of the year, not cancelled| internal-audit (audit)                   | plannedOn                               | first auditor, else default   |
 * | active certificate's audit in the year   | surveillance-/recertification-audit      | the certifier audit's plannedOn when    | default                       |
 * |                                          | (certificate + cycle index)              | one is recorded, else the cycle's dueOn |                               |
 * | management evaluation of the year        | management-evaluation (evaluation)       | plannedOn                               | default                       |
 * | none planned: the recurring default      | management-evaluation (recurring)        | the activity's month/day                | the activity's, else default  |
 * | each other recurring activity            | its kind (recurring `<key>/<year>`)      | the activity's month/day                | the activity's, else default  |
 *
 * Regenerating is idempotent. An occurrence is found again by its origin (never by date), so
 * nothing is duplicated:
 * - a completed occurrence is left alone;
 * - an edited one (`isEdited`) keeps its date and title;
 * - otherwise date and title follow the source; the owner, once set, is the coordinator's.
 * When the source is done (audit reported, evaluation held or published) the occurrence is
 * marked completed on that date, edited or not, so its reminders stop. When an evaluation is
 * planned for a year that already has the recurring management-evaluation occurrence, that
 * occurrence is taken over (its origin becomes the evaluation) instead of adding a second one.
 * Generated occurrences of the year whose source is gone (a cancelled audit, a superseded
 * certificate) come back as `orphans` for the coordinator to complete or delete.
 */

export type RecurringActivity = {
  /** Stable key; the occurrence's origin is `{ kind: 'recurring', key: '<key>/<year>' }`. */
  key: string;
  kind: OccurrenceKind;
  title: string;
  /** 1–12. */
  month: number;
  /** 1–31; clamped to the month's last day. */
  day: number;
  /** null: the year wheel's default owner (the quality coordinator). */
  ownerId: string | null;
};

/** The recurring activity that stands in for the management evaluation until one is planned. */
export const managementEvaluationKey = 'management-evaluation';

/**
 * Defaults for a Danish municipality; the coordinator edits them. The management evaluation in
 * February, so its conclusions can go to the committee with the yearly report in Q1; the yearly
 * publication by 1 May; the satisfaction survey in the autumn, in time for the goal revision in
 * November, when next year's budget is adopted.
 */
export const defaultRecurringActivities: readonly RecurringActivity[] = [
  {
    key: managementEvaluationKey,
    kind: 'management-evaluation',
    title: 'Ledelsens evaluering',
    month: 2,
    day: 15,
    ownerId: null,
  },
  {
    key: 'yearly-publication',
    kind: 'yearly-publication',
    title: 'Offentliggørelse af kvalitetsrapporten',
    month: 4,
    day: 30,
    ownerId: null,
  },
  {
    key: 'satisfaction-survey',
    kind: 'satisfaction-survey',
    title: 'Tilfredshedsundersøgelse',
    month: 9,
    day: 30,
    ownerId: null,
  },
  { key: 'goal-revision', kind: 'goal-revision', title: 'Revision af kvalitetsmål', month: 11, day: 15, ownerId: null },
];

/** A stable string for an origin; null for manual occurrences, which are never generated. */
export function originKey(origin: OccurrenceOrigin): string | null {
  switch (origin.kind) {
    case 'audit':
      return `audit:${origin.auditId}`;
    case 'certificate':
      return `certificate:${origin.certificateId}:${origin.cycleIndex}`;
    case 'evaluation':
      return `evaluation:${origin.evaluationId}`;
    case 'recurring':
      return `recurring:${origin.key}`;
    case 'manual':
      return null;
  }
}

/** The activity's date in `year`, the day clamped to the month's end (30 February is 28 or 29 February). */
export function recurringDate(activity: Pick<RecurringActivity, 'month' | 'day'>, year: number): LocalDate {
  const { month, day } = activity;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 31) {
    throw new RangeError(`Not a month and day: ${month}/${day}`);
  }
  const clamped = Math.min(day, daysInMonth(year, month));
  return asLocalDate(
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`,
  );
}

export type YearWheelInput = {
  year: number;
  audits: readonly Audit[];
  certificates: readonly Certificate[];
  evaluations: readonly ManagementEvaluation[];
  recurring: readonly RecurringActivity[];
  /** Owner of occurrences without one of their own (the quality coordinator). */
  defaultOwnerId: string;
  /**
   * The stored occurrences. Matching is by origin, so pass at least the year's; occurrences of
   * other years are matched too but only the year's can become orphans.
   */
  existing: readonly YearWheelOccurrence[];
  /** The instant of the write (ISO 8601), for createdAt/updatedAt. */
  now: string;
  actorId: string;
  /** A fresh id per new occurrence. */
  ids: () => string;
  cycleOptions?: CycleOptions;
  /** The language of generated titles (recurring activities carry their own). Default 'da'. */
  locale?: Locale;
};

export type YearWheelGeneration = {
  /** New occurrences (etag 1) and changed ones (etag + 1): write them. */
  upserts: YearWheelOccurrence[];
  /** Existing occurrences a source still produces, left as they were. */
  unchanged: YearWheelOccurrence[];
  /** Generated, open occurrences dated in the year whose source no longer produces them. */
  orphans: YearWheelOccurrence[];
};

type Wanted = {
  origin: OccurrenceOrigin;
  kind: OccurrenceKind;
  title: string;
  dueOn: LocalDate;
  ownerId: string;
  /** The source is done: the occurrence is completed on this date. */
  doneOn: LocalDate | null;
  /** An existing occurrence with this origin is taken over when none has `origin` (see the module comment). */
  adopts?: OccurrenceOrigin;
};

function wantedOccurrences(input: YearWheelInput): Wanted[] {
  const { year, defaultOwnerId } = input;
  const titles = serverTexts(input.locale ?? 'da', 'yearWheel');
  const wanted: Wanted[] = [];

  for (const audit of input.audits) {
    if (audit.kind !== 'internal' || audit.year !== year || audit.status === 'cancelled') continue;
    wanted.push({
      origin: { kind: 'audit', auditId: audit.id },
      kind: 'internal-audit',
      title: titles('generated.internalAudit', { title: audit.title }),
      dueOn: audit.plannedOn,
      ownerId: audit.auditorIds[0] ?? defaultOwnerId,
      doneOn: audit.status === 'reported' ? (audit.report?.reportedOn ?? audit.plannedOn) : null,
    });
  }

  for (const certificate of input.certificates) {
    if (!certificate.isActive) continue;
    // The same matching of records to cycle audits as the audit scene (certifier-audit-match.ts).
    const cycle = certificationCycle(certificate, input.cycleOptions);
    const matched = matchCycleAudits(cycle, input.audits, certificate.id);
    for (const cycleAudit of matched) {
      const cycleYear = Number(cycleAudit.dueOn.slice(0, 4));
      if (cycleYear !== year) continue;
      const recorded = input.audits.find((audit) => audit.id === cycleAudit.auditId);
      wanted.push({
        origin: { kind: 'certificate', certificateId: certificate.id, cycleIndex: cycleAudit.index },
        kind: cycleAudit.kind === 'surveillance' ? 'surveillance-audit' : 'recertification-audit',
        title:
          cycleAudit.kind === 'surveillance'
            ? titles('generated.surveillance', { index: cycleAudit.index, body: certificate.body })
            : titles('generated.recertification', { body: certificate.body }),
        dueOn: recorded?.plannedOn ?? cycleAudit.dueOn,
        ownerId: defaultOwnerId,
        doneOn: recorded?.status === 'reported' ? (recorded.report?.reportedOn ?? recorded.plannedOn) : null,
      });
    }
  }

  const evaluations = input.evaluations.filter((evaluation) => evaluation.year === year);
  for (const evaluation of evaluations) {
    wanted.push({
      origin: { kind: 'evaluation', evaluationId: evaluation.id },
      kind: 'management-evaluation',
      title: titles('generated.evaluation', { year }),
      dueOn: evaluation.plannedOn,
      ownerId: defaultOwnerId,
      doneOn: evaluation.status === 'planned' ? null : (evaluation.heldOn ?? evaluation.plannedOn),
      adopts: { kind: 'recurring', key: `${managementEvaluationKey}/${year}` },
    });
  }

  for (const activity of input.recurring) {
    if (activity.key === managementEvaluationKey && evaluations.length > 0) continue;
    wanted.push({
      origin: { kind: 'recurring', key: `${activity.key}/${year}` },
      kind: activity.kind,
      title: activity.title,
      dueOn: recurringDate(activity, year),
      ownerId: activity.ownerId ?? defaultOwnerId,
      doneOn: null,
    });
  }
  return wanted;
}

/** The year's occurrences, new or brought up to date; see the module comment for the rules. */
export function generateOccurrences(input: YearWheelInput): YearWheelGeneration {
  const byOrigin = new Map<string, YearWheelOccurrence>();
  for (const occurrence of input.existing) {
    const key = originKey(occurrence.origin);
    if (key !== null && !byOrigin.has(key)) byOrigin.set(key, occurrence);
  }
  const matched = new Set<string>();
  const upserts: YearWheelOccurrence[] = [];
  const unchanged: YearWheelOccurrence[] = [];
  const written = { updatedAt: input.now, updatedBy: input.actorId };

  for (const want of wantedOccurrences(input)) {
    const key = originKey(want.origin) as string;
    let existing = byOrigin.get(key);
    let isAdopted = false;
    if (existing === undefined && want.adopts !== undefined) {
      const candidate = byOrigin.get(originKey(want.adopts) as string);
      if (candidate !== undefined && !matched.has(candidate.id)) {
        existing = candidate;
        isAdopted = true;
      }
    }
    if (existing === undefined) {
      upserts.push({
        id: input.ids(),
        etag: 1,
        createdAt: input.now,
        ...written,
        kind: want.kind,
        title: want.title,
        dueOn: want.dueOn,
        ownerId: want.ownerId,
        origin: want.origin,
        completedOn: want.doneOn,
        isEdited: false,
        note: '',
      });
      continue;
    }
    if (matched.has(existing.id)) continue;
    matched.add(existing.id);
    if (existing.completedOn !== null) {
      unchanged.push(existing);
      continue;
    }
    const changes: Partial<YearWheelOccurrence> = {};
    if (isAdopted) changes.origin = want.origin;
    if (!existing.isEdited) {
      if (existing.dueOn !== want.dueOn) changes.dueOn = want.dueOn;
      if (existing.title !== want.title) changes.title = want.title;
    }
    if (want.doneOn !== null) changes.completedOn = want.doneOn;
    if (Object.keys(changes).length === 0) unchanged.push(existing);
    else upserts.push({ ...existing, ...changes, ...written, etag: existing.etag + 1 });
  }

  const yearPrefix = `${String(input.year).padStart(4, '0')}-`;
  const orphans = input.existing.filter(
    (occurrence) =>
      !matched.has(occurrence.id) &&
      occurrence.origin.kind !== 'manual' &&
      occurrence.completedOn === null &&
      occurrence.dueOn.startsWith(yearPrefix),
  );
  return { upserts, unchanged, orphans };
}

// ---------------------------------------------------------------------------------------------
// Reminders

/**
 * Reminders for an open occurrence, the same ladder and "most urgent stage only" semantics as a
 * procedure's review (`reviewRemindersDue` in reminder-schedule.ts), with an earlier escalation:
 *
 * | stage                   | to                 | due from                                           |
 * | ----------------------- | ------------------ | -------------------------------------------------- |
 * | `occurrence-due-30`     | owner              | 30 days before the date (8–30 days left)           |
 * | `occurrence-due-7`      | owner              | 7 days before (1–7 days left)                      |
 * | `occurrence-due-0`      | owner              | on the date                                        |
 * | `occurrence-overdue`    | owner              | the day after the date, and from then on           |
 * | `occurrence-escalation` | the owner's leader | 7 days after the date, and from then on            |
 *
 * Only the owner's most urgent stage whose day has come is returned (the ledger sends each key
 * once, so a missed sweep never sends the skipped, less urgent notices later); the escalation
 * goes to someone else and comes beside it, not when the leader is the owner or unknown.
 * Ledger key: `occurrence:<id>:<dueOn>:<stage>`; a moved date starts a fresh ladder. A completed
 * occurrence gets nothing.
 */
export const occurrenceReminderStages = [
  'occurrence-due-30',
  'occurrence-due-7',
  'occurrence-due-0',
  'occurrence-overdue',
  'occurrence-escalation',
] as const;
export type OccurrenceReminderStage = (typeof occurrenceReminderStages)[number];

export const occurrenceReminderRules = {
  noticeDays: { 'occurrence-due-30': 30, 'occurrence-due-7': 7, 'occurrence-due-0': 0 },
  escalateAfterDaysOverdue: 7,
} as const;

/** Most urgent first, as `stageUrgency` in reminder-schedule.ts. */
export const occurrenceStageUrgency: Record<OccurrenceReminderStage, number> = {
  'occurrence-escalation': 0,
  'occurrence-overdue': 1,
  'occurrence-due-0': 2,
  'occurrence-due-7': 3,
  'occurrence-due-30': 4,
};

/** The shape of `DueReminder` (reminder-schedule.ts) with the occurrence's own kind and stages. */
export type OccurrenceReminder = {
  /** `occurrence:<id>:<dueOn>:<stage>`. */
  key: string;
  kind: 'occurrence';
  subjectId: string;
  dueOn: LocalDate;
  stage: OccurrenceReminderStage;
  recipientId: string;
};

export function occurrenceReminderKey(occurrenceId: string, dueOn: LocalDate, stage: OccurrenceReminderStage): string {
  return `occurrence:${occurrenceId}:${dueOn}:${stage}`;
}

export function occurrenceRemindersDue(
  occurrence: Pick<YearWheelOccurrence, 'id' | 'dueOn' | 'ownerId' | 'completedOn'>,
  ownerLeaderId: string | null,
  today: LocalDate,
): OccurrenceReminder[] {
  if (occurrence.completedOn !== null) return [];
  const { id, dueOn, ownerId } = occurrence;
  const reminder = (stage: OccurrenceReminderStage, recipientId: string): OccurrenceReminder => ({
    key: occurrenceReminderKey(id, dueOn, stage),
    kind: 'occurrence',
    subjectId: id,
    dueOn,
    stage,
    recipientId,
  });
  const daysLeft = daysBetween(today, dueOn);
  const notices = occurrenceReminderRules.noticeDays;
  if (daysLeft > notices['occurrence-due-30']) return [];
  if (daysLeft >= 0) {
    const stage: OccurrenceReminderStage =
      daysLeft <= notices['occurrence-due-0']
        ? 'occurrence-due-0'
        : daysLeft <= notices['occurrence-due-7']
          ? 'occurrence-due-7'
          : 'occurrence-due-30';
    return [reminder(stage, ownerId)];
  }
  const reminders = [reminder('occurrence-overdue', ownerId)];
  const isEscalated = -daysLeft >= occurrenceReminderRules.escalateAfterDaysOverdue;
  if (isEscalated && ownerLeaderId !== null && ownerLeaderId !== ownerId) {
    reminders.push(reminder('occurrence-escalation', ownerLeaderId));
  }
  return reminders;
}
