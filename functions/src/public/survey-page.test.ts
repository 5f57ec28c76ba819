import { describe, expect, it } from 'vitest';
import { localeOf } from './survey-page.js';

describe('localeOf: the language of the answer page', () => {
  it.each([
    { requested: null, header: null, expected: 'da' },
    { requested: 'en', header: 'nb', expected: 'en' },
    { requested: 'sv', header: 'nb', expected: 'nb' },
    { requested: null, header: 'nb-NO,nb;q=0.9,en;q=0.8', expected: 'nb' },
    { requested: null, header: 'nn-NO', expected: 'nb' },
    { requested: null, header: 'no', expected: 'nb' },
    { requested: null, header: 'de-DE, en;q=0.7, da;q=0.9', expected: 'da' },
    { requested: null, header: 'en-GB;q=0.5, nb;q=0.5', expected: 'en' },
    { requested: null, header: 'da;q=0, en', expected: 'en' },
    { requested: null, header: 'fr, de', expected: 'da' },
    { requested: null, header: ';;,,q=', expected: 'da' },
  ])('?lang=$requested with Accept-Language "$header" → $expected', ({ requested, header, expected }) => {
    expect(localeOf(requested, header)).toBe(expected);
  });
});
