import type { QueryKey } from '@tanstack/react-query';
import { queryKeyOf } from '../../api/query-client';

/** The reads a change to the audit programme (an item, a planned or new audit) can change. */
export function readsOfProgramme(): QueryKey[] {
  return [
    queryKeyOf('audit-programme-year'),
    queryKeyOf('audits-list'),
    queryKeyOf('certificates-cycle'),
    queryKeyOf('year-wheel-get'),
    queryKeyOf('my-tasks'),
    queryKeyOf('overview'),
  ];
}

/** The reads a change to a certificate can change: the certificates, their cycles and the programme. */
export function readsOfCertificates(): QueryKey[] {
  return [queryKeyOf('certificates-list'), ...readsOfProgramme()];
}

/** The reads a change to one audit (its plan, status, checklist, report or findings) can change. */
export function readsOfAudit(auditId: string): QueryKey[] {
  const params = { params: { id: auditId } };
  return [
    queryKeyOf('audits-get', params),
    queryKeyOf('audits-findings-list', params),
    queryKeyOf('findings-list'),
    queryKeyOf('corrective-actions-board'),
    queryKeyOf('management-evaluations-pack'),
    ...readsOfProgramme(),
  ];
}
