import { AppError } from './errors.js';
import type { AuditStatus } from './quality-year-types.js';

/**
 * An audit's life: planned → in-progress → reported, or cancelled before it is reported.
 *
 * | command  | allowed from                      | to           |
 * | -------- | --------------------------------- | ------------ |
 * | `start`  | planned                           | in-progress  |
 * | `report` | planned, in-progress, reported    | reported     |
 * | `cancel` | planned, in-progress              | cancelled    |
 * | `reopen` | cancelled                         | planned      |
 *
 * Reporting straight from `planned` is allowed because a certifier's audit is often entered after
 * the certifier has left, with its report; reporting again amends the report. A reported audit is
 * history (it weighs in the programme) and cannot be cancelled. Results (checklist lines,
 * findings) may be recorded while an audit is not cancelled.
 */
export const auditCommands = ['start', 'report', 'cancel', 'reopen'] as const;
export type AuditCommand = (typeof auditCommands)[number];

const transitions: Record<AuditCommand, { from: readonly AuditStatus[]; to: AuditStatus }> = {
  start: { from: ['planned'], to: 'in-progress' },
  report: { from: ['planned', 'in-progress', 'reported'], to: 'reported' },
  cancel: { from: ['planned', 'in-progress'], to: 'cancelled' },
  reopen: { from: ['cancelled'], to: 'planned' },
};

export function canApplyAuditCommand(status: AuditStatus, command: AuditCommand): boolean {
  return transitions[command].from.includes(status);
}

/** The status after `command`; INVALID_STATE (details: status, command, allowed) when refused. */
export function nextAuditStatus(status: AuditStatus, command: AuditCommand): AuditStatus {
  const transition = transitions[command];
  if (!transition.from.includes(status)) {
    throw new AppError('INVALID_STATE', `An audit that is ${status} cannot be given the command ${command}.`, {
      status,
      command,
      allowedFrom: transition.from,
    });
  }
  return transition.to;
}

/** Checklist lines and findings are recorded on any audit that is not cancelled. */
export function ensureAuditOpenForResults(status: AuditStatus): void {
  if (status === 'cancelled') {
    throw new AppError('INVALID_STATE', 'A cancelled audit takes no results; reopen it first.', { status });
  }
}

/** The default checklist question for a clause of the standard (Danish, the organisation's language). */
export function clauseQuestion(clause: string): string {
  return `Er kravene i ISO 9001 pkt. ${clause} opfyldt, og er der dokumenteret information, der viser det?`;
}

/** The default checklist question for a procedure of the handbook. */
export function procedureQuestion(code: string, title: string): string {
  return `Er proceduren for ${code} ${title} fulgt i de udtagne sager?`;
}
