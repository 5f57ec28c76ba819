import { describe, expect, it } from 'vitest';
import { codeKey, editDistance, parseQuery, stemsOf, tokenize } from './search-text.js';

describe('stemsOf: Danish and Norwegian inflections and definite forms share a stem', () => {
  it.each([
    ['dispensationer', 'dispensation'],
    ['byggetilladelser', 'byggetilladelse'],
    ['tilsynet', 'tilsyn'],
    ['afgørelsen', 'afgørelser'],
    ['vandløbene', 'vandløb'],
    ['lokalplanen', 'lokalplan'],
    ['søknaden', 'søknad'],
  ])('%s ~ %s', (a, b) => {
    expect(stemsOf(a).some((stem) => stemsOf(b).includes(stem))).toBe(true);
  });

  it.each(['16', 'k', 'br'])('%s is its own stem', (word) => {
    expect(stemsOf(word)).toEqual([word]);
  });
});

describe('codeKey', () => {
  it.each([
    ['K-16', 'k16'],
    ['k16', 'k16'],
    ['K 16', 'k16'],
    ['k-016', 'k16'],
    ['S08', 's8'],
    ['LE-01-01', 'le1-1'],
    ['le 1 1', 'le1-1'],
  ])('%j → %s', (input, expected) => {
    expect(codeKey(input)).toBe(expected);
  });

  it.each(['tilsyn', '16', 'K-16 dispensation', '', 'BR18 byggeri'])('%j is no code', (input) => {
    expect(codeKey(input)).toBeNull();
  });
});

describe('editDistance', () => {
  it.each([
    ['byggetiladelse', 'byggetilladelse', 2, 1],
    ['dispensasion', 'dispensation', 2, 1],
    ['kvalitetspolitk', 'kvalitetspolitik', 2, 1],
    ['nedsivnig', 'nedsivning', 2, 1],
    ['klgae', 'klage', 1, 1],
    ['støy', 'støj', 1, 1],
    ['vannløp', 'vandløb', 2, 2],
    ['abc', 'xyz', 1, 2],
    ['tilsyn', 'tilsyn', 2, 0],
  ])('%s → %s (max %i): %i', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });
});

describe('parseQuery', () => {
  it.each([
    ['hvordan laver jeg partshøring', ['partshøring']],
    ['klager på støy', ['klager', 'støy']],
    ['og', ['og']],
    ['"; DROP TABLE procedures; --', ['drop', 'table', 'procedures']],
    ['NEAR(a b) OR c*', ['near', 'a', 'b', 'or', 'c']],
    ['Å å æ Ø', ['å', 'æ', 'ø']],
    ['', []],
    ['"*()', []],
  ])('%j → words %j', (input, words) => {
    expect(parseQuery(input).words).toEqual(words);
  });

  it('keeps quoted phrases with their stop words, and their words as words', () => {
    expect(parseQuery('"bygge- og beskyttelseslinjer" natur')).toMatchObject({
      words: ['natur', 'bygge', 'beskyttelseslinjer'],
      phrases: [['bygge', 'og', 'beskyttelseslinjer']],
      lastIsPrefix: false,
    });
  });

  it('treats the last word as a prefix while it is typed', () => {
    expect(parseQuery('miljøtil').lastIsPrefix).toBe(true);
    expect(parseQuery('miljøtil ').lastIsPrefix).toBe(false);
  });

  it('recognises codes', () => {
    expect(parseQuery('K-16').code).toBe('k16');
    expect(parseQuery('tilsyn').code).toBeNull();
  });

  it('keeps at most the first twelve words', () => {
    expect(parseQuery('a b c d e f g h j k l m n o p').words).toHaveLength(12);
  });

  it('tokenizes with positions in the text', () => {
    expect(tokenize('K-16: Natur')).toEqual([
      { text: 'k', start: 0, end: 1 },
      { text: '16', start: 2, end: 4 },
      { text: 'natur', start: 6, end: 11 },
    ]);
  });
});
