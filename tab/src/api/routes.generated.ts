// Generated from the route table (functions/src/http/*routes.ts) by `npm run generate:api-routes`.
// Do not edit: functions/src/http/client-routes.test.ts fails when this file and the table differ.
import type { z } from 'zod';
import type * as contract from '../../../functions/src/contract/schemas';

/** Method and path of every route (runtime data: no zod, nothing else). */
export const apiRoutes = {
  health: 'GET /health',
  'sign-in': 'GET /sign-in',
  me: 'GET /me',
  'my-tasks': 'GET /me/tasks',
  overview: 'GET /overview',
  'people-list': 'GET /people',
  'units-list': 'GET /units',
  'approver-candidates': 'GET /approver-candidates',
  'procedures-list': 'GET /procedures',
  'procedures-areas': 'GET /procedures/areas',
  'procedures-create': 'POST /procedures',
  'procedures-get': 'GET /procedures/{id}',
  'procedures-update': 'PATCH /procedures/{id}',
  'versions-rendered': 'GET /procedures/{id}/versions/{versionId}/rendered',
  'versions-file': 'GET /procedures/{id}/versions/{versionId}/file',
  'draft-upload': 'PUT /procedures/{id}/draft/file',
  'draft-submit': 'POST /procedures/{id}/draft/submit',
  'draft-withdraw': 'POST /procedures/{id}/draft/withdraw',
  'approvals-comparison': 'GET /approvals/{id}/comparison',
  'approvals-approve': 'POST /approvals/{id}/approve',
  'approvals-reject': 'POST /approvals/{id}/reject',
  'reviews-record': 'POST /procedures/{id}/reviews',
  'acknowledgements-give': 'POST /procedures/{id}/versions/{versionId}/acknowledgement',
  'acknowledgements-report': 'GET /procedures/{id}/acknowledgements',
  search: 'GET /search',
  'competences-list': 'GET /competences',
  'competences-add': 'POST /competences',
  'competence-requirements-add': 'POST /competence-requirements',
  'competence-requirements-remove': 'DELETE /competence-requirements/{id}',
  'procedure-competences': 'GET /procedures/{id}/competences',
  'competence-matrix': 'GET /competence-matrix',
  'competence-matrix-cell': 'GET /competence-matrix/{personId}/{competenceId}',
  'competence-matrix-set': 'PUT /competence-matrix/{personId}/{competenceId}',
  'competence-matrix-export': 'GET /competence-matrix/export',
  'competence-matrix-import': 'POST /competence-matrix/import',
  'competence-gaps': 'GET /competence-gaps',
  'competence-coverage-decide': 'POST /competence-coverage',
  'audit-programme-items-list': 'GET /audit-programme/items',
  'audit-programme-items-create': 'POST /audit-programme/items',
  'audit-programme-items-get': 'GET /audit-programme/items/{id}',
  'audit-programme-items-update': 'PATCH /audit-programme/items/{id}',
  'audit-programme-year': 'GET /audit-programme',
  'audit-programme-plan': 'POST /audit-programme/{year}/plan',
  'audits-list': 'GET /audits',
  'audits-create': 'POST /audits',
  'audits-get': 'GET /audits/{id}',
  'audits-update': 'PATCH /audits/{id}',
  'audits-status': 'POST /audits/{id}/status',
  'audits-report': 'PUT /audits/{id}/report',
  'audits-report-correct': 'POST /audits/{id}/report/corrections',
  'audits-report-revisions': 'GET /audits/{id}/report/revisions',
  'audits-checklist-add': 'POST /audits/{id}/checklist',
  'audits-checklist-start': 'POST /audits/{id}/checklist/start',
  'audits-checklist-update': 'PATCH /audits/{id}/checklist/{lineId}',
  'audits-checklist-remove': 'DELETE /audits/{id}/checklist/{lineId}',
  'audits-findings-list': 'GET /audits/{id}/findings',
  'audits-findings-create': 'POST /audits/{id}/findings',
  'audits-findings-import': 'POST /audits/{id}/findings/import',
  'findings-list': 'GET /findings',
  'findings-get': 'GET /findings/{id}',
  'findings-update': 'PATCH /findings/{id}',
  'certificates-list': 'GET /certificates',
  'certificates-create': 'POST /certificates',
  'certificates-get': 'GET /certificates/{id}',
  'certificates-update': 'PATCH /certificates/{id}',
  'certificates-cycle': 'GET /certificates/{id}/cycle',
  'bot-messages': 'POST /messages',
  'chat-messages': 'GET /chat/messages',
  'corrective-actions-board': 'GET /corrective-actions',
  'corrective-actions-create': 'POST /corrective-actions',
  'corrective-actions-get': 'GET /corrective-actions/{id}',
  'corrective-actions-record-correction': 'POST /corrective-actions/{id}/recordCorrection',
  'corrective-actions-analyse-and-plan': 'POST /corrective-actions/{id}/analyseAndPlan',
  'corrective-actions-replan': 'POST /corrective-actions/{id}/replan',
  'corrective-actions-mark-implemented': 'POST /corrective-actions/{id}/markImplemented',
  'corrective-actions-check-effectiveness': 'POST /corrective-actions/{id}/checkEffectiveness',
  'management-evaluations-list': 'GET /management-evaluations',
  'management-evaluations-create': 'POST /management-evaluations',
  'management-evaluations-get': 'GET /management-evaluations/{id}',
  'management-evaluations-update': 'PATCH /management-evaluations/{id}',
  'management-evaluations-correct': 'POST /management-evaluations/{id}/correction',
  'management-evaluations-pack': 'GET /management-evaluations/{id}/pack',
  'management-evaluations-decision-action': 'POST /management-evaluations/{id}/decisions/{decisionId}/action',
  'management-evaluations-export': 'GET /management-evaluations/{id}/export',
  'year-wheel-get': 'GET /year-wheel',
  'year-wheel-generate': 'POST /year-wheel/{year}/generate',
  'year-wheel-occurrence-create': 'POST /year-wheel/occurrences',
  'year-wheel-occurrence-get': 'GET /year-wheel/occurrences/{id}',
  'year-wheel-occurrence-update': 'PATCH /year-wheel/occurrences/{id}',
  'year-wheel-occurrence-delete': 'DELETE /year-wheel/occurrences/{id}',
  'quality-policy-get': 'GET /quality-policy',
  'quality-policy-save': 'PUT /quality-policy',
  'goals-list': 'GET /goals',
  'goals-create': 'POST /goals',
  'goals-get': 'GET /goals/{id}',
  'goals-update': 'PATCH /goals/{id}',
  'case-statistics': 'GET /case-statistics',
  'case-sources-list': 'GET /case-sources',
  'case-source-get': 'GET /case-sources/{id}',
  'case-sources-save': 'PUT /case-sources/{id}',
  'case-sources-preview': 'POST /case-sources/{id}/preview',
  'case-sources-import': 'POST /case-sources/{id}/import',
  'surveys-list': 'GET /surveys',
  'surveys-create': 'POST /surveys',
  'surveys-get': 'GET /surveys/{id}',
  'surveys-update': 'PUT /surveys/{id}',
  'surveys-links-issue': 'POST /surveys/{id}/links',
  'surveys-answers-import': 'POST /surveys/{id}/answers/import',
  'surveys-results': 'GET /surveys/{id}/results',
  'fokus-get': 'GET /fokus',
  'fokus-round-create': 'POST /fokus/rounds',
  'fokus-round-get': 'GET /fokus/rounds/{id}',
  'fokus-round-update': 'PUT /fokus/rounds/{id}',
  'fokus-unit-scores-set': 'PUT /fokus/rounds/{id}/units/{unitId}',
  'fokus-scores-import': 'POST /fokus/rounds/{id}/import',
  'standards-get': 'GET /standards',
  'standards-choose': 'PUT /standards',
  'coverage-matrix-get': 'GET /coverage',
  'access-requests-list': 'GET /access-requests',
  'access-requests-create': 'POST /access-requests',
  'access-requests-get': 'GET /access-requests/{id}',
  'access-requests-export': 'POST /access-requests/{id}/exports',
  'access-requests-export-file': 'GET /access-requests/{id}/exports/{number}/file',
  'access-requests-answer': 'POST /access-requests/{id}/answer',
  'yearly-reports-list': 'GET /yearly-reports',
  'yearly-reports-preview': 'GET /yearly-reports/{year}/preview',
  'yearly-reports-publish': 'POST /yearly-reports/{year}/publish',
  'yearly-reports-pdf': 'GET /yearly-reports/{year}/pdf',
  'public-register-challenge': 'GET /public/register/challenge',
  'public-register-options': 'GET /public/register/options',
  'public-register-submit': 'POST /public/register/submissions',
  'public-register-status': 'GET /public/register/status/{token}',
  'register-report': 'POST /register/items',
  'register-list': 'GET /register/items',
  'register-get': 'GET /register/items/{id}',
  'register-assess': 'POST /register/items/{id}/assess',
  'register-status': 'POST /register/items/{id}/status',
  'register-handling': 'PATCH /register/items/{id}/handling',
  'register-interim-reply': 'POST /register/items/{id}/interim-reply',
  'register-reply': 'POST /register/items/{id}/reply',
  'register-start-action': 'POST /register/items/{id}/corrective-actions',
  'register-reassign': 'POST /register/items/{id}/handler',
  'register-deletion-request': 'POST /register/items/{id}/deletion-request',
  'register-sender-export': 'GET /register/sender-export',
  'register-statistics': 'GET /register/statistics',
  'register-settings-get': 'GET /register/settings',
  'register-settings-put': 'PUT /register/settings',
} as const;

/**
 * Params, query and body (as sent) and response (as received) of every route, from its contract
 * schemas; `conditional` routes need If-Match, `file` routes answer with a file.
 */
export type ApiRouteTypes = {
  health: { response: z.output<typeof contract.okSchema> };
  'sign-in': { response: z.output<typeof contract.signInSchema> };
  me: { response: z.output<typeof contract.meSchema> };
  'my-tasks': { response: z.output<typeof contract.myTasksSchema> };
  overview: { query: z.input<typeof contract.overviewQuery>; response: z.output<typeof contract.overviewSchema> };
  'people-list': { response: z.output<typeof contract.peopleSchema> };
  'units-list': { response: z.output<typeof contract.unitsSchema> };
  'approver-candidates': {
    query: z.input<typeof contract.unitFilterQuery>;
    response: z.output<typeof contract.approverCandidatesSchema>;
  };
  'procedures-list': {
    query: z.input<typeof contract.procedureListQuery>;
    response: z.output<typeof contract.procedureListSchema>;
  };
  'procedures-areas': { response: z.output<typeof contract.areaSummarySchema> };
  'procedures-create': {
    body: z.input<typeof contract.createProcedureBody>;
    response: z.output<typeof contract.procedureDetailSchema>;
  };
  'procedures-get': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.procedureDetailSchema>;
  };
  'procedures-update': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.updateProcedureBody>;
    response: z.output<typeof contract.procedureDetailSchema>;
  };
  'versions-rendered': {
    params: z.input<typeof contract.versionParams>;
    response: z.output<typeof contract.renderedVersionSchema>;
  };
  'versions-file': {
    params: z.input<typeof contract.versionParams>;
    query: z.input<typeof contract.versionFileQuery>;
    file: true;
    response: Blob;
  };
  'draft-upload': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    query: z.input<typeof contract.uploadQuery>;
    body: Blob;
    response: z.output<typeof contract.procedureDetailSchema>;
  };
  'draft-submit': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.submitBody>;
    response: z.output<typeof contract.procedureDetailSchema>;
  };
  'draft-withdraw': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.emptyBody>;
    response: z.output<typeof contract.procedureDetailSchema>;
  };
  'approvals-comparison': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.approvalComparisonSchema>;
  };
  'approvals-approve': {
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.decisionBody>;
    response: z.output<typeof contract.procedureDetailSchema>;
  };
  'approvals-reject': {
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.rejectBody>;
    response: z.output<typeof contract.procedureDetailSchema>;
  };
  'reviews-record': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.reviewBody>;
    response: z.output<typeof contract.procedureDetailSchema>;
  };
  'acknowledgements-give': {
    params: z.input<typeof contract.versionParams>;
    body: z.input<typeof contract.emptyBody>;
    response: z.output<typeof contract.procedureDetailSchema>;
  };
  'acknowledgements-report': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.acknowledgementReportSchema>;
  };
  search: { query: z.input<typeof contract.searchQuery>; response: z.output<typeof contract.searchResultSchema> };
  'competences-list': { response: z.output<typeof contract.competenceListSchema> };
  'competences-add': {
    body: z.input<typeof contract.addCompetenceBody>;
    response: z.output<typeof contract.competenceSchema>;
  };
  'competence-requirements-add': {
    body: z.input<typeof contract.addCompetenceRequirementBody>;
    response: z.output<typeof contract.competenceRequirementSchema>;
  };
  'competence-requirements-remove': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.removedRequirementSchema>;
  };
  'procedure-competences': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.procedureCompetencesSchema>;
  };
  'competence-matrix': {
    query: z.input<typeof contract.unitFilterQuery>;
    response: z.output<typeof contract.competenceMatrixSchema>;
  };
  'competence-matrix-cell': {
    params: z.input<typeof contract.matrixCellParams>;
    response: z.output<typeof contract.matrixCellSchema>;
  };
  'competence-matrix-set': {
    conditional: true;
    params: z.input<typeof contract.matrixCellParams>;
    body: z.input<typeof contract.setCompetenceLevelBody>;
    response: z.output<typeof contract.matrixCellSchema>;
  };
  'competence-matrix-export': { query: z.input<typeof contract.matrixExportQuery>; file: true; response: Blob };
  'competence-matrix-import': {
    query: z.input<typeof contract.matrixImportQuery>;
    body: Blob;
    response: z.output<typeof contract.matrixImportResultSchema>;
  };
  'competence-gaps': {
    query: z.input<typeof contract.unitFilterQuery>;
    response: z.output<typeof contract.competenceGapReportSchema>;
  };
  'competence-coverage-decide': {
    body: z.input<typeof contract.externalCoverageBody>;
    response: z.output<typeof contract.externalCoverageSchema>;
  };
  'audit-programme-items-list': { response: z.output<typeof contract.programmeItemListSchema> };
  'audit-programme-items-create': {
    body: z.input<typeof contract.programmeItemBody>;
    response: z.output<typeof contract.programmeItemSchema>;
  };
  'audit-programme-items-get': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.programmeItemSchema>;
  };
  'audit-programme-items-update': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.updateProgrammeItemBody>;
    response: z.output<typeof contract.programmeItemSchema>;
  };
  'audit-programme-year': {
    query: z.input<typeof contract.yearQuery>;
    response: z.output<typeof contract.programmeYearSchema>;
  };
  'audit-programme-plan': {
    params: z.input<typeof contract.yearParams>;
    body: z.input<typeof contract.planBody>;
    response: z.output<typeof contract.planResultSchema>;
  };
  'audits-list': {
    query: z.input<typeof contract.auditListQuery>;
    response: z.output<typeof contract.auditListSchema>;
  };
  'audits-create': {
    body: z.input<typeof contract.createAuditBody>;
    response: z.output<typeof contract.auditViewSchema>;
  };
  'audits-get': { params: z.input<typeof contract.idParams>; response: z.output<typeof contract.auditViewSchema> };
  'audits-update': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.updateAuditBody>;
    response: z.output<typeof contract.auditViewSchema>;
  };
  'audits-status': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.auditStatusBody>;
    response: z.output<typeof contract.auditViewSchema>;
  };
  'audits-report': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.reportAuditBody>;
    response: z.output<typeof contract.auditViewSchema>;
  };
  'audits-report-correct': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.correctAuditReportBody>;
    response: z.output<typeof contract.auditReportCorrectionSchema>;
  };
  'audits-report-revisions': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.auditReportRevisionsSchema>;
  };
  'audits-checklist-add': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.addChecklistLineBody>;
    response: z.output<typeof contract.auditViewSchema>;
  };
  'audits-checklist-start': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.auditViewSchema>;
  };
  'audits-checklist-update': {
    conditional: true;
    params: z.input<typeof contract.checklistLineParams>;
    body: z.input<typeof contract.updateChecklistLineBody>;
    response: z.output<typeof contract.auditViewSchema>;
  };
  'audits-checklist-remove': {
    conditional: true;
    params: z.input<typeof contract.checklistLineParams>;
    response: z.output<typeof contract.auditViewSchema>;
  };
  'audits-findings-list': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.findingListSchema>;
  };
  'audits-findings-create': {
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.findingBody>;
    response: z.output<typeof contract.findingViewSchema>;
  };
  'audits-findings-import': {
    params: z.input<typeof contract.idParams>;
    query: z.input<typeof contract.findingImportQuery>;
    body: Blob;
    response: z.output<typeof contract.findingImportResultSchema>;
  };
  'findings-list': {
    query: z.input<typeof contract.findingListQuery>;
    response: z.output<typeof contract.findingListSchema>;
  };
  'findings-get': { params: z.input<typeof contract.idParams>; response: z.output<typeof contract.findingViewSchema> };
  'findings-update': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.updateFindingBody>;
    response: z.output<typeof contract.findingViewSchema>;
  };
  'certificates-list': { response: z.output<typeof contract.certificateListSchema> };
  'certificates-create': {
    body: z.input<typeof contract.certificateBody>;
    response: z.output<typeof contract.certificateSchema>;
  };
  'certificates-get': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.certificateSchema>;
  };
  'certificates-update': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.updateCertificateBody>;
    response: z.output<typeof contract.certificateSchema>;
  };
  'certificates-cycle': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.certificateCycleSchema>;
  };
  'bot-messages': { body: unknown; response: unknown };
  'chat-messages': { response: z.output<typeof contract.chatMessagesSchema> };
  'corrective-actions-board': {
    query: z.input<typeof contract.actionBoardQuery>;
    response: z.output<typeof contract.actionBoardSchema>;
  };
  'corrective-actions-create': {
    body: z.input<typeof contract.createActionBody>;
    response: z.output<typeof contract.actionDetailSchema>;
  };
  'corrective-actions-get': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.actionDetailSchema>;
  };
  'corrective-actions-record-correction': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.actionCommandBodies.recordCorrection>;
    response: z.output<typeof contract.actionDetailSchema>;
  };
  'corrective-actions-analyse-and-plan': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.actionCommandBodies.analyseAndPlan>;
    response: z.output<typeof contract.actionDetailSchema>;
  };
  'corrective-actions-replan': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.actionCommandBodies.replan>;
    response: z.output<typeof contract.actionDetailSchema>;
  };
  'corrective-actions-mark-implemented': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.actionCommandBodies.markImplemented>;
    response: z.output<typeof contract.actionDetailSchema>;
  };
  'corrective-actions-check-effectiveness': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.actionCommandBodies.checkEffectiveness>;
    response: z.output<typeof contract.actionDetailSchema>;
  };
  'management-evaluations-list': { response: z.output<typeof contract.evaluationListSchema> };
  'management-evaluations-create': {
    body: z.input<typeof contract.createEvaluationBody>;
    response: z.output<typeof contract.evaluationDetailSchema>;
  };
  'management-evaluations-get': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.evaluationDetailSchema>;
  };
  'management-evaluations-update': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.updateEvaluationBody>;
    response: z.output<typeof contract.evaluationDetailSchema>;
  };
  'management-evaluations-correct': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.correctionBody>;
    response: z.output<typeof contract.evaluationDetailSchema>;
  };
  'management-evaluations-pack': {
    params: z.input<typeof contract.idParams>;
    response: z.output<typeof contract.evaluationPackSchema>;
  };
  'management-evaluations-decision-action': {
    conditional: true;
    params: z.input<typeof contract.decisionParams>;
    body: z.input<typeof contract.emptyBody>;
    response: z.output<typeof contract.actionDetailSchema>;
  };
  'management-evaluations-export': {
    params: z.input<typeof contract.idParams>;
    query: z.input<typeof contract.evaluationExportQuery>;
    file: true;
    response: Blob;
  };
  'year-wheel-get': {
    query: z.input<typeof contract.yearWheelQuery>;
    response: z.output<typeof contract.yearWheelSchema>;
  };
  'year-wheel-generate': {
    params: z.input<typeof contract.yearWheelYearParams>;
    response: z.output<typeof contract.yearWheelGeneratedSchema>;
  };
  'year-wheel-occurrence-create': {
    body: z.input<typeof contract.createOccurrenceBody>;
    response: z.output<typeof contract.occurrenceSchema>;
  };
  'year-wheel-occurrence-get': {
    params: z.input<typeof contract.occurrenceParams>;
    response: z.output<typeof contract.occurrenceSchema>;
  };
  'year-wheel-occurrence-update': {
    conditional: true;
    params: z.input<typeof contract.occurrenceParams>;
    body: z.input<typeof contract.updateOccurrenceBody>;
    response: z.output<typeof contract.occurrenceSchema>;
  };
  'year-wheel-occurrence-delete': {
    conditional: true;
    params: z.input<typeof contract.occurrenceParams>;
    response: z.output<typeof contract.okSchema>;
  };
  'quality-policy-get': { response: z.output<typeof contract.qualityPolicyViewSchema> };
  'quality-policy-save': {
    conditional: true;
    body: z.input<typeof contract.saveQualityPolicyBody>;
    response: z.output<typeof contract.qualityPolicyViewSchema>;
  };
  'goals-list': { response: z.output<typeof contract.goalListSchema> };
  'goals-create': {
    body: z.input<typeof contract.createGoalBody>;
    response: z.output<typeof contract.goalDetailSchema>;
  };
  'goals-get': { params: z.input<typeof contract.goalParams>; response: z.output<typeof contract.goalDetailSchema> };
  'goals-update': {
    conditional: true;
    params: z.input<typeof contract.goalParams>;
    body: z.input<typeof contract.updateGoalBody>;
    response: z.output<typeof contract.goalDetailSchema>;
  };
  'case-statistics': {
    query: z.input<typeof contract.caseStatisticsQuery>;
    response: z.output<typeof contract.caseStatisticsSchema>;
  };
  'case-sources-list': { response: z.output<typeof contract.caseSourceListSchema> };
  'case-source-get': {
    params: z.input<typeof contract.caseSourceParams>;
    response: z.output<typeof contract.caseSourceViewSchema>;
  };
  'case-sources-save': {
    conditional: true;
    params: z.input<typeof contract.caseSourceParams>;
    body: z.input<typeof contract.saveCaseSourceBody>;
    response: z.output<typeof contract.caseSourceViewSchema>;
  };
  'case-sources-preview': {
    params: z.input<typeof contract.caseSourceParams>;
    query: z.input<typeof contract.caseFileQuery>;
    body: Blob;
    response: z.output<typeof contract.casePreviewSchema>;
  };
  'case-sources-import': {
    params: z.input<typeof contract.caseSourceParams>;
    query: z.input<typeof contract.caseFileQuery>;
    body: Blob;
    response: z.output<typeof contract.caseImportResultSchema>;
  };
  'surveys-list': { response: z.output<typeof contract.surveyListSchema> };
  'surveys-create': { body: z.input<typeof contract.surveyBody>; response: z.output<typeof contract.surveySchema> };
  'surveys-get': { params: z.input<typeof contract.idParams>; response: z.output<typeof contract.surveySchema> };
  'surveys-update': {
    conditional: true;
    params: z.input<typeof contract.idParams>;
    body: z.input<typeof contract.surveyBody>;
    response: z.output<typeof contract.surveySchema>;
  };
  'surveys-links-issue': {
    params: z.input<typeof contract.idParams>;
    query: z.input<typeof contract.surveyLinksQuery>;
    body: z.input<typeof contract.surveyLinksBody>;
    response: z.output<typeof contract.surveyLinksResultSchema>;
  };
  'surveys-answers-import': {
    params: z.input<typeof contract.idParams>;
    query: z.input<typeof contract.surveyImportQuery>;
    body: Blob;
    response: z.output<typeof contract.surveyImportResultSchema>;
  };
  'surveys-results': {
    params: z.input<typeof contract.idParams>;
    query: z.input<typeof contract.surveyResultsQuery>;
    response: z.output<typeof contract.surveyResultsSchema>;
  };
  'fokus-get': { response: z.output<typeof contract.fokusOverviewSchema> };
  'fokus-round-create': { body: z.input<typeof contract.roundBody>; response: z.output<typeof contract.roundSchema> };
  'fokus-round-get': { params: z.input<typeof contract.roundParams>; response: z.output<typeof contract.roundSchema> };
  'fokus-round-update': {
    conditional: true;
    params: z.input<typeof contract.roundParams>;
    body: z.input<typeof contract.roundBody>;
    response: z.output<typeof contract.roundSchema>;
  };
  'fokus-unit-scores-set': {
    params: z.input<typeof contract.roundUnitParams>;
    body: z.input<typeof contract.unitScoresBody>;
    response: z.output<typeof contract.roundSchema>;
  };
  'fokus-scores-import': {
    params: z.input<typeof contract.roundParams>;
    query: z.input<typeof contract.scoreImportQuery>;
    body: Blob;
    response: z.output<typeof contract.scoreImportResultSchema>;
  };
  'standards-get': { response: z.output<typeof contract.standardsSchema> };
  'standards-choose': {
    conditional: true;
    body: z.input<typeof contract.chooseStandardsBody>;
    response: z.output<typeof contract.standardsSchema>;
  };
  'coverage-matrix-get': { response: z.output<typeof contract.coverageMatrixSchema> };
  'access-requests-list': { response: z.output<typeof contract.accessRequestListSchema> };
  'access-requests-create': {
    body: z.input<typeof contract.createAccessRequestBody>;
    response: z.output<typeof contract.accessRequestSchema>;
  };
  'access-requests-get': {
    params: z.input<typeof contract.accessRequestParams>;
    response: z.output<typeof contract.accessRequestSchema>;
  };
  'access-requests-export': {
    conditional: true;
    params: z.input<typeof contract.accessRequestParams>;
    body: z.input<typeof contract.accessExportBody>;
    response: z.output<typeof contract.accessRequestSchema>;
  };
  'access-requests-export-file': { params: z.input<typeof contract.accessExportParams>; file: true; response: Blob };
  'access-requests-answer': {
    conditional: true;
    params: z.input<typeof contract.accessRequestParams>;
    body: z.input<typeof contract.accessAnswerBody>;
    response: z.output<typeof contract.accessRequestSchema>;
  };
  'yearly-reports-list': { response: z.output<typeof contract.yearlyReportListSchema> };
  'yearly-reports-preview': {
    params: z.input<typeof contract.yearlyReportYearParams>;
    response: z.output<typeof contract.yearlyReportPreviewSchema>;
  };
  'yearly-reports-publish': {
    params: z.input<typeof contract.yearlyReportYearParams>;
    body: z.input<typeof contract.publishYearlyReportBody>;
    response: z.output<typeof contract.yearlyReportSummarySchema>;
  };
  'yearly-reports-pdf': {
    params: z.input<typeof contract.yearlyReportYearParams>;
    query: z.input<typeof contract.yearlyReportPdfQuery>;
    file: true;
    response: Blob;
  };
  'public-register-challenge': { response: z.output<typeof contract.altchaChallengeSchema> };
  'public-register-options': {
    query: z.input<typeof contract.publicRegisterOptionsQuery>;
    response: z.output<typeof contract.publicRegisterOptionsSchema>;
  };
  'public-register-submit': {
    body: z.input<typeof contract.publicSubmissionBody>;
    response: z.output<typeof contract.publicReceiptSchema>;
  };
  'public-register-status': {
    params: z.input<typeof contract.statusTokenParams>;
    query: z.input<typeof contract.publicStatusQuery>;
    response: z.output<typeof contract.publicStatusSchema>;
  };
  'register-report': {
    body: z.input<typeof contract.registerReportBody>;
    response: z.output<typeof contract.registerItemDetailSchema>;
  };
  'register-list': {
    query: z.input<typeof contract.registerListQuery>;
    response: z.output<typeof contract.registerListSchema>;
  };
  'register-get': {
    params: z.input<typeof contract.registerItemParams>;
    response: z.output<typeof contract.registerItemDetailSchema>;
  };
  'register-assess': {
    conditional: true;
    params: z.input<typeof contract.registerItemParams>;
    body: z.input<typeof contract.assessItemBody>;
    response: z.output<typeof contract.registerItemDetailSchema>;
  };
  'register-status': {
    conditional: true;
    params: z.input<typeof contract.registerItemParams>;
    body: z.input<typeof contract.changeItemStatusBody>;
    response: z.output<typeof contract.registerItemDetailSchema>;
  };
  'register-handling': {
    conditional: true;
    params: z.input<typeof contract.registerItemParams>;
    body: z.input<typeof contract.updateHandlingBody>;
    response: z.output<typeof contract.registerItemDetailSchema>;
  };
  'register-interim-reply': {
    conditional: true;
    params: z.input<typeof contract.registerItemParams>;
    body: z.input<typeof contract.interimReplyBody>;
    response: z.output<typeof contract.registerItemDetailSchema>;
  };
  'register-reply': {
    conditional: true;
    params: z.input<typeof contract.registerItemParams>;
    body: z.input<typeof contract.replyBody>;
    response: z.output<typeof contract.registerItemDetailSchema>;
  };
  'register-start-action': {
    conditional: true;
    params: z.input<typeof contract.registerItemParams>;
    body: z.input<typeof contract.startRegisterActionBody>;
    response: z.output<typeof contract.startRegisterActionResultSchema>;
  };
  'register-reassign': {
    conditional: true;
    params: z.input<typeof contract.registerItemParams>;
    body: z.input<typeof contract.reassignItemBody>;
    response: z.output<typeof contract.registerItemDetailSchema>;
  };
  'register-deletion-request': {
    conditional: true;
    params: z.input<typeof contract.registerItemParams>;
    body: z.input<typeof contract.deletionRequestBody>;
    response: z.output<typeof contract.registerItemDetailSchema>;
  };
  'register-sender-export': {
    query: z.input<typeof contract.senderExportQuery>;
    response: z.output<typeof contract.senderExportSchema>;
  };
  'register-statistics': {
    query: z.input<typeof contract.registerStatisticsQuery>;
    response: z.output<typeof contract.registerStatisticsSchema>;
  };
  'register-settings-get': { response: z.output<typeof contract.registerSettingsResponseSchema> };
  'register-settings-put': {
    conditional: true;
    body: z.input<typeof contract.registerSettingsBody>;
    response: z.output<typeof contract.registerSettingsResponseSchema>;
  };
};
