import { describe, expect, it } from 'vitest';
import { certificationCycle } from './certification-cycle.js';
import { matchCycleAudits } from './certifier-audit-match.js';
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
