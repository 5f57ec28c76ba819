import { describe, expect, it } from 'vitest';
import {
  certificationCycle,
  expiryFor,
  nextCertifierAudit,
  validateCertificateDates,
  type CertificateDates,
} from './certification-cycle.js';
import { asLocalDate } from './local-date.js';

const d = asLocalDate;

function cert(issuedOn: string, cycleYears: 3 | 4, expiresOn?: string): CertificateDates {
  const issued = d(issuedOn);
  return { issuedOn: issued, cycleYears, expiresOn: expiresOn ? d(expiresOn) : expiryFor(issued, cycleYears) };
}

const summary = (audits: ReturnType<typeof certificationCycle>) =>
  audits.map((audit) => [audit.kind, audit.index, audit.dueOn, audit.windowStart]);

describe('expiryFor', () => {
  it.each([
    ['2025-03-15', 3, '2028-03-14'],
    ['2025-03-15', 4, '2029-03-14'],
    ['2025-01-01', 3, '2027-12-31'],
    ['2025-03-01', 3, '2028-02-29'],
    ['2024-02-29', 3, '2027-02-28'],
    ['2024-02-29', 4, '2028-02-28'],
    ['2024-03-31', 3, '2027-03-30'],
  ] as const)('issued %s, %i years: expires %s', (issuedOn, years, expected) => {
    expect(expiryFor(d(issuedOn), years)).toBe(expected);
  });

  it('refuses a cycle that is not a positive whole number', () => {
    expect(() => expiryFor(d('2025-01-01'), 0)).toThrow(RangeError);
    expect(() => expiryFor(d('2025-01-01'), 2.5)).toThrow(RangeError);
  });
});

describe('certificationCycle', () => {
  it('a 3-year cycle: two surveillance audits 12 and 24 months after issue, recertification 3 months before expiry', () => {
    expect(summary(certificationCycle(cert('2025-03-15', 3)))).toEqual([
      ['surveillance', 1, '2026-03-15', '2025-12-15'],
      ['surveillance', 2, '2027-03-15', '2026-12-15'],
      ['recertification', 3, '2027-12-14', '2027-09-14'],
    ]);
  });

  it('a 4-year cycle: three surveillance audits, then recertification', () => {
    expect(summary(certificationCycle(cert('2025-03-15', 4)))).toEqual([
      ['surveillance', 1, '2026-03-15', '2025-12-15'],
      ['surveillance', 2, '2027-03-15', '2026-12-15'],
      ['surveillance', 3, '2028-03-15', '2027-12-15'],
      ['recertification', 4, '2028-12-14', '2028-09-14'],
    ]);
  });

  it('a certificate issued on 29 February keeps every surveillance within 12 months (clamped to 28 February)', () => {
    const audits = certificationCycle(cert('2024-02-29', 4));
    expect(audits.map((audit) => audit.dueOn)).toEqual(['2025-02-28', '2026-02-28', '2027-02-28', '2027-11-28']);
    expect(expiryFor(d('2024-02-29'), 4)).toBe('2028-02-28');
  });

  it('clamps the recertification date to the end of the month', () => {
    const audits = certificationCycle(cert('2024-06-01', 3, '2027-05-31'));
    expect(audits.at(-1)).toMatchObject({ kind: 'recertification', dueOn: '2027-02-28', windowStart: '2026-11-28' });
  });

  it('takes the lead time and the window as parameters', () => {
    const audits = certificationCycle(cert('2025-03-15', 3), { recertificationLeadMonths: 6, windowMonths: 1 });
    expect(summary(audits)).toEqual([
      ['surveillance', 1, '2026-03-15', '2026-02-15'],
      ['surveillance', 2, '2027-03-15', '2027-02-15'],
      ['recertification', 3, '2027-09-14', '2027-08-14'],
    ]);
  });

  it('never opens a window before the issue date', () => {
    const audits = certificationCycle(cert('2025-03-15', 3), { windowMonths: 12 });
    expect(audits[0]?.windowStart).toBe('2025-03-15');
  });

  it('refuses nonsensical options', () => {
    expect(() => certificationCycle(cert('2025-03-15', 3), { recertificationLeadMonths: -1 })).toThrow(RangeError);
    expect(() => certificationCycle(cert('2025-03-15', 3), { windowMonths: 1.5 })).toThrow(RangeError);
  });

  it('keeps date order when an odd expiry puts the recertification before the last surveillance', () => {
    const audits = certificationCycle(cert('2025-03-15', 3, '2027-04-30'));
    expect(audits.map((audit) => audit.index)).toEqual([1, 3, 2]);
  });
});

describe('nextCertifierAudit', () => {
  const certificate = cert('2025-03-15', 3);
  it.each([
    ['2025-03-15', 'surveillance', 1],
    ['2026-03-15', 'surveillance', 1],
    ['2026-03-16', 'surveillance', 2],
    ['2027-12-14', 'recertification', 3],
  ] as const)('on %s: %s %i', (today, kind, index) => {
    expect(nextCertifierAudit(certificate, d(today))).toMatchObject({ kind, index });
  });

  it('is null once the whole cycle is past', () => {
    expect(nextCertifierAudit(certificate, d('2027-12-15'))).toBeNull();
  });
});

describe('validateCertificateDates', () => {
  it('accepts consistent dates, including a recertified certificate a few weeks off the anniversary', () => {
    expect(validateCertificateDates(cert('2025-03-15', 3))).toEqual([]);
    expect(validateCertificateDates({ issuedOn: '2025-02-10', expiresOn: '2028-03-31', cycleYears: 3 })).toEqual([]);
  });

  it('names dates that are not calendar dates and skips the other checks', () => {
    expect(validateCertificateDates({ issuedOn: '2025-02-30', expiresOn: 'soon', cycleYears: 3 })).toEqual([
      { code: 'invalid-date', field: 'issuedOn' },
      { code: 'invalid-date', field: 'expiresOn' },
    ]);
  });

  it('refuses an expiry on or before the issue date', () => {
    expect(validateCertificateDates({ issuedOn: '2025-03-15', expiresOn: '2025-03-15', cycleYears: 3 })).toEqual([
      { code: 'expires-not-after-issued', issuedOn: '2025-03-15', expiresOn: '2025-03-15' },
    ]);
  });

  it('flags a cycle length other than 3 or 4 years', () => {
    expect(validateCertificateDates({ issuedOn: '2025-03-15', expiresOn: '2030-03-14', cycleYears: 5 })).toEqual([
      { code: 'invalid-cycle-years', cycleYears: 5 },
    ]);
  });

  it('flags an expiry that does not fit the cycle, with the expected date and the difference', () => {
    expect(validateCertificateDates({ issuedOn: '2025-03-15', expiresOn: '2029-03-14', cycleYears: 3 })).toEqual([
      {
        code: 'expiry-inconsistent-with-cycle',
        expectedExpiresOn: '2028-03-14',
        differenceDays: 365,
        toleranceDays: 92,
      },
    ]);
  });

  it('applies the tolerance at its edge, and takes another tolerance', () => {
    const base = { issuedOn: '2025-03-15', cycleYears: 3 };
    expect(validateCertificateDates({ ...base, expiresOn: '2028-06-14' })).toEqual([]); // 92 days late
    expect(validateCertificateDates({ ...base, expiresOn: '2028-06-15' })).toMatchObject([{ differenceDays: 93 }]);
    expect(validateCertificateDates({ ...base, expiresOn: '2027-12-13' })).toEqual([]); // 92 days early
    expect(validateCertificateDates({ ...base, expiresOn: '2027-12-12' })).toMatchObject([{ differenceDays: -93 }]);
    expect(validateCertificateDates({ ...base, expiresOn: '2028-03-20' }, 0)).toMatchObject([{ differenceDays: 6 }]);
  });
});
