import { describe, expect, it } from 'vitest';
import { da } from './da';
import { en } from './en';
import { fillTemplate } from './messages';
import { nb } from './nb';

describe('fillTemplate', () => {
  it.each([
    ['da', 1, '1 advarsel'],
    ['da', 2, '2 advarsler'],
    ['da', 0, '0 advarsler'],
    ['nb', 1, '1 advarsel'],
    ['nb', 3, '3 advarsler'],
    ['en', 1, '1 warning'],
    ['en', 2, '2 warnings'],
  ] as const)('chooses the %s plural form for %d', (locale, count, expected) => {
    const catalogue = { da, nb, en }[locale];
    expect(fillTemplate(catalogue['audit.warningCount'], { count }, locale)).toBe(expected);
  });

  it('fills plain placeholders beside a plural and leaves a missing value visible', () => {
    expect(fillTemplate(da['audit.reason.majors'], { count: 1, year: 2025 })).toBe('1 større afvigelse siden 2025');
    expect(fillTemplate('{count, plural, one {# a} other {# b}} {missing}', { count: 2 })).toBe('2 b {missing}');
  });

  it.each([
    ['da', da],
    ['nb', nb],
    ['en', en],
  ] as const)('%s has no "(er)"-style plurals: each count says its own form', (_, catalogue) => {
    const fake = Object.entries(catalogue).filter(([, text]) => /\w\((?:e|er|r|s|ies|ne|en)\)/.test(text));
    expect(fake).toEqual([]);
  });
});
