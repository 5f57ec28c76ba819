import { describe, expect, it } from 'vitest';
import type { Actor } from './policies.js';
import { canCompleteOccurrence, canManageYearWheel, occurrenceAbilities } from './year-wheel-policies.js';

const coordinator: Actor = { id: 'kc', unitId: 'u', roles: ['coordinator'] };
const admin: Actor = { id: 'ad', unitId: 'u', roles: ['admin'] };
const leader: Actor = { id: 'le', unitId: 'u', roles: ['leader'] };
const reader: Actor = { id: 're', unitId: 'u', roles: ['caseworker'] };

describe('year-wheel policies', () => {
  it('lets the coordinator and admin manage the year, nobody else', () => {
    expect([coordinator, admin, leader, reader].map(canManageYearWheel)).toEqual([true, true, false, false]);
  });

  it('lets the owner and the coordinator complete an occurrence', () => {
    const occurrence = { ownerId: 'le' };
    expect(canCompleteOccurrence(leader, occurrence)).toBe(true);
    expect(canCompleteOccurrence(coordinator, occurrence)).toBe(true);
    expect(canCompleteOccurrence(reader, occurrence)).toBe(false);
  });

  it('allows removal of manual occurrences only', () => {
    expect(occurrenceAbilities(coordinator, { ownerId: 'x', origin: { kind: 'manual' } })).toEqual({
      edit: true,
      complete: true,
      delete: true,
    });
    expect(
      occurrenceAbilities(coordinator, { ownerId: 'x', origin: { kind: 'recurring', key: 'goal-revision/2027' } }),
    ).toEqual({ edit: true, complete: true, delete: false });
    expect(occurrenceAbilities(leader, { ownerId: 'le', origin: { kind: 'manual' } })).toEqual({
      edit: false,
      complete: true,
      delete: false,
    });
  });
});
