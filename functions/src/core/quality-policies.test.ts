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
    expect(canRunActionCommand(actor, { ownerId }, command)).toBe(expected);
  });
});
