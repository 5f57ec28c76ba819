import {
  codeKey,
  editDistance,
  isStopWord,
  readTokens,
  stemsOf,
  tokenize,
  type ParsedQuery,
  type Token,
} from './search-text.js';

/**
 * The one search index of the product: an in-memory inverted index over stemmed Danish and
 * Norwegian words, ranked with BM25F (fields weighted, e.g. title above text), the same for every
 * store. Built from plain documents (the adapters only supply the texts), rebuilt by its owner
 * when the texts change.
 *
 * A query word matches, best first: its stem (inflections, definite forms), a word it begins
 * (as one types), a compound it is part of ("tilsyn" in "miljøtilsyn"), the parts of a compound
 * it is ("støjklager": "støj" + "klager"), or a word one or two letters away (typos). Words are
 * not all required: each adds to the score, so several words rank by how many match and how
 * well. Phrases in quotes must appear in that order. A query shaped like a code ("k16", "K-16")
 * puts the procedure with that code first.
 */

/** A piece of a snippet; the tab marks `isMatch` pieces (never as HTML: the text comes from documents). */
export type SnippetSegment = { text: string; isMatch: boolean };

export type SearchField = { name: string; weight: number };
/** `group`: hits are listed by group first (lowest first), then by score; 0 when left out. */
export type IndexInput = { key: string; code: string | null; group?: number; fields: Record<string, string> };
export type IndexOptions = {
  fields: readonly SearchField[];
  /** Fields a snippet may come from, in order of preference. */
  snippetFields: readonly string[];
};
export type IndexHit = { key: string; score: number; snippet: SnippetSegment[] };
export type IndexResult = { total: number; hits: IndexHit[] };

type Posting = { docs: number[]; weights: number[] };
type StoredDocument = {
  key: string;
  code: string | null;
  codeKey: string | null;
  group: number;
  texts: Record<string, string>;
  length: number;
  /**
   * Per field (in the order of `options.fields`), the stems of its words, each with where the first
   * word carrying it starts: what the document takes out of the postings on removal, and where a
   * snippet starts reading (a field without a matched stem is not read at all).
   */
  fieldStems: Map<string, number>[];
};

const k1 = 1.2;
const b = 0.75;
/** Hits scoring below this share of the best hit are noise (a word every text has), not results. */
const relativeCutoff = 0.1;
const codeBonus = 1000;
const maxExpansions = 60;
const snippetWords = 24;
/** Query words whose stems are remembered (the indexed words' stems are kept with the index). */
const maxQueryStems = 10_000;
/** New words up to this many are put in place in the sorted vocabulary; more are sorted in. */
const maxInsertedWords = 256;

type Expansion = Map<string, number>;

/**
 * The index, changed in place: `upsert` and `remove` keep the BM25 statistics (document count,
 * average length, document frequencies) current, so a publication costs one document's words,
 * not a rebuild. Queries and changes run one at a time (each is synchronous).
 */
export type SearchIndex = {
  /** Documents in the index. */
  readonly size: number;
  has(key: string): boolean;
  keys(): IterableIterator<string>;
  /**
   * Adds the document, or replaces the one with the same key. A document whose texts did not
   * change is not read again.
   */
  upsert(input: IndexInput): void;
  /** Takes the document out; false when it was not there. */
  remove(key: string): boolean;
  /** Hits, best first; `accept` leaves out documents before anything is counted (e.g. those a person may not see). */
  query(query: ParsedQuery, page: { limit: number; offset: number }, accept?: (key: string) => boolean): IndexResult;
};

/** An index of `inputs` (none: an empty index to fill with `upsert`). */
export function createSearchIndex(inputs: Iterable<IndexInput>, options: IndexOptions): SearchIndex {
  /** Documents by slot; a removed document's slot is free for the next one. */
  const documents: (StoredDocument | undefined)[] = [];
  const slots = new Map<string, number>();
  const freeSlots: number[] = [];
  const postings = new Map<string, Posting>();
  const codes = new Map<string, number[]>();
  let totalLength = 0;
  /**
   * Every word indexed so far with its stems. A word is live while one of its stems has postings;
   * `vocabulary` (sorted, no stop words) may hold words that are no longer live, which the
   * lookups skip, until the next prune.
   */
  const wordStems = new Map<string, string[]>();
  let vocabulary: string[] = [];
  let newWords: string[] = [];
  let vocabularyAtPrune = 0;
  const queryStems = new Map<string, string[]>();
  const fieldPositions = new Map(options.fields.map((field, position) => [field.name, position]));
  const expansionCache = new Map<string, Expansion>();
  // Queries run one at a time (synchronously), so they share these buffers.
  let scratchScores = new Float64Array(0);
  let scratchBest = new Float64Array(0);

  const stems = (word: string): string[] => {
    let found = wordStems.get(word) ?? queryStems.get(word);
    if (!found) {
      if (queryStems.size > maxQueryStems) queryStems.clear();
      queryStems.set(word, (found = stemsOf(word)));
    }
    return found;
  };
  const indexedStems = (word: string): string[] => {
    let found = wordStems.get(word);
    if (!found) {
      wordStems.set(word, (found = queryStems.get(word) ?? stemsOf(word)));
      if (!isStopWord(word)) newWords.push(word);
    }
    return found;
  };
  const live = (word: string) => stems(word).some((stem) => postings.has(stem));

  function upsert(input: IndexInput): void {
    const texts: Record<string, string> = {};
    for (const field of options.fields) texts[field.name] = (input.fields[field.name] ?? '').normalize('NFC');
    const group = input.group ?? 0;
    const slot = slots.get(input.key);
    const old = slot === undefined ? undefined : documents[slot];
    const sameTexts = old !== undefined && options.fields.every((field) => old.texts[field.name] === texts[field.name]);
    if (sameTexts && old.code === input.code && old.group === group) return;
    // Weighted term frequencies (BM25F): what the document adds to the postings.
    const terms = new Map<string, number>();
    const fieldStems: Map<string, number>[] = [];
    let length = 0;
    for (const field of options.fields) {
      const firsts = new Map<string, number>();
      for (const token of tokenize(texts[field.name]!)) {
        if (isStopWord(token.text)) continue;
        length += 1;
        for (const stem of indexedStems(token.text)) {
          terms.set(stem, (terms.get(stem) ?? 0) + field.weight);
          if (!firsts.has(stem)) firsts.set(stem, token.start);
        }
      }
      fieldStems.push(firsts);
    }
    if (slot !== undefined) removeAt(slot);
    const at = freeSlots.pop() ?? documents.length;
    const document: StoredDocument = {
      key: input.key,
      code: input.code,
      codeKey: input.code === null ? null : codeKey(input.code),
      group,
      texts,
      length,
      fieldStems,
    };
    documents[at] = document;
    slots.set(input.key, at);
    for (const [stem, weight] of terms) {
      let posting = postings.get(stem);
      if (!posting) postings.set(stem, (posting = { docs: [], weights: [] }));
      posting.docs.push(at);
      posting.weights.push(weight);
    }
    if (document.codeKey !== null) codes.set(document.codeKey, [...(codes.get(document.codeKey) ?? []), at]);
    totalLength += length;
    expansionCache.clear();
  }

  function remove(key: string): boolean {
    const slot = slots.get(key);
    if (slot === undefined) return false;
    removeAt(slot);
    expansionCache.clear();
    return true;
  }

  function removeAt(slot: number): void {
    const document = documents[slot]!;
    const removed = new Set<string>();
    for (const stem of document.fieldStems.flatMap((firsts) => [...firsts.keys()])) {
      if (removed.has(stem)) continue;
      removed.add(stem);
      const posting = postings.get(stem)!;
      const at = posting.docs.lastIndexOf(slot);
      const last = posting.docs.length - 1;
      posting.docs[at] = posting.docs[last]!;
      posting.weights[at] = posting.weights[last]!;
      posting.docs.pop();
      posting.weights.pop();
      if (posting.docs.length === 0) postings.delete(stem);
    }
    if (document.codeKey !== null) {
      const rest = (codes.get(document.codeKey) ?? []).filter((other) => other !== slot);
      if (rest.length > 0) codes.set(document.codeKey, rest);
      else codes.delete(document.codeKey);
    }
    totalLength -= document.length;
    documents[slot] = undefined;
    slots.delete(document.key);
    freeSlots.push(slot);
  }

  /** Puts the words indexed since the last query into the sorted vocabulary. */
  function settleVocabulary(): void {
    if (newWords.length === 0) return;
    if (newWords.length <= maxInsertedWords) {
      for (const word of newWords) vocabulary.splice(lowerBound(vocabulary, word), 0, word);
    } else {
      vocabulary = vocabulary.concat(newWords).sort();
    }
    newWords = [];
    // Forget words no document has any more once they could be a third of the vocabulary.
    if (vocabulary.length > vocabularyAtPrune * 1.5) {
      vocabulary = vocabulary.filter((word) => {
        if (live(word)) return true;
        wordStems.delete(word);
        return false;
      });
      vocabularyAtPrune = vocabulary.length;
    }
  }

  for (const input of inputs) upsert(input);

  function idf(stem: string): number {
    const df = postings.get(stem)?.docs.length ?? 0;
    return Math.log(1 + (slots.size - df + 0.5) / (df + 0.5));
  }

  function wordsWithPrefix(prefix: string): string[] {
    const found: string[] = [];
    for (let at = lowerBound(vocabulary, prefix); at < vocabulary.length && found.length < maxExpansions; at++) {
      const word = vocabulary[at]!;
      if (!word.startsWith(prefix)) break;
      if (live(word)) found.push(word);
    }
    return found;
  }

  function add(expansion: Expansion, word: string, weight: number): void {
    for (const stem of stems(word))
      if (postings.has(stem) && (expansion.get(stem) ?? 0) < weight) expansion.set(stem, weight);
  }

  /** The stems a query word matches, each with how much a match counts (1: the word itself). */
  function expand(word: string, prefix: boolean): Expansion {
    const cacheKey = `${prefix ? '*' : ''}${word}`;
    const cached = expansionCache.get(cacheKey);
    if (cached) return cached;
    const expansion: Expansion = new Map();
    add(expansion, word, 1);
    const exact = expansion.size > 0;
    if (word.length >= 3 && !/^\p{N}+$/u.test(word)) {
      if (prefix || !exact) {
        for (const other of wordsWithPrefix(word)) add(expansion, other, 0.8);
        const [stem] = stems(word);
        if (!exact && stem && stem.length >= 4 && stem !== word)
          for (const other of wordsWithPrefix(stem)) add(expansion, other, 0.8);
      }
      if (word.length >= 4) {
        let inside = 0;
        for (const other of vocabulary) {
          if (inside >= maxExpansions) break;
          if (other.length > word.length && other.indexOf(word, 1) > 0 && live(other)) {
            add(expansion, other, 0.6);
            inside += 1;
          }
        }
      }
      if (expansion.size === 0) fuzzy(word, expansion);
    }
    if (expansionCache.size > 2000) expansionCache.clear();
    expansionCache.set(cacheKey, expansion);
    return expansion;
  }

  /**
   * Words one letter away (two for words of eight letters or more), compounds whose first part is
   * one letter away, and stems likewise.
   */
  function fuzzy(word: string, expansion: Expansion): void {
    if (word.length < 4) return;
    const max = word.length >= 8 ? 2 : 1;
    for (const other of vocabulary) {
      const distance = editDistance(word, other, max);
      if (distance <= max) add(expansion, other, distance === 1 ? 0.7 : 0.5);
    }
    // A typo in the first part of a compound ("lovligørelse" for "lovliggørelsessager").
    if (expansion.size === 0 && word.length >= 6)
      for (const other of vocabulary) {
        if (other.length <= word.length) continue;
        for (const length of [word.length - 1, word.length, word.length + 1])
          if (editDistance(word, other.slice(0, length), 1) <= 1) {
            add(expansion, other, 0.5);
            break;
          }
      }
    const [stem] = stems(word);
    if (!stem || stem.length < 4) return;
    const stemMax = stem.length >= 8 ? 2 : 1;
    for (const other of postings.keys()) {
      const distance = editDistance(stem, other, stemMax);
      if (distance <= stemMax && (expansion.get(other) ?? 0) < 0.6) expansion.set(other, distance === 1 ? 0.6 : 0.45);
    }
  }

  /**
   * A compound nobody wrote as one word: "støjklager" as "støj" + "klager", "spildevandstilladelse"
   * as "spildevand(s)" + "tilladelse". The split whose both halves are known; else the longest known
   * first part of five letters or more. Null when the word is known or splits into nothing.
   */
  function split(word: string): string[] | null {
    if (word.length < 6 || live(word)) return null;
    for (let at = 3; at <= word.length - 3; at++) {
      const left = word.slice(0, at);
      const right = word.slice(at);
      const lefts = [left, ...(/[se]$/.test(left) && left.length > 3 ? [left.slice(0, -1)] : [])];
      if (lefts.some(live) && live(right)) return [lefts.find(live)!, right];
    }
    for (let at = word.length - 3; at >= 5; at--) if (live(word.slice(0, at))) return [word.slice(0, at)];
    return null;
  }

  function query(
    parsed: ParsedQuery,
    page: { limit: number; offset: number },
    accept?: (key: string) => boolean,
  ): IndexResult {
    settleVocabulary();
    const slotCount = documents.length;
    if (scratchScores.length < slotCount) {
      scratchScores = new Float64Array(Math.max(slotCount, scratchScores.length * 2));
      scratchBest = new Float64Array(scratchScores.length);
    }
    const scores = scratchScores;
    const best = scratchBest;
    scores.fill(0, 0, slotCount);
    const averageLength = Math.max(1, totalLength / Math.max(1, slots.size));
    const matched = new Set<string>();
    const groups: { expansion: Expansion; factor: number }[] = [];
    parsed.words.forEach((word, position) => {
      const prefix = parsed.lastIsPrefix && position === parsed.words.length - 1;
      const expansion = expand(word, prefix);
      const parts = split(word);
      // A full split beats a typo guess; a lone known first part is the last resort.
      if (parts && (parts.length === 2 ? !hasDirectMatch(expansion) : expansion.size === 0)) {
        for (const part of parts) groups.push({ expansion: expand(part, false), factor: 0.8 / parts.length + 0.2 });
      } else groups.push({ expansion, factor: 1 });
    });
    for (const { expansion, factor } of groups) {
      best.fill(0, 0, slotCount);
      for (const [stem, weight] of expansion) {
        const posting = postings.get(stem)!;
        const termIdf = idf(stem) * weight * factor;
        matched.add(stem);
        for (let at = 0; at < posting.docs.length; at++) {
          const index = posting.docs[at]!;
          const termWeight = posting.weights[at]!;
          const norm = k1 * (1 - b + (b * documents[index]!.length) / averageLength);
          const value = (termIdf * (termWeight * (k1 + 1))) / (termWeight + norm);
          if (value > best[index]!) best[index] = value;
        }
      }
      for (let index = 0; index < slotCount; index++) scores[index]! += best[index]!;
    }

    let candidates: number[] = [];
    let top = 0;
    for (let index = 0; index < slotCount; index++) {
      const score = scores[index]!;
      if (score > 0 && (accept === undefined || accept(documents[index]!.key))) {
        candidates.push(index);
        if (score > top) top = score;
      }
    }
    if (parsed.phrases.length > 0) {
      candidates = candidates.filter((index) => parsed.phrases.some((phrase) => containsPhrase(index, phrase)));
      top = candidates.reduce((max, index) => Math.max(max, scores[index]!), 0);
    }
    candidates = candidates.filter((index) => scores[index]! >= top * relativeCutoff);
    let codeHits = parsed.code === null ? [] : (codes.get(parsed.code) ?? []);
    if (accept) codeHits = codeHits.filter((index) => accept(documents[index]!.key));
    for (const index of codeHits) {
      if (!candidates.includes(index)) candidates.push(index);
      scores[index] = scores[index]! + codeBonus;
    }
    const before = (x: number, y: number) => {
      const first = documents[x]!;
      const second = documents[y]!;
      return (
        first.group - second.group ||
        scores[y]! - scores[x]! ||
        compareText(first.code ?? '', second.code ?? '') ||
        compareText(first.key, second.key)
      );
    };
    const ordered = firstInOrder(candidates, page.offset + page.limit, before);
    const hits = ordered.slice(page.offset, page.offset + page.limit).map((index) => ({
      key: documents[index]!.key,
      score: scores[index]!,
      snippet: snippetOf(documents[index]!, matched),
    }));
    return { total: candidates.length, hits };
  }

  function hasDirectMatch(expansion: Expansion): boolean {
    for (const weight of expansion.values()) if (weight >= 0.8) return true;
    return false;
  }

  function containsPhrase(index: number, phrase: string[]): boolean {
    const wanted = phrase.map((word) => stems(word));
    for (const field of options.fields) {
      const words = tokenize(documents[index]!.texts[field.name]!).map((token) => token.text);
      for (let at = 0; at + wanted.length <= words.length; at++) {
        if (wanted.every((choices, offset) => stems(words[at + offset]!).some((stem) => choices.includes(stem))))
          return true;
      }
    }
    return false;
  }

  function isMatch(token: Token, matched: Set<string>): boolean {
    return !isStopWord(token.text) && stems(token.text).some((stem) => matched.has(stem));
  }

  /**
   * The snippet of the first field with a match. Reads only the part of a text the snippet needs:
   * from a few words before the first match (known from the index), three snippets' worth of
   * words to pick the densest run from.
   */
  function snippetOf(document: StoredDocument, matched: Set<string>): SnippetSegment[] {
    for (const field of options.snippetFields) {
      const position = fieldPositions.get(field);
      if (position === undefined) continue;
      const firsts = document.fieldStems[position]!;
      let offset = Infinity;
      for (const stem of matched) {
        const at = firsts.get(stem);
        if (at !== undefined && at < offset) offset = at;
      }
      if (offset === Infinity) continue;
      const text = document.texts[field]!;
      // The snippet may start up to four words before its first match (see cutSnippet).
      const begin = startOfWordsBefore(text, offset, 5);
      const tokens: Token[] = [];
      const marks: boolean[] = [];
      let firstMatch = -1;
      readTokens(text, begin, (token) => {
        if (firstMatch >= 0 && tokens.length > firstMatch + snippetWords * 3) return false;
        const mark = isMatch(token, matched);
        if (mark && firstMatch < 0) firstMatch = tokens.length;
        tokens.push(token);
        marks.push(mark);
        return true;
      });
      if (firstMatch < 0) continue;
      const complete = tokens.length === 0 || !/[\p{L}\p{N}]/u.test(text.slice(tokens.at(-1)!.end));
      return cutSnippet(text, tokens, marks, complete, begin === 0);
    }
    return [];
  }

  return {
    get size() {
      return slots.size;
    },
    has: (key) => slots.has(key),
    keys: () => slots.keys(),
    upsert,
    remove,
    query,
  };
}

const wordCharacter = /[\p{L}\p{N}]/u;

/**
 * Where the `count`th word before `offset` starts in `text` (0 when there are fewer, or only
 * separators before it): tokenizing from there gives the same words as from the text's start.
 */
export function startOfWordsBefore(text: string, offset: number, count: number): number {
  const isWord = (at: number) => wordCharacter.test(text[at]!);
  let at = offset;
  for (let words = 0; words < count; words++) {
    let before = at;
    while (before > 0 && !isWord(before - 1)) before--;
    while (before > 0 && isWord(before - 1)) before--;
    at = before;
    if (at === 0) return 0;
  }
  let rest = at;
  while (rest > 0 && !isWord(rest - 1)) rest--;
  return rest === 0 ? 0 : at;
}

/** The first position in the sorted `words` whose word is not before `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (words[middle]! < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The first `count` items in the order of `before`, sorted: a bounded heap, so a word in every
 * one of 5,000 texts does not sort all 5,000 to show 20.
 */
export function firstInOrder(
  items: readonly number[],
  count: number,
  before: (a: number, b: number) => number,
): number[] {
  if (count <= 0) return [];
  if (items.length <= count * 4) return [...items].sort(before).slice(0, count);
  // A max-heap (by `before`) of the best `count` so far: its root is the worst of them.
  const heap: number[] = [];
  const worse = (a: number, b: number) => before(a, b) > 0;
  const up = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!worse(heap[at]!, heap[parent]!)) break;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  };
  const down = (at: number) => {
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let largest = at;
      if (left < heap.length && worse(heap[left]!, heap[largest]!)) largest = left;
      if (right < heap.length && worse(heap[right]!, heap[largest]!)) largest = right;
      if (largest === at) return;
      [heap[at], heap[largest]] = [heap[largest]!, heap[at]!];
      at = largest;
    }
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      up(heap.length - 1);
    } else if (before(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(before);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * About `snippetWords` words around the densest run of matches, cut at word boundaries, matched
 * words marked, "…" where the text goes on.
 */
export function cutSnippet(
  text: string,
  tokens: readonly Token[],
  marks: readonly boolean[],
  /** False when `tokens` stop before the text's last word. */
  complete = true,
  /** False when `tokens` start after the text's first word. */
  fromStart = true,
): SnippetSegment[] {
  let bestStart = 0;
  let bestCount = -1;
  for (let start = 0; start < tokens.length; start++) {
    if (!marks[start]) continue;
    let count = 0;
    for (let at = start; at < Math.min(tokens.length, start + snippetWords); at++) if (marks[at]) count += 1;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  const first = Math.max(0, bestStart - 4);
  const last = Math.min(tokens.length - 1, first + snippetWords - 1);
  const from = first === 0 && fromStart ? 0 : tokens[first]!.start;
  const to = last === tokens.length - 1 && complete ? text.length : tokens[last]!.end;
  const segments: SnippetSegment[] = [];
  if (from > 0) segments.push({ text: '…', isMatch: false });
  let at = from;
  for (let index = first; index <= last; index++) {
    if (!marks[index]) continue;
    const token = tokens[index]!;
    if (token.start > at) segments.push({ text: text.slice(at, token.start), isMatch: false });
    segments.push({ text: text.slice(token.start, token.end), isMatch: true });
    at = token.end;
  }
  if (to > at) segments.push({ text: text.slice(at, to), isMatch: false });
  if (to < text.length) segments.push({ text: '…', isMatch: false });
  return mergeWhitespace(segments);
}

/** Collapses runs of whitespace and line breaks inside the snippet to single spaces. */
function mergeWhitespace(segments: SnippetSegment[]): SnippetSegment[] {
  return segments
    .map((segment) => ({ ...segment, text: segment.text.replace(/\s+/g, ' ') }))
    .filter((segment) => segment.text.length > 0);
}
