import { describe, expect, it } from 'vitest';
import {
  auditAbilities,
  canCorrectAuditReport,
  canManageQuality,
  canRecordAuditResults,
  type Actor,
} from './policies.js';

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
    expect(auditAbilities(leader, audit)).toEqual({ manage: false, recordResults: true, correctReport: false });
    expect(auditAbilities(caseworker, audit)).toEqual({ manage: false, recordResults: false, correctReport: false });
    expect(auditAbilities(admin, audit)).toEqual({ manage: true, recordResults: true, correctReport: false });
  });

  it('lets the coordinator and the lead auditor (the first) correct a reported report, nobody else', () => {
    const audit = { auditorIds: ['anne', 'karen'], status: 'reported' };
    expect(canCorrectAuditReport(coordinator, audit)).toBe(true);
    expect(canCorrectAuditReport(leader, audit)).toBe(true);
    expect(canCorrectAuditReport(caseworker, audit)).toBe(false);
    expect(canCorrectAuditReport(caseworker, { auditorIds: [] })).toBe(false);
    expect(auditAbilities(leader, audit).correctReport).toBe(true);
    expect(auditAbilities(caseworker, audit).correctReport).toBe(false);
    // Only a reported audit has a report to correct; before that it is edited.
    expect(auditAbilities(leader, { ...audit, status: 'in-progress' }).correctReport).toBe(false);
  });
});
