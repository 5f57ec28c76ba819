import type { SearchHit } from '../../app/ports.js';
import type { SnippetSegment } from '../../core/search-query.js';

/**
 * Search over list items, in memory. Graph offers no full-text query over list item fields
 * (Microsoft Search indexes SharePoint content, but with a crawl delay and no offline double),
 * so the store reads the published procedures and this matches them the way the SQLite store's
 * FTS5 indexes do: `words` (quoted terms from `toFullTextQuery`, the last a prefix) match
 * whole words, case-insensitively, every term somewhere in the procedure; `substrings`
 * (from `toSubstringQuery`) then fill up to the limit with matches inside compound words, in
 * the title and text only. Ranking weighs code 10, title 5, metadata 2, text 1 (as bm25 there).
 */

export type SearchDocument = { procedureId: string; code: string; title: string; metadata: string; body: string };

type Field = 'code' | 'title' | 'metadata' | 'body';
const weights: Record<Field, number> = { code: 10, title: 5, metadata: 2, body: 1 };
type Term = { tokens: string[]; prefix: boolean };
type Token = { text: string; start: number; end: number };

const wordPattern = /[\p{L}\p{N}]+/gu;

function tokens(value: string): Token[] {
  return [...value.normalize('NFC').matchAll(wordPattern)].map((match) => ({
    text: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The quoted terms of an FTS5 query built by `toFullTextQuery` / `toSubstringQuery`. */
export function parseTerms(query: string): Term[] {
  return [...query.matchAll(/"((?:[^"]|"")*)"(\*?)/g)]
    .map((match) => ({
      tokens: tokens(match[1]!.replace(/""/g, '"')).map((token) => token.text),
      prefix: match[2] === '*',
    }))
    .filter((term) => term.tokens.length > 0);
}

/** Where a (phrase) term matches the field's tokens: the token ranges. */
function wordMatches(fieldTokens: Token[], term: Term): [number, number][] {
  const found: [number, number][] = [];
  const last = term.tokens.length - 1;
  for (let at = 0; at + last < fieldTokens.length; at++) {
    const ok = term.tokens.every((word, index) => {
      const token = fieldTokens[at + index]!.text;
      return index === last && term.prefix ? token.startsWith(word) : token === word;
    });
    if (ok) found.push([fieldTokens[at]!.start, fieldTokens[at + last]!.end]);
  }
  return found;
}

function substringMatches(value: string, term: string): [number, number][] {
  const haystack = value.normalize('NFC').toLowerCase();
  const found: [number, number][] = [];
  for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + 1))
    found.push([at, at + term.length]);
  return found;
}

/** About 16 words around the first match, matches marked, "…" where cut. */
function snippet(value: string, ranges: [number, number][]): SnippetSegment[] {
  const text = value.normalize('NFC');
  const words = tokens(text);
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const firstWord = Math.max(0, words.findIndex((word) => word.end > sorted[0]![0]) - 4);
  const lastWord = Math.min(words.length - 1, firstWord + 15);
  const from = firstWord === 0 ? 0 : words[firstWord]!.start;
  const to = lastWord === words.length - 1 ? text.length : words[lastWord]!.end;
  const segments: SnippetSegment[] = [];
  if (from > 0) segments.push({ text: '…', isMatch: false });
  let at = from;
  for (const [start, end] of sorted) {
    if (start < at || end > to) continue;
    if (start > at) segments.push({ text: text.slice(at, start), isMatch: false });
    segments.push({ text: text.slice(start, end), isMatch: true });
    at = end;
  }
  if (at < to) segments.push({ text: text.slice(at, to), isMatch: false });
  if (to < text.length) segments.push({ text: '…', isMatch: false });
  return segments;
}

function hitOf(document: SearchDocument, ranges: Map<Field, [number, number][]>, score: number): SearchHit {
  const [field, matched] = [...ranges.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  return {
    procedureId: document.procedureId,
    code: document.code,
    title: document.title,
    snippet: snippet(document[field], matched),
    rank: -score,
  };
}

export function searchDocuments(
  documents: SearchDocument[],
  query: { words: string; substrings: string | null },
  limit: number,
): SearchHit[] {
  const terms = parseTerms(query.words);
  const hits: SearchHit[] = [];
  if (terms.length > 0) {
    for (const document of documents) {
      const ranges = new Map<Field, [number, number][]>();
      let score = 0;
      let all = true;
      for (const term of terms) {
        let matchedTerm = false;
        for (const field of Object.keys(weights) as Field[]) {
          const found = wordMatches(tokens(document[field]), term);
          if (found.length === 0) continue;
          matchedTerm = true;
          score += weights[field] * found.length;
          ranges.set(field, [...(ranges.get(field) ?? []), ...found]);
        }
        if (!matchedTerm) {
          all = false;
          break;
        }
      }
      if (all) hits.push(hitOf(document, ranges, score));
    }
  }
  hits.sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : 1));
  if (hits.length >= limit || query.substrings === null) return hits.slice(0, limit);

  const substrings = [...query.substrings.matchAll(/"((?:[^"]|"")*)"/g)]
    .map((match) => match[1]!.replace(/""/g, '"').normalize('NFC').toLowerCase())
    .filter((term) => term.length > 0);
  const seen = new Set(hits.map((hit) => hit.procedureId));
  const more: SearchHit[] = [];
  for (const document of documents) {
    if (seen.has(document.procedureId) || substrings.length === 0) continue;
    const ranges = new Map<Field, [number, number][]>();
    let score = 0;
    const all = substrings.every((term) => {
      let matchedTerm = false;
      for (const field of ['title', 'body'] as const) {
        const found = substringMatches(document[field], term);
        if (found.length === 0) continue;
        matchedTerm = true;
        score += (field === 'title' ? 5 : 1) * found.length;
        ranges.set(field, [...(ranges.get(field) ?? []), ...found]);
      }
      return matchedTerm;
    });
    if (all) more.push(hitOf(document, ranges, score));
  }
  more.sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : 1));
  return [...hits, ...more].slice(0, limit);
}
