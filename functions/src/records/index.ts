import {
  acknowledgementRecord,
  acknowledgementRequestRecord,
  approvalRecord,
  personRecord,
  procedureRecord,
  reviewRecord,
  trailEntryRecord,
  unitRecord,
  versionRecord,
} from './document-control.js';
import {
  competenceRecord,
  competenceRequirementRecord,
  externalCoverageRecord,
  personCompetenceRecord,
} from './competences.js';
import { conversationRecord, ledgerItemRecord, sweepLeaseRecord } from './messaging.js';
import {
  auditRecord,
  certificateRecord,
  correctiveActionRecord,
  findingRecord,
  managementEvaluationRecord,
  occurrenceRecord,
  programmeItemRecord,
} from './quality-year.js';
import { deadlineRecord } from './deadlines.js';
import { caseRecordRecord, caseSourceRecord, goalRecord, qualityPolicyRecord } from './goals.js';
import { surveyAnswerRecord, surveyLinkRecord, surveyRecord } from './surveys.js';
import { evaluationRoundRecord, standardsChoiceRecord, unitEvaluationRecord } from './fokus.js';
import { frozenRecordRecord } from './frozen.js';
import { accessRequestRecord } from './access-requests.js';
import { yearlyReportRecord } from './publication.js';
import { registerItemRecord, registerSettingsRecord, usedChallengeRecord } from './register.js';
import type { RecordDeclaration } from './declare.js';

export * from './declare.js';
export * from './document-control.js';
export * from './competences.js';
export * from './quality-year.js';
export * from './messaging.js';
export * from './deadlines.js';
export * from './goals.js';
export * from './surveys.js';
export * from './fokus.js';
export * from './frozen.js';
export * from './access-requests.js';
export * from './publication.js';
export * from './register.js';

/** Every record kind, for the checks that run over all of them (migrations, list specs). */
export const allRecords: readonly RecordDeclaration<never>[] = [
  procedureRecord,
  versionRecord,
  approvalRecord,
  reviewRecord,
  acknowledgementRequestRecord,
  acknowledgementRecord,
  trailEntryRecord,
  personRecord,
  unitRecord,
  competenceRecord,
  personCompetenceRecord,
  competenceRequirementRecord,
  externalCoverageRecord,
  certificateRecord,
  programmeItemRecord,
  auditRecord,
  findingRecord,
  correctiveActionRecord,
  managementEvaluationRecord,
  occurrenceRecord,
  ledgerItemRecord,
  conversationRecord,
  sweepLeaseRecord,
  deadlineRecord,
  qualityPolicyRecord,
  goalRecord,
  caseSourceRecord,
  caseRecordRecord,
  surveyRecord,
  surveyLinkRecord,
  surveyAnswerRecord,
  evaluationRoundRecord,
  unitEvaluationRecord,
  standardsChoiceRecord,
  frozenRecordRecord,
  accessRequestRecord,
  yearlyReportRecord,
  registerItemRecord,
  registerSettingsRecord,
  usedChallengeRecord,
] as unknown as readonly RecordDeclaration<never>[];
