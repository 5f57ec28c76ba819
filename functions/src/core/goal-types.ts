import type { LocalDate } from './local-date.js';
import type { RegisterKind } from './register-types.js';

/**
 * Quality policy and quality goals (ISO 9001 5.2 and 6.2), and the case data the goals are
 * measured on. Rules about them live in `case-statistics.ts` (figures), `goal-status.ts`
 * (colour) and `case-import.ts` (reading an export); who may do what in `policies.ts`.
 */

type Versioned = { createdAt: string; updatedAt: string; updatedBy: string; etag: number };

export const policyLocales = ['da', 'nb', 'en'] as const;
export type PolicyLocale = (typeof policyLocales)[number];

/** The policy's wording per language; at least one language, usually the municipality's own. */
export type PolicyText = Partial<Record<PolicyLocale, string>>;

/** The one quality policy of the organisation (id `quality-policy`). */
export type QualityPolicy = Versioned & {
  id: string;
  text: PolicyText;
  /** Who adopted it, e.g. "Byrådet" or "Teknik- og Miljøudvalget"; '' until adopted. */
  adoptedBy: string;
  adoptedOn: LocalDate | null;
  isPublished: boolean;
  publishedOn: LocalDate | null;
};

export const qualityPolicyId = 'quality-policy';

export const goalCadences = ['monthly', 'quarterly', 'yearly'] as const;
export type GoalCadence = (typeof goalCadences)[number];

/** draft: not yet measured; active: measured and reported; achieved / not-achieved: the period ended; retired. */
export const goalStatuses = ['draft', 'active', 'achieved', 'not-achieved', 'retired'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export const goalColours = ['green', 'yellow', 'red', 'none'] as const;
/** 'none': nothing to measure yet (no decided cases, no survey answers, no entered value). */
export type GoalColour = (typeof goalColours)[number];

/** What a goal's value is compared with: "at least 95 %" or "at most 40 days". */
export type GoalTarget = { direction: 'at-least' | 'at-most'; value: number; unit: 'percent' | 'days' | 'count' };

/** The figure a case-data goal is measured by (case-statistics.ts). */
export const caseMetrics = ['share-within-target', 'mean-days', 'median-days', 'backlog'] as const;
export type CaseMetric = (typeof caseMetrics)[number];

/**
 * The figure a register goal is measured by (register-goal.ts): `replied-in-time`, the share (%)
 * of the answerable items received in the period whose reply was sent within its deadline, of
 * those answered or overdue; `overdue-unanswered`, the count of answerable items received in the
 * period still unanswered past their deadline.
 */
export const registerMetrics = ['replied-in-time', 'overdue-unanswered'] as const;
export type RegisterMetric = (typeof registerMetrics)[number];

export type EnteredValue = { on: LocalDate; value: number; note: string };

/**
 * How a goal is measured. `survey`: the surveys module fills it in (share satisfied of the
 * respondents of `surveyId`; null until the survey exists); this module only keeps the link.
 */
export type GoalMeasurement =
  | { kind: 'cases'; metric: CaseMetric }
  | { kind: 'survey'; surveyId: string | null }
  | { kind: 'entered'; values: EnteredValue[] }
  /** Measured from the register; `kinds` empty: every kind of item. */
  | { kind: 'register'; metric: RegisterMetric; kinds: RegisterKind[] };

/** Green at or beyond the target; yellow when short of it by at most `yellowWithinPoints`; red beyond. */
export type GoalThresholds = { yellowWithinPoints: number };

/** Which cases a case-data goal counts: empty lists mean every case type, every unit. */
export type GoalScope = { caseTypes: string[]; unitIds: string[] };

/** The last computed reading; `redSince` is the day it turned red (null unless red), for the owner's reminder. */
export type GoalReading = {
  colour: GoalColour;
  value: number | null;
  computedOn: LocalDate;
  redSince: LocalDate | null;
};

export type Goal = Versioned & {
  id: string;
  title: string;
  /** What is measured, in words. */
  description: string;
  /** ISO clauses the goal answers (6.2 by default). */
  clauses: string[];
  target: GoalTarget;
  scope: GoalScope;
  periodFrom: LocalDate;
  periodTo: LocalDate;
  cadence: GoalCadence;
  ownerId: string;
  measurement: GoalMeasurement;
  thresholds: GoalThresholds;
  status: GoalStatus;
  /** 1–12: the month of the yearly revision in the årshjul. */
  revisionMonth: number;
  lastReading: GoalReading | null;
};

/** The fields a case-system export is mapped onto; nothing else is kept (no names, no addresses). */
export const caseFields = [
  'caseId',
  'caseType',
  'unit',
  'receivedOn',
  'fullyInformedOn',
  'decidedOn',
  'pausedDays',
  'targetDays',
  'exemptionReason',
  'decisionType',
] as const;
export type CaseField = (typeof caseFields)[number];
export const requiredCaseFields: readonly CaseField[] = ['caseId', 'caseType', 'receivedOn', 'targetDays'];

/** A saved column mapping for one source (e.g. "Byg og Miljø"): the export's header text per field, or null when absent. */
export type CaseColumnMapping = Record<CaseField, string | null>;

export type CaseSource = Versioned & { id: string; name: string; mapping: CaseColumnMapping };

/** One case of an import, keyed by source and case id (a re-import updates it). */
export type CaseRecord = {
  /** `${sourceId}:${caseId}`. */
  id: string;
  sourceId: string;
  caseId: string;
  /** The servicemål category as the export names it, e.g. "Enfamiliehuse". */
  caseType: string;
  unitId: string | null;
  receivedOn: LocalDate;
  fullyInformedOn: LocalDate | null;
  /** null: still open. */
  decidedOn: LocalDate | null;
  /** Days with the applicant (paused), as the case system counts them. */
  pausedDays: number;
  targetDays: number;
  /** Set: the case is left out of the statistics (e.g. "BBR", "Lovliggørelse"). */
  exemptionReason: string | null;
  decisionType: string | null;
  importedAt: string;
};

export function caseRecordId(sourceId: string, caseId: string): string {
  return `${sourceId}:${caseId}`;
}
