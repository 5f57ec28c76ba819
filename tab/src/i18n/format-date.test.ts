import { describe, expect, it } from 'vitest';
import { formatInstant, formatLocalDate } from './format-date';

describe('formatLocalDate', () => {
  it.each([
    ['da', '2026-03-01', '01-03-2026'],
    ['nb', '2026-03-01', '01.03.2026'],
    ['en', '2026-03-01', '1 Mar 2026'],
    ['da', 'not a date', 'not a date'],
  ] as const)('%s %s → %s', (locale, input, expected) => {
    expect(formatLocalDate(input, locale)).toBe(expected);
  });
});

describe('formatInstant', () => {
  it.each([
    ['da', '2026-02-28T23:30:00Z', '01-03-2026 kl. 00.30'],
    ['nb', '2026-07-01T10:05:00Z', '01.07.2026 kl. 12.05'],
    ['en', '2026-07-01T10:05:00Z', '1 Jul 2026, 12:05'],
  ] as const)('%s %s → %s in Copenhagen', (locale, input, expected) => {
    expect(formatInstant(input, locale, 'Europe/Copenhagen')).toBe(expected);
  });
});
