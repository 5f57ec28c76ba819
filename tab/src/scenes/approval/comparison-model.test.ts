import { describe, expect, it } from 'vitest';
import type { ComparedBlock } from '../../api/contract';
import { groupBlocks, headingLevel } from './comparison-model';

const block = (type: ComparedBlock['type'], text: string): ComparedBlock => ({
  type,
  level: type === 'heading' ? 1 : 0,
  change: 'same',
  segments: [{ kind: 'same', text }],
});

describe('groupBlocks', () => {
  it('puts consecutive list items into one list and leaves other blocks alone', () => {
    const groups = groupBlocks([
      block('heading', 'H'),
      block('list-item', 'a'),
      block('list-item', 'b'),
      block('paragraph', 'p'),
      block('list-item', 'c'),
    ]);
    expect(groups.map((group) => (group.kind === 'list' ? group.items.length : group.block.type))).toEqual([
      'heading',
      2,
      'paragraph',
      1,
    ]);
  });
});

describe('headingLevel', () => {
  it.each([
    [1, 3],
    [2, 4],
    [4, 6],
    [6, 6],
    [0, 3],
  ])('a document h%s is shown as h%s', (level, expected) => {
    expect(headingLevel(level)).toBe(expected);
  });
});
