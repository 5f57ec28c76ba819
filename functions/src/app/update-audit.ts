import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import { canManageQuality, ensure, type Actor } from '../core/policies.js';
import type { Audit, Clause } from '../core/quality-year-types.js';
import type { Services } from './ports.js';
import {
  ensureFresh,
  ensurePeopleExist,
  ensureProceduresExist,
  ensureUnitExists,
  loadAudit,
  nextVersion,
  qualityTrail,
  stampOf,
} from './quality-records.js';
import { ensureAuditUnlocked } from './freeze-audit.js';

export type AuditChanges = Partial<{
  title: string;
  unitId: string | null;
  clauses: Clause[];
  procedureIds: string[];
  scope: string;
  criteria: string;
  auditorIds: string[];
  externalAuditors: string[];
  plannedOn: string;
}>;

/**
 * Changes an audit's plan: scope, criteria, auditors, date, unit, clauses and procedures
 * (coordinator). A reported or cancelled audit's plan is history and is not changed. Auditors who
 * would audit their own unit are allowed; the response carries the warning.
 */
export async function updateAudit(
  services: Services,
  actor: Actor,
  input: { auditId: string; etag: number; changes: AuditChanges },
): Promise<Audit> {
  ensure(canManageQuality(actor), 'Only the quality coordinator changes an audit’s plan.');
  const current = await loadAudit(services, input.auditId);
  await ensureAuditUnlocked(services, current);
  ensureFresh('audits', current, input.etag);
  if (current.status === 'reported' || current.status === 'cancelled')
    throw new AppError('INVALID_STATE', `The audit is ${current.status}; its plan can no longer change.`, {
      status: current.status,
    });
  const { changes } = input;
  if (changes.unitId !== undefined) await ensureUnitExists(services, changes.unitId);
  if (changes.auditorIds) await ensurePeopleExist(services, changes.auditorIds, 'auditorIds');
  if (changes.procedureIds) await ensureProceduresExist(services, changes.procedureIds, 'procedureIds');
  const stamp = stampOf(services, actor);
  const audit: Audit = {
    ...current,
    ...changes,
    ...(changes.clauses ? { clauses: [...new Set(changes.clauses)] } : {}),
    ...(changes.procedureIds ? { procedureIds: [...new Set(changes.procedureIds)] } : {}),
    ...(changes.auditorIds ? { auditorIds: [...new Set(changes.auditorIds)] } : {}),
    plannedOn: (changes.plannedOn ?? current.plannedOn) as LocalDate,
    ...nextVersion(current, stamp),
  };
  await services.quality.commit({
    expect: [{ collection: 'audits', id: audit.id, etag: current.etag }],
    audits: [audit],
    trail: [qualityTrail(stamp, 'audit.updated', audit.id, `Audit ændret: ${audit.title}`, { changes })],
  });
  return audit;
}
