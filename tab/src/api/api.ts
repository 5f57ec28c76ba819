import type { CardActionActivity, CardActionResponse, ChatMessages } from './chat-contract';
import { createAuditApi } from './audit-api';
import type { HttpClient } from './http-client';
import { createOverviewApi } from './overview-api';
import { createQualityApi } from './quality-api';
import type {
  AcknowledgementReport,
  ApprovalComparisonDto,
  ApproverCandidatesDto,
  AreaSummary,
  AddCompetenceRequirementBody,
  CompetenceGapReport,
  CompetenceLevel,
  CompetenceList,
  CompetenceRequirementDto,
  ProcedureCompetencesDto,
  CompetenceMatrixDto,
  MatrixImportResult,
  MatrixCellDto,
  CreateProcedureBody,
  MeDto,
  MyTasks,
  PersonDto,
  ProcedureDetail,
  ProcedureList,
  ProcedureSortKey,
  ProcedureStatusFilter,
  ProcessLevel,
  RenderedVersion,
  ReviewBody,
  SearchResult,
  SubmitBody,
  UnitDto,
  UpdateProcedureBody,
  CreateOccurrenceBody,
  OccurrenceDto,
  UpdateOccurrenceBody,
  YearWheelDto,
  YearWheelGeneratedDto,
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

const enc = encodeURIComponent;

/** One typed function per endpoint. Writes that change a procedure carry its ETag as If-Match. */
export function createApi(http: HttpClient) {
  return {
    getMe: (signal?: AbortSignal) => http.requestJson<MeDto>('/api/me', { signal }),
    listPeople: (signal?: AbortSignal) => http.requestJson<PersonDto[]>('/api/people', { signal }),
    listUnits: (signal?: AbortSignal) => http.requestJson<UnitDto[]>('/api/units', { signal }),
    /** Whom a procedure of the unit (empty: the whole organisation) may name as approver. */
    getApproverCandidates: (unitId: string, signal?: AbortSignal) =>
      http.requestJson<ApproverCandidatesDto>(`/api/approver-candidates${unitId ? `?unitId=${enc(unitId)}` : ''}`, {
        signal,
      }),

    listProcedures: (params: ProcedureListParams, signal?: AbortSignal) =>
      http.requestJson<ProcedureList>('/api/procedures', { query: params, signal }),
    listAreas: (signal?: AbortSignal) => http.requestJson<AreaSummary>('/api/procedures/areas', { signal }),
    createProcedure: (body: CreateProcedureBody) =>
      http.requestJson<ProcedureDetail>('/api/procedures', { method: 'POST', json: body }),
    getProcedure: (id: string, signal?: AbortSignal) =>
      http.requestJson<ProcedureDetail>(`/api/procedures/${enc(id)}`, { signal }),
    updateProcedure: (procedure: ProcedureDetail, body: UpdateProcedureBody) =>
      http.requestJson<ProcedureDetail>(`/api/procedures/${enc(procedure.id)}`, {
        method: 'PATCH',
        json: body,
        ifMatch: procedure.etag,
      }),

    getRenderedVersion: (procedureId: string, versionId: string, signal?: AbortSignal) =>
      http.requestJson<RenderedVersion>(`/api/procedures/${enc(procedureId)}/versions/${enc(versionId)}/rendered`, {
        signal,
      }),
    downloadVersionFile: (procedureId: string, versionId: string, signal?: AbortSignal) =>
      http.requestBlob(`/api/procedures/${enc(procedureId)}/versions/${enc(versionId)}/file`, { signal }),

    uploadDraft: (procedure: ProcedureDetail, file: File) =>
      http.requestJson<ProcedureDetail>(`/api/procedures/${enc(procedure.id)}/draft/file`, {
        method: 'PUT',
        query: { fileName: file.name },
        raw: file,
        ifMatch: procedure.etag,
      }),
    submitDraft: (procedure: ProcedureDetail, body: SubmitBody) =>
      http.requestJson<ProcedureDetail>(`/api/procedures/${enc(procedure.id)}/draft/submit`, {
        method: 'POST',
        json: body,
        ifMatch: procedure.etag,
      }),
    withdrawDraft: (procedure: ProcedureDetail) =>
      http.requestJson<ProcedureDetail>(`/api/procedures/${enc(procedure.id)}/draft/withdraw`, {
        method: 'POST',
        json: {},
        ifMatch: procedure.etag,
      }),
    recordReview: (procedure: ProcedureDetail, body: ReviewBody) =>
      http.requestJson<ProcedureDetail>(`/api/procedures/${enc(procedure.id)}/reviews`, {
        method: 'POST',
        json: body,
        ifMatch: procedure.etag,
      }),
    acknowledgeVersion: (procedure: ProcedureDetail, versionId: string) =>
      http.requestJson<ProcedureDetail>(
        `/api/procedures/${enc(procedure.id)}/versions/${enc(versionId)}/acknowledgement`,
        {
          method: 'POST',
          json: {},
        },
      ),
    getAcknowledgementReport: (procedureId: string, signal?: AbortSignal) =>
      http.requestJson<AcknowledgementReport>(`/api/procedures/${enc(procedureId)}/acknowledgements`, { signal }),

    /** The draft of an approval request compared with the version it replaces. */
    getApprovalComparison: (approvalId: string, signal?: AbortSignal) =>
      http.requestJson<ApprovalComparisonDto>(`/api/approvals/${enc(approvalId)}/comparison`, { signal }),
    approve: (approvalId: string, comment: string | undefined) =>
      http.requestJson<ProcedureDetail>(`/api/approvals/${enc(approvalId)}/approve`, {
        method: 'POST',
        json: comment ? { comment } : {},
      }),
    reject: (approvalId: string, comment: string) =>
      http.requestJson<ProcedureDetail>(`/api/approvals/${enc(approvalId)}/reject`, {
        method: 'POST',
        json: { comment },
      }),

    search: (q: string, page: { offset: number; limit: number }, signal?: AbortSignal) =>
      http.requestJson<SearchResult>('/api/search', { query: { q, ...page }, signal }),
    listCompetences: (signal?: AbortSignal) => http.requestJson<CompetenceList>('/api/competences', { signal }),
    getProcedureCompetences: (procedureId: string, signal?: AbortSignal) =>
      http.requestJson<ProcedureCompetencesDto>(`/api/procedures/${enc(procedureId)}/competences`, { signal }),
    addCompetenceRequirement: (body: AddCompetenceRequirementBody) =>
      http.requestJson<CompetenceRequirementDto>('/api/competence-requirements', { method: 'POST', json: body }),
    removeCompetenceRequirement: (requirementId: string) =>
      http.requestJson<unknown>(`/api/competence-requirements/${enc(requirementId)}`, { method: 'DELETE' }),
    getYearWheel: (year: number, signal?: AbortSignal) =>
      http.requestJson<YearWheelDto>('/api/year-wheel', { query: { year }, signal }),
    generateYearWheel: (year: number) =>
      http.requestJson<YearWheelGeneratedDto>(`/api/year-wheel/${year}/generate`, { method: 'POST' }),
    createOccurrence: (body: CreateOccurrenceBody) =>
      http.requestJson<OccurrenceDto>('/api/year-wheel/occurrences', { method: 'POST', json: body }),
    updateOccurrence: (occurrence: OccurrenceDto, body: UpdateOccurrenceBody) =>
      http.requestJson<OccurrenceDto>(`/api/year-wheel/occurrences/${enc(occurrence.id)}`, {
        method: 'PATCH',
        json: body,
        ifMatch: occurrence.etag,
      }),
    deleteOccurrence: (occurrence: OccurrenceDto) =>
      http.requestJson<{ ok: true }>(`/api/year-wheel/occurrences/${enc(occurrence.id)}`, {
        method: 'DELETE',
        ifMatch: occurrence.etag,
      }),

    getCompetenceMatrix: (unitId: string | undefined, signal?: AbortSignal) =>
      http.requestJson<CompetenceMatrixDto>('/api/competence-matrix', { query: { unitId }, signal }),
    /** If-Match: the cell's etag (0 when there is no record yet); 409 when someone changed it meanwhile. */
    /** The cell as the matrix shows it (no record yet: etag 0); its evidence is sent back unchanged. */
    setCompetenceLevel: (
      cell: Pick<MatrixCellDto, 'personId' | 'competenceId' | 'evidence' | 'etag'>,
      level: CompetenceLevel,
    ) =>
      http.requestJson<MatrixCellDto>(`/api/competence-matrix/${enc(cell.personId)}/${enc(cell.competenceId)}`, {
        method: 'PUT',
        json: { level, evidence: cell.evidence },
        ifMatch: `"${cell.etag}"`,
      }),
    getCompetenceGaps: (unitId: string | undefined, signal?: AbortSignal) =>
      http.requestJson<CompetenceGapReport>('/api/competence-gaps', { query: { unitId }, signal }),
    exportCompetenceMatrix: (format: 'xlsx' | 'csv', unitId: string | undefined, locale: 'da' | 'nb' | 'en') =>
      http.requestBlob('/api/competence-matrix/export', { query: { format, unitId, locale } }),
    /** 'preview' lists the changes and per-row errors; 'apply' writes all rows or none (400 with the errors). */
    importCompetenceMatrix: (format: 'xlsx' | 'csv', mode: 'preview' | 'apply', file: Blob) =>
      http.requestJson<MatrixImportResult>('/api/competence-matrix/import', {
        method: 'POST',
        query: { format, mode },
        raw: file,
      }),
    getMyTasks: (signal?: AbortSignal) => http.requestJson<MyTasks>('/api/me/tasks', { signal }),

    /** Local mode: the bot's messages to me, newest first (in Teams the real chat has them). */
    getChatMessages: (signal?: AbortSignal) => http.requestJson<ChatMessages>('/api/chat/messages', { signal }),
    /**
     * The Bot Framework endpoint, fed the activity the Teams client would send. X-Local-User
     * goes along (the identity headers are on every request) so the server can log the sender.
     */
    sendCardAction: (activity: CardActionActivity, signal?: AbortSignal) =>
      http.requestJson<CardActionResponse>('/api/messages', { method: 'POST', json: activity, signal }),
    ...createAuditApi(http),
    ...createQualityApi(http),
    ...createOverviewApi(http),
  };
}

export type Api = ReturnType<typeof createApi>;
