import { describe, expect, it } from 'vitest';
import { pluralKey } from './plural';

const keys = { one: 'overview.tile.approvals-waiting.one', other: 'overview.tile.approvals-waiting.other' } as const;

describe('pluralKey', () => {
  it.each([
    ['da', 0, keys.other],
    ['da', 1, keys.one],
    ['da', 2, keys.other],
    ['nb', 1, keys.one],
    ['nb', 21, keys.other],
    ['en', 1, keys.one],
    ['en', 11, keys.other],
  ] as const)('%s %i → %s', (locale, count, expected) => {
    expect(pluralKey(locale, count, keys)).toBe(expected);
  });
});
