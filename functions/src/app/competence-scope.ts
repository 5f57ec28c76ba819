import type { RequirementScope } from '../core/competence-types.js';
import { canManageCompetencesOfUnit, ensure, type Actor } from '../core/policies.js';
import { parentLookup, type ParentOf } from '../core/unit-tree.js';
import type { Services } from './ports.js';

/**
 * What the scoped competence rules (core/policies.ts `canManageCompetencesOfUnit`) need to know:
 * the unit tree, and which unit a requirement belongs to.
 */

export async function loadParentOf(services: Services): Promise<ParentOf> {
  return parentLookup(await services.store.listUnits());
}

/**
 * The unit a requirement belongs to: its own unit, or its procedure's unit. null for a handbook
 * area and a procedure without a unit (or no longer stored): a record of the whole organisation.
 */
export async function requirementUnitId(services: Services, scope: RequirementScope): Promise<string | null> {
  switch (scope.kind) {
    case 'unit':
      return scope.unitId;
    case 'procedure':
      return (await services.store.getProcedure(scope.procedureId))?.unitId ?? null;
    case 'area':
      return null;
  }
}

/**
 * Refuses (FORBIDDEN) a leader acting on a requirement scope outside their own unit and the units
 * below it; `act` words what they tried, for the message ("removes competence requirements").
 */
export async function ensureRequirementInReach(
  services: Services,
  actor: Actor,
  scope: RequirementScope,
  act: string,
): Promise<void> {
  const [unitId, parentOf] = await Promise.all([requirementUnitId(services, scope), loadParentOf(services)]);
  ensure(
    canManageCompetencesOfUnit(actor, unitId, parentOf),
    `A leader ${act} only for their own unit and the units below it.`,
  );
}
