import { acknowledgeVersion } from '../app/acknowledge-version.js';
import { addCompetence } from '../app/add-competence.js';
import { addCompetenceRequirement } from '../app/add-competence-requirement.js';
import { getApprovalComparison } from '../app/approval-comparison.js';
import { listApproverCandidates } from '../app/approver-candidates.js';
import { getCompetenceMatrix, getMatrixCell } from '../app/competence-matrix.js';
import { createProcedure } from '../app/create-procedure.js';
import { decideExternalCoverage } from '../app/decide-external-coverage.js';
import { exportCompetenceMatrix } from '../app/export-competence-matrix.js';
import { importCompetenceMatrix } from '../app/import-competence-matrix.js';
import { decideApproval } from '../app/decide-approval.js';
import { downloadVersion } from '../app/download-version.js';
import {
  acknowledgementReport,
  getProcedureDetail,
  getVisibleVersion,
  listProcedures,
} from '../app/procedure-views.js';
import { myInbox } from '../app/my-inbox.js';
import { getOverview } from '../app/overview.js';
import { getProcedureCompetences } from '../app/procedure-competences.js';
import { recordReview } from '../app/record-review.js';
import { removeCompetenceRequirement } from '../app/remove-competence-requirement.js';
import { reportCompetenceGaps } from '../app/report-competence-gaps.js';
import { searchEverything } from '../app/search-everything.js';
import { setCompetenceLevel } from '../app/set-competence-level.js';
import { submitDraft, withdrawSubmission } from '../app/submit-draft.js';
import { updateMetadata } from '../app/update-metadata.js';
import { uploadDraft } from '../app/upload-draft.js';
import { botActivitySchema } from '../contract/activity-schema.js';
import * as contract from '../contract/schemas.js';
import { AppError } from '../core/errors.js';
import {
  canCreateProcedure,
  canHandleAccessRequests,
  canManageCompetences,
  canReadSurveyResults,
  isCoordinator,
} from '../core/policies.js';
import type { Outbox } from '../app/messaging-ports.js';
import type { Bot } from '../bot/create-bot.js';
import { buildAuditRoutes } from './audit-routes.js';
import { cameOverLoopback } from './loopback.js';
import { defineRoute, json, type Route } from './route.js';
import { actionRoutes } from './action-routes.js';
import { evaluationRoutes } from './evaluation-routes.js';
import { yearWheelRoutes } from './year-wheel-routes.js';
import { goalRoutes } from './goal-routes.js';
import { surveyRoutes } from './survey-routes.js';
import { publicationRoutes } from './publication-routes.js';
import { registerRoutes } from './register-routes.js';
import type { ProofOfWork } from '../app/register-ports.js';
import { fokusRoutes } from './fokus-routes.js';
import { accessRequestRoutes } from './access-request-routes.js';

export type RouteTableOptions = {
  mode: 'local' | 'production';
  maxUploadBytes: number;
  /** The bot and the local outbox; absent where a host serves no chat (e.g. the OpenAPI build). */
  chat?: { bot: Bot; outbox: Outbox } | undefined;
  /** What the tab needs to sign in (GET /sign-in); defaults to the local picker. */
  signIn?: contract.SignInDto | undefined;
  /** Where the app is reached from outside: the base of the survey links (else the request's origin). */
  publicUrl?: string | undefined;
  /** The register's public form's proof-of-work; absent where a host serves no public form (the OpenAPI build). */
  proofOfWork?: ProofOfWork | undefined;
  /** Requests a minute from one address to the public form's routes (default 30). */
  publicRegisterPerMinute?: number | undefined;
};

/** Spreadsheets of a few thousand levels are far below this; it keeps a stray upload from filling memory. */
const maxImportBytes = 2 * 1024 * 1024;

/** The whole REST API, in one table. Handlers parse nothing themselves: the schemas did. */
export function buildRoutes(options: RouteTableOptions): Route[] {
  return [
    defineRoute({
      name: 'health',
      method: 'GET',
      path: '/health',
      summary: 'Liveness check',
      tag: 'system',
      access: 'public',
      response: contract.okSchema,
      handler: async () => json({ ok: true }),
    }),
    defineRoute({
      name: 'sign-in',
      method: 'GET',
      path: '/sign-in',
      summary: 'How the tab signs in: the local picker, or Entra ID (MSAL client id, authority, scopes)',
      tag: 'system',
      access: 'public',
      response: contract.signInSchema,
      handler: async () => json(options.signIn ?? { mode: 'local' }),
    }),
    defineRoute({
      name: 'me',
      method: 'GET',
      path: '/me',
      summary: 'The signed-in person and what they may do across the app',
      tag: 'people',
      access: 'signed-in',
      response: contract.meSchema,
      handler: async ({ actor, services }) => {
        const person = await services.store.getPerson(actor.id);
        if (!person) throw new AppError('UNAUTHENTICATED', 'The signed-in person no longer exists.');
        return json({
          person,
          mode: options.mode,
          organisationName: services.settings.organisationName,
          abilities: {
            createProcedure: canCreateProcedure(actor),
            switchUser: options.mode === 'local',
            readSurveyResults: canReadSurveyResults(actor),
            handleAccessRequests: canHandleAccessRequests(actor),
          },
        });
      },
    }),
    defineRoute({
      name: 'my-tasks',
      method: 'GET',
      path: '/me/tasks',
      summary:
        'The one inbox: procedure tasks, corrective actions, audits, årshjul activities and competence items, soonest due first',
      tag: 'people',
      access: 'signed-in',
      response: contract.myTasksSchema,
      handler: async ({ actor, services }) => json(await myInbox(services, actor)),
    }),
    defineRoute({
      name: 'overview',
      method: 'GET',
      path: '/overview',
      summary:
        'The overview (Overblik): figures with the filtered lists they lead to; organisation, unit or personal scope (403 beyond the caller’s)',
      tag: 'people',
      access: 'signed-in',
      query: contract.overviewQuery,
      response: contract.overviewSchema,
      handler: async ({ actor, services, query }) => json(await getOverview(services, actor, query)),
    }),
    defineRoute({
      name: 'people-list',
      method: 'GET',
      path: '/people',
      summary: 'People in the administration',
      tag: 'people',
      // The local sign-in picker lists people before anyone is signed in; production needs a token.
      access: options.mode === 'local' ? 'public' : 'signed-in',
      response: contract.peopleSchema,
      handler: async ({ services }) => json(await services.store.listPeople()),
    }),
    defineRoute({
      name: 'units-list',
      method: 'GET',
      path: '/units',
      summary: 'Organisational units',
      tag: 'people',
      // The local sign-in picker lists people before anyone is signed in; production needs a token.
      access: options.mode === 'local' ? 'public' : 'signed-in',
      response: contract.unitsSchema,
      handler: async ({ services }) => json(await services.store.listUnits()),
    }),
    defineRoute({
      name: 'approver-candidates',
      method: 'GET',
      path: '/approver-candidates',
      summary: 'Whom a procedure of a unit (none: the whole organisation) may name as approver',
      tag: 'people',
      access: 'signed-in',
      query: contract.unitFilterQuery,
      response: contract.approverCandidatesSchema,
      handler: async ({ actor, services, query }) =>
        json(await listApproverCandidates(services, actor, query.unitId ?? null)),
    }),
    defineRoute({
      name: 'procedures-list',
      method: 'GET',
      path: '/procedures',
      summary: 'The handbook: procedures with filters, sorting and paging',
      tag: 'procedures',
      access: 'signed-in',
      query: contract.procedureListQuery,
      response: contract.procedureListSchema,
      handler: async ({ actor, services, query }) => {
        const result = await listProcedures(services, actor, query);
        return json({ ...result, limit: query.limit, offset: query.offset });
      },
    }),
    defineRoute({
      name: 'procedures-areas',
      method: 'GET',
      path: '/procedures/areas',
      summary: 'Process levels and areas with their procedure counts (the handbook tree)',
      tag: 'procedures',
      access: 'signed-in',
      response: contract.areaSummarySchema,
      handler: async ({ actor, services }) =>
        json({ areas: await services.store.listAreas({ id: actor.id, isCoordinator: isCoordinator(actor) }) }),
    }),
    defineRoute({
      name: 'procedures-create',
      method: 'POST',
      path: '/procedures',
      summary: 'Create a procedure with a first draft from the procedure template',
      tag: 'procedures',
      access: 'signed-in',
      body: contract.createProcedureBody,
      response: contract.procedureDetailSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => {
        const procedure = await createProcedure(services, actor, body);
        return json(await getProcedureDetail(services, actor, procedure.id), 201);
      },
    }),
    defineRoute({
      name: 'procedures-get',
      method: 'GET',
      path: '/procedures/{id}',
      summary: 'A procedure with its versions, approval trail, reviews and the caller’s abilities',
      tag: 'procedures',
      access: 'signed-in',
      params: contract.idParams,
      response: contract.procedureDetailSchema,
      handler: async ({ actor, services, params }) => json(await getProcedureDetail(services, actor, params.id)),
    }),
    defineRoute({
      name: 'procedures-update',
      method: 'PATCH',
      path: '/procedures/{id}',
      summary: 'Change a procedure’s metadata',
      tag: 'procedures',
      access: 'signed-in',
      conditional: true,
      params: contract.idParams,
      body: contract.updateProcedureBody,
      response: contract.procedureDetailSchema,
      handler: async ({ actor, services, params, body, etag }) => {
        await updateMetadata(services, actor, { procedureId: params.id, etag: etag(), changes: body });
        return json(await getProcedureDetail(services, actor, params.id));
      },
    }),
    defineRoute({
      name: 'versions-rendered',
      method: 'GET',
      path: '/procedures/{id}/versions/{versionId}/rendered',
      summary: 'A version rendered as sanitised HTML for reading in the tab',
      tag: 'versions',
      access: 'signed-in',
      params: contract.versionParams,
      response: contract.renderedVersionSchema,
      handler: async ({ actor, services, params }) => {
        const version = await getVisibleVersion(services, actor, params.id, params.versionId);
        return json({ versionId: version.id, mediaType: version.file.mediaType, html: version.html });
      },
    }),
    defineRoute({
      name: 'versions-file',
      method: 'GET',
      path: '/procedures/{id}/versions/{versionId}/file',
      summary:
        'Download a version as "<code> <title> v<version>" (docx, pdf or md, or its PDF rendition), stamped with code, version, approval date and approver; an obsolete version is stamped as replaced',
      tag: 'versions',
      access: 'signed-in',
      params: contract.versionParams,
      query: contract.versionFileQuery,
      handler: async ({ actor, services, params, query }) => {
        const inline = query.inline === 'true';
        const file = await downloadVersion(services, actor, {
          procedureId: params.id,
          versionId: params.versionId,
          format: query.format,
          locale: query.locale ?? 'da',
          inline,
        });
        return { kind: 'file', bytes: file.bytes, mediaType: file.mediaType, fileName: file.fileName, inline };
      },
    }),
    defineRoute({
      name: 'draft-upload',
      method: 'PUT',
      path: '/procedures/{id}/draft/file',
      summary: 'Upload a new version as a draft (.docx, .pdf or .md; the type is checked by content)',
      tag: 'drafts',
      access: 'signed-in',
      conditional: true,
      params: contract.idParams,
      query: contract.uploadQuery,
      body: 'binary',
      maxBodyBytes: options.maxUploadBytes,
      response: contract.procedureDetailSchema,
      handler: async ({ actor, services, params, query, body, etag }) => {
        await uploadDraft(services, actor, {
          procedureId: params.id,
          etag: etag(),
          fileName: query.fileName,
          bytes: body as unknown as Uint8Array,
        });
        return json(await getProcedureDetail(services, actor, params.id));
      },
    }),
    defineRoute({
      name: 'draft-submit',
      method: 'POST',
      path: '/procedures/{id}/draft/submit',
      summary: 'Submit the draft for approval with a change summary',
      tag: 'drafts',
      access: 'signed-in',
      conditional: true,
      params: contract.idParams,
      body: contract.submitBody,
      response: contract.procedureDetailSchema,
      handler: async ({ actor, services, params, body, etag }) => {
        await submitDraft(services, actor, { procedureId: params.id, etag: etag(), ...body });
        return json(await getProcedureDetail(services, actor, params.id));
      },
    }),
    defineRoute({
      name: 'draft-withdraw',
      method: 'POST',
      path: '/procedures/{id}/draft/withdraw',
      summary: 'Take a submitted draft back from the approver',
      tag: 'drafts',
      access: 'signed-in',
      conditional: true,
      params: contract.idParams,
      body: contract.emptyBody,
      response: contract.procedureDetailSchema,
      handler: async ({ actor, services, params, etag }) => {
        await withdrawSubmission(services, actor, { procedureId: params.id, etag: etag() });
        return json(await getProcedureDetail(services, actor, params.id));
      },
    }),
    defineRoute({
      name: 'approvals-comparison',
      method: 'GET',
      path: '/approvals/{id}/comparison',
      summary: 'The draft of an approval request compared with the version it replaces, with its change summary',
      tag: 'approvals',
      access: 'signed-in',
      params: contract.idParams,
      response: contract.approvalComparisonSchema,
      handler: async ({ actor, services, params }) => json(await getApprovalComparison(services, actor, params.id)),
    }),
    defineRoute({
      name: 'approvals-approve',
      method: 'POST',
      path: '/approvals/{id}/approve',
      summary: 'Approve and publish the draft (idempotent for the same approver)',
      tag: 'approvals',
      access: 'signed-in',
      params: contract.idParams,
      body: contract.decisionBody,
      response: contract.procedureDetailSchema,
      handler: async ({ actor, services, params, body }) => {
        const result = await decideApproval(services, actor, {
          approvalId: params.id,
          decision: 'approve',
          comment: body.comment,
        });
        return json(await getProcedureDetail(services, actor, result.approval.procedureId));
      },
    }),
    defineRoute({
      name: 'approvals-reject',
      method: 'POST',
      path: '/approvals/{id}/reject',
      summary: 'Reject the draft with a comment to its author',
      tag: 'approvals',
      access: 'signed-in',
      params: contract.idParams,
      body: contract.rejectBody,
      response: contract.procedureDetailSchema,
      handler: async ({ actor, services, params, body }) => {
        const result = await decideApproval(services, actor, {
          approvalId: params.id,
          decision: 'reject',
          comment: body.comment,
        });
        return json(await getProcedureDetail(services, actor, result.approval.procedureId));
      },
    }),
    defineRoute({
      name: 'reviews-record',
      method: 'POST',
      path: '/procedures/{id}/reviews',
      summary: 'Periodic review: confirm still valid, or start a revision',
      tag: 'reviews',
      access: 'signed-in',
      conditional: true,
      params: contract.idParams,
      body: contract.reviewBody,
      response: contract.procedureDetailSchema,
      handler: async ({ actor, services, params, body, etag }) => {
        await recordReview(services, actor, { procedureId: params.id, etag: etag(), ...body });
        return json(await getProcedureDetail(services, actor, params.id));
      },
    }),
    defineRoute({
      name: 'acknowledgements-give',
      method: 'POST',
      path: '/procedures/{id}/versions/{versionId}/acknowledgement',
      summary: 'Acknowledge this exact version as read and understood',
      tag: 'acknowledgements',
      access: 'signed-in',
      params: contract.versionParams,
      body: contract.emptyBody,
      response: contract.procedureDetailSchema,
      handler: async ({ actor, services, params }) => {
        await acknowledgeVersion(services, actor, { procedureId: params.id, versionId: params.versionId });
        return json(await getProcedureDetail(services, actor, params.id));
      },
    }),
    defineRoute({
      name: 'acknowledgements-report',
      method: 'GET',
      path: '/procedures/{id}/acknowledgements',
      summary: 'Who has and has not acknowledged the current version',
      tag: 'acknowledgements',
      access: 'signed-in',
      params: contract.idParams,
      response: contract.acknowledgementReportSchema,
      handler: async ({ actor, services, params }) => json(await acknowledgementReport(services, actor, params.id)),
    }),
    defineRoute({
      name: 'search',
      method: 'GET',
      path: '/search',
      summary:
        'Search across procedures (first), corrective actions, audits, findings and competences: Danish and Norwegian ' +
        'word forms, compounds, typos, codes; ranked, labelled, with snippets, a true total and paging',
      tag: 'procedures',
      access: 'signed-in',
      query: contract.searchQuery,
      response: contract.searchResultSchema,
      handler: async ({ actor, services, query }) => json(await searchEverything(services, actor, query)),
    }),
    defineRoute({
      name: 'competences-list',
      method: 'GET',
      path: '/competences',
      summary: 'Competences (ISO 9001 7.2) with their requirements and external coverage decisions',
      tag: 'competences',
      access: 'signed-in',
      response: contract.competenceListSchema,
      handler: async ({ actor, services }) => {
        const [competences, requirements, externalCoverage] = await Promise.all([
          services.store.listCompetences(),
          services.store.listCompetenceRequirements(),
          services.store.listExternalCoverage(),
        ]);
        return json({
          competences,
          requirements,
          externalCoverage,
          abilities: { manage: canManageCompetences(actor) },
        });
      },
    }),
    defineRoute({
      name: 'competences-add',
      method: 'POST',
      path: '/competences',
      summary: 'Add a competence to the catalogue (name unique regardless of case)',
      tag: 'competences',
      access: 'signed-in',
      body: contract.addCompetenceBody,
      response: contract.competenceSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => json(await addCompetence(services, actor, body), 201),
    }),
    defineRoute({
      name: 'competence-requirements-add',
      method: 'POST',
      path: '/competence-requirements',
      summary: 'Require at least N people at level L or above in a competence, for a procedure, area or unit',
      tag: 'competences',
      access: 'signed-in',
      body: contract.addCompetenceRequirementBody,
      response: contract.competenceRequirementSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => json(await addCompetenceRequirement(services, actor, body), 201),
    }),
    defineRoute({
      name: 'competence-requirements-remove',
      method: 'DELETE',
      path: '/competence-requirements/{id}',
      summary: 'Remove a requirement, with the external coverage decisions made for it (kept in the audit trail)',
      tag: 'competences',
      access: 'signed-in',
      params: contract.idParams,
      response: contract.removedRequirementSchema,
      handler: async ({ actor, services, params }) =>
        json(await removeCompetenceRequirement(services, actor, { requirementId: params.id })),
    }),
    defineRoute({
      name: 'procedure-competences',
      method: 'GET',
      path: '/procedures/{id}/competences',
      summary: 'The competences a procedure requires (its own, its area’s, its unit’s) and whether they are met',
      tag: 'competences',
      access: 'signed-in',
      params: contract.idParams,
      response: contract.procedureCompetencesSchema,
      handler: async ({ actor, services, params }) => json(await getProcedureCompetences(services, actor, params.id)),
    }),
    defineRoute({
      name: 'competence-matrix',
      method: 'GET',
      path: '/competence-matrix',
      summary: 'People × competences with levels, validity and assessment, for the organisation or a unit',
      tag: 'competences',
      access: 'signed-in',
      query: contract.unitFilterQuery,
      response: contract.competenceMatrixSchema,
      handler: async ({ actor, services, query }) => json(await getCompetenceMatrix(services, actor, query)),
    }),
    defineRoute({
      name: 'competence-matrix-cell',
      method: 'GET',
      path: '/competence-matrix/{personId}/{competenceId}',
      summary: 'One cell of the matrix with its ETag (level 0 and etag 0 when nothing is recorded)',
      tag: 'competences',
      access: 'signed-in',
      params: contract.matrixCellParams,
      response: contract.matrixCellSchema,
      handler: async ({ services, params }) => json(await getMatrixCell(services, params)),
    }),
    defineRoute({
      name: 'competence-matrix-set',
      method: 'PUT',
      path: '/competence-matrix/{personId}/{competenceId}',
      summary: 'Set a level: a self-assessment for oneself, confirmed when a leader sets it (If-Match: the cell etag)',
      tag: 'competences',
      access: 'signed-in',
      conditional: true,
      params: contract.matrixCellParams,
      body: contract.setCompetenceLevelBody,
      response: contract.matrixCellSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        json(await setCompetenceLevel(services, actor, { ...params, ...body, etag: etag() })),
    }),
    defineRoute({
      name: 'competence-matrix-export',
      method: 'GET',
      path: '/competence-matrix/export',
      summary:
        'The matrix as .xlsx (people × competences with a legend, and a sheet of gaps) or as CSV for re-import (; separated, UTF-8 with BOM)',
      tag: 'competences',
      access: 'signed-in',
      query: contract.matrixExportQuery,
      handler: async ({ actor, services, query }) => ({
        kind: 'file',
        ...(await exportCompetenceMatrix(services, actor, query)),
        inline: false,
      }),
    }),
    defineRoute({
      name: 'competence-matrix-import',
      method: 'POST',
      path: '/competence-matrix/import',
      summary: 'Import levels from .xlsx or CSV: preview the changes and per-row errors, or apply all rows or none',
      tag: 'competences',
      access: 'signed-in',
      query: contract.matrixImportQuery,
      body: 'binary',
      maxBodyBytes: maxImportBytes,
      response: contract.matrixImportResultSchema,
      handler: async ({ actor, services, query, body }) =>
        json(await importCompetenceMatrix(services, actor, { ...query, bytes: body as unknown as Uint8Array })),
    }),
    defineRoute({
      name: 'competence-gaps',
      method: 'GET',
      path: '/competence-gaps',
      summary: 'Unmet requirements, single-person tasks, external coverage and qualifications expiring in 90 days',
      tag: 'competences',
      access: 'signed-in',
      query: contract.unitFilterQuery,
      response: contract.competenceGapReportSchema,
      handler: async ({ actor, services, query }) => json(await reportCompetenceGaps(services, actor, query)),
    }),
    defineRoute({
      name: 'competence-coverage-decide',
      method: 'POST',
      path: '/competence-coverage',
      summary: 'Decide to buy a requirement from an external supplier (dated, with contract end)',
      tag: 'competences',
      access: 'signed-in',
      body: contract.externalCoverageBody,
      response: contract.externalCoverageSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => json(await decideExternalCoverage(services, actor, body), 201),
    }),
    ...buildAuditRoutes(),
    defineRoute({
      name: 'bot-messages',
      method: 'POST',
      path: '/messages',
      summary: 'Bot Framework activities from Teams (the bot endpoint); tokens are validated by the Teams SDK',
      tag: 'chat',
      access: 'public',
      body: botActivitySchema(options.mode),
      maxBodyBytes: 256 * 1024,
      // Every person's activities arrive from Microsoft's Bot Connector, a few addresses shared by
      // the whole municipality: the per-address limit is ten times the default here.
      rateLimitPerMinute: 3000,
      handler: async ({ body, request }) => {
        if (!options.chat) throw new AppError('NOT_FOUND', 'This host serves no bot.');
        const headers: Record<string, string> = {};
        request.headers.forEach((value, name) => (headers[name] = value));
        const response = await options.chat.bot.handle(
          { body, headers },
          // From the socket, marked by the local host; never from a header (see http/loopback.ts).
          { isLoopback: cameOverLoopback(request) },
        );
        return { kind: 'json', status: response.status, body: response.body ?? null };
      },
    }),
    defineRoute({
      name: 'chat-messages',
      method: 'GET',
      path: '/chat/messages',
      summary: 'Local mode: the signed-in person’s bot messages (the local chat pane)',
      tag: 'chat',
      access: 'signed-in',
      response: contract.chatMessagesSchema,
      handler: async ({ actor }) => {
        if (options.mode !== 'local' || !options.chat)
          throw new AppError('NOT_FOUND', 'The local chat exists only in local mode.');
        const messages = await options.chat.outbox.list(actor.id);
        return json({
          messages: messages.map(({ id, summary, card, sentAt, updatedAt }) => ({
            id,
            summary,
            card,
            sentAt,
            updatedAt,
          })),
        });
      },
    }),
    ...actionRoutes(),
    ...evaluationRoutes(),
    ...yearWheelRoutes(),
    ...goalRoutes(),
    ...surveyRoutes({ publicUrl: options.publicUrl }),
    ...fokusRoutes(),
    ...accessRequestRoutes(),
    ...publicationRoutes(),
    ...registerRoutes({ proofOfWork: options.proofOfWork, perMinute: options.publicRegisterPerMinute }),
  ];
}
