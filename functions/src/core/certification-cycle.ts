import { addDays, addMonths, daysBetween, isLeapYear, isLocalDate, type LocalDate } from './local-date.js';
import type { Certificate } from './quality-year-types.js';

/**
 * The certification body's audits over one certificate's cycle (ISO/IEC 17021-1, 9.6). The
 * certificate's `issuedOn` is taken as the date of the certification decision.
 *
 * | audit                         | index          | due on (the last day it may be held)                     | window opens             |
 * | ----------------------------- | -------------- | -------------------------------------------------------- | ------------------------ |
 * | surveillance 1                | 1              | issued + 12 months (17021-1 9.6.2.2: within 12 months)   | due − 3 months           |
 * | surveillance 2 (3 in 4-year)  | 2 (3)          | issued + 24 (36) months: one surveillance every year     | due − 3 months           |
 * | recertification               | cycleYears     | expiry − 3 months (the lead time, a parameter)           | due − 3 months           |
 *
 * A 3-year cycle has 2 surveillance audits, a 4-year cycle 3. The recertification audit must be
 * completed, and the body's decision taken, before the certificate expires (17021-1 9.6.3.2.3);
 * the body needs time to close nonconformities and decide, so the audit is due `leadMonths`
 * (default 3) before expiry. No window opens before the issue date.
 *
 * Months are added with `addMonths`, which clamps to the end of the month: a certificate issued
 * on 29 February 2024 has its first surveillance due on 28 February 2025 (still within 12
 * months), and a certificate expiring on 31 May has its recertification audit due on 28 February.
 *
 * The certificate expires the day before the N-year anniversary of the issue date (`expiryFor`).
 * The anniversary of 29 February in a common year is 1 March, so such a certificate still runs
 * N full years: issued 29 February 2024, a 3-year certificate expires on 28 February 2027.
 */

export type CertifierAuditKind = 'surveillance' | 'recertification';

export type CertifierAudit = {
  kind: CertifierAuditKind;
  /** Position in the cycle, 1-based: surveillance 1..cycleYears − 1, recertification cycleYears. */
  index: number;
  /** The last day the audit should be held. */
  dueOn: LocalDate;
  /** The first day the certifier would normally hold it (never before the issue date). */
  windowStart: LocalDate;
};

export type CycleOptions = {
  /** Months before expiry the recertification audit is due. Default 3. */
  recertificationLeadMonths?: number;
  /** Months before the due date an audit's window opens. Default 3. */
  windowMonths?: number;
};

export const certificationCycleDefaults = { recertificationLeadMonths: 3, windowMonths: 3 } as const;

export type CertificateDates = Pick<Certificate, 'issuedOn' | 'expiresOn' | 'cycleYears'>;

/** The surveillance and recertification audits of the certificate's cycle, in date order. */
export function certificationCycle(cert: CertificateDates, options: CycleOptions = {}): CertifierAudit[] {
  const leadMonths = options.recertificationLeadMonths ?? certificationCycleDefaults.recertificationLeadMonths;
  const windowMonths = options.windowMonths ?? certificationCycleDefaults.windowMonths;
  for (const [name, value] of [
    ['recertificationLeadMonths', leadMonths],
    ['windowMonths', windowMonths],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 12) {
      throw new RangeError(`${name} must be a whole number of months from 0 to 12: ${value}`);
    }
  }
  const windowFor = (dueOn: LocalDate): LocalDate => {
    const start = addMonths(dueOn, -windowMonths);
    return start < cert.issuedOn ? cert.issuedOn : start;
  };
  const audits: CertifierAudit[] = [];
  for (let index = 1; index < cert.cycleYears; index += 1) {
    const dueOn = addMonths(cert.issuedOn, 12 * index);
    audits.push({ kind: 'surveillance', index, dueOn, windowStart: windowFor(dueOn) });
  }
  const recertificationDue = addMonths(cert.expiresOn, -leadMonths);
  audits.push({
    kind: 'recertification',
    index: cert.cycleYears,
    dueOn: recertificationDue,
    windowStart: windowFor(recertificationDue),
  });
  return audits.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.index - b.index));
}

/** The day before the `cycleYears` anniversary of `issuedOn` (29 February's anniversary is 1 March in a common year). */
export function expiryFor(issuedOn: LocalDate, cycleYears: number): LocalDate {
  if (!Number.isInteger(cycleYears) || cycleYears < 1) {
    throw new RangeError(`cycleYears must be a positive whole number: ${cycleYears}`);
  }
  const year = Number(issuedOn.slice(0, 4)) + cycleYears;
  const isLeapDayIssue = issuedOn.slice(5) === '02-29';
  const anniversary =
    isLeapDayIssue && !isLeapYear(year)
      ? addDays(addMonths(issuedOn, 12 * cycleYears), 1)
      : addMonths(issuedOn, 12 * cycleYears);
  return addDays(anniversary, -1);
}

/** Default slack between the stated expiry and `expiryFor`: a recertified certificate keeps the old expiry's anniversary. */
export const expiryToleranceDays = 92;

export type CertificateDateProblem =
  | { code: 'invalid-date'; field: 'issuedOn' | 'expiresOn' }
  | { code: 'invalid-cycle-years'; cycleYears: number }
  | { code: 'expires-not-after-issued'; issuedOn: LocalDate; expiresOn: LocalDate }
  | {
      code: 'expiry-inconsistent-with-cycle';
      expectedExpiresOn: LocalDate;
      /** expiresOn − expectedExpiresOn in days (negative: the certificate expires earlier than the cycle says). */
      differenceDays: number;
      toleranceDays: number;
    };

/**
 * What is wrong with a certificate's dates; empty when nothing is. Problems are returned rather
 * than thrown so a form (or a CSV import) can show them all at once.
 *
 * | problem                          | when                                                               |
 * | -------------------------------- | ------------------------------------------------------------------ |
 * | `invalid-date`                   | a date is not a calendar date (the other checks are skipped)       |
 * | `invalid-cycle-years`            | cycleYears is not 3 or 4                                           |
 * | `expires-not-after-issued`       | expiresOn ≤ issuedOn                                               |
 * | `expiry-inconsistent-with-cycle` | expiresOn is more than `toleranceDays` (default 92) from expiryFor |
 *
 * The tolerance exists because a certificate issued after a recertification usually keeps the
 * previous certificate's expiry anniversary, so it runs a few weeks more or less than N years.
 */
export function validateCertificateDates(
  cert: { issuedOn: string; expiresOn: string; cycleYears: number },
  toleranceDays: number = expiryToleranceDays,
): CertificateDateProblem[] {
  const problems: CertificateDateProblem[] = [];
  if (!isLocalDate(cert.issuedOn)) problems.push({ code: 'invalid-date', field: 'issuedOn' });
  if (!isLocalDate(cert.expiresOn)) problems.push({ code: 'invalid-date', field: 'expiresOn' });
  const isCycleValid = cert.cycleYears === 3 || cert.cycleYears === 4;
  if (!isCycleValid) problems.push({ code: 'invalid-cycle-years', cycleYears: cert.cycleYears });
  if (!isLocalDate(cert.issuedOn) || !isLocalDate(cert.expiresOn)) return problems;
  const { issuedOn, expiresOn } = cert;
  if (expiresOn <= issuedOn) {
    problems.push({ code: 'expires-not-after-issued', issuedOn, expiresOn });
    return problems;
  }
  if (isCycleValid) {
    const expectedExpiresOn = expiryFor(issuedOn, cert.cycleYears);
    const differenceDays = daysBetween(expectedExpiresOn, expiresOn);
    if (Math.abs(differenceDays) > toleranceDays) {
      problems.push({ code: 'expiry-inconsistent-with-cycle', expectedExpiresOn, differenceDays, toleranceDays });
    }
  }
  return problems;
}

/**
 * The certifier's next audit as seen on `today`: the first of the cycle whose due date is today
 * or later. null when every audit of the cycle is past its due date (the certificate has expired
 * or is about to; the next cycle belongs to the recertified certificate). Whether an audit was
 * actually held is not known here: that is the audit records' business.
 */
export function nextCertifierAudit(
  cert: CertificateDates,
  today: LocalDate,
  options: CycleOptions = {},
): CertifierAudit | null {
  return certificationCycle(cert, options).find((audit) => audit.dueOn >= today) ?? null;
}
