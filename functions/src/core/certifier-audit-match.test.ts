import { describe, expect, it } from 'vitest';
import { certificationCycle } from './certification-cycle.js';
import { cycleAuditState, isPastDueAndNotDone, matchCycleAudits } from './certifier-audit-match.js';
import type { LocalDate } from './local-date.js';

const cert = { issuedOn: '2024-03-01' as LocalDate, expiresOn: '2027-02-28' as LocalDate, cycleYears: 3 as const };
const record = (id: string, kind: 'surveillance' | 'recertification', plannedOn: string, status = 'reported') => ({
  id,
  kind,
  certificateId: 'c1',
  plannedOn: plannedOn as LocalDate,
  status: status as 'reported',
});

describe('matchCycleAudits', () => {
  it('pairs each surveillance record with the cycle audit nearest its date, once', () => {
    const cycle = certificationCycle(cert);
    const matched = matchCycleAudits(
      cycle,
      [record('s2', 'surveillance', '2026-02-10'), record('s1', 'surveillance', '2025-02-12')],
      'c1',
    );
    expect(matched.map((entry) => [entry.kind, entry.index, entry.auditId])).toEqual([
      ['surveillance', 1, 's1'],
      ['surveillance', 2, 's2'],
      ['recertification', 3, null],
    ]);
  });

  it('ignores other certificates, cancelled records and records far outside the window', () => {
    const cycle = certificationCycle(cert);
    const matched = matchCycleAudits(
      cycle,
      [
        { ...record('other', 'surveillance', '2025-02-12'), certificateId: 'c2' },
        record('cancelled', 'surveillance', '2025-02-12', 'cancelled'),
        record('late', 'recertification', '2028-06-01'),
      ],
      'c1',
    );
    expect(matched.every((entry) => entry.auditId === null)).toBe(true);
  });
});

describe('cycleAuditState: one "over tid" rule for the audit scene and the årshjul (issue 16)', () => {
  const d = (date: string) => date as LocalDate;
  it.each([
    // dueOn, audit record (status, plannedOn), today, state
    ['2026-11-30', null, null, '2026-12-06', 'overdue'],
    ['2026-11-30', null, null, '2026-11-30', 'not-recorded'],
    ['2026-12-31', null, null, '2027-01-01', 'overdue'],
    ['2026-12-31', null, null, '2026-12-31', 'not-recorded'],
    ['2027-01-01', null, null, '2026-12-31', 'not-recorded'],
    ['2024-02-29', null, null, '2024-03-01', 'overdue'],
    ['2026-11-30', 'planned', '2026-12-10', '2026-12-06', 'planned'],
    ['2026-11-30', 'planned', '2026-11-20', '2026-12-06', 'overdue'],
    ['2026-11-30', 'in-progress', '2026-12-05', '2026-12-06', 'overdue'],
    ['2026-11-30', 'reported', '2026-11-20', '2026-12-06', 'held'],
    ['2026-11-30', 'reported', '2027-01-05', '2027-02-01', 'held'],
  ] as const)('due %s, record %s on %s, today %s: %s', (dueOn, auditStatus, plannedOn, today, state) => {
    expect(
      cycleAuditState({ dueOn: d(dueOn), auditStatus, plannedOn: plannedOn ? d(plannedOn) : null }, d(today)),
    ).toBe(state);
  });

  it.each([
    ['2026-12-05', false, '2026-12-06', true],
    ['2026-12-06', false, '2026-12-06', false],
    ['2026-12-31', false, '2027-01-01', true],
    ['2026-12-05', true, '2026-12-06', false],
  ] as const)('isPastDueAndNotDone(%s, done %s, today %s) is %s', (dueOn, isDone, today, expected) => {
    expect(isPastDueAndNotDone(d(dueOn), isDone, d(today))).toBe(expected);
  });

  it('the årshjul and the audit scene agree on a recertification without a registered audit', () => {
    const cycle = certificationCycle(cert);
    const recertification = matchCycleAudits(cycle, [], 'c1').at(-1)!;
    expect(recertification).toMatchObject({ kind: 'recertification', dueOn: '2026-11-28', auditId: null });
    expect(cycleAuditState(recertification, d('2026-12-06'))).toBe('overdue');
  });
});
