import { describe, expect, it } from 'vitest';
import { auditAbilities, canManageQuality, canRecordAuditResults, type Actor } from './policies.js';

const coordinator: Actor = { id: 'mette', unitId: 'tm', roles: ['coordinator', 'author'] };
const admin: Actor = { id: 'eva', unitId: 'tm', roles: ['admin'] };
const leader: Actor = { id: 'anne', unitId: 'natur', roles: ['leader'] };
const caseworker: Actor = { id: 'karen', unitId: 'natur', roles: ['caseworker'] };

describe('quality policies', () => {
  it.each([
    ['the coordinator', coordinator, true],
    ['the administrator', admin, true],
    ['a leader', leader, false],
    ['a caseworker', caseworker, false],
  ])('%s manages the quality year: %s', (_name, actor, expected) => {
    expect(canManageQuality(actor)).toBe(expected);
  });

  it('lets an audit’s own auditors record results, and nobody else without the coordinator role', () => {
    const audit = { auditorIds: ['anne'] };
    expect(canRecordAuditResults(leader, audit)).toBe(true);
    expect(canRecordAuditResults(caseworker, audit)).toBe(false);
    expect(canRecordAuditResults(coordinator, { auditorIds: [] })).toBe(true);
    expect(auditAbilities(leader, audit)).toEqual({ manage: false, recordResults: true });
    expect(auditAbilities(caseworker, audit)).toEqual({ manage: false, recordResults: false });
    expect(auditAbilities(admin, audit)).toEqual({ manage: true, recordResults: true });
  });
});
