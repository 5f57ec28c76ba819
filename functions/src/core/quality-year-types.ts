import type { LocalDate } from './local-date.js';

/**
 * The quality coordinator's year (ISO 9001 9.2, 9.3, 10.2 and the certificate): the audit
 * programme and its audits, the certificate and the certifier's audits, findings, corrective
 * actions, the management evaluation and the årshjul. Records only; the rules are in
 * certification-cycle.ts, audit-programme.ts, corrective-action.ts and year-wheel.ts.
 *
 * Every record carries `etag`, an optimistic-concurrency counter: a use case that changes a
 * record writes it with `etag + 1` and asks the store (ChangeSet.expectRecords) to refuse the
 * write with CONFLICT unless the stored record still has the etag it read. New records start at 1.
 */

type Versioned = {
  etag: number;
  createdAt: string;
  updatedAt: string;
  /** Person id of whoever wrote the record last. */
  updatedBy: string;
};

/**
 * A clause citation: an ISO 9001 clause number as the standard prints it ("7.5.3", "9.2"), or a
 * clause of another standard the municipality works by, prefixed with its number ("14001:6.1.2",
 * "45001:8.2"; core/standards.ts reads both). Citations stored before several standards stay bare
 * and keep meaning ISO 9001.
 */
export type Clause = string;

/** The shape of a clause citation: the API's check, shared with the tab's forms. */
export const clausePattern = /^(?:(?:9001|14001|45001):)?\d{1,2}(\.\d{1,2}){0,3}$/;

// ---------------------------------------------------------------------------------------------
// Certification

export const certificationBodies = ['DS Certificering', 'FORCE Certification', 'DNV', 'Bureau Veritas'] as const;

export type Certificate = Versioned & {
  id: string;
  /** The certification body; one of `certificationBodies` or another accredited body's name. */
  body: string;
  /** e.g. "ISO 9001:2015". */
  standard: string;
  /** The certified scope as the certificate words it. */
  scope: string;
  certificateNumber: string;
  issuedOn: LocalDate;
  expiresOn: LocalDate;
  /** Years between recertifications: 3 (ISO/IEC 17021-1) or 4 where the scheme allows it. */
  cycleYears: 3 | 4;
  /** false once superseded by a recertification's new certificate or withdrawn. */
  isActive: boolean;
};

// ---------------------------------------------------------------------------------------------
// Audit programme and audits

/** What an internal audit can look at: a process of the handbook, a unit, or a clause of the standard. */
export type AuditSubject =
  { kind: 'process'; area: string } | { kind: 'unit'; unitId: string } | { kind: 'clause'; clause: Clause };

/** Importance of an auditable subject for the programme's weighting (ISO 9001 9.2.2 a). */
export const importanceLevels = [1, 2, 3] as const;
export type Importance = (typeof importanceLevels)[number];

/** One line of the audit programme: a subject, how important it is, and the clauses it covers. */
export type ProgrammeItem = Versioned & {
  id: string;
  subject: AuditSubject;
  title: string;
  importance: Importance;
  clauses: Clause[];
  /** The unit an audit of this subject looks at (for the auditors' independence check). null: cross-cutting. */
  unitId: string | null;
  /**
   * When the coordinator noted a change affecting the subject (a reorganisation, a new law, a new
   * case system; ISO 9001 9.2.2 a). Until the subject has been audited after that year, the
   * programme audits it yearly. null: no change noted.
   */
  changedOn: LocalDate | null;
};

export const auditKinds = ['internal', 'surveillance', 'recertification', 'certification'] as const;
/** `internal`: our own (9.2). The others are the certification body's audits of the certificate's cycle. */
export type AuditKind = (typeof auditKinds)[number];

export const auditStatuses = ['planned', 'in-progress', 'reported', 'cancelled'] as const;
export type AuditStatus = (typeof auditStatuses)[number];

export const checklistResults = [
  'not-checked',
  'conform',
  'strong-point',
  'improvement',
  'observation',
  'minor',
  'major',
] as const;
export type ChecklistResult = (typeof checklistResults)[number];

export type ChecklistLine = {
  id: string;
  /** The clause the question checks, or null when it checks a procedure only. */
  clause: Clause | null;
  procedureId: string | null;
  question: string;
  result: ChecklistResult;
  /** What the auditor saw: evidence, samples, interviews. */
  note: string;
};

export type AuditReport = {
  summary: string;
  conclusion: string;
  reportedOn: LocalDate;
  reportedBy: string;
};

export type Audit = Versioned & {
  id: string;
  kind: AuditKind;
  /** The programme year the audit belongs to. */
  year: number;
  title: string;
  /** The programme line it was planned from; null for audits added by hand and certifier audits. */
  programmeItemId: string | null;
  /** The certificate a certifier audit belongs to; null for internal audits. */
  certificateId: string | null;
  unitId: string | null;
  clauses: Clause[];
  procedureIds: string[];
  scope: string;
  /** Audit criteria (9.2.2 b): the standard's clauses, the handbook, the law. */
  criteria: string;
  /** Person ids; for certifier audits the lead auditor's name goes in `externalAuditors`. */
  auditorIds: string[];
  externalAuditors: string[];
  plannedOn: LocalDate;
  status: AuditStatus;
  checklist: ChecklistLine[];
  report: AuditReport | null;
};

// ---------------------------------------------------------------------------------------------
// Findings

/** The certifier's scale, most serious first. */
export const findingGrades = ['major', 'minor', 'observation', 'improvement', 'strong-point'] as const;
export type FindingGrade = (typeof findingGrades)[number];

export type Finding = Versioned & {
  id: string;
  auditId: string;
  grade: FindingGrade;
  clause: Clause | null;
  procedureId: string | null;
  unitId: string | null;
  description: string;
  foundOn: LocalDate;
  /** Who recorded the finding (person id); null for findings recorded before it was kept. */
  foundBy: string | null;
  /** A major or minor nonconformity needs a corrective action; its id once created. */
  correctiveActionId: string | null;
  /** The checklist line the finding was recorded from (one finding per line); null: recorded on its own. */
  checklistLineId: string | null;
  /** Set when a correction of the audit's report withdrew it: kept and shown, never counted. */
  withdrawal: FindingWithdrawal | null;
};

/**
 * A finding withdrawn by a correction of its reported audit's report (app/correct-audit-report.ts):
 * findings are never deleted; a withdrawn one stays with its reason and leaves every count.
 */
export type FindingWithdrawal = {
  withdrawnOn: LocalDate;
  withdrawnBy: string;
  reason: string;
  /** The report revision (its frozen record's id) that withdrew it. */
  revisionId: string;
};

// ---------------------------------------------------------------------------------------------
// Corrective actions (10.2)

export const actionStatuses = ['open', 'planned', 'implemented', 'closed'] as const;
/**
 * `open`: registered, the immediate correction may be recorded. `planned`: root cause analysed,
 * plan with owner and due date. `implemented`: the owner says the plan is carried out.
 * `closed`: an effectiveness check found it effective. An ineffective check sends it back to
 * `planned` with the check kept in the history.
 */
export type ActionStatus = (typeof actionStatuses)[number];

export type ActionSource =
  | { kind: 'finding'; findingId: string }
  | { kind: 'management-decision'; evaluationId: string; decisionId: string }
  | { kind: 'feedback'; feedbackId: string }
  | { kind: 'other' };

export type EffectivenessCheck = {
  checkedOn: LocalDate;
  checkedBy: string;
  isEffective: boolean;
  note: string;
  /**
   * Why the check was made before the waiting period after the implementation had passed
   * (core/corrective-action.ts `effectivenessCheckDueOn`); absent for a check made on time and
   * for checks recorded before the waiting period existed.
   */
  earlyReason?: string;
};

export type CorrectiveAction = Versioned & {
  id: string;
  title: string;
  source: ActionSource;
  unitId: string | null;
  /** The immediate correction (10.2.1 a): what was done about the nonconformity itself. */
  correction: string | null;
  /** The root-cause analysis (10.2.1 b), kept apart from the correction. */
  rootCause: string | null;
  plan: string | null;
  ownerId: string | null;
  dueOn: LocalDate | null;
  status: ActionStatus;
  implementedOn: LocalDate | null;
  /** Person id of whoever marked the plan carried out; cleared with implementedOn by an ineffective check. */
  implementedBy: string | null;
  /** What was done, as told by whoever marked it implemented; cleared with implementedOn. */
  implementationNote: string | null;
  /** Optional evidence of the implementation: a text (where it can be seen) and/or a link. */
  evidenceText: string | null;
  evidenceUrl: string | null;
  /**
   * Everyone who has ever owned the action or marked it implemented, in the order they first did.
   * None of them may check its effectiveness (10.2, segregation of duties), even after handing
   * the action on.
   */
  involvedIds: string[];
  /** Every check made, oldest first; the last one decides. */
  effectivenessChecks: EffectivenessCheck[];
  closedOn: LocalDate | null;
};

// ---------------------------------------------------------------------------------------------
// Management evaluation (9.3)

export type EvaluationDecision = {
  id: string;
  text: string;
  ownerId: string | null;
  dueOn: LocalDate | null;
  /** The corrective action the decision became; null until created. */
  actionId: string | null;
};

export const evaluationStatuses = ['planned', 'held', 'published'] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];

export type ManagementEvaluation = Versioned & {
  id: string;
  year: number;
  plannedOn: LocalDate;
  heldOn: LocalDate | null;
  status: EvaluationStatus;
  /** Person ids of those present, plus free-text names of guests. */
  participantIds: string[];
  guests: string[];
  conclusions: string;
  decisions: EvaluationDecision[];
  /** The political treatment, e.g. "Teknik- og Miljøudvalget", and its meeting date. */
  committee: string | null;
  committeeOn: LocalDate | null;
  publishedOn: LocalDate | null;
};

// ---------------------------------------------------------------------------------------------
// Årshjul

export const occurrenceKinds = [
  'internal-audit',
  'surveillance-audit',
  'recertification-audit',
  'management-evaluation',
  'goal-revision',
  'satisfaction-survey',
  'yearly-publication',
  'other',
] as const;
export type OccurrenceKind = (typeof occurrenceKinds)[number];

/** Where a generated occurrence came from; regenerating updates it instead of adding a second one. */
export type OccurrenceOrigin =
  | { kind: 'audit'; auditId: string }
  | { kind: 'certificate'; certificateId: string; cycleIndex: number }
  | { kind: 'evaluation'; evaluationId: string }
  | { kind: 'recurring'; key: string }
  | { kind: 'manual' };

export type YearWheelOccurrence = Versioned & {
  id: string;
  kind: OccurrenceKind;
  title: string;
  dueOn: LocalDate;
  ownerId: string;
  origin: OccurrenceOrigin;
  /** Set when done; a done occurrence gets no more reminders. */
  completedOn: LocalDate | null;
  /** true once someone moved or renamed a generated occurrence: regeneration leaves it alone. */
  isEdited: boolean;
  note: string;
};
