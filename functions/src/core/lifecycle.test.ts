import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { canTransition, nextState, nextVersionNumber, versionLabel, type VersionEvent } from './lifecycle.js';
import { versionStates, type VersionState } from './types.js';

const allowed: Record<VersionState, Partial<Record<VersionEvent, VersionState>>> = {
  draft: { edit: 'draft', submit: 'pending' },
  pending: { approve: 'published', reject: 'draft', withdraw: 'draft' },
  published: { supersede: 'obsolete' },
  obsolete: {},
};
const events: VersionEvent[] = ['edit', 'submit', 'approve', 'reject', 'withdraw', 'supersede'];

describe('version lifecycle', () => {
  for (const state of versionStates) {
    for (const event of events) {
      const expected = allowed[state][event];
      it(`${state} + ${event} → ${expected ?? 'refused'}`, () => {
        expect(canTransition(state, event)).toBe(expected !== undefined);
        if (expected) expect(nextState(state, event)).toBe(expected);
        else expect(() => nextState(state, event)).toThrowError(AppError);
      });
    }
  }

  it('refuses with CONFLICT, so a stale action tells the user what happened', () => {
    try {
      nextState('published', 'approve');
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe('CONFLICT');
      expect((error as AppError).message).toContain('published');
    }
  });
});

describe('version numbers', () => {
  it.each([
    [null, 'major', '1.0'],
    [null, 'minor', '1.0'],
    [{ major: 1, minor: 0 }, 'minor', '1.1'],
    [{ major: 1, minor: 4 }, 'major', '2.0'],
    [{ major: 3, minor: 1 }, 'minor', '3.2'],
  ] as const)('after %o a %s change is %s', (current, kind, expected) => {
    expect(versionLabel(nextVersionNumber(current, kind))).toBe(expected);
  });

  it('a draft has no number yet', () => {
    expect(versionLabel({ major: null, minor: null })).toBeNull();
  });
});
