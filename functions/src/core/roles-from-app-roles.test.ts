import { describe, expect, it } from 'vitest';
import { rolesFromAppRoles } from './roles-from-app-roles.js';

describe('rolesFromAppRoles', () => {
  it.each([
    { appRoles: ['Reader'], expected: ['caseworker'] },
    { appRoles: ['Author'], expected: ['author'] },
    { appRoles: ['Approver'], expected: ['leader'] },
    { appRoles: ['QualityCoordinator'], expected: ['coordinator'] },
    { appRoles: ['Admin'], expected: ['admin'] },
    { appRoles: ['Reader', 'Author'], expected: ['caseworker', 'author'] },
    { appRoles: ['Admin', 'QualityCoordinator', 'Author'], expected: ['author', 'coordinator', 'admin'] },
    { appRoles: ['Author', 'Author'], expected: ['author'] },
  ])('grants $expected for $appRoles', ({ appRoles, expected }) => {
    expect(rolesFromAppRoles(appRoles)).toEqual(expected);
  });

  it.each([
    { case: 'no roles claim', appRoles: undefined },
    { case: 'an empty roles claim', appRoles: [] },
    { case: 'only roles that are not ours', appRoles: ['Task.Write', 'reader', 'ADMIN'] },
    { case: 'values that are not strings', appRoles: [42, null, { Admin: true }] },
    { case: 'inherited object keys', appRoles: ['constructor', 'toString', '__proto__'] },
  ])('makes $case a Reader', ({ appRoles }) => {
    expect(rolesFromAppRoles(appRoles)).toEqual(['caseworker']);
  });

  it('ignores unknown roles beside known ones', () => {
    expect(rolesFromAppRoles(['Approver', 'Everything'])).toEqual(['leader']);
  });
});
