import { describe, expect, it } from 'vitest';
import { toFullTextQuery, toSnippetSegments, toSubstringQuery } from './search-query.js';

describe('toFullTextQuery', () => {
  it.each([
    ['miljøtilsyn', '"miljøtilsyn"*'],
    ['Byggetilladelse BR18', '"Byggetilladelse" "BR18"*'],
    ['K-16', '"K-16"*'],
    ['§ 3', '"3"*'],
    ['"; DROP TABLE procedures; --', '"DROP" "TABLE" "procedures"*'],
    ['NEAR(a b) OR c*', '"NEAR" "a" "b" "OR" "c"*'],
    ['title:x ^y', '"title" "x" "y"*'],
    ['Å å æ Ø', '"Å" "å" "æ" "Ø"*'],
  ])('%j → %s', (input, expected) => {
    expect(toFullTextQuery(input)).toBe(expected);
  });

  it.each(['', '   ', '"*()', '---'])('nothing searchable in %j', (input) => {
    expect(toFullTextQuery(input)).toBeNull();
  });

  it('keeps at most the first terms', () => {
    expect(toFullTextQuery('a b c d e f g h i j', 3)).toBe('"a" "b" "c"*');
  });
});

describe('toSubstringQuery', () => {
  it.each([
    ['tilsyn', '"tilsyn"'],
    ['Tilsyn landbrug', '"Tilsyn" "landbrug"'],
    ['§ 3', null],
    ['ab', null],
    ['"; DROP', '"DROP"'],
  ])('%j → %s', (input, expected) => {
    expect(toSubstringQuery(input)).toBe(expected);
  });
});

describe('toSnippetSegments', () => {
  it('splits marked matches into segments', () => {
    expect(toSnippetSegments('før [miljø] efter [x]', '[', ']')).toEqual([
      { text: 'før ', isMatch: false },
      { text: 'miljø', isMatch: true },
      { text: ' efter ', isMatch: false },
      { text: 'x', isMatch: true },
    ]);
  });

  it('treats an unclosed marker as a match to the end', () => {
    expect(toSnippetSegments('a [b', '[', ']')).toEqual([
      { text: 'a ', isMatch: false },
      { text: 'b', isMatch: true },
    ]);
  });
});
