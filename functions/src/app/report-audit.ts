import { nextAuditStatus } from '../core/audit-status.js';
import type { LocalDate } from '../core/local-date.js';
import { canRecordAuditResults, ensure, type Actor } from '../core/policies.js';
import type { Audit } from '../core/quality-year-types.js';
import { ensureNotLocked } from '../core/frozen-records.js';
import { reportedAuditSnapshot } from './freeze-audit.js';
import type { Services } from './ports.js';
import { ensureFresh, loadAudit, nextVersion, qualityTrail, stampOf, todayOf } from './quality-records.js';

/**
 * Writes the audit report (summary and conclusion) and moves the audit to `reported`, which
 * freezes and locks it (freeze-audit.ts): writing it again is RECORD_LOCKED. The coordinator or
 * one of the audit's auditors.
 */
export async function reportAudit(
  services: Services,
  actor: Actor,
  input: { auditId: string; etag: number; summary: string; conclusion: string; reportedOn?: string | undefined },
): Promise<Audit> {
  const current = await loadAudit(services, input.auditId);
  ensure(canRecordAuditResults(actor, current), 'Only the coordinator and the audit’s auditors report an audit.');
  const frozen = await services.quality.getFrozenRecord('audit', current.id);
  ensureNotLocked(frozen, 'edit');
  ensureFresh('audits', current, input.etag);
  const status = nextAuditStatus(current.status, 'report');
  const stamp = stampOf(services, actor);
  const reportedOn = (input.reportedOn ?? todayOf(services)) as LocalDate;
  const audit: Audit = {
    ...current,
    status,
    report: { summary: input.summary, conclusion: input.conclusion, reportedOn, reportedBy: actor.id },
    ...nextVersion(current, stamp),
  };
  // Reported: the checklist, findings and report frozen as of the report day, and locked.
  const snapshot = await reportedAuditSnapshot(services, audit, { at: stamp.at, by: actor.id }, frozen);
  await services.quality.commit({
    expect: [
      { collection: 'audits', id: audit.id, etag: current.etag },
      { collection: 'frozenRecords', id: snapshot.id, etag: frozen?.etag ?? 0 },
    ],
    audits: [audit],
    frozenRecords: [snapshot],
    trail: [
      qualityTrail(
        stamp,
        current.report ? 'audit.report-amended' : 'audit.reported',
        audit.id,
        `Auditrapport: ${audit.title}`,
        {
          reportedOn,
        },
      ),
    ],
  });
  return audit;
}
