import { describe, expect, it } from 'vitest';
import { chooseLocale, toLocale } from './locale-detection';

describe('toLocale', () => {
  it.each([
    ['da-DK', 'da'],
    ['da', 'da'],
    ['nb-NO', 'nb'],
    ['nn-NO', 'nb'],
    ['no', 'nb'],
    ['en-US', 'en'],
    ['en-gb', 'en'],
    ['de-DE', 'da'],
    ['', 'da'],
    [null, 'da'],
  ] as const)('%s → %s', (tag, expected) => {
    expect(toLocale(tag)).toBe(expected);
  });
});

describe('chooseLocale', () => {
  it('prefers the stored choice, then the host, then the browser', () => {
    expect(chooseLocale({ stored: 'en', hostLocale: 'nb-NO', browserLanguage: 'da' })).toBe('en');
    expect(chooseLocale({ stored: null, hostLocale: 'nb-NO', browserLanguage: 'en' })).toBe('nb');
    expect(chooseLocale({ stored: 'xx', hostLocale: null, browserLanguage: 'en-US' })).toBe('en');
  });
});
