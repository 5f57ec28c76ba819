import { describe, expect, it } from 'vitest';
import { isUnitWithin, parentLookup, unitsUpwards } from './unit-tree.js';

const parentOf = parentLookup([
  { id: 'tm', parentId: null },
  { id: 'byg', parentId: 'tm' },
  { id: 'miljo', parentId: 'tm' },
  { id: 'natur', parentId: 'miljo' },
  { id: 'loop-a', parentId: 'loop-b' },
  { id: 'loop-b', parentId: 'loop-a' },
]);

describe('unit tree', () => {
  it.each([
    ['natur', 'natur', true],
    ['natur', 'miljo', true],
    ['natur', 'tm', true],
    ['miljo', 'natur', false],
    ['natur', 'byg', false],
    ['byg', 'miljo', false],
    ['unknown', 'tm', false],
    ['loop-a', 'tm', false],
  ])('%s within %s: %s', (unit, ancestor, expected) => {
    expect(isUnitWithin(unit, ancestor, parentOf)).toBe(expected);
  });

  it('lists a unit and those above it, ending a cycle', () => {
    expect(unitsUpwards('natur', parentOf)).toEqual(['natur', 'miljo', 'tm']);
    expect(unitsUpwards('loop-a', parentOf)).toEqual(['loop-a', 'loop-b']);
  });
});
