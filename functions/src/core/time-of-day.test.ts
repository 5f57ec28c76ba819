import { describe, expect, it } from 'vitest';
import { formatTimeOfDay, joinDateAndTime } from './time-of-day.js';

describe('time of day', () => {
  it.each([
    ['da', 13, 19, 'kl. 13.19'],
    ['nb', 9, 5, 'kl. 09.05'],
    ['en', 13, 19, '13:19'],
    ['da', 0, 0, 'kl. 00.00'],
  ] as const)('%s %d:%d → %s', (locale, hour, minute, expected) => {
    expect(formatTimeOfDay(hour, minute, locale)).toBe(expected);
  });

  it('joins a date and a time as each language writes them', () => {
    expect(joinDateAndTime('05-01-2027', 13, 19, 'da')).toBe('05-01-2027 kl. 13.19');
    expect(joinDateAndTime('5 Jan 2027', 13, 19, 'en')).toBe('5 Jan 2027, 13:19');
  });
});
