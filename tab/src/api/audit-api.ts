import type { z } from 'zod';
import type {
  AuditReportRevisionDto,
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
  correctAuditReportBody,
  createAuditBody,
  findingBody,
  planResultSchema,
  programmeItemBody,
  reportAuditBody,
  updateAuditBody,
} from '../../../functions/src/contract/audit-schemas';
import type { TypedClient } from './typed-client';

export type {
  AuditReportRevisionDto,
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
export type CorrectAuditReportBody = z.input<typeof correctAuditReportBody>;
export type UpdateAuditBody = z.input<typeof updateAuditBody>;
export type CertificateBody = z.input<typeof certificateBody>;
export type CreateAuditBody = z.input<typeof createAuditBody>;
export type ProgrammeItemBody = z.input<typeof programmeItemBody>;
export type ChecklistLineChanges = Partial<Pick<ChecklistLineDto, 'result' | 'note' | 'question'>>;

const version = (record: { etag: number }) => `"${record.etag}"`;

/** The audit programme, audits, certificates and findings (functions/src/http/audit-routes.ts). */
export function createAuditApi(api: TypedClient) {
  return {
    getProgrammeYear: (year: number, signal?: AbortSignal) =>
      api.call('audit-programme-year', { query: { year }, signal }),
    planAudits: (year: number, itemIds: string[]) =>
      api.call('audit-programme-plan', { params: { year }, body: { itemIds } }),
    listAudits: (year: number | undefined, signal?: AbortSignal) =>
      api.call('audits-list', { query: { year }, signal }),
    getAudit: (id: string, signal?: AbortSignal) => api.call('audits-get', { params: { id }, signal }),
    updateAudit: (audit: AuditViewDto, body: UpdateAuditBody) =>
      api.call('audits-update', { params: { id: audit.id }, body, ifMatch: version(audit) }),
    changeAuditStatus: (audit: AuditViewDto, command: 'start' | 'cancel' | 'reopen') =>
      api.call('audits-status', { params: { id: audit.id }, body: { command }, ifMatch: version(audit) }),
    reportAudit: (audit: AuditViewDto, body: ReportAuditBody) =>
      api.call('audits-report', { params: { id: audit.id }, body, ifMatch: version(audit) }),
    correctAuditReport: (audit: AuditViewDto, body: CorrectAuditReportBody) =>
      api.call('audits-report-correct', { params: { id: audit.id }, body, ifMatch: version(audit) }),
    listReportRevisions: (auditId: string, signal?: AbortSignal) =>
      api.call('audits-report-revisions', { params: { id: auditId }, signal }),
    startChecklist: (audit: AuditViewDto) =>
      api.call('audits-checklist-start', { params: { id: audit.id }, ifMatch: version(audit) }),
    addChecklistLine: (
      audit: AuditViewDto,
      line: { clause: string | null; procedureId: string | null; question: string },
    ) => api.call('audits-checklist-add', { params: { id: audit.id }, body: line, ifMatch: version(audit) }),
    updateChecklistLine: (audit: AuditViewDto, lineId: string, changes: ChecklistLineChanges) =>
      api.call('audits-checklist-update', {
        params: { id: audit.id, lineId },
        body: changes,
        ifMatch: version(audit),
      }),
    removeChecklistLine: (audit: AuditViewDto, lineId: string) =>
      api.call('audits-checklist-remove', { params: { id: audit.id, lineId }, ifMatch: version(audit) }),
    listAuditFindings: (auditId: string, signal?: AbortSignal) =>
      api.call('audits-findings-list', { params: { id: auditId }, signal }),
    createFinding: (auditId: string, body: FindingBody) =>
      api.call('audits-findings-create', { params: { id: auditId }, body }),
    importFindings: (auditId: string, file: Blob, mode: 'preview' | 'apply') =>
      api.call('audits-findings-import', { params: { id: auditId }, query: { mode }, body: file }),
    listCertificates: (signal?: AbortSignal) => api.call('certificates-list', { signal }),
    createCertificate: (body: CertificateBody) => api.call('certificates-create', { body }),
    updateCertificate: (certificate: CertificateDto, body: Partial<CertificateBody>) =>
      api.call('certificates-update', { params: { id: certificate.id }, body, ifMatch: version(certificate) }),
    createAudit: (body: CreateAuditBody) => api.call('audits-create', { body }),
    createProgrammeItem: (body: ProgrammeItemBody) => api.call('audit-programme-items-create', { body }),
    updateProgrammeItem: (item: ProgrammeItemDto, body: Partial<ProgrammeItemBody>) =>
      api.call('audit-programme-items-update', { params: { id: item.id }, body, ifMatch: version(item) }),
    getCertificateCycle: (id: string, signal?: AbortSignal) =>
      api.call('certificates-cycle', { params: { id }, signal }),
  };
}
