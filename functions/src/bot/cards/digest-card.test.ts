// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { digestByteBudget, digestCard, digestItemLimit, type DigestItem } from './digest-card.js';
import { cardBytes, cardByteLimit, expectValidCard, renderCard } from './test-support/validate-card.js';
import { allActions, executeActions, visibleText } from './test-support/card-query.js';
import {
  buildCompetenceDigestItems,
  buildDigestItems,
  competencesUrl,
  hostileText,
  locales,
  longHostileTitle,
  openUrl,
} from './test-support/card-models.js';

const manyItems = (count: number, title?: string): DigestItem[] =>
  Array.from({ length: Math.ceil(count / 5) }, (_, index) => buildDigestItems(index, title))
    .flat()
    .slice(0, count);

/** Item blocks: the Containers with a selectAction. */
const blocks = (card: unknown) =>
  ((card as { body: { type: string; selectAction?: unknown }[] }).body ?? []).filter((element) => element.selectAction);

const variants = {
  empty: [],
  'one of each kind': buildDigestItems(),
  'approval submitted today': [{ ...buildDigestItems()[0]!, daysWaiting: 0 } as DigestItem],
  '30 items with long hostile titles': manyItems(30, longHostileTitle),
  '25 items with hostile titles': manyItems(25, hostileText),
};

describe('digestCard', () => {
  for (const locale of locales) {
    for (const [name, items] of Object.entries(variants)) {
      it(`is a valid Teams card (${locale}, ${name})`, () => {
        expectValidCard(digestCard(items, locale, { handbookUrl: openUrl }));
        expectValidCard(digestCard(items, locale));
      });
    }
  }

  it('lists each item as a tappable block that opens its procedure, and has no Action.Execute', () => {
    const card = digestCard(buildDigestItems(), 'da');
    expect(blocks(card)).toHaveLength(5);
    for (const block of blocks(card)) {
      // No title: the link is named by what the block shows (WCAG 2.5.3), not "Åbn procedure".
      expect(block.selectAction).toEqual({ type: 'Action.OpenUrl', url: openUrl });
    }
    expect(executeActions(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
  });

  it('adds a button that opens the handbook when given its link', () => {
    const card = digestCard(buildDigestItems(), 'nb', { handbookUrl: 'https://example.org/tab' });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Åpne kvalitetshåndboken', url: 'https://example.org/tab' },
    ]);
  });

  it.each([
    [
      'da',
      [
        'Dine opgaver i kvalitetshåndbogen',
        '5 opgaver venter på dig.',
        'Afventer din godkendelse – indsendt af Mette Kjær for 3 dage siden.',
        'Gennemgangen forfalder om 12 dage (04-12-2026).',
        'Gennemgangen er 12 dage over fristen (forfaldt 10-11-2026).',
        '21 dage over fristen – procedureansvarlig: Mette Kjær.',
        'Version 2.0 gælder fra 22-11-2026.',
      ],
    ],
    [
      'nb',
      [
        'Dine oppgaver i kvalitetshåndboken',
        'Venter på din godkjenning – sendt inn av Mette Kjær for 3 dager siden.',
        'Gjennomgangen er 12 dager på overtid',
        '21 dager på overtid – prosesseier: Mette Kjær.',
        'Versjon 2.0 gjelder fra 22.11.2026.',
      ],
    ],
    [
      'en',
      [
        'Your tasks in the quality handbook',
        '5 tasks are waiting for you.',
        'Awaiting your approval – submitted by Mette Kjær 3 days ago.',
        'The review is 12 days overdue (due 10 Nov 2026).',
        '21 days overdue – procedure owner: Mette Kjær.',
        'Version 2.0 applies from 22 Nov 2026.',
      ],
    ],
  ] as const)('speaks %s', (locale, phrases) => {
    const text = visibleText(digestCard(buildDigestItems(), locale));
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it('says when there is nothing to do, and when an approval was submitted today', () => {
    expect(visibleText(digestCard([], 'da'))).toContain('Du har ingen opgaver lige nu.');
    const today = { ...buildDigestItems()[0]!, daysWaiting: 0 } as DigestItem;
    expect(visibleText(digestCard([today], 'en'))).toContain('submitted by Mette Kjær today.');
  });

  it(`lists at most ${digestItemLimit} items, then how many more`, () => {
    const card = digestCard(manyItems(32), 'da');
    expect(blocks(card)).toHaveLength(digestItemLimit);
    expect(visibleText(card)).toContain('32 opgaver venter på dig.');
    expect(visibleText(card)).toContain('… og 7 opgaver mere.');
  });

  it('stays under the size limit with the longest titles and links, moving the rest to "and N more"', () => {
    const longLink = `${openUrl}&x=${'a'.repeat(1500)}`;
    const items = manyItems(30, longHostileTitle).map((item) => ({ ...item, openUrl: longLink }));
    const card = digestCard(items, 'da');
    expect(cardBytes(card)).toBeLessThanOrEqual(digestByteBudget);
    expect(cardBytes(card)).toBeLessThan(cardByteLimit);
    const listed = blocks(card).length;
    expect(listed).toBeLessThan(digestItemLimit);
    expect(visibleText(card)).toContain(`… og ${30 - listed} opgaver mere.`);
    expectValidCard(card);
  });

  it('keeps each link with its own item', () => {
    const items = buildDigestItems().map((item, index) => ({ ...item, openUrl: `https://example.org/${index}` }));
    const urls = allActions(digestCard(items, 'en')).map((action) => action.url);
    expect(urls).toEqual(items.map((item) => item.openUrl));
  });
});

describe('digestCard with competence items', () => {
  const mixed = [...buildCompetenceDigestItems(), ...buildDigestItems()];
  for (const locale of locales) {
    it(`is a valid Teams card (${locale}, competence and procedure items, hostile names)`, () => {
      expectValidCard(digestCard(mixed, locale, { handbookUrl: openUrl }));
      expectValidCard(digestCard(buildCompetenceDigestItems(longHostileTitle), locale));
    });
  }

  it('heads competence items by the competence and whom or where, and links them to the matrix', () => {
    const card = digestCard(buildCompetenceDigestItems(), 'da');
    const text = visibleText(card);
    for (const phrase of [
      'Kvalifikation',
      'Intern auditor (ISO 9001) – Peter Lund',
      'Udløber om 20 dage',
      'Intern auditor (ISO 9001) – Henrik Skov',
      'Udløbet for 20 dage siden',
      'Kompetencekrav',
      'Intern auditor (ISO 9001) – Teknik og Miljø',
      'Mangler: 1 person på niveau 2 (Selvstændig) eller derover.',
    ])
      expect(text).toContain(phrase);
    for (const block of blocks(card)) {
      expect(block.selectAction).toEqual({ type: 'Action.OpenUrl', url: competencesUrl });
    }
  });

  it('shows competence and person names literally', () => {
    const items = buildCompetenceDigestItems(hostileText);
    const element = renderCard(digestCard(items, 'en'));
    expect(element.textContent).toContain(hostileText);
    expect(element.querySelector('script, strong, em, a, h1')).toBeNull();
  });
});
