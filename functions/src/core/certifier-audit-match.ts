import type { CertifierAudit } from './certification-cycle.js';
import { addMonths, type LocalDate } from './local-date.js';
import type { Audit } from './quality-year-types.js';

/** How far from its window an audit record may be dated and still count as the cycle's audit. */
export const cycleMatchSlackMonths = 6;

export type CycleAuditStatus = CertifierAudit & {
  /** The audit record that is this cycle audit; null: not recorded (yet). */
  auditId: string | null;
  auditStatus: Audit['status'] | null;
  plannedOn: LocalDate | null;
};

/**
 * Which of a certificate's audit records are which audit of its cycle. Records of the
 * certificate are matched to cycle audits of the same kind (a `certification` record counts as
 * neither), each record at most once, the record nearest the due date first, and only records
 * dated from `cycleMatchSlackMonths` before the window opens to as long after the due date.
 * Cancelled records do not count.
 */
export function matchCycleAudits(
  cycle: readonly CertifierAudit[],
  records: readonly Pick<Audit, 'id' | 'kind' | 'certificateId' | 'plannedOn' | 'status'>[],
  certificateId: string,
): CycleAuditStatus[] {
  const used = new Set<string>();
  const distance = (a: LocalDate, b: LocalDate) => Math.abs(Date.parse(a) - Date.parse(b));
  return cycle.map((entry) => {
    const from = addMonths(entry.windowStart, -cycleMatchSlackMonths);
    const to = addMonths(entry.dueOn, cycleMatchSlackMonths);
    const candidates = records
      .filter(
        (record) =>
          record.certificateId === certificateId &&
          record.kind === entry.kind &&
          record.status !== 'cancelled' &&
          !used.has(record.id) &&
          record.plannedOn >= from &&
          record.plannedOn <= to,
      )
      .sort((a, b) => distance(a.plannedOn, entry.dueOn) - distance(b.plannedOn, entry.dueOn));
    const match = candidates[0];
    if (match) used.add(match.id);
    return {
      ...entry,
      auditId: match?.id ?? null,
      auditStatus: match?.status ?? null,
      plannedOn: match?.plannedOn ?? null,
    };
  });
}
