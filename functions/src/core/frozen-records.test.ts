import { describe, expect, it } from 'vitest';
import {
  correctionRecordsOf,
  ensureNotLocked,
  frozenRecordId,
  frozenRecordOf,
  lockedRecordOf,
  type FrozenRecord,
} from './frozen-records.js';
import { asLocalDate } from './local-date.js';
import { canCorrectLockedRecord, type Actor } from './policies.js';

const held = frozenRecordOf('management-evaluation', 'me-1', {
  asOf: asLocalDate('2026-03-12'),
  payload: { figures: [1, 2, 3] },
  at: '2026-03-12T14:00:00.000Z',
  by: 'mette-kjaer',
});
const stamp = { at: '2026-04-30T08:00:00.000Z', by: 'mette-kjaer' };

describe('frozen records', () => {
  it('keys one snapshot per record by kind and id, unlocked and unlinked at first', () => {
    expect(held).toMatchObject({
      id: frozenRecordId('management-evaluation', 'me-1'),
      subjectKind: 'management-evaluation',
      subjectId: 'me-1',
      lockedAt: null,
      correctsId: null,
      correctedById: null,
      etag: 1,
    });
    expect(frozenRecordId('audit', 'me-1')).not.toBe(held.id);
  });

  it('refuses edits and removal of a locked record only', () => {
    expect(() => ensureNotLocked(undefined, 'edit')).not.toThrow();
    expect(() => ensureNotLocked(held, 'remove')).not.toThrow();
    const locked = lockedRecordOf(held, stamp);
    expect(locked).toMatchObject({ lockedAt: stamp.at, etag: 2, payload: held.payload });
    for (const attempted of ['edit', 'remove'] as const) {
      expect(() => ensureNotLocked(locked, attempted)).toThrow(
        expect.objectContaining({ code: 'RECORD_LOCKED', details: expect.objectContaining({ attempted, id: 'me-1' }) }),
      );
    }
    expect(lockedRecordOf(held, stamp, { other: true }).payload).toEqual({ other: true });
  });

  it('links a correction both ways with its reason; refuses unlocked, corrected and reasonless ones', () => {
    const locked = lockedRecordOf(held, stamp);
    const { original, correction } = correctionRecordsOf(locked, {
      correctionId: 'me-2',
      reason: '  Forkert dato  ',
      ...stamp,
    });
    expect(original).toMatchObject({ correctedById: 'me-2', lockedAt: stamp.at, etag: locked.etag + 1 });
    expect(correction).toMatchObject({
      id: frozenRecordId('management-evaluation', 'me-2'),
      subjectId: 'me-2',
      asOf: held.asOf,
      payload: held.payload,
      lockedAt: null,
      correctsId: 'me-1',
      correctionReason: 'Forkert dato',
      correctedById: null,
    });
    const refused: [FrozenRecord | undefined, string, string][] = [
      [undefined, 'x', 'INVALID_STATE'],
      [held, 'x', 'INVALID_STATE'],
      [original, 'x', 'INVALID_STATE'],
      [locked, '   ', 'VALIDATION'],
    ];
    for (const [frozen, reason, code] of refused) {
      expect(() => correctionRecordsOf(frozen, { correctionId: 'me-3', reason, ...stamp })).toThrow(
        expect.objectContaining({ code }),
      );
    }
  });

  it('lets only the quality coordinator (or the administrator) correct a locked record', () => {
    const cases: [Actor['roles'], boolean][] = [
      [['coordinator'], true],
      [['admin'], true],
      [['leader'], false],
      [['author', 'caseworker'], false],
      [[], false],
    ];
    for (const [roles, allowed] of cases) {
      const actor: Actor = { id: 'p', unitId: 'u', roles };
      expect(canCorrectLockedRecord(actor), roles.join(',')).toBe(allowed);
    }
  });
});
