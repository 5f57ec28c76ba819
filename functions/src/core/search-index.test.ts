import { describe, expect, it } from 'vitest';
import { createSearchIndex, cutSnippet } from './search-index.js';
import { parseQuery, tokenize } from './search-text.js';

const documents = [
  ['K-05', 'Planlægning og gennemførelse af miljøtilsyn med virksomheder og landbrug', 'Tilsynet følger planen.'],
  ['K-09', 'Behandling af klager over støj, lugt og støv', 'Klagen journaliseres og besvares.'],
  ['K-16', 'Dispensation fra naturbeskyttelseslovens § 3', 'Ansøgningen vurderes efter § 3.'],
  ['K-17', 'Dispensation fra bygge- og beskyttelseslinjer', 'Besigtigelse ved skovbyggelinjen.'],
  ['K-20', 'Byggetilladelse efter BR18', 'Fra fuldt oplyst ansøgning til afgørelse.'],
  ['K-12', 'Tilladelse til udledning af spildevand', 'Spildevand fra virksomheder.'],
  ['S-09', 'Henvendelser fra borgere: ros, klager og forslag', 'Borgerens henvendelse besvares.'],
] as const;

const index = createSearchIndex(
  documents.map(([code, title, body]) => ({ key: code, code, fields: { code, title, body } })),
  {
    fields: [
      { name: 'code', weight: 3 },
      { name: 'title', weight: 5 },
      { name: 'body', weight: 1 },
    ],
    snippetFields: ['body', 'title'],
  },
);
const codes = (q: string, page = { limit: 10, offset: 0 }) =>
  index.query(parseQuery(q), page).hits.map((hit) => hit.key);

describe('the search index', () => {
  it.each([
    ['dispensationer', 'K-16'],
    ['byggetilladelser', 'K-20'],
    ['tilsynet', 'K-05'],
    ['tilsyn', 'K-05'],
    ['miljøtil', 'K-05'],
    ['støjklager', 'K-09'],
    ['spildevandstilladelse', 'K-12'],
    ['byggetiladelse', 'K-20'],
    ['byggetillatelse', 'K-20'],
    ['dispensasion', 'K-16'],
    ['k16', 'K-16'],
    ['K-16', 'K-16'],
    ['K 16', 'K-16'],
    ['k-016', 'K-16'],
    ['hvordan behandler jeg klager over lugt', 'K-09'],
    ['klager på støy', 'K-09'],
  ])('%j finds %s first or among the first three', (q, code) => {
    expect(codes(q).slice(0, 3)).toContain(code);
  });

  it('puts the procedure with a typed code first', () => {
    expect(codes('k17')[0]).toBe('K-17');
    expect(codes('S-09')[0]).toBe('S-09');
  });

  it('does not require every word: more matching words rank higher', () => {
    const found = codes('dispensation skovbyggelinjen');
    expect(found[0]).toBe('K-17');
    expect(found).toContain('K-16');
  });

  it('requires quoted phrases in their order', () => {
    expect(codes('"bygge- og beskyttelseslinjer"')).toEqual(['K-17']);
    expect(codes('"beskyttelseslinjer og bygge"')).toEqual([]);
  });

  it('finds nothing for nothing', () => {
    expect(codes('zzyzx')).toEqual([]);
    expect(index.query(parseQuery(''), { limit: 10, offset: 0 })).toEqual({ total: 0, hits: [] });
  });

  it('counts every hit and pages without gaps or repeats', () => {
    const all = index.query(parseQuery('dispensation klager tilladelse'), { limit: 50, offset: 0 });
    expect(all.total).toBe(all.hits.length);
    expect(all.total).toBeGreaterThanOrEqual(5);
    const paged: string[] = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = index.query(parseQuery('dispensation klager tilladelse'), { limit: 2, offset });
      expect(page.total).toBe(all.total);
      paged.push(...page.hits.map((hit) => hit.key));
    }
    expect(paged).toEqual(all.hits.map((hit) => hit.key));
  });

  it('marks the matched words in the snippet, whole words only', () => {
    const [hit] = index.query(parseQuery('tilsyn'), { limit: 1, offset: 0 }).hits;
    expect(hit!.snippet).toEqual([
      { text: 'Tilsynet', isMatch: true },
      { text: ' følger planen.', isMatch: false },
    ]);
  });
});

describe('cutSnippet', () => {
  const text = Array.from({ length: 60 }, (_, index) => `ord${index}`).join(' ');
  const tokens = tokenize(text);

  it('cuts at word boundaries around the densest matches, with … where the text goes on', () => {
    const marks = tokens.map((token) => token.text === 'ord30' || token.text === 'ord33');
    const snippet = cutSnippet(text, tokens, marks);
    expect(snippet[0]).toEqual({ text: '…', isMatch: false });
    expect(snippet.at(-1)).toEqual({ text: '…', isMatch: false });
    expect(snippet.filter((segment) => segment.isMatch).map((segment) => segment.text)).toEqual(['ord30', 'ord33']);
    const inner = snippet
      .slice(1, -1)
      .map((segment) => segment.text)
      .join('');
    expect(inner.startsWith('ord26 ')).toBe(true);
    expect(inner.split(' ')).toHaveLength(24);
  });

  it('keeps a short text whole', () => {
    const short = 'Klagen besvares.';
    expect(cutSnippet(short, tokenize(short), [true, false])).toEqual([
      { text: 'Klagen', isMatch: true },
      { text: ' besvares.', isMatch: false },
    ]);
  });
});
