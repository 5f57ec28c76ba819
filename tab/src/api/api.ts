import type { Locale } from '../../../functions/src/core/locale';
import type { CardActionActivity, CardActionResponse } from './chat-contract';
import { createAuditApi } from './audit-api';
import type { HttpClient } from './http-client';
import { createTypedClient, routeMethod, routeUrl } from './typed-client';
import { createOverviewApi } from './overview-api';
import { createGoalsApi } from './goals-api';
import { createQualityApi } from './quality-api';
import { createSurveyApi } from './survey-api';
import { createFokusApi } from './fokus-api';
import { createAccessApi } from './access-api';
import { createPublicationApi } from './publication-api';
import { createRegisterApi } from './register-api';
import type {
  AreaSummary,
  AddCompetenceRequirementBody,
  CompetenceLevel,
  MatrixCellDto,
  CreateProcedureBody,
  ProcedureDetail,
  ProcedureSortKey,
  ProcedureStatusFilter,
  ProcessLevel,
  ReviewBody,
  SubmitBody,
  UpdateProcedureBody,
  CreateOccurrenceBody,
  OccurrenceDto,
  UpdateOccurrenceBody,
} from './contract';

export type ProcedureListParams = {
  level?: ProcessLevel | undefined;
  area?: string | undefined;
  status?: ProcedureStatusFilter | undefined;
  ownerId?: string | undefined;
  unitId?: string | undefined;
  sort?: ProcedureSortKey | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

/** One typed function per endpoint, on the typed client. Writes that change a procedure carry its ETag as If-Match. */
export function createApi(http: HttpClient) {
  const api = createTypedClient(http);
  return {
    getMe: (signal?: AbortSignal) => api.call('me', { signal }),
    listPeople: (signal?: AbortSignal) => api.call('people-list', { signal }),
    listUnits: (signal?: AbortSignal) => api.call('units-list', { signal }),
    /** Whom a procedure of the unit (empty: the whole organisation) may name as approver. */
    getApproverCandidates: (unitId: string, signal?: AbortSignal) =>
      api.call('approver-candidates', { query: { unitId: unitId || undefined }, signal }),

    listProcedures: (params: ProcedureListParams, signal?: AbortSignal) =>
      api.call('procedures-list', { query: params, signal }),
    listAreas: (signal?: AbortSignal): Promise<AreaSummary> => api.call('procedures-areas', { signal }),
    createProcedure: (body: CreateProcedureBody) => api.call('procedures-create', { body }),
    getProcedure: (id: string, signal?: AbortSignal) => api.call('procedures-get', { params: { id }, signal }),
    updateProcedure: (procedure: ProcedureDetail, body: UpdateProcedureBody) =>
      api.call('procedures-update', { params: { id: procedure.id }, body, ifMatch: procedure.etag }),

    getRenderedVersion: (procedureId: string, versionId: string, signal?: AbortSignal) =>
      api.call('versions-rendered', { params: { id: procedureId, versionId }, signal }),
    downloadVersionFile: (
      procedureId: string,
      versionId: string,
      signal?: AbortSignal,
      options: { format?: 'original' | 'pdf'; locale?: Locale; inline?: boolean } = {},
    ) =>
      api.download('versions-file', {
        params: { id: procedureId, versionId },
        query: {
          format: options.format,
          locale: options.locale,
          inline: options.inline ? ('true' as const) : undefined,
        },
        signal,
      }),

    uploadDraft: (procedure: ProcedureDetail, file: File) =>
      api.call('draft-upload', {
        params: { id: procedure.id },
        query: { fileName: file.name },
        body: file,
        ifMatch: procedure.etag,
      }),
    submitDraft: (procedure: ProcedureDetail, body: SubmitBody) =>
      api.call('draft-submit', { params: { id: procedure.id }, body, ifMatch: procedure.etag }),
    withdrawDraft: (procedure: ProcedureDetail) =>
      api.call('draft-withdraw', { params: { id: procedure.id }, body: {}, ifMatch: procedure.etag }),
    recordReview: (procedure: ProcedureDetail, body: ReviewBody) =>
      api.call('reviews-record', { params: { id: procedure.id }, body, ifMatch: procedure.etag }),
    acknowledgeVersion: (procedure: ProcedureDetail, versionId: string) =>
      api.call('acknowledgements-give', { params: { id: procedure.id, versionId }, body: {} }),
    getAcknowledgementReport: (procedureId: string, signal?: AbortSignal) =>
      api.call('acknowledgements-report', { params: { id: procedureId }, signal }),

    /** The draft of an approval request compared with the version it replaces. */
    getApprovalComparison: (approvalId: string, signal?: AbortSignal) =>
      api.call('approvals-comparison', { params: { id: approvalId }, signal }),
    approve: (approvalId: string, comment: string | undefined) =>
      api.call('approvals-approve', { params: { id: approvalId }, body: comment ? { comment } : {} }),
    reject: (approvalId: string, comment: string) =>
      api.call('approvals-reject', { params: { id: approvalId }, body: { comment } }),

    search: (q: string, page: { offset: number; limit: number }, signal?: AbortSignal) =>
      api.call('search', { query: { q, ...page }, signal }),
    listCompetences: (signal?: AbortSignal) => api.call('competences-list', { signal }),
    getProcedureCompetences: (procedureId: string, signal?: AbortSignal) =>
      api.call('procedure-competences', { params: { id: procedureId }, signal }),
    addCompetenceRequirement: (body: AddCompetenceRequirementBody) => api.call('competence-requirements-add', { body }),
    removeCompetenceRequirement: (requirementId: string) =>
      api.call('competence-requirements-remove', { params: { id: requirementId } }),
    getYearWheel: (year: number, signal?: AbortSignal) => api.call('year-wheel-get', { query: { year }, signal }),
    generateYearWheel: (year: number) => api.call('year-wheel-generate', { params: { year } }),
    createOccurrence: (body: CreateOccurrenceBody) => api.call('year-wheel-occurrence-create', { body }),
    updateOccurrence: (occurrence: OccurrenceDto, body: UpdateOccurrenceBody) =>
      api.call('year-wheel-occurrence-update', {
        params: { id: occurrence.id },
        body,
        ifMatch: occurrence.etag,
      }),
    deleteOccurrence: (occurrence: OccurrenceDto) =>
      api.call('year-wheel-occurrence-delete', { params: { id: occurrence.id }, ifMatch: occurrence.etag }),

    getCompetenceMatrix: (unitId: string | undefined, signal?: AbortSignal) =>
      api.call('competence-matrix', { query: { unitId }, signal }),
    /** If-Match: the cell's etag (0 when there is no record yet); 409 when someone changed it meanwhile. */
    /** The cell as the matrix shows it (no record yet: etag 0); its evidence is sent back unchanged. */
    setCompetenceLevel: (
      cell: Pick<MatrixCellDto, 'personId' | 'competenceId' | 'evidence' | 'etag'>,
      level: CompetenceLevel,
    ) =>
      api.call('competence-matrix-set', {
        params: { personId: cell.personId, competenceId: cell.competenceId },
        body: { level, evidence: cell.evidence },
        ifMatch: `"${cell.etag}"`,
      }),
    getCompetenceGaps: (unitId: string | undefined, signal?: AbortSignal) =>
      api.call('competence-gaps', { query: { unitId }, signal }),
    exportCompetenceMatrix: (format: 'xlsx' | 'csv', unitId: string | undefined, locale: 'da' | 'nb' | 'en') =>
      api.download('competence-matrix-export', { query: { format, unitId, locale } }),
    /** 'preview' lists the changes and per-row errors; 'apply' writes all rows or none (400 with the errors). */
    importCompetenceMatrix: (format: 'xlsx' | 'csv', mode: 'preview' | 'apply', file: Blob) =>
      api.call('competence-matrix-import', { query: { format, mode }, body: file }),
    getMyTasks: (signal?: AbortSignal) => api.call('my-tasks', { signal }),

    /** Local mode: the bot's messages to me, newest first (in Teams the real chat has them). */
    getChatMessages: (signal?: AbortSignal) => api.call('chat-messages', { signal }),
    /**
     * The Bot Framework endpoint, fed the activity the Teams client would send. X-Local-User
     * goes along (the identity headers are on every request) so the server can log the sender.
     * Its wire format is the Bot Framework's, typed in chat-contract.ts, not a contract schema.
     */
    sendCardAction: (activity: CardActionActivity, signal?: AbortSignal): Promise<CardActionResponse> =>
      http.requestJson<CardActionResponse>(routeUrl('bot-messages'), {
        method: routeMethod('bot-messages'),
        json: activity,
        signal,
      }),
    ...createAuditApi(api),
    ...createQualityApi(api),
    ...createOverviewApi(api),
    ...createSurveyApi(api, http),
    ...createFokusApi(api),
    ...createAccessApi(api),
    ...createPublicationApi(api),
    ...createRegisterApi(api),
    ...createGoalsApi(api),
  };
}

export type Api = ReturnType<typeof createApi>;
