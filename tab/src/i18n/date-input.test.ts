import { describe, expect, it } from 'vitest';
import { dateFromIso, datePattern, formatDateInput, isoFromDate, parseDateInput } from './date-input';

describe('formatDateInput', () => {
  it.each([
    ['da', '05-01-2027'],
    ['nb', '05.01.2027'],
    ['en', '05/01/2027'],
  ] as const)('%s → %s', (locale, expected) => {
    expect(formatDateInput('2027-01-05', locale)).toBe(expected);
  });

  it('leaves an empty or odd value alone', () => {
    expect(formatDateInput('', 'da')).toBe('');
  });
});

describe('parseDateInput', () => {
  it.each([
    ['05-01-2027', '2027-01-05'],
    ['5-1-2027', '2027-01-05'],
    ['05.01.2027', '2027-01-05'],
    ['5/1 2027', '2027-01-05'],
    [' 05012027 ', '2027-01-05'],
    ['5-1-27', '2027-01-05'],
    ['2027-01-05', '2027-01-05'],
    ['29-02-2028', '2028-02-29'],
  ])('reads %s day first as %s', (text, expected) => {
    expect(parseDateInput(text)).toBe(expected);
  });

  it.each(['', 'i morgen', '31-04-2027', '29-02-2027', '13/13/2027', '01-13-2027', '5-1'])('refuses %j', (text) => {
    expect(parseDateInput(text)).toBeNull();
  });
});

describe('datePattern and the calendar bridge', () => {
  it('shows the expected format with the language’s year letters', () => {
    expect(datePattern('da', 'åååå')).toBe('dd-mm-åååå');
    expect(datePattern('nb', 'åååå')).toBe('dd.mm.åååå');
    expect(datePattern('en', 'yyyy')).toBe('dd/mm/yyyy');
  });

  it('round-trips a calendar date through a local Date', () => {
    expect(isoFromDate(dateFromIso('2027-12-31')!)).toBe('2027-12-31');
    expect(dateFromIso('')).toBeNull();
  });
});
