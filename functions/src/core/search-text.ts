import { stemmer as danishStemmer } from '@orama/stemmers/danish';
import { stemmer as norwegianStemmer } from '@orama/stemmers/norwegian';

/**
 * Text rules of search, for Danish and Norwegian: words, their stems, words that carry no
 * meaning in a question, codes, and edit distance for typos. Pure; `search-index.ts` uses them.
 */

export type Token = { text: string; start: number; end: number };

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Lower-cased words with their places in `value` (which must already be NFC). */
export function tokenize(value: string): Token[] {
  const found: Token[] = [];
  readTokens(value, 0, (token) => {
    found.push(token);
    return true;
  });
  return found;
}

/**
 * Reads the words of `value` (NFC) one at a time from `from` on (the start of a word or a
 * separator), lower-cased with their places, until `visit` answers false: a caller that needs
 * only part of a long text reads only that part.
 */
export function readTokens(value: string, from: number, visit: (token: Token) => boolean): void {
  const pattern = new RegExp(wordPattern);
  pattern.lastIndex = from;
  for (let match = pattern.exec(value); match !== null; match = pattern.exec(value)) {
    if (!visit({ text: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length })) return;
  }
}

/**
 * The stems a word is indexed and searched under: the Danish and the Norwegian Snowball stem
 * ("dispensationer" and "dispensation" both give "dispensation", "tilsynet" gives "tilsyn").
 * Numbers and words of one or two letters are their own stem.
 */
export function stemsOf(word: string): string[] {
  if (word.length < 3 || /^\p{N}+$/u.test(word)) return [word];
  const danish = danishStemmer(word);
  const norwegian = norwegianStemmer(word);
  return danish === norwegian ? [danish] : [danish, norwegian];
}

/**
 * Words that say nothing about the subject in Danish and Norwegian questions ("hvordan laver jeg
 * …", "klager på …"). Left out of a query unless it has nothing else; phrases keep them.
 */
const stopWordList =
  'ad af al alle alt anden andet andre at av bare blev blive bliver da de dem den denne der deres ' +
  'det dette dig din dine disse dit du eller en end er et ett ei efter etter for fra før gør gjør ' +
  'ha had har havde have hva hvad hvem hver hvilke hvilken hvis hvor hvordan hvornår i ikke ind inn ' +
  'jeg jer kan kunne laver lage lager man med meg mig min mine mit mitt må når nu nå og også om op ' +
  'opp os oss over på sig seg sin sine sit sitt skal skulle som så til ud ut under ved vi vil ville vår vor være været';
const stopWords = new Set(stopWordList.split(' '));

export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}

/**
 * A procedure code as one key, whatever the person typed: "K-16", "k16", "K 16" and "k-016" all
 * give "k16"; "LE-01-01" gives "le1-1". Null when the text is not shaped like a code (letters,
 * then one or more numbers).
 */
export function codeKey(value: string): string | null {
  const match = /^\s*(\p{L}{1,4})[\s-]*(\p{N}{1,4}(?:[\s-]+\p{N}{1,4})*)\s*$/u.exec(value.normalize('NFC'));
  if (!match) return null;
  const numbers = match[2]!.split(/[\s-]+/).map((part) => String(Number(part)));
  return `${match[1]!.toLowerCase()}${numbers.join('-')}`;
}

/**
 * Damerau-Levenshtein (optimal string alignment) distance, or `max + 1` as soon as it is certain
 * to exceed `max`. Typos are one or two letters: a letter missing, added, wrong or swapped.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

export type ParsedQuery = {
  /** Words to search for, stop words left out (unless nothing else was typed), at most 12. */
  words: string[];
  /** Quoted phrases, as their words: a hit must contain one of the phrases' words in this order. */
  phrases: string[][];
  /** The whole query as a code key ("k16"), when it is shaped like a code. */
  code: string | null;
  /** The last word is still being typed (no space after it): it also matches as a prefix. */
  lastIsPrefix: boolean;
};

/** Splits what a person typed into words, phrases in double quotes and a code. */
export function parseQuery(input: string, maxWords = 12): ParsedQuery {
  const text = input.normalize('NFC');
  const phrases: string[][] = [];
  const outside = text.replace(/"([^"]*)"?/g, (_, inner: string) => {
    const words = tokenize(inner).map((token) => token.text);
    if (words.length > 0) phrases.push(words);
    return ' ';
  });
  const all = [...tokenize(outside).map((token) => token.text), ...phrases.flat()];
  const meaningful = all.filter((word) => !isStopWord(word));
  const words = [...new Set(meaningful.length > 0 ? meaningful : all)].slice(0, maxWords);
  const code = codeKey(text.replace(/"/g, ''));
  return {
    words,
    phrases: phrases.filter((phrase) => phrase.length > 1),
    code,
    lastIsPrefix: phrases.length === 0 && /[\p{L}\p{N}]$/u.test(text),
  };
}
