import { AppError } from './errors.js';
import type { LocalDate } from './local-date.js';
import type { ChecklistLine, ChecklistResult, Finding, FindingWithdrawal } from './quality-year-types.js';

/**
 * Correcting a reported audit (ISO 9001 7.5.3, issue 16). A reported audit is frozen and locked
 * (app/freeze-audit.ts); a mistake in its report is put right by a **report revision**: the
 * audit record carries the latest revision's checklist and report, so every list and count sees
 * the audit once, and each revision (the reported original included) stays readable as its
 * locked snapshot, linked both ways with the reason (core/frozen-records.ts).
 *
 * Findings are never copied into a revision: they stay one set belonging to the audit. A
 * correction may add a finding or **withdraw** one with its reason (never delete it); a withdrawn
 * finding is kept and shown, and leaves every count (`isFindingCounted`).
 */

/** The most a correction changes or adds at once. */
export const maxCorrectionChanges = 100;

export type ChecklistLineCorrection = {
  lineId: string;
  result?: ChecklistResult | undefined;
  note?: string | undefined;
};

/**
 * The checklist with the corrected results and notes. NOT_FOUND naming the line when the audit
 * has no such line; lines are neither added nor removed by a correction (its questions were asked).
 */
export function correctedChecklist(
  checklist: readonly ChecklistLine[],
  corrections: readonly ChecklistLineCorrection[],
): ChecklistLine[] {
  const byId = new Map<string, ChecklistLineCorrection>();
  corrections.forEach((correction, index) => {
    if (!checklist.some((line) => line.id === correction.lineId))
      throw new AppError('NOT_FOUND', `The audit has no checklist line ${correction.lineId}.`, {
        field: `checklist.${index}.lineId`,
      });
    byId.set(correction.lineId, { ...byId.get(correction.lineId), ...correction });
  });
  return checklist.map((line) => {
    const correction = byId.get(line.id);
    if (!correction) return line;
    return {
      ...line,
      ...(correction.result !== undefined ? { result: correction.result } : {}),
      ...(correction.note !== undefined ? { note: correction.note } : {}),
    };
  });
}

/** A finding withdrawn with its reason; INVALID_STATE when it is withdrawn already, VALIDATION without a reason. */
export function withdrawnFinding<F extends Finding>(finding: F, withdrawal: FindingWithdrawal): F {
  if (finding.withdrawal !== null)
    throw new AppError('INVALID_STATE', `The finding ${finding.id} is withdrawn already.`, {
      status: 'withdrawn',
      findingId: finding.id,
    });
  const reason = withdrawal.reason.trim();
  if (reason === '') throw new AppError('VALIDATION', 'A withdrawn finding needs its reason.', { field: 'reason' });
  return { ...finding, withdrawal: { ...withdrawal, reason } };
}

/**
 * Whether a finding counts (lists of open findings, the programme's weighting, the evaluation
 * pack, the yearly report): not withdrawn, or, counted as of `day`, withdrawn only after it.
 */
export function isFindingCounted(finding: Pick<Finding, 'withdrawal'>, day?: LocalDate): boolean {
  if (finding.withdrawal === null) return true;
  return day !== undefined && finding.withdrawal.withdrawnOn > day;
}

/**
 * A checklist line gives at most one finding: DUPLICATE (409) when a counted finding was recorded
 * from it already. A withdrawn one frees the line (the correction may record the right finding).
 */
export function ensureChecklistLineFree(
  findings: readonly Pick<Finding, 'id' | 'checklistLineId' | 'withdrawal'>[],
  lineId: string | null,
): void {
  if (lineId === null) return;
  const existing = findings.find((finding) => finding.checklistLineId === lineId && isFindingCounted(finding));
  if (existing)
    throw new AppError('DUPLICATE', `The checklist line ${lineId} has its finding already (${existing.id}).`, {
      reason: 'checklist-finding',
      lineId,
      findingId: existing.id,
    });
}
