import { nextAuditStatus } from '../core/audit-status.js';
import { canManageQuality, ensure, type Actor } from '../core/policies.js';
import type { Audit } from '../core/quality-year-types.js';
import type { Services } from './ports.js';
import { ensureFresh, loadAudit, nextVersion, qualityTrail, stampOf } from './quality-records.js';
import { ensureAuditUnlocked } from './freeze-audit.js';

/**
 * Starts, cancels or reopens an audit (coordinator); refused with INVALID_STATE where the status
 * does not allow it (core/audit-status.ts). Reporting has its own use case (report-audit.ts).
 */
export async function changeAuditStatus(
  services: Services,
  actor: Actor,
  input: { auditId: string; etag: number; command: 'start' | 'cancel' | 'reopen' },
): Promise<Audit> {
  ensure(canManageQuality(actor), 'Only the quality coordinator starts or cancels audits.');
  const current = await loadAudit(services, input.auditId);
  await ensureAuditUnlocked(services, current);
  ensureFresh('audits', current, input.etag);
  const status = nextAuditStatus(current.status, input.command);
  const stamp = stampOf(services, actor);
  const audit: Audit = { ...current, status, ...nextVersion(current, stamp) };
  await services.quality.commit({
    expect: [{ collection: 'audits', id: audit.id, etag: current.etag }],
    audits: [audit],
    trail: [
      qualityTrail(stamp, `audit.${input.command}`, audit.id, `Audit ${audit.title}: ${status}`, {
        from: current.status,
        to: status,
      }),
    ],
  });
  return audit;
}
