import { describe, expect, it } from 'vitest';
import { locales } from '../core/locale.js';
import { formatDate, formatInstant, formatTimeOfDay, joinDateAndTime } from './format-date.js';
import { serverResources, serverTexts } from './server-texts.js';
import { createTextInstance, fixedTranslate } from './texts.js';

describe('server texts', () => {
  it.each(Object.keys(serverResources.da))('%s has exactly the Danish keys in nb and en', (namespace) => {
    const keys = (locale: (typeof locales)[number]) =>
      Object.keys(serverResources[locale][namespace as keyof (typeof serverResources)['da']]).sort();
    expect(keys('nb')).toEqual(keys('da'));
    expect(keys('en')).toEqual(keys('da'));
  });

  it.each([
    ['da', 1, '1 påmindelse'],
    ['da', 0, '0 påmindelser'],
    ['nb', 2, '2 påminnelser'],
    ['en', 1, '1 reminder'],
    ['en', 3, '3 reminders'],
  ] as const)('chooses the %s plural form for %d', (locale, count, expected) => {
    expect(serverTexts(locale, 'reminders')('reminders', { count })).toBe(expected);
  });

  it('has no silent fallback: a key missing in a language throws instead of showing Danish', () => {
    const instance = createTextInstance('da', { da: { demo: { hello: 'Hej' } }, en: { demo: {} } });
    expect(fixedTranslate<{ hello: string }>(instance, 'da', 'demo')('hello')).toBe('Hej');
    expect(() => fixedTranslate<{ hello: string }>(instance, 'en', 'demo')('hello')).toThrow(/demo:hello/);
  });

  it('keeps a placeholder without a value visible', () => {
    const instance = createTextInstance('da', { da: { demo: { hello: 'Hej {{name}}' } } });
    expect(fixedTranslate<{ hello: string }>(instance, 'da', 'demo')('hello')).toBe('Hej {{name}}');
  });

  it.each(locales)('%s has no "(er)"-style plurals', (locale) => {
    const texts = Object.values(serverResources[locale]).flatMap((namespace) => Object.values(namespace));
    expect(texts.filter((text) => /\w\((?:e|er|r|s|ies|ne|en)\)/.test(text))).toEqual([]);
  });
});

describe('the one date formatter', () => {
  it.each([
    ['2026-03-01', 'da', '01-03-2026'],
    ['2026-03-01', 'nb', '01.03.2026'],
    ['2026-03-01', 'en', '1 Mar 2026'],
    ['2026-09-30', 'en', '30 Sep 2026'],
    ['2026-02-28T23:30:00Z', 'da', '01-03-2026'],
    ['2026-02-28T22:30:00Z', 'en', '28 Feb 2026'],
  ] as const)('date %s in %s is %s', (value, locale, expected) => {
    expect(formatDate(value, locale)).toBe(expected);
  });

  it.each([
    ['2026-11-22T13:03:00Z', 'da', '22-11-2026 kl. 14.03'],
    ['2026-11-22T13:03:00Z', 'nb', '22.11.2026 kl. 14.03'],
    ['2026-11-22T13:03:00Z', 'en', '22 Nov 2026, 14:03'],
    ['2026-10-25T01:30:00Z', 'da', '25-10-2026 kl. 02.30'],
  ] as const)('instant %s in %s is %s (Europe/Copenhagen)', (value, locale, expected) => {
    expect(formatInstant(value, locale)).toBe(expected);
  });

  it('refuses what is not a date', () => {
    expect(() => formatDate('soon', 'da')).toThrow(RangeError);
    expect(() => formatInstant('soon', 'da')).toThrow(RangeError);
  });

  it.each([
    ['da', 13, 19, 'kl. 13.19'],
    ['nb', 9, 5, 'kl. 09.05'],
    ['en', 13, 19, '13:19'],
  ] as const)('time of day %s %d:%d → %s', (locale, hour, minute, expected) => {
    expect(formatTimeOfDay(hour, minute, locale)).toBe(expected);
  });

  it('joins a date and a time as each language writes them', () => {
    expect(joinDateAndTime('05-01-2027', 13, 19, 'da')).toBe('05-01-2027 kl. 13.19');
    expect(joinDateAndTime('5 Jan 2027', 13, 19, 'en')).toBe('5 Jan 2027, 13:19');
  });
});
