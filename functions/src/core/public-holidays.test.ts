import { describe, expect, it } from 'vitest';
import type { LocalDate } from './local-date.js';
import { addCalendarWorkingDays, easterSunday, officeHolidays, publicHolidays } from './public-holidays.js';

const day = (value: string) => value as LocalDate;

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
  ])('%i: %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('officeHolidays and publicHolidays', () => {
  it('Denmark 2025: the helligdage and the days offices close', () => {
    expect(officeHolidays(2025, 'dk')).toEqual([
      '2025-01-01',
      '2025-04-17',
      '2025-04-18',
      '2025-04-20',
      '2025-04-21',
      '2025-05-29',
      '2025-06-05',
      '2025-06-08',
      '2025-06-09',
      '2025-12-24',
      '2025-12-25',
      '2025-12-26',
      '2025-12-31',
    ]);
  });
  it('a legal deadline counts the days offices merely close: grundlovsdag, 24 and 31 December', () => {
    const statutory = publicHolidays(2025, 'dk');
    for (const day of ['2025-06-05', '2025-12-24', '2025-12-31']) expect(statutory.has(day)).toBe(false);
    expect(statutory.has('2025-12-25')).toBe(true);
  });
  it('store bededag until 2023, not from 2024', () => {
    expect(officeHolidays(2023, 'dk')).toContain('2023-05-05');
    expect(officeHolidays(2024, 'dk')).not.toContain('2024-04-26');
    expect(publicHolidays(2023, 'dk').has('2023-05-05')).toBe(true);
    expect(publicHolidays(2024, 'dk').has('2024-04-26')).toBe(false);
  });
  it('Norway 2025 has 1 and 17 May, not grundlovsdag or 24 December', () => {
    const holidays = officeHolidays(2025, 'no');
    expect(holidays).toContain('2025-05-01');
    expect(holidays).toContain('2025-05-17');
    expect(holidays).not.toContain('2025-06-05');
    expect(holidays).not.toContain('2025-12-24');
  });
});

describe('addCalendarWorkingDays', () => {
  it.each([
    ['2025-03-05', 10, 'dk', '2025-03-19', 'two plain weeks'],
    ['2025-03-07', 1, 'dk', '2025-03-10', 'Friday + 1 is Monday'],
    ['2025-03-08', 1, 'dk', '2025-03-10', 'received on a Saturday: Monday is day 1'],
    ['2025-04-16', 10, 'dk', '2025-05-05', 'Easter: skærtorsdag, langfredag and 2. påskedag counted out'],
    ['2025-04-16', 10, 'no', '2025-05-06', 'Easter and 1 May in Norway'],
    ['2025-12-22', 3, 'dk', '2025-12-30', 'Christmas: 24, 25 and 26 December counted out'],
    ['2025-03-05', 0, 'dk', '2025-03-05', 'zero days: the day itself'],
  ] as const)('%s + %i (%s) = %s: %s', (from, count, calendar, expected, _why) => {
    expect(addCalendarWorkingDays(day(from), count, calendar)).toBe(expected);
  });
  it('refuses a negative count', () => {
    expect(() => addCalendarWorkingDays(day('2025-03-05'), -1, 'dk')).toThrow(RangeError);
  });
});
