import type { z } from 'zod';
import type {
  AuditViewDto,
  CertificateCycleDto,
  CertificateDto,
  ChecklistLineDto,
  FindingImportResultDto,
  FindingViewDto,
  ProgrammeYearDto,
  auditListSchema,
  certificateBody,
  certificateListSchema,
  createAuditBody,
  findingBody,
  planResultSchema,
  programmeItemBody,
  reportAuditBody,
  updateAuditBody,
} from '../../../functions/src/contract/audit-schemas';
import type { HttpClient } from './http-client';

export type {
  AuditViewDto,
  CertificateCycleDto,
  CertificateDto,
  ChecklistLineDto,
  FindingImportResultDto,
  FindingViewDto,
  ProgrammeYearDto,
};
import type { ProgrammeItemDto } from '../../../functions/src/contract/audit-schemas';
export type {
  IndependenceWarningDto,
  PriorityReasonDto,
  ProgrammeItemDto,
} from '../../../functions/src/contract/audit-schemas';
export type { ChecklistResult, FindingGrade } from '../../../functions/src/core/quality-year-types';
export type AuditList = z.infer<typeof auditListSchema>;
export type CertificateList = z.infer<typeof certificateListSchema>;
export type PlanResult = z.infer<typeof planResultSchema>;
export type FindingBody = z.input<typeof findingBody>;
export type ReportAuditBody = z.input<typeof reportAuditBody>;
export type UpdateAuditBody = z.input<typeof updateAuditBody>;
export type CertificateBody = z.input<typeof certificateBody>;
export type CreateAuditBody = z.input<typeof createAuditBody>;
export type ProgrammeItemBody = z.input<typeof programmeItemBody>;
export type ChecklistLineChanges = Partial<Pick<ChecklistLineDto, 'result' | 'note' | 'question'>>;

const enc = encodeURIComponent;
const version = (record: { etag: number }) => `"${record.etag}"`;

/** The audit programme, audits, certificates and findings (functions/src/http/audit-routes.ts). */
export function createAuditApi(http: HttpClient) {
  return {
    getProgrammeYear: (year: number, signal?: AbortSignal) =>
      http.requestJson<ProgrammeYearDto>('/api/audit-programme', { query: { year }, signal }),
    planAudits: (year: number, itemIds: string[]) =>
      http.requestJson<PlanResult>(`/api/audit-programme/${year}/plan`, { method: 'POST', json: { itemIds } }),
    listAudits: (year: number | undefined, signal?: AbortSignal) =>
      http.requestJson<AuditList>('/api/audits', { query: { year }, signal }),
    getAudit: (id: string, signal?: AbortSignal) =>
      http.requestJson<AuditViewDto>(`/api/audits/${enc(id)}`, { signal }),
    updateAudit: (audit: AuditViewDto, body: UpdateAuditBody) =>
      http.requestJson<AuditViewDto>(`/api/audits/${enc(audit.id)}`, {
        method: 'PATCH',
        json: body,
        ifMatch: version(audit),
      }),
    changeAuditStatus: (audit: AuditViewDto, command: 'start' | 'cancel' | 'reopen') =>
      http.requestJson<AuditViewDto>(`/api/audits/${enc(audit.id)}/status`, {
        method: 'POST',
        json: { command },
        ifMatch: version(audit),
      }),
    reportAudit: (audit: AuditViewDto, body: ReportAuditBody) =>
      http.requestJson<AuditViewDto>(`/api/audits/${enc(audit.id)}/report`, {
        method: 'PUT',
        json: body,
        ifMatch: version(audit),
      }),
    startChecklist: (audit: AuditViewDto) =>
      http.requestJson<AuditViewDto>(`/api/audits/${enc(audit.id)}/checklist/start`, {
        method: 'POST',
        ifMatch: version(audit),
      }),
    addChecklistLine: (
      audit: AuditViewDto,
      line: { clause: string | null; procedureId: string | null; question: string },
    ) =>
      http.requestJson<AuditViewDto>(`/api/audits/${enc(audit.id)}/checklist`, {
        method: 'POST',
        json: line,
        ifMatch: version(audit),
      }),
    updateChecklistLine: (audit: AuditViewDto, lineId: string, changes: ChecklistLineChanges) =>
      http.requestJson<AuditViewDto>(`/api/audits/${enc(audit.id)}/checklist/${enc(lineId)}`, {
        method: 'PATCH',
        json: changes,
        ifMatch: version(audit),
      }),
    removeChecklistLine: (audit: AuditViewDto, lineId: string) =>
      http.requestJson<AuditViewDto>(`/api/audits/${enc(audit.id)}/checklist/${enc(lineId)}`, {
        method: 'DELETE',
        ifMatch: version(audit),
      }),
    listAuditFindings: (auditId: string, signal?: AbortSignal) =>
      http.requestJson<{ findings: FindingViewDto[] }>(`/api/audits/${enc(auditId)}/findings`, { signal }),
    createFinding: (auditId: string, body: FindingBody) =>
      http.requestJson<FindingViewDto>(`/api/audits/${enc(auditId)}/findings`, { method: 'POST', json: body }),
    importFindings: (auditId: string, file: Blob, mode: 'preview' | 'apply') =>
      http.requestJson<FindingImportResultDto>(`/api/audits/${enc(auditId)}/findings/import`, {
        method: 'POST',
        query: { mode },
        raw: file,
      }),
    listCertificates: (signal?: AbortSignal) => http.requestJson<CertificateList>('/api/certificates', { signal }),
    createCertificate: (body: CertificateBody) =>
      http.requestJson<CertificateDto>('/api/certificates', { method: 'POST', json: body }),
    updateCertificate: (certificate: CertificateDto, body: Partial<CertificateBody>) =>
      http.requestJson<CertificateDto>(`/api/certificates/${enc(certificate.id)}`, {
        method: 'PATCH',
        json: body,
        ifMatch: version(certificate),
      }),
    createAudit: (body: CreateAuditBody) =>
      http.requestJson<AuditViewDto>('/api/audits', { method: 'POST', json: body }),
    createProgrammeItem: (body: ProgrammeItemBody) =>
      http.requestJson<ProgrammeItemDto>('/api/audit-programme/items', { method: 'POST', json: body }),
    updateProgrammeItem: (item: ProgrammeItemDto, body: Partial<ProgrammeItemBody>) =>
      http.requestJson<ProgrammeItemDto>(`/api/audit-programme/items/${enc(item.id)}`, {
        method: 'PATCH',
        json: body,
        ifMatch: version(item),
      }),
    getCertificateCycle: (id: string, signal?: AbortSignal) =>
      http.requestJson<CertificateCycleDto>(`/api/certificates/${enc(id)}/cycle`, { signal }),
  };
}
