import type { RecordDeclaration } from '../../records/declare.js';
import { evaluationRoundRecord, standardsChoiceRecord, unitEvaluationRecord } from '../../records/fokus.js';
import { registerItemRecord, registerSettingsRecord, usedChallengeRecord } from '../../records/register.js';
import { accessRequestRecord } from '../../records/access-requests.js';
import {
  acknowledgementRecord,
  acknowledgementRequestRecord,
  approvalRecord,
  auditRecord,
  caseRecordRecord,
  caseSourceRecord,
  certificateRecord,
  competenceRecord,
  competenceRequirementRecord,
  conversationRecord,
  correctiveActionRecord,
  deadlineRecord,
  externalCoverageRecord,
  findingRecord,
  goalRecord,
  ledgerItemRecord,
  managementEvaluationRecord,
  frozenRecordRecord,
  yearlyReportRecord,
  occurrenceRecord,
  personCompetenceRecord,
  personRecord,
  procedureRecord,
  programmeItemRecord,
  qualityPolicyRecord,
  reviewRecord,
  surveyAnswerRecord,
  surveyLinkRecord,
  surveyRecord,
  sweepLeaseRecord,
  trailEntryRecord,
  unitRecord,
  versionRecord,
} from '../../records/index.js';
import type { ColumnSpec, ListSpec } from '../../records/sharepoint-columns.js';

export type { ColumnSpec, ColumnType, ListSpec } from '../../records/sharepoint-columns.js';

/**
 * What the handbook keeps in a SharePoint site: one document library for the procedures and
 * one list per kind of record. The lists and their columns come from the record declarations
 * (`functions/src/records/`, each kind's `sharepoint` hints): the provisioner creates exactly
 * this, and the store translates records to and from list item fields through these specs
 * (`sharepoint-records.ts`).
 *
 * Column names carry a `Kh` prefix so they never collide with SharePoint's own columns
 * (document libraries already have "Title", "Name", "Version"…) or another app's. Columns the
 * app filters on are indexed: past 5,000 items SharePoint refuses queries on columns that are
 * not (https://learn.microsoft.com/en-us/graph/api/listitem-list). Our record ids live in an
 * indexed, unique `KhKey`; a list item's own id is SharePoint's.
 *
 * Column type facets follow https://learn.microsoft.com/en-us/graph/api/resources/columndefinition
 * (textColumn, numberColumn, dateTimeColumn, choiceColumn, personOrGroupColumn).
 */

/** A record kind's list: its list hints and every declared column, in declaration order. */
export function listSpecOf<T>(declaration: RecordDeclaration<T>): ListSpec {
  return {
    ...declaration.sharepoint.list,
    columns: declaration.sharepoint.columns.map(([, , column]): ColumnSpec => ({ ...column })),
  };
}

export const procedureLibrary: ListSpec = listSpecOf(procedureRecord);

export const recordLists: ListSpec[] = [
  versionRecord,
  approvalRecord,
  reviewRecord,
  acknowledgementRequestRecord,
  acknowledgementRecord,
  trailEntryRecord,
  ledgerItemRecord,
  conversationRecord,
  personRecord,
  unitRecord,
  sweepLeaseRecord,
  // Competence management (ISO 9001 7.2): the catalogue, requirements, levels and bought-in cover.
  competenceRecord,
  competenceRequirementRecord,
  personCompetenceRecord,
  externalCoverageRecord,
  // The one index of deadlines (app/deadline-index.ts): the sweep reads this list (one delta).
  deadlineRecord,
].map((declaration) => listSpecOf(declaration as RecordDeclaration<unknown>));

/**
 * The quality year (ISO 9001 9.2, 9.3, 10.2 and the certificate): one list per collection of the
 * QualityStore port, keyed like the port's collections.
 */
export const qualityLists: ListSpec[] = [
  certificateRecord,
  programmeItemRecord,
  auditRecord,
  findingRecord,
  correctiveActionRecord,
  managementEvaluationRecord,
  occurrenceRecord,
  frozenRecordRecord,
  yearlyReportRecord,
].map((declaration) => listSpecOf(declaration as RecordDeclaration<unknown>));

/** Quality policy, goals and imported case data: one list per collection of the GoalStore port. */
export const goalLists: ListSpec[] = [qualityPolicyRecord, goalRecord, caseSourceRecord, caseRecordRecord].map(
  (declaration) => listSpecOf(declaration as RecordDeclaration<unknown>),
);

/** Satisfaction surveys (records/surveys.ts): one list per record kind of the SurveyStore port. */
export const surveyLists: ListSpec[] = [surveyRecord, surveyLinkRecord, surveyAnswerRecord].map((declaration) =>
  listSpecOf(declaration as RecordDeclaration<unknown>),
);

/**
 * The register (records/register.ts): its items, settings and used proof-of-work solutions, one
 * list per record kind of the RegisterStore port (sharepoint-register-store.ts).
 */
export const registerLists: ListSpec[] = [registerItemRecord, registerSettingsRecord, usedChallengeRecord].map(
  (declaration) => listSpecOf(declaration as RecordDeclaration<unknown>),
);

/** FOKUS-style evaluation rounds and the standards worked by (records/fokus.ts). */
export const fokusLists: ListSpec[] = [evaluationRoundRecord, unitEvaluationRecord, standardsChoiceRecord].map(
  (declaration) => listSpecOf(declaration as RecordDeclaration<unknown>),
);

/** Aktindsigt / innsyn requests (records/access-requests.ts): the AccessRequestStore port's list. */
export const accessRequestLists: ListSpec[] = [accessRequestRecord].map((declaration) =>
  listSpecOf(declaration as RecordDeclaration<unknown>),
);

export const handbookSchema: ListSpec[] = [
  procedureLibrary,
  ...recordLists,
  ...qualityLists,
  ...goalLists,
  ...surveyLists,
  ...fokusLists,
  ...registerLists,
  ...accessRequestLists,
];

/** The type facet's name (text, number, …) of a column spec. */
export function typeOf(spec: ColumnSpec): string {
  return Object.keys(spec.type)[0]!;
}
