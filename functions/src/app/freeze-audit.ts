import { AppError } from '../core/errors.js';
import { ensureNotLocked, frozenRecordOf, lockedRecordOf, type FrozenRecord } from '../core/frozen-records.js';
import type { Audit, Finding } from '../core/quality-year-types.js';
import type { Services } from './ports.js';

/**
 * A reported audit stays as it was (core/frozen-records.ts): reporting it freezes its checklist,
 * findings and report as of the report day and locks it in the same commit. From then on every
 * write to it (plan, status, checklist, findings, the report again) is RECORD_LOCKED. Linking a
 * finding to the corrective action that works on it is not a change of the audit and stays open.
 */

export type AuditSnapshot = { audit: Audit; findings: Finding[] };

/**
 * Refuses a write to a reported audit with RECORD_LOCKED: locked by its snapshot, or reported
 * before snapshots were kept (its status alone then locks it).
 */
export async function ensureAuditUnlocked(
  services: Pick<Services, 'quality'>,
  audit: Pick<Audit, 'id' | 'status'>,
  attempted: 'edit' | 'remove' = 'edit',
): Promise<void> {
  const frozen = await services.quality.getFrozenRecord('audit', audit.id);
  ensureNotLocked(frozen, attempted);
  if (audit.status === 'reported') {
    throw new AppError('RECORD_LOCKED', `The audit ${audit.id} is reported and locked; ${attempted} is refused.`, {
      kind: 'audit',
      id: audit.id,
      attempted,
      lockedAt: null,
      correctedById: frozen?.correctedById ?? null,
    });
  }
}

/** The locked snapshot of a reported audit with its findings. */
export async function reportedAuditSnapshot(
  services: Pick<Services, 'quality'>,
  audit: Audit,
  stamp: { at: string; by: string },
  existing?: FrozenRecord,
): Promise<FrozenRecord> {
  const findings = await services.quality.listFindings({ auditId: audit.id });
  const payload: AuditSnapshot = { audit, findings };
  const asOf = audit.report?.reportedOn ?? stamp.at.slice(0, 10);
  return lockedRecordOf(
    frozenRecordOf('audit', audit.id, { asOf: asOf as Audit['plannedOn'], payload, ...stamp }, existing),
    stamp,
  );
}
