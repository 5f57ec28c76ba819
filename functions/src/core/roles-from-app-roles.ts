import { roles, type Role } from './types.js';

/**
 * The app roles defined on the API's Entra app registration (`appRoles` in its manifest, their
 * `value`s) and the role each one grants here. Administrators assign them to people or groups
 * under Enterprise applications; the token's `roles` claim carries them.
 */
export const appRoleGrants = {
  Reader: 'caseworker',
  Author: 'author',
  Approver: 'leader',
  QualityCoordinator: 'coordinator',
  Admin: 'admin',
} as const satisfies Record<string, Role>;

export type AppRole = keyof typeof appRoleGrants;

/**
 * The roles a signed-in person has in production, from the app roles in their token: the token
 * is the source of truth, so taking a role away in Entra takes it away here at the next sign-in.
 * Values that are not ours (another app's roles, typos) are ignored; a token with none of ours is
 * a Reader. The result is free of duplicates and in the catalogue's order.
 */
export function rolesFromAppRoles(appRoles: readonly unknown[] | undefined): Role[] {
  const granted = new Set<Role>();
  for (const value of appRoles ?? []) {
    if (typeof value === 'string' && Object.hasOwn(appRoleGrants, value)) granted.add(appRoleGrants[value as AppRole]);
  }
  if (granted.size === 0) granted.add(appRoleGrants.Reader);
  return roles.filter((role) => granted.has(role));
}
