import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import { canManageQuality, ensure, type Actor } from '../core/policies.js';
import type { Audit, AuditKind, Clause } from '../core/quality-year-types.js';
import type { Services } from './ports.js';
import {
  ensurePeopleExist,
  ensureProceduresExist,
  ensureUnitExists,
  firstVersion,
  qualityTrail,
  stampOf,
} from './quality-records.js';

export type CreateAuditInput = {
  kind: AuditKind;
  title: string;
  year?: number | undefined;
  programmeItemId: string | null;
  certificateId: string | null;
  unitId: string | null;
  clauses: Clause[];
  procedureIds: string[];
  scope: string;
  criteria: string;
  auditorIds: string[];
  externalAuditors: string[];
  plannedOn: string;
};

/**
 * Adds an audit (coordinator): an internal audit by hand or from a programme item, or one of the
 * certification body's audits of a certificate. Internal audits belong to no certificate;
 * certifier audits must name one and come from no programme item. The year is the planned date's
 * unless given (an audit planned for January may belong to the previous year's programme).
 */
export async function createAudit(services: Services, actor: Actor, input: CreateAuditInput): Promise<Audit> {
  ensure(canManageQuality(actor), 'Only the quality coordinator plans audits.');
  const isInternal = input.kind === 'internal';
  if (isInternal && input.certificateId !== null)
    throw new AppError('VALIDATION', 'An internal audit belongs to no certificate.', { field: 'certificateId' });
  if (!isInternal && input.certificateId === null)
    throw new AppError('VALIDATION', 'A certification body’s audit needs its certificate.', { field: 'certificateId' });
  if (!isInternal && input.programmeItemId !== null)
    throw new AppError('VALIDATION', 'Only internal audits are planned from the programme.', {
      field: 'programmeItemId',
    });
  if (input.certificateId !== null) {
    const certificates = await services.quality.listCertificates();
    if (!certificates.some((certificate) => certificate.id === input.certificateId))
      throw new AppError('VALIDATION', `No certificate with id ${input.certificateId}.`, { field: 'certificateId' });
  }
  let unitId = input.unitId;
  if (input.programmeItemId !== null) {
    const item = (await services.quality.listProgrammeItems()).find((each) => each.id === input.programmeItemId);
    if (!item)
      throw new AppError('VALIDATION', `No programme item with id ${input.programmeItemId}.`, {
        field: 'programmeItemId',
      });
    unitId ??= item.unitId;
  }
  await ensureUnitExists(services, unitId);
  await ensurePeopleExist(services, input.auditorIds, 'auditorIds');
  await ensureProceduresExist(services, input.procedureIds, 'procedureIds');
  const stamp = stampOf(services, actor);
  const audit: Audit = {
    id: services.ids.next(),
    kind: input.kind,
    year: input.year ?? Number(input.plannedOn.slice(0, 4)),
    title: input.title,
    programmeItemId: input.programmeItemId,
    certificateId: input.certificateId,
    unitId,
    clauses: [...new Set(input.clauses)],
    procedureIds: [...new Set(input.procedureIds)],
    scope: input.scope,
    criteria: input.criteria,
    auditorIds: [...new Set(input.auditorIds)],
    externalAuditors: input.externalAuditors,
    plannedOn: input.plannedOn as LocalDate,
    status: 'planned',
    checklist: [],
    report: null,
    ...firstVersion(stamp),
  };
  await services.quality.commit({
    expect: [{ collection: 'audits', id: audit.id, etag: 0 }],
    audits: [audit],
    trail: [
      qualityTrail(stamp, 'audit.created', audit.id, `Audit planlagt: ${audit.title} (${audit.plannedOn})`, {
        kind: audit.kind,
        year: audit.year,
        programmeItemId: audit.programmeItemId,
        certificateId: audit.certificateId,
      }),
    ],
  });
  return audit;
}
