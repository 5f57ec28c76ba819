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

/**
 * Whether something dated `dueOn` is past its date without being done: the one "over tid" rule of
 * the quality year. The årshjul's occurrence status and a certifier audit's state both use it, so
 * the audit scene and the årshjul never disagree about the same audit.
 */
export function isPastDueAndNotDone(dueOn: LocalDate, isDone: boolean, today: LocalDate): boolean {
  return !isDone && dueOn < today;
}

/**
 * A cycle audit as the coordinator should read it on `today`:
 *
 * | state          | when                                                                         |
 * | -------------- | ---------------------------------------------------------------------------- |
 * | `held`         | its audit record is reported                                                 |
 * | `overdue`      | not held, and its date has passed: the record's date when one is registered, |
 * |                | else the cycle's due date (a warning: the certificate is at risk)            |
 * | `planned`      | a record is registered (planned or in progress) and its date has not passed  |
 * | `not-recorded` | no record, and the due date has not passed                                   |
 *
 * The date is the same one the årshjul gives the audit's occurrence (year-wheel.ts), with the
 * same rule (`isPastDueAndNotDone`).
 */
export type CycleAuditState = 'held' | 'overdue' | 'planned' | 'not-recorded';

export function cycleAuditState(
  entry: Pick<CycleAuditStatus, 'dueOn' | 'auditStatus' | 'plannedOn'>,
  today: LocalDate,
): CycleAuditState {
  const isHeld = entry.auditStatus === 'reported';
  if (isHeld) return 'held';
  if (isPastDueAndNotDone(entry.plannedOn ?? entry.dueOn, isHeld, today)) return 'overdue';
  return entry.auditStatus === null ? 'not-recorded' : 'planned';
}
