import type { LocalDate } from './local-date.js';
import type { Locale } from './locale.js';

/**
 * The register where everyone is answered (issue 15): praise, complaints, suggestions and
 * deviations from citizens (the public form), employees (the tab and the Teams message
 * extension) and, as a view over the audit findings, from audits. One record per item
 * (`RegisterItem`), its own trail kept with it; the municipality's choices (categories, root
 * causes, case areas, risk bands, routing table, reply deadlines, retention) in one
 * `RegisterSettings` record the coordinator edits.
 */

/** ros, klage (ris), forslag, afvigelse. */
export const registerKinds = ['praise', 'complaint', 'suggestion', 'deviation'] as const;
export type RegisterKind = (typeof registerKinds)[number];

/** How an item came in. `audit` items are findings shown in the register, never stored as items. */
export const registerChannels = ['public', 'tab', 'teams', 'audit'] as const;
export type RegisterChannel = (typeof registerChannels)[number];

/**
 * registreret → afventer behandling → under behandling → åben (actions running) → lukket.
 *
 * - `registered`: received and routed; nobody has assessed it yet.
 * - `awaiting-handling`: assessed (severity, likelihood, scope), routed to its leader level.
 * - `in-handling`: the handler works on it (correction, root cause, replies).
 * - `open`: corrective actions started from it are running.
 * - `closed`: handled; an item whose sender can be answered closes only once answered.
 */
export const registerStatuses = ['registered', 'awaiting-handling', 'in-handling', 'open', 'closed'] as const;
export type RegisterStatus = (typeof registerStatuses)[number];

/** Consequence (alvorlighed/alvorlighetsgrad), 1 = insignificant … 5 = critical. */
export const severities = [1, 2, 3, 4, 5] as const;
export type Severity = (typeof severities)[number];

/** Likelihood of recurrence (sandsynlighed/sannsynlighet), 1 = very unlikely … 5 = almost certain. */
export const likelihoods = [1, 2, 3, 4, 5] as const;
export type Likelihood = (typeof likelihoods)[number];

/** How far an item reaches (omfang): one unit, several units, the whole administration. */
export const registerScopes = ['unit', 'several-units', 'administration'] as const;
export type RegisterScope = (typeof registerScopes)[number];

/** The colour of a risk score (severity × likelihood) in the municipality's bands. */
export const riskBands = ['green', 'yellow', 'red'] as const;
export type RiskBand = (typeof riskBands)[number];

/** A text the municipality keeps in each of the product's languages (categories, case areas). */
export type LocalizedLabel = Record<Locale, string>;

/**
 * The sender's contact details from the public form (all optional; none at all is anonymous and
 * then the sender gets no answer). Seen only by the item's handlers and the coordinator; removed
 * (the item kept) after the retention period.
 */
export type ContactDetails = {
  name: string | null;
  email: string | null;
  phone: string | null;
};

/**
 * An interim reply (foreløbigt svar / foreløpig svar, fvl § 11 a): why it takes time, what the
 * item waits for and when an answer can be expected. It moves the reply deadline to `expectedOn`.
 */
export type InterimReply = {
  text: string;
  waitingFor: string;
  expectedOn: LocalDate;
  sentAt: string;
  sentBy: string;
  /** How the sender was told: e-mail, the status page only, or in the tab (an employee). */
  deliveredBy: ReplyDelivery;
};

export const replyDeliveries = ['email', 'status-page', 'tab'] as const;
export type ReplyDelivery = (typeof replyDeliveries)[number];

/** The answer to the sender, shown on the status page and e-mailed when there is an address. */
export type RegisterReply = {
  text: string;
  sentAt: string;
  sentBy: string;
  deliveredBy: ReplyDelivery;
  /** The answer went out after the reply deadline then in force. */
  isLate: boolean;
};

/** A Teams message an item was reported from (message extension action). */
export type SourceMessage = { text: string; url: string | null };

/** A recorded request to delete the sender's data, and what was done about it (GDPR art. 17). */
export type DeletionRequest = {
  requestedOn: LocalDate;
  recordedBy: string;
  outcome: 'executed' | 'refused';
  /** Why, e.g. the record must be kept (journaliseringspligt, GDPR art. 17(3)(b)). */
  reason: string;
};

/** Every step of an item, kept with it (the global audit trail gets the same events). */
export const registerTrailEvents = [
  'registered',
  'routed',
  'assessed',
  'status-changed',
  'handling-updated',
  'interim-reply',
  'reply',
  'corrective-action-started',
  /** The last corrective action closed: the item went back to handling, or closed (register-rules.ts `statusWhenActionsDone`). */
  'actions-completed',
  'reassigned',
  'reminded',
  'escalated',
  'contact-removed',
  'deletion-request',
] as const;
export type RegisterTrailEvent = (typeof registerTrailEvents)[number];

export type RegisterTrailEntry = {
  at: string;
  /** Person id; null for the public sender and for the sweep. */
  actorId: string | null;
  event: RegisterTrailEvent;
  /** The status after the step. */
  status: RegisterStatus;
  /** One line for people (English; the tab words events from `event`). */
  note: string;
};

type Versioned = { createdAt: string; updatedAt: string; updatedBy: string; etag: number };

export type RegisterItem = Versioned & {
  id: string;
  /** What the sender is given: year, dash, 6 characters (e.g. 2026-K7Q4M2), unique. */
  receiptNumber: string;
  kind: RegisterKind;
  channel: Exclude<RegisterChannel, 'audit'>;
  status: RegisterStatus;
  title: string;
  description: string;
  /** The public form's "what it is about" (a case area of the settings); null from the tab. */
  caseAreaId: string | null;
  caseNumber: string | null;
  /** Procedures it concerns (reported from a procedure page, or linked by the handler). */
  procedureIds: string[];
  /** The audit it was reported on, if any. */
  auditId: string | null;
  sourceMessage: SourceMessage | null;
  /** The units involved, the main one first; empty until known (routes to the coordinator). */
  unitIds: string[];
  scope: RegisterScope;
  severity: Severity | null;
  likelihood: Likelihood | null;
  categoryId: string | null;
  /** The immediate correction, apart from the root cause (ISO 9001 10.2.1 a and b). */
  correction: string | null;
  rootCauseCategoryId: string | null;
  rootCause: string | null;
  /** The unit whose leader handles it, from the routing table; null: the coordinator. */
  handlerUnitId: string | null;
  /** The person who handles it; null: nobody found, the coordinator handles it. */
  handlerId: string | null;
  /** The employee who reported it; null for the public door. */
  reportedBy: string | null;
  reportedAt: string;
  receivedOn: LocalDate;
  /** The sender's language, for the reply e-mail and the status page. */
  locale: Locale;
  contact: ContactDetails | null;
  contactRemovedOn: LocalDate | null;
  /** SHA-256 (hex) of the private status link's token; null for items without one. */
  statusTokenHash: string | null;
  /** When the (next) answer is due; null when the sender cannot be answered or was answered. */
  replyDueOn: LocalDate | null;
  interimReplies: InterimReply[];
  reply: RegisterReply | null;
  correctiveActionIds: string[];
  closedOn: LocalDate | null;
  deletionRequest: DeletionRequest | null;
  trail: RegisterTrailEntry[];
};

/** A routing line: items of `scope` with at least `fromSeverity` go `level` up from their unit. */
export type RoutingRule = {
  scope: RegisterScope;
  fromSeverity: Severity;
  /** 0: the leader of the item's unit (of the units' common unit), 1: the unit above …, 'top'. */
  level: number | 'top';
};

/** Risk = severity × likelihood (1–25): green up to `greenMax`, yellow up to `yellowMax`, else red. */
export type RiskBandLimits = { greenMax: number; yellowMax: number };

/**
 * When the answer is due after receipt: a number of working days (Danish practice, default 10,
 * public holidays counted out) or of months (Norway: a preliminary answer within one month,
 * forvaltningsloven § 11 a).
 */
export type ReplyDeadlineRule = { unit: 'working-days'; count: number } | { unit: 'months'; count: number };

/** Whose public holidays working days skip. */
export const holidayCalendars = ['dk', 'no'] as const;
export type HolidayCalendar = (typeof holidayCalendars)[number];

export type RegisterCategory = { id: string; label: LocalizedLabel; kinds: RegisterKind[]; isActive: boolean };
export type RootCauseCategory = { id: string; label: LocalizedLabel; isActive: boolean };
/** A case area of the public form ("hvad drejer det sig om"), with the unit that receives it. */
export type CaseArea = { id: string; label: LocalizedLabel; unitId: string; isActive: boolean };

export type RegisterSettings = Versioned & {
  /** Always 'register': one settings record. */
  id: string;
  categories: RegisterCategory[];
  rootCauseCategories: RootCauseCategory[];
  caseAreas: CaseArea[];
  riskBands: RiskBandLimits;
  routingRules: RoutingRule[];
  replyDeadlines: Record<RegisterKind, ReplyDeadlineRule>;
  holidayCalendar: HolidayCalendar;
  /** Working days before the reply deadline the handler is reminded. */
  remindDaysBefore: number;
  /** Working days after a missed reply deadline the item is escalated to the handler's leader. */
  escalateDaysAfter: number;
  /** Contact details are removed this many years after closing (default 5). */
  contactRetentionYears: number;
};

/**
 * A proof-of-work solution already used (ALTCHA), kept until its challenge expires so the same
 * solution cannot be sent twice.
 */
export type UsedChallenge = { signatureHash: string; expiresAt: string };
