import { describe, expect, it } from 'vitest';
import { accessDeadlineOf, accessDeadlineStatus } from './access-request.js';
import type { LocalDate } from './local-date.js';
import { easterSunday, isPublicHoliday } from './public-holidays.js';

const d = (value: string) => value as LocalDate;

describe('easterSunday', () => {
  it.each([
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('%i → %s', (year, expected) => expect(easterSunday(year)).toBe(expected));
});

describe('public holidays', () => {
  it.each([
    ['2026-04-02', 'dk', true], // skærtorsdag
    ['2026-04-03', 'dk', true], // langfredag
    ['2026-04-06', 'dk', true], // 2. påskedag
    ['2026-05-14', 'dk', true], // Kristi himmelfartsdag
    ['2026-05-25', 'dk', true], // 2. pinsedag
    ['2023-05-05', 'dk', true], // store bededag, until 2023
    ['2024-04-26', 'dk', false], // store bededag abolished
    ['2026-06-05', 'dk', false], // grundlovsdag is a working day
    ['2026-12-24', 'dk', false], // juleaften too
    ['2026-05-01', 'dk', false],
    ['2026-05-01', 'no', true],
    ['2028-05-17', 'no', true],
    ['2026-12-26', 'no', true],
  ] as const)('%s in %s: %s', (date, calendar, expected) => expect(isPublicHoliday(d(date), calendar)).toBe(expected));
});

describe('accessDeadlineOf', () => {
  it.each([
    // Denmark: 7 working days after receipt (offentlighedsloven § 36).
    ['2026-11-16', 'dk', '2026-11-25', 'a plain Monday: one weekend inside'],
    ['2026-11-13', 'dk', '2026-11-24', 'a Friday: counting starts Monday'],
    ['2026-11-14', 'dk', '2026-11-24', 'a Saturday: the same as Friday'],
    ['2026-04-01', 'dk', '2026-04-15', 'Easter: skærtorsdag, langfredag and 2. påskedag out'],
    ['2026-12-21', 'dk', '2026-12-31', 'Christmas: 25 and 26 December out, 24 December counts'],
    ['2026-05-22', 'dk', '2026-06-03', 'Whitsun: 2. pinsedag out, grundlovsdag after'],
    ['2023-05-04', 'dk', '2023-05-16', 'store bededag 2023 out'],
    ['2024-04-25', 'dk', '2024-05-06', 'no store bededag from 2024'],
    // Norway: silence after 5 working days counts as refusal (offentleglova § 32).
    ['2026-11-16', 'no', '2026-11-23', 'a plain Monday'],
    ['2026-05-13', 'no', '2026-05-21', 'Kristi himmelfartsdag out'],
    ['2026-05-22', 'no', '2026-06-01', '2. pinsedag out'],
    ['2027-04-29', 'no', '2027-05-07', '1 May on a Saturday changes nothing; Ascension 6 May is out'],
  ] as const)('%s (%s) → %s: %s', (received, law, expected, _why) => {
    expect(accessDeadlineOf(d(received), law)).toBe(expected);
  });
});

describe('accessDeadlineStatus', () => {
  const request = { state: 'open' as const, law: 'dk' as const, deadlineOn: d('2026-11-25') };
  it('counts working days left, zero on the last day, and days late after it', () => {
    expect(accessDeadlineStatus(request, d('2026-11-20'))).toEqual({ kind: 'due', workingDaysLeft: 3 });
    expect(accessDeadlineStatus(request, d('2026-11-25'))).toEqual({ kind: 'due', workingDaysLeft: 0 });
    expect(accessDeadlineStatus(request, d('2026-11-30'))).toEqual({ kind: 'overdue', workingDaysLate: 3 });
    expect(accessDeadlineStatus({ ...request, state: 'answered' }, d('2026-12-30'))).toEqual({ kind: 'answered' });
  });
});
