import type { LocalDate } from '../core/local-date.js';
import type { ChangeKind } from '../core/types.js';
import type { CompetenceLevel } from '../core/competence-types.js';
import type { OccurrenceKind, OccurrenceOrigin } from '../core/quality-year-types.js';
import type { RegisterKind } from '../core/register-types.js';
import type {
  AccessRequestSubject,
  AcknowledgementSubject,
  ActionSubject,
  ApprovalSubject,
  OccurrenceSubject,
  QualificationSubject,
  RegisterReplySubject,
  RequirementSubject,
  ReviewSubject,
} from '../core/reminder-schedule.js';

/**
 * What the sweep reads: everything that may have a reminder due, with what a card shows about
 * it. A port of its own rather than Store methods, because the sweep wants one set-based read
 * (10,000 procedures in well under a second), not a call per procedure. Both adapters read the
 * one index of deadlines (app/deadline-index.ts) and the directory, and build the candidates
 * with `candidatesFromDeadlines` (deadline-candidates.ts): on SQLite `createSqliteReminderSource`
 * in adapters/sqlite/sqlite-messaging-store.ts, on SharePoint one delta mirror of the deadline
 * list plus the small directory lists (adapters/sharepoint/sharepoint-reminder-source.ts).
 *
 * A candidate is a core subject (what the rules need) plus what its card shows. Only the
 * procedure kinds carry a procedure's code and title; what a reminder is about, in general, is
 * its topic (reminder-topic.ts).
 */

type ProcedureLabel = { procedureId: string; code: string; title: string };

export type ReviewCandidate = ReviewSubject &
  ProcedureLabel & {
    ownerName: string;
    etag: number;
    lastReviewedOn: LocalDate | null;
    reviewIntervalMonths: number;
  };

export type ApprovalCandidate = ApprovalSubject &
  ProcedureLabel & {
    versionId: string;
    changeKind: ChangeKind;
    /** The published version the draft would replace; null for a first version. */
    fromVersionLabel: string | null;
    changeSummary: string;
    requestedBy: string;
    requestedByName: string;
    requestedAt: string;
    approverName: string;
    /** For the card's refresh.userIds: the approver's Teams user id (MRI), null until they talked to the bot. */
    approverUserId: string | null;
  };

export type AcknowledgementCandidate = AcknowledgementSubject &
  ProcedureLabel & {
    versionLabel: string | null;
    changeSummary: string | null;
    publishedAt: string;
    requestedAt: string;
  };

export type QualificationCandidate = QualificationSubject & {
  personName: string;
  competenceName: string;
  level: CompetenceLevel;
};

export type RequirementCandidate = RequirementSubject & {
  competenceName: string;
  /** Where the requirement applies, as people read it: a unit's name, "K-16 Title" or an area. */
  scopeLabel: string;
  /** The same, short, for one-line summaries: the unit's name, the procedure's code or the area. */
  scopeShortLabel: string;
  /** The unit whose leader is told (see core/unit-leaders.ts `requirementUnit`). */
  unitId: string;
  minPeople: number;
  minLevel: CompetenceLevel;
  qualifiedCount: number;
  shortBy: number;
};

/** An open occurrence of the årshjul (core/year-wheel.ts) due within 30 days or overdue. */
export type OccurrenceCandidate = OccurrenceSubject & {
  occurrenceKind: OccurrenceKind;
  title: string;
  origin: OccurrenceOrigin;
  ownerName: string;
  /** The certificate's body for the certifier's audits ("DS Certificering"); null otherwise. */
  certificationBody: string | null;
};

/** An open or planned corrective action with an owner and a due date (core/corrective-action.ts). */
export type ActionCandidate = ActionSubject & {
  title: string;
  ownerName: string;
};

/** An open aktindsigt / innsyn request (core/access-request.ts), for its coordinators. */
export type AccessRequestCandidate = AccessRequestSubject & {
  requesterName: string;
  subject: string;
  receivedOn: LocalDate;
};

/** An unanswered register item with a reply deadline (core/register-types.ts), for its handler. */
export type RegisterReplyCandidate = RegisterReplySubject & {
  receiptNumber: string;
  title: string;
  registerKind: RegisterKind;
  /** The handler, named on the leader's escalation; null when the coordinators handle it. */
  handlerName: string | null;
};

export type ReminderCandidate =
  | RegisterReplyCandidate
  | AccessRequestCandidate
  | ActionCandidate
  | ReviewCandidate
  | ApprovalCandidate
  | AcknowledgementCandidate
  | QualificationCandidate
  | RequirementCandidate
  | OccurrenceCandidate;

export type ReminderSource = {
  /**
   * A superset of what is due on `today`, narrowed by `reminderStagesDue`: published procedures
   * whose review date is at most 30 days away, open approvals of pending drafts, and
   * acknowledgement requests of current versions that have not been acknowledged, qualifications
   * whose `validUntil` lies within 90 days either side of today, and requirements that are unmet
   * with a leader to tell, open årshjul occurrences due within 30 days or overdue, and open or
   * planned corrective actions with an owner, due within 7 days or overdue, open aktindsigt /
   * innsyn requests with the coordinators to tell, and unanswered register items.
   */
  listReminderCandidates(today: LocalDate): Promise<ReminderCandidate[]>;
};
