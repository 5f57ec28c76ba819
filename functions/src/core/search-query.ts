/**
 * Turns what a person typed into a safe SQLite FTS5 MATCH expression. Every term is quoted, so
 * FTS operators (AND, OR, NEAR, *, ^, :, parentheses) and SQL punctuation in the input are
 * searched for as plain text instead of being interpreted. The last term is a prefix, so
 * results follow as one types ("miljøtil" finds "miljøtilsyn").
 *
 * Returns null when nothing searchable is left (e.g. only punctuation).
 */
export function toFullTextQuery(input: string, maxTerms = 8): string | null {
  const terms = searchTerms(input, maxTerms);
  if (terms.length === 0) return null;
  return terms.map((term, index) => `"${term}"${index === terms.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * The same terms as a substring query for a trigram index. Danish and Norwegian write
 * compounds as one word, so "tilsyn" must also find "miljøtilsyn" and "byggesag" must find
 * "lovliggørelsesbyggesag"; a word index only finds word starts. Trigrams need at least
 * three characters per term, so shorter terms give null (the word search is enough).
 */
export function toSubstringQuery(input: string, maxTerms = 8): string | null {
  const terms = searchTerms(input, maxTerms);
  if (terms.length === 0 || terms.some((term) => [...term].length < 3)) return null;
  return terms.map((term) => `"${term}"`).join(' ');
}

function searchTerms(input: string, maxTerms: number): string[] {
  return input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}-]+/u)
    .map((term) => term.replace(/^-+|-+$/g, ''))
    .filter((term) => term.length > 0)
    .slice(0, maxTerms);
}

export type SnippetSegment = { text: string; isMatch: boolean };

/** Splits a snippet that marks matches with start/end markers into segments the tab renders as text. */
export function toSnippetSegments(snippet: string, start: string, end: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf(start);
    if (open === -1) {
      segments.push({ text: rest, isMatch: false });
      break;
    }
    if (open > 0) segments.push({ text: rest.slice(0, open), isMatch: false });
    const close = rest.indexOf(end, open + start.length);
    const stop = close === -1 ? rest.length : close;
    segments.push({ text: rest.slice(open + start.length, stop), isMatch: true });
    rest = close === -1 ? '' : rest.slice(close + end.length);
  }
  return segments.filter((segment) => segment.text.length > 0);
}
