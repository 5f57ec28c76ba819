// @vitest-environment jsdom
import type { Locale } from '../../core/locale.js';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { serverResources } from '../../i18n/server-texts.js';
import { cardText, escapeCardText, formatDate, formatDateTime, truncateText } from './card-text.js';

const locales: Locale[] = ['da', 'nb', 'en'];

describe('formatDateTime', () => {
  it.each([
    ['2026-11-22T13:03:00Z', 'da', '22-11-2026 kl. 14.03'],
    ['2026-11-22T13:03:00Z', 'nb', '22.11.2026 kl. 14.03'],
    ['2026-11-22T13:03:00Z', 'en', '22 Nov 2026, 14:03'],
    ['2026-07-01T06:05:00Z', 'da', '01-07-2026 kl. 08.05'],
    ['2026-02-28T23:30:00Z', 'da', '01-03-2026 kl. 00.30'],
    ['2026-03-29T01:30:00Z', 'en', '29 Mar 2026, 03:30'],
    ['2026-10-25T00:30:00Z', 'da', '25-10-2026 kl. 02.30'],
    ['2026-10-25T01:30:00Z', 'da', '25-10-2026 kl. 02.30'],
    ['2026-11-22T14:03:00+01:00', 'nb', '22.11.2026 kl. 14.03'],
  ] as const)('%s in %s is %s (Europe/Copenhagen)', (iso, locale, expected) => {
    expect(formatDateTime(iso, locale)).toBe(expected);
  });

  it('refuses what is not an instant', () => {
    expect(() => formatDateTime('soon', 'da')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it.each([
    ['2026-12-04', 'da', '04-12-2026'],
    ['2026-12-04', 'nb', '04.12.2026'],
    ['2026-12-04', 'en', '4 Dec 2026'],
    ['2026-02-28T23:30:00Z', 'da', '01-03-2026'],
    ['2026-02-28T22:30:00Z', 'en', '28 Feb 2026'],
  ] as const)('%s in %s is %s', (value, locale, expected) => {
    expect(formatDate(value, locale)).toBe(expected);
  });
});

describe('escapeCardText', () => {
  const markdown = new MarkdownIt({ html: false });
  /** What a reader sees when a markdown renderer shows the escaped text. */
  const shown = (text: string) => {
    const element = document.createElement('div');
    element.innerHTML = markdown.render(escapeCardText(text));
    return { text: element.textContent?.trim(), html: element.innerHTML };
  };

  it.each([
    '**x** [a](b)',
    '<script>alert(1)</script>',
    '_kursiv_ og ~~streg~~ og `kode`',
    '![billede](https://example.org/x.png)',
    '# Overskrift',
    '> citat',
    '- punkt',
    '+ punkt',
    '* punkt',
    '1. punkt',
    '2026) punkt',
    '---',
    '===',
    '&amp; &#42; &copy;',
    '<https://example.org>',
    'Sag \\*ikke\\* fed',
    '{{DATE(2026-11-22T13:03:00Z, SHORT)}}',
    'K-16 Byggesager (del 1) & støj: 50 % - "høring"!',
  ])('%s shows literally', (text) => {
    const result = shown(text);
    expect(result.text).toBe(text);
    expect(result.html).not.toMatch(/<(strong|em|a|img|script|h\d|blockquote|ul|ol|li|hr|code|s|del)\b/);
  });

  it('leaves ordinary text alone', () => {
    expect(escapeCardText('K-16 Sagsbehandling af byggesager (2026), side 1-2!')).toBe(
      'K-16 Sagsbehandling af byggesager (2026), side 1-2!',
    );
    expect(escapeCardText('Version 1.2')).toBe('Version 1.2');
  });

  it('makes each line a paragraph and drops indentation and control characters', () => {
    expect(escapeCardText('første\r\n\n    anden\u0007\nthird  ')).toBe('første\n\nanden\n\nthird');
  });
});

describe('truncateText', () => {
  it('cuts whole characters and marks the cut', () => {
    expect(truncateText('abc', 3)).toBe('abc');
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

const sameInEveryLanguage = new Set(['people_one', 'actionAssigned.plan']);

describe("the cards' texts", () => {
  it('use the domain words of each language', () => {
    const words = (locale: Locale) =>
      (['approve', 'acknowledge', 'reviewKicker'] as const).map((key) => cardText(locale)(key));
    expect(words('da')).toEqual(['Godkend', 'Læst og forstået', 'Periodisk gennemgang']);
    expect(words('nb')).toEqual(['Godkjenn', 'Lest og forstått', 'Periodisk gjennomgang']);
    expect(words('en')).toEqual(['Approve', 'Read and understood', 'Periodic review']);
  });

  it('differ between Danish and the other languages for every text with words', () => {
    for (const [key, value] of Object.entries(serverResources.da.cards)) {
      // "{{from}} → {{to}} ({{kind}})" has no words of its own; "person" and "plan" are the same everywhere.
      if (!/\p{L}/u.test(value.replace(/\{\{\w+\}\}/g, '')) || sameInEveryLanguage.has(key)) continue;
      const others = locales
        .filter((locale) => locale !== 'da')
        .map((locale) => serverResources[locale].cards[key as keyof typeof serverResources.da.cards]);
      expect(
        others.every((other) => other === value),
        key,
      ).toBe(false);
    }
  });

  it('count in each language', () => {
    const days = (locale: Locale) => [1, 2].map((count) => cardText(locale)('days', { count }));
    expect(days('da')).toEqual(['1 dag', '2 dage']);
    expect(days('nb')).toEqual(['1 dag', '2 dager']);
    expect(days('en')).toEqual(['1 day', '2 days']);
  });
});
