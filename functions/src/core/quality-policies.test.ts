import { describe, expect, it } from 'vitest';
import { canManageQuality, canRunActionCommand, type Actor } from './policies.js';

const coordinator: Actor = { id: 'mette', unitId: 'tm', roles: ['coordinator', 'author'] };
const admin: Actor = { id: 'eva', unitId: 'tm', roles: ['admin'] };
const leader: Actor = { id: 'anne', unitId: 'natur', roles: ['leader'] };
const caseworker: Actor = { id: 'karen', unitId: 'natur', roles: ['caseworker'] };

describe('quality policies', () => {
  it('lets the coordinator and the administrator manage the quality year, nobody else', () => {
    expect(canManageQuality(coordinator)).toBe(true);
    expect(canManageQuality(admin)).toBe(true);
    expect(canManageQuality(leader)).toBe(false);
    expect(canManageQuality(caseworker)).toBe(false);
  });

  it.each([
    ['the owner records the correction', leader, 'anne', 'recordCorrection', true],
    ['the owner plans', leader, 'anne', 'analyseAndPlan', true],
    ['the owner replans', caseworker, 'karen', 'replan', true],
    ['the owner marks implemented', leader, 'anne', 'markImplemented', true],
    ['the owner does not check their own action', leader, 'anne', 'checkEffectiveness', false],
    ['a coordinator who owns it does not check it either', coordinator, 'mette', 'checkEffectiveness', false],
    ['the coordinator checks another owner’s action', coordinator, 'anne', 'checkEffectiveness', true],
    ['the administrator checks', admin, 'anne', 'checkEffectiveness', true],
    ['the coordinator plans any action', coordinator, 'anne', 'analyseAndPlan', true],
    ['the coordinator plans an action without owner', coordinator, null, 'analyseAndPlan', true],
    ['another leader cannot touch it', leader, 'jens', 'markImplemented', false],
    ['nobody owns it: a leader cannot', leader, null, 'recordCorrection', false],
    ['a caseworker cannot check', caseworker, 'anne', 'checkEffectiveness', false],
  ] as const)('%s', (_name, actor, ownerId, command, expected) => {
    const action = { ownerId, implementedBy: null, involvedIds: ownerId === null ? [] : [ownerId] };
    expect(canRunActionCommand(actor, action, command)).toBe(expected);
  });

  /** Segregation of duties (ISO 9001 10.2, issue 10 item 4): who did the work never checks it. */
  it.each([
    ['the coordinator implemented it for another owner', coordinator, 'anne', 'mette', ['anne', 'mette'], false],
    ['the coordinator owned it and handed it on', coordinator, 'anne', 'anne', ['mette', 'anne'], false],
    ['the coordinator owned, handed on and implemented it', coordinator, 'anne', 'mette', ['mette', 'anne'], false],
    [
      'the coordinator implemented an earlier, ineffective attempt',
      coordinator,
      'anne',
      null,
      ['anne', 'mette'],
      false,
    ],
    ['the administrator implemented it', admin, 'anne', 'eva', ['anne', 'eva'], false],
    ['the admin checks what the coordinator implemented', admin, 'anne', 'mette', ['mette', 'anne'], true],
    ['the coordinator checks what the owner implemented', coordinator, 'anne', 'anne', ['anne'], true],
    ['the coordinator checks after a handover between others', coordinator, 'jens', 'jens', ['anne', 'jens'], true],
    ['a former owner who is a leader never checks', leader, 'jens', 'jens', ['anne', 'jens'], false],
  ] as const)('checkEffectiveness: %s', (_name, actor, ownerId, implementedBy, involvedIds, expected) => {
    expect(canRunActionCommand(actor, { ownerId, implementedBy, involvedIds }, 'checkEffectiveness')).toBe(expected);
  });

  it('keeps the other commands with the current owner and the coordinator, whoever did the work before', () => {
    const handedOn = { ownerId: 'jens', implementedBy: null, involvedIds: ['anne', 'jens'] };
    expect(canRunActionCommand(leader, handedOn, 'replan')).toBe(false);
    expect(canRunActionCommand({ id: 'jens', unitId: 'miljo', roles: ['leader'] }, handedOn, 'replan')).toBe(true);
    expect(canRunActionCommand(coordinator, handedOn, 'markImplemented')).toBe(true);
  });
});
