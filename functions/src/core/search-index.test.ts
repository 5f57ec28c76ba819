import { describe, expect, it } from 'vitest';
import { createSearchIndex, cutSnippet, startOfWordsBefore } from './search-index.js';
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

  it.each([
    ['klager', (key: string) => key !== 'K-09'],
    ['dispensation', (key: string) => key.startsWith('K-1')],
    ['k16', (key: string) => key !== 'K-16'],
    ['tilsyn', () => false],
  ])('leaves out what %j may not show before counting', (q, accept) => {
    const all = index.query(parseQuery(q), { limit: 50, offset: 0 });
    const some = index.query(parseQuery(q), { limit: 50, offset: 0 }, accept);
    expect(some.hits.every((hit) => accept(hit.key))).toBe(true);
    expect(some.total).toBe(some.hits.length);
    const expected = all.hits.filter((hit) => accept(hit.key)).map((hit) => hit.key);
    // The relative cut-off follows the best accepted hit, so there may be more, never fewer.
    expect(some.hits.map((hit) => hit.key).slice(0, expected.length)).toEqual(expected);
  });

  it('marks the matched words in the snippet, whole words only', () => {
    const [hit] = index.query(parseQuery('tilsyn'), { limit: 1, offset: 0 }).hits;
    expect(hit!.snippet).toEqual([
      { text: 'Tilsynet', isMatch: true },
      { text: ' følger planen.', isMatch: false },
    ]);
  });
});

describe('the search index, changed in place', () => {
  const options = {
    fields: [
      { name: 'code', weight: 3 },
      { name: 'title', weight: 5 },
      { name: 'body', weight: 1 },
    ],
    snippetFields: ['body', 'title'],
  };
  const inputOf = ([code, title, body]: readonly [string, string, string]) => ({
    key: code,
    code,
    fields: { code, title, body },
  });
  const queries = ['dispensation', 'tilsyn', 'klager', 'støjklager', 'miljøtil', 'k16', 'spildevand', 'byggetiladelse'];
  const answers = (target: ReturnType<typeof createSearchIndex>) =>
    queries.map((q) => target.query(parseQuery(q), { limit: 10, offset: 0 }));

  // Each case: the changes made to an index of `documents`, and the documents a fresh index holds.
  const replaced = ['K-16', 'Dispensation fra søbeskyttelseslinjen', 'Ansøgningen om dispensation vurderes.'] as const;
  const added = ['K-30', 'Tilsyn med spildevandsanlæg', 'Tilsynet omfatter klager over lugt.'] as const;
  it.each([
    ['a new document', [['upsert', added]], [...documents, added]],
    ['a removed document', [['remove', 'K-05']], documents.filter(([code]) => code !== 'K-05')],
    [
      'a replaced text',
      [['upsert', replaced]],
      documents.map((document) => (document[0] === 'K-16' ? replaced : document)),
    ],
    [
      'removed, added and put back',
      [
        ['remove', 'K-09'],
        ['upsert', added],
        ['remove', 'K-12'],
        ['upsert', documents[1]],
      ],
      [...documents.filter(([code]) => code !== 'K-12'), added],
    ],
    ['an unchanged text', [['upsert', documents[2]]], documents],
    ['everything removed', documents.map(([code]) => ['remove', code]), []],
  ] as const)('answers after %s as an index built afresh does', (_, changes, expected) => {
    const changed = createSearchIndex(documents.map(inputOf), options);
    for (const [kind, value] of changes as readonly (
      readonly ['upsert', readonly [string, string, string]] | readonly ['remove', string]
    )[]) {
      if (kind === 'upsert') changed.upsert(inputOf(value));
      else expect(changed.remove(value)).toBe(true);
    }
    const fresh = createSearchIndex((expected as readonly (readonly [string, string, string])[]).map(inputOf), options);
    expect(changed.size).toBe(fresh.size);
    expect([...changed.keys()].sort()).toEqual([...fresh.keys()].sort());
    const [got, want] = [answers(changed), answers(fresh)];
    for (const [position, answer] of want.entries()) {
      expect(got[position]!.total, queries[position]).toBe(answer.total);
      expect(
        got[position]!.hits.map((hit) => hit.key),
        queries[position],
      ).toEqual(answer.hits.map((hit) => hit.key));
      got[position]!.hits.forEach((hit, at) => expect(hit.score).toBeCloseTo(answer.hits[at]!.score, 9));
    }
  });

  it('forgets a removed document and its words', () => {
    const changed = createSearchIndex(documents.map(inputOf), options);
    expect(changed.remove('K-05')).toBe(true);
    expect(changed.remove('K-05')).toBe(false);
    expect(changed.has('K-05')).toBe(false);
    expect(changed.query(parseQuery('miljøtilsyn'), { limit: 10, offset: 0 }).total).toBe(0);
    expect(changed.query(parseQuery('k5'), { limit: 10, offset: 0 }).hits).toEqual([]);
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

describe('startOfWordsBefore', () => {
  it.each([
    ['alfa beta gamma delta', 16, 2, 5],
    ['alfa beta gamma delta', 16, 3, 0],
    ['alfa beta gamma delta', 16, 9, 0],
    ['  alfa, beta', 8, 1, 0],
    ['x. alfa, beta', 9, 1, 3],
    ['alfa', 0, 5, 0],
    ['én ø, åå', 6, 1, 3],
  ])('in %j, %i words before %i start at %i', (text, offset, count, start) => {
    expect(startOfWordsBefore(text, offset, count)).toBe(start);
  });
});

describe('snippets of long texts', () => {
  // The snippet reads from a few words before the first match; it must be the one a reading of
  // the whole text gives.
  const filler = (from: number, count: number) =>
    Array.from({ length: count }, (_, index) => `ord${from + index}`).join(' ');
  const texts = [
    `${filler(0, 400)} kvalitetsmål ${filler(400, 10)} kvalitetsmålene. ${filler(410, 200)}`,
    `kvalitetsmål ${filler(0, 300)}`,
    `${filler(0, 3)}, kvalitetsmål ${filler(3, 30)}`,
    `${filler(0, 500)} kvalitetsmål`,
  ];
  it.each(texts.map((text, index) => [index, text]))('text %i', (_, text) => {
    const single = createSearchIndex([{ key: 'a', code: null, fields: { body: text } }], {
      fields: [{ name: 'body', weight: 1 }],
      snippetFields: ['body'],
    });
    const [hit] = single.query(parseQuery('kvalitetsmål'), { limit: 1, offset: 0 }).hits;
    const tokens = tokenize(text);
    const marks = tokens.map((token) => token.text.startsWith('kvalitetsmål'));
    expect(hit!.snippet).toEqual(cutSnippet(text, tokens, marks));
  });
});
