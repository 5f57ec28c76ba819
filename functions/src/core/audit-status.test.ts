import { describe, expect, it } from 'vitest';
import { isAppError } from './errors.js';
import { canApplyAuditCommand, clauseQuestion, nextAuditStatus, procedureQuestion } from './audit-status.js';

describe('audit status', () => {
  it.each([
    ['planned', 'start', 'in-progress'],
    ['in-progress', 'report', 'reported'],
    ['planned', 'report', 'reported'],
    ['reported', 'report', 'reported'],
    ['planned', 'cancel', 'cancelled'],
    ['in-progress', 'cancel', 'cancelled'],
    ['cancelled', 'reopen', 'planned'],
  ] as const)('%s + %s → %s', (from, command, to) => {
    expect(canApplyAuditCommand(from, command)).toBe(true);
    expect(nextAuditStatus(from, command)).toBe(to);
  });

  it.each([
    ['reported', 'cancel'],
    ['reported', 'start'],
    ['in-progress', 'start'],
    ['cancelled', 'report'],
    ['planned', 'reopen'],
  ] as const)('refuses %s + %s with INVALID_STATE', (from, command) => {
    expect(canApplyAuditCommand(from, command)).toBe(false);
    let caught: unknown;
    try {
      nextAuditStatus(from, command);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('INVALID_STATE');
  });

  it('words default questions in Danish with the clause or the procedure', () => {
    expect(clauseQuestion('7.5.3')).toContain('pkt. 7.5.3');
    expect(procedureQuestion('K-03', 'Koordinering')).toBe(
      'Er proceduren for K-03 Koordinering fulgt i de udtagne sager?',
    );
  });
});
