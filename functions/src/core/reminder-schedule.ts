import type { CoverageState } from './competence-gaps.js';
import type { ActionStatus } from './quality-year-types.js';
import { addDays, asLocalDate, daysBetween, type LocalDate } from './local-date.js';
import { addWorkingDays, workingDaysBetween } from './working-days.js';
import type { AccessLaw } from './access-request.js';
import { businessDaysBetween } from './public-holidays.js';
import { occurrenceReminderStages, occurrenceRemindersDue } from './year-wheel.js';

/**
 * The reminder schedule: which reminders are due for a subject on a given day, and when the
 * daily sweep runs. Pure: the sweep (jobs/run-sweep.ts) supplies today's date and the subjects,
 * and the ledger decides what has already been sent.
 *
 * The rules for procedures, in the order a procedure meets them:
 *
 * | stage                         | to                  | due from (the stage's day)                        |
 * | ----------------------------- | ------------------- | ------------------------------------------------- |
 * | `review-due-30`               | owner               | 30 days before the review date (8–30 days left)   |
 * | `review-due-7`                | owner               | 7 days before (1–7 days left)                     |
 * | `review-due-0`                | owner               | on the review date                                |
 * | `review-overdue`              | owner               | the day after the review date, and from then on   |
 * | `review-escalation`           | the owner's leader  | 14 days after the review date, and from then on   |
 * | `approval-waiting`            | approver            | once more than 5 working days have passed         |
 * | `acknowledgement-requested`   | each person asked   | at publication (the request itself, days 0–6)     |
 * | `acknowledgement-outstanding` | each person asked   | 7 days after the request                          |
 *
 * and for competences (ISO 9001 7.2), a qualification being a person's record with a `validUntil`:
 *
 * | stage                               | to                      | due from                                    |
 * | ----------------------------------- | ----------------------- | ------------------------------------------- |
 * | `qualification-expiring-90`         | the holder              | 90 days before `validUntil` (31–90 left)    |
 * | `qualification-expiring-30`         | the holder              | 30 days before (0–30 days left)             |
 * | `qualification-expired`             | the holder              | the day after `validUntil`, for 90 days     |
 * | `qualification-expiring-90-leader`  | the holder's leader     | as `qualification-expiring-90`              |
 * | `qualification-expiring-30-leader`  | the holder's leader     | as `qualification-expiring-30`              |
 * | `qualification-expired-leader`      | the holder's leader     | as `qualification-expired`                  |
 * | `requirement-unmet`                 | the requirement's unit's leader | once a calendar month while unmet   |
 *
 * and for the årshjul's occurrences (internal audits, the certifier's audits, the management
 * evaluation and the other recurring activities), the rule `occurrenceRemindersDue` in
 * year-wheel.ts: `occurrence-due-30`, `-due-7`, `-due-0` and `occurrence-overdue` to the
 * occurrence's owner, `occurrence-escalation` to the owner's leader from 7 days after the date.
 * A completed occurrence gets nothing; a moved date starts a fresh ladder.
 *
 * and for corrective actions (ISO 9001 10.2), while the plan is not carried out yet (status
 * `open` or `planned`, with an owner and a due date):
 *
 * | stage               | to                 | due from                                          |
 * | ------------------- | ------------------ | ------------------------------------------------- |
 * | `action-due-7`      | owner              | 7 days before the due date (1–7 days left)        |
 * | `action-due-0`      | owner              | on the due date                                   |
 * | `action-overdue`    | owner              | the day after the due date, and from then on      |
 * | `action-escalation` | the owner's leader | 14 days after the due date, as for reviews        |
 *
 * An action marked implemented (or closed) gets nothing; a new due date or a new owner (replan)
 * starts a fresh ladder for the new date.
 *
 * and for aktindsigt / innsyn requests (core/access-request.ts: Denmark 7 working days,
 * offentlighedsloven § 36; Norway 5, offentleglova § 32), while the request is open:
 *
 * | stage              | to                  | due from                                                      |
 * | ------------------ | ------------------- | ------------------------------------------------------------- |
 * | `access-due-2`     | each coordinator    | 2 working days before the deadline (0–2 working days left)    |
 * | `access-overdue`   | each coordinator    | the day after the deadline, and from then on                  |
 *
 * Working days count in the request's law's calendar (weekends and public holidays out). An
 * answered request gets nothing (its index entry is removed by the answer). Each coordinator has
 * a ledger key of their own (subject `requestId/personId`), so one coordinator's reminder does
 * not use up another's; with no coordinator, the admins are told instead.
 *
 * and for the register's items (core/register-rules.ts, issue 15), while the sender waits for an
 * answer (a reply deadline, no answer yet, not closed):
 *
 * | stage                 | to                                  | due from                                            |
 * | --------------------- | ----------------------------------- | --------------------------------------------------- |
 * | `register-due-soon`   | the handler (none: the coordinators) | `remindOn`: `remindDaysBefore` working days before the deadline |
 * | `register-overdue`    | the handler (none: the coordinators) | the day after the deadline, and from then on        |
 * | `register-escalation` | the handler unit's leader           | `escalateOn`: `escalateDaysAfter` working days after it |
 *
 * The days are counted in the register's holiday calendar when the item is written (the index
 * entry carries them). Each recipient has a ledger key of their own (subject `itemId/personId`),
 * so a reassigned item reminds its new handler too; an interim reply moves the deadline and so
 * starts a fresh ladder. The leader is the first leader from the handler's unit upwards who is
 * not the handler; nobody leads them: no escalation.
 *
 * The holder's leader is the leader of their unit, or of the nearest unit above when the unit
 * has none or the holder leads it (core/unit-leaders.ts); nobody gets the leader's copy of their
 * own qualification. A qualification expired more than 90 days ago sends nothing any more: it
 * is the gap report's business by then, and a first sweep does not bring up years-old expiries.
 * A requirement is told when its coverage is `unmet` (short of people and not covered by an
 * external decision in force), and only when its scope resolves to one answerable unit (see
 * `requirementUnit`); its due date is the first day of the month, so it comes back each month
 * while it stays unmet and stops as soon as it is met or covered.
 *
 * A stage is due on the first sweep on or after its day, and for the owner only the most
 * urgent stage whose day has come is returned: a sweep that missed a few days (or a procedure
 * that turns up already overdue) sends one `review-overdue`, not the three earlier notices as
 * well. Stages that were skipped that way are never sent later, because a less urgent notice
 * after a more urgent one would only confuse. The escalation goes to a different person, so it
 * is returned beside the owner's stage rather than instead of it.
 *
 * `acknowledgement-requested` is the request itself: it goes out at the publication
 * (jobs/send-acknowledgement-requests.ts claims this same key in the ledger and sends it at
 * once), so the sweep only sends it when that did not happen (the notification failed before
 * claiming, or the version was published before this stage existed). A week later,
 * `acknowledgement-outstanding` reminds whoever still has not acknowledged; once that is due,
 * the request is not sent any more.
 *
 * Each reminder is sent once: its ledger key is (kind, subject, due date, stage), and the due
 * date is the review date, or the day the approval or acknowledgement became overdue, the
 * qualification's `validUntil`, or the first day of the month for an unmet requirement. A new
 * review date (after a review or a new version) starts a fresh ladder; a new version asks for
 * new acknowledgements; a renewed qualification (a new `validUntil`) starts a fresh ladder too.
 *
 * While a revision is open (a draft or a draft awaiting approval), the owner is already
 * working on the procedure: the notices before the review date are held back. Once the date
 * has passed the procedure is overdue whatever is in progress, so `review-overdue` and the
 * escalation still go out.
 *
 * Adding a kind of reminder (as the corrective actions were: notices 7 and 0 days before the
 * due date, overdue, and an escalation to the owner's leader):
 *
 * 1. here: its stages in `reminderStages` and `stageUrgency`, its rule numbers in
 *    `reminderRules`, a `XSubject` type in `ReminderSubject`, and a case in `reminderStagesDue`
 *    (with a table test, e.g. reminder-schedule-action.test.ts). The ledger and the SharePoint
 *    ledger column take their stage names from `reminderStages`.
 * 2. app/deadline-index.ts: if its record is new to the index, a kind in `deadlineKinds` and the
 *    entry its record writes (`deadlineWritesFor` / `qualityDeadlineWritesFor`, pure, with a
 *    test), and the same entry in the SQLite backfill (adapters/sqlite/deadline-backfill.ts,
 *    in a new migration step). Both stores then write it in the record's own commit.
 * 3. jobs/reminder-source.ts: its candidate (the subject plus what a card shows), made from its
 *    index entry and the directory in jobs/deadline-candidates.ts (which both sources share).
 * 4. jobs/reminder-topic.ts: what the reminder is about in one line (label, title) and where its
 *    link goes; jobs/reminder-text.ts: the stage's words for summaries (da, nb, en).
 * 5. bot/cards: a card per stage family (one file, texts da/nb/en, `expectValidCard` tests) and
 *    a digest kind; jobs/reminder-cards.ts maps to them.
 *
 * The compiler walks you through 3–5: every switch over the kinds is exhaustive.
 */
export const reminderStages = [
  'review-due-30',
  'review-due-7',
  'review-due-0',
  'review-overdue',
  'review-escalation',
  'approval-waiting',
  'acknowledgement-requested',
  'acknowledgement-outstanding',
  'qualification-expiring-90',
  'qualification-expiring-30',
  'qualification-expired',
  'qualification-expiring-90-leader',
  'qualification-expiring-30-leader',
  'qualification-expired-leader',
  'requirement-unmet',
  ...occurrenceReminderStages,
  'action-due-7',
  'action-due-0',
  'action-overdue',
  'action-escalation',
  'access-due-2',
  'access-overdue',
  'register-due-soon',
  'register-overdue',
  'register-escalation',
] as const;
export type ReminderStage = (typeof reminderStages)[number];

export const reminderRules = {
  /** Days before the review date at which the owner's notices start, most urgent last. */
  reviewNoticeDays: { 'review-due-30': 30, 'review-due-7': 7, 'review-due-0': 0 },
  escalateAfterDaysOverdue: 14,
  approvalWaitingWorkingDays: 5,
  acknowledgementAfterDays: 7,
  /** Days before `validUntil` at which the qualification notices start, most urgent last. */
  qualificationNoticeDays: { 'qualification-expiring-90': 90, 'qualification-expiring-30': 30 },
  /** How long after expiry the `qualification-expired` notice may still go out. */
  qualificationExpiredForDays: 90,
  /** Days before a corrective action's due date at which the owner's notices start, most urgent last. */
  actionNoticeDays: { 'action-due-7': 7, 'action-due-0': 0 },
  actionEscalateAfterDaysOverdue: 14,
  /** Working days before an aktindsigt / innsyn deadline at which the coordinators are told. */
  accessNoticeWorkingDays: 2,
} as const;

export type ReviewSubject = {
  kind: 'review';
  procedureId: string;
  ownerId: string;
  ownerLeaderId: string | null;
  /** Null when the procedure has never been published: there is nothing to review. */
  nextReviewOn: LocalDate | null;
  hasOpenRevision: boolean;
};

export type ApprovalSubject = {
  kind: 'approval';
  approvalId: string;
  approverId: string;
  /** The calendar date (municipality's time zone) the draft was submitted. */
  requestedOn: LocalDate;
};

export type AcknowledgementSubject = {
  kind: 'acknowledgement';
  versionId: string;
  personId: string;
  requestedOn: LocalDate;
};

export type QualificationSubject = {
  kind: 'qualification';
  personId: string;
  competenceId: string;
  /** Last valid day of the person's record (inclusive). */
  validUntil: LocalDate;
  /** Who gets the leader's copy; null when nobody leads the holder (see core/unit-leaders.ts). */
  leaderId: string | null;
};

export type RequirementSubject = {
  kind: 'requirement';
  requirementId: string;
  coverage: CoverageState;
  /** Leader of the unit answerable for the requirement; null when its scope does not resolve. */
  leaderId: string | null;
};

/** An open or completed occurrence of the årshjul (core/year-wheel.ts). */
export type OccurrenceSubject = {
  kind: 'occurrence';
  occurrenceId: string;
  ownerId: string;
  /** The owner's leader (core/unit-leaders.ts `leaderOfPerson`); null when nobody leads the owner. */
  ownerLeaderId: string | null;
  dueOn: LocalDate;
  completedOn: LocalDate | null;
};

/** A corrective action (core/corrective-action.ts); only `open` and `planned` ones are reminded of. */
export type ActionSubject = {
  kind: 'action';
  actionId: string;
  /** Null until the plan names an owner: nobody to remind. */
  ownerId: string | null;
  /** The owner's leader (core/unit-leaders.ts `leaderOfPerson`); null when nobody leads the owner. */
  ownerLeaderId: string | null;
  dueOn: LocalDate | null;
  status: ActionStatus;
};

/** An aktindsigt / innsyn request (core/access-request.ts); only open ones are reminded of. */
export type AccessRequestSubject = {
  kind: 'access-request';
  requestId: string;
  law: AccessLaw;
  /** The last working day to answer (stored on the request). */
  deadlineOn: LocalDate;
  answered: boolean;
  /** Who is told: the coordinators (or, with none, the admins). */
  recipientIds: readonly string[];
};

/** An unanswered register item (core/register-types.ts) with a reply deadline. */
export type RegisterReplySubject = {
  kind: 'register-reply';
  itemId: string;
  /** The reply deadline in force. */
  dueOn: LocalDate;
  /** The first day of the handler's notice. */
  remindOn: LocalDate;
  /** The first day of the escalation; null: no escalation. */
  escalateOn: LocalDate | null;
  /** Who is reminded: the handler, or with none the coordinators (or the admins). */
  recipientIds: readonly string[];
  /** The handler unit's leader (never the handler); null: nobody to escalate to. */
  leaderId: string | null;
};

export type ReminderSubject =
  | RegisterReplySubject
  | AccessRequestSubject
  | ActionSubject
  | ReviewSubject
  | ApprovalSubject
  | AcknowledgementSubject
  | QualificationSubject
  | RequirementSubject
  | OccurrenceSubject;

export type DueReminder = {
  /** `${kind}:${subjectId}:${dueOn}:${stage}`: the ledger key that makes a reminder go out once. */
  key: string;
  kind: ReminderSubject['kind'];
  subjectId: string;
  dueOn: LocalDate;
  stage: ReminderStage;
  recipientId: string;
};

export function reminderKey(reminder: Pick<DueReminder, 'kind' | 'subjectId' | 'dueOn' | 'stage'>): string {
  return `${reminder.kind}:${reminder.subjectId}:${reminder.dueOn}:${reminder.stage}`;
}

function due(
  kind: ReminderSubject['kind'],
  subjectId: string,
  dueOn: LocalDate,
  stage: ReminderStage,
  recipientId: string,
): DueReminder {
  return { key: reminderKey({ kind, subjectId, dueOn, stage }), kind, subjectId, dueOn, stage, recipientId };
}

/**
 * The reminders due for `subject` on `today` (see the table above). Empty when nothing is due;
 * at most two for a review (the owner's most urgent stage and the leader's escalation), at most
 * one otherwise. Whether a reminder was already sent is the ledger's business, not this one's.
 */
export function reminderStagesDue(subject: ReminderSubject, today: LocalDate): DueReminder[] {
  switch (subject.kind) {
    case 'review':
      return reviewRemindersDue(subject, today);
    case 'approval': {
      const waited = workingDaysBetween(subject.requestedOn, today);
      if (waited <= reminderRules.approvalWaitingWorkingDays) return [];
      const dueOn = addWorkingDays(subject.requestedOn, reminderRules.approvalWaitingWorkingDays + 1);
      return [due('approval', subject.approvalId, dueOn, 'approval-waiting', subject.approverId)];
    }
    case 'acknowledgement': {
      const subjectId = `${subject.versionId}/${subject.personId}`;
      if (today < subject.requestedOn) return [];
      const reminderOn = addDays(subject.requestedOn, reminderRules.acknowledgementAfterDays);
      if (today < reminderOn) {
        return [due('acknowledgement', subjectId, subject.requestedOn, 'acknowledgement-requested', subject.personId)];
      }
      return [due('acknowledgement', subjectId, reminderOn, 'acknowledgement-outstanding', subject.personId)];
    }
    case 'qualification':
      return qualificationRemindersDue(subject, today);
    case 'requirement': {
      if (subject.coverage !== 'unmet' || subject.leaderId === null) return [];
      return [due('requirement', subject.requirementId, firstOfMonth(today), 'requirement-unmet', subject.leaderId)];
    }
    case 'occurrence': {
      const occurrence = {
        id: subject.occurrenceId,
        dueOn: subject.dueOn,
        ownerId: subject.ownerId,
        completedOn: subject.completedOn,
      };
      return occurrenceRemindersDue(occurrence, subject.ownerLeaderId, today);
    }
    case 'action':
      return actionRemindersDue(subject, today);
    case 'access-request':
      return accessRequestRemindersDue(subject, today);
    case 'register-reply':
      return registerReplyRemindersDue(subject, today);
  }
}

function registerReplyRemindersDue(subject: RegisterReplySubject, today: LocalDate): DueReminder[] {
  const { itemId, dueOn, remindOn, escalateOn, recipientIds, leaderId } = subject;
  if (today < remindOn && today <= dueOn) return [];
  const stage: ReminderStage = today > dueOn ? 'register-overdue' : 'register-due-soon';
  const reminders = [...new Set(recipientIds)].map((personId) =>
    due('register-reply', `${itemId}/${personId}`, dueOn, stage, personId),
  );
  if (escalateOn !== null && today >= escalateOn && today > dueOn && leaderId !== null) {
    if (!recipientIds.includes(leaderId)) {
      reminders.push(due('register-reply', `${itemId}/${leaderId}`, dueOn, 'register-escalation', leaderId));
    }
  }
  return reminders;
}

function accessRequestRemindersDue(subject: AccessRequestSubject, today: LocalDate): DueReminder[] {
  const { requestId, law, deadlineOn, answered, recipientIds } = subject;
  if (answered) return [];
  let stage: ReminderStage;
  if (today > deadlineOn) stage = 'access-overdue';
  else if (businessDaysBetween(today, deadlineOn, law) <= reminderRules.accessNoticeWorkingDays) stage = 'access-due-2';
  else return [];
  return [...new Set(recipientIds)].map((personId) =>
    due('access-request', `${requestId}/${personId}`, deadlineOn, stage, personId),
  );
}

function actionRemindersDue(subject: ActionSubject, today: LocalDate): DueReminder[] {
  const { actionId, ownerId, ownerLeaderId, dueOn, status } = subject;
  if ((status !== 'open' && status !== 'planned') || ownerId === null || dueOn === null) return [];
  const daysLeft = daysBetween(today, dueOn);
  const notices = reminderRules.actionNoticeDays;
  if (daysLeft > notices['action-due-7']) return [];
  if (daysLeft >= 0) {
    const stage: ReminderStage = daysLeft <= notices['action-due-0'] ? 'action-due-0' : 'action-due-7';
    return [due('action', actionId, dueOn, stage, ownerId)];
  }
  const reminders = [due('action', actionId, dueOn, 'action-overdue', ownerId)];
  const isEscalated = -daysLeft >= reminderRules.actionEscalateAfterDaysOverdue;
  if (isEscalated && ownerLeaderId !== null && ownerLeaderId !== ownerId) {
    reminders.push(due('action', actionId, dueOn, 'action-escalation', ownerLeaderId));
  }
  return reminders;
}

/** "2026-11-23" → "2026-11-01". */
export function firstOfMonth(date: LocalDate): LocalDate {
  return asLocalDate(`${date.slice(0, 7)}-01`);
}

const leaderStageOf = {
  'qualification-expiring-90': 'qualification-expiring-90-leader',
  'qualification-expiring-30': 'qualification-expiring-30-leader',
  'qualification-expired': 'qualification-expired-leader',
} as const satisfies Record<string, ReminderStage>;

function qualificationRemindersDue(subject: QualificationSubject, today: LocalDate): DueReminder[] {
  const { personId, competenceId, validUntil, leaderId } = subject;
  const daysLeft = daysBetween(today, validUntil);
  const notices = reminderRules.qualificationNoticeDays;
  if (daysLeft > notices['qualification-expiring-90']) return [];
  if (-daysLeft > reminderRules.qualificationExpiredForDays) return [];
  const stage =
    daysLeft < 0
      ? 'qualification-expired'
      : daysLeft <= notices['qualification-expiring-30']
        ? 'qualification-expiring-30'
        : 'qualification-expiring-90';
  const subjectId = `${personId}/${competenceId}`;
  const reminders = [due('qualification', subjectId, validUntil, stage, personId)];
  if (leaderId !== null && leaderId !== personId) {
    reminders.push(due('qualification', subjectId, validUntil, leaderStageOf[stage], leaderId));
  }
  return reminders;
}

function reviewRemindersDue(subject: ReviewSubject, today: LocalDate): DueReminder[] {
  const { nextReviewOn, procedureId, ownerId, ownerLeaderId } = subject;
  if (nextReviewOn === null) return [];
  const daysLeft = daysBetween(today, nextReviewOn);
  const notices = reminderRules.reviewNoticeDays;
  if (daysLeft > notices['review-due-30']) return [];
  if (daysLeft >= 0) {
    if (subject.hasOpenRevision) return [];
    const stage: ReminderStage =
      daysLeft <= notices['review-due-0']
        ? 'review-due-0'
        : daysLeft <= notices['review-due-7']
          ? 'review-due-7'
          : 'review-due-30';
    return [due('review', procedureId, nextReviewOn, stage, ownerId)];
  }
  const reminders = [due('review', procedureId, nextReviewOn, 'review-overdue', ownerId)];
  const isEscalated = -daysLeft >= reminderRules.escalateAfterDaysOverdue;
  if (isEscalated && ownerLeaderId !== null && ownerLeaderId !== ownerId) {
    reminders.push(due('review', procedureId, nextReviewOn, 'review-escalation', ownerLeaderId));
  }
  return reminders;
}

/** Most urgent first: the order items are listed in a digest. */
export const stageUrgency: Record<ReminderStage, number> = {
  'review-escalation': 0,
  'review-overdue': 1,
  'qualification-expired': 1.5,
  'qualification-expired-leader': 1.6,
  'approval-waiting': 2,
  'review-due-0': 3,
  'review-due-7': 4,
  'qualification-expiring-30': 4.5,
  'qualification-expiring-30-leader': 4.6,
  'requirement-unmet': 4.7,
  'review-due-30': 5,
  'acknowledgement-outstanding': 6,
  'acknowledgement-requested': 6.5,
  'qualification-expiring-90': 7,
  'qualification-expiring-90-leader': 7.1,
  // The årshjul's stages beside the review's of the same urgency.
  'occurrence-escalation': 0.5,
  'occurrence-overdue': 1.4,
  'occurrence-due-0': 3.5,
  'occurrence-due-7': 4.4,
  'occurrence-due-30': 5.5,
  // Corrective actions beside the årshjul's stages of the same urgency.
  'action-escalation': 0.6,
  'action-overdue': 1.45,
  'action-due-0': 3.6,
  'action-due-7': 4.45,
  // Aktindsigt / innsyn: a legal deadline, beside the most urgent of the same kind.
  'access-overdue': 1.3,
  'access-due-2': 3.4,
  // The register: a promise to a citizen, beside the aktindsigt deadlines.
  'register-escalation': 0.55,
  'register-overdue': 1.35,
  'register-due-soon': 3.45,
};

// ---------------------------------------------------------------------------------------------
// Time of day in the municipality's time zone

export const defaultSweepHour = 6;

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClockOf(instantMs: number, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values['year'] as number,
    month: values['month'] as number,
    day: values['day'] as number,
    hour: values['hour'] as number,
    minute: values['minute'] as number,
    second: values['second'] as number,
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const wall = wallClockOf(instantMs, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a local wall-clock time happens in `timeZone`. The offset is looked up twice, so
 * a date on which the clocks change gets that day's own offset. (A time inside a spring-forward
 * gap, which 06:00 never is in Denmark, comes out shifted by the gap.)
 */
export function zonedTime(date: LocalDate, hour: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour);
  const firstGuess = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
  return new Date(wallAsUtc - zoneOffsetMs(firstGuess, timeZone));
}

/** A fast `localDateOf` for many instants: one formatter per time zone, reused. */
export function localDateReader(timeZone: string): (instant: Date) => LocalDate {
  const formatter = wallClockFormatter(timeZone);
  return (instant) => {
    let year = '';
    let month = '';
    let day = '';
    for (const part of formatter.formatToParts(instant)) {
      if (part.type === 'year') year = part.value;
      else if (part.type === 'month') month = part.value;
      else if (part.type === 'day') day = part.value;
    }
    return asLocalDate(`${year.padStart(4, '0')}-${month}-${day}`);
  };
}

/**
 * When the daily sweep next runs: the first `hour`:00 (06:00 by default) in `timeZone` strictly
 * after `now`, as an instant. In Denmark that is 05:00 UTC in winter and 04:00 UTC in summer;
 * across a clock change the gap between two sweeps is 23 or 25 hours.
 */
export function nextSweepAt(now: Date, timeZone: string, hour: number = defaultSweepHour): Date {
  const today = localDateReader(timeZone)(now);
  const todays = zonedTime(today, hour, timeZone);
  if (todays.getTime() > now.getTime()) return todays;
  return zonedTime(addDays(today, 1), hour, timeZone);
}
