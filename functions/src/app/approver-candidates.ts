import { approverAssignment, canChangeApprover, canCreateProcedure, type Actor } from '../core/policies.js';
import type { Services } from './ports.js';

export type ApproverCandidates = {
  /** Leaders with approval authority over the unit (its own and those above). */
  leaders: { id: string; name: string }[];
  /** The caller may designate anyone else (the coordinator), so the form offers everyone. */
  mayDesignate: boolean;
};

/**
 * Whom a procedure of `unitId` (null: the whole organisation) may name as approver, for the create
 * and edit forms: the rule of `approverAssignment`, so the form offers only what the server
 * accepts. Empty for a caller who may neither create procedures nor change approvers.
 */
export async function listApproverCandidates(
  services: Services,
  actor: Actor,
  unitId: string | null,
): Promise<ApproverCandidates> {
  const [people, units] = await Promise.all([services.store.listPeople(), services.store.listUnits()]);
  const mayName = canCreateProcedure(actor) || canChangeApprover(actor, { unitId }, units);
  if (!mayName) return { leaders: [], mayDesignate: false };
  const leaders = people
    .filter((person) => approverAssignment(actor, unitId, person, units) === 'leader')
    .map((person) => ({ id: person.id, name: person.name }));
  return {
    leaders,
    mayDesignate: approverAssignment(actor, unitId, { id: '', unitId: '', roles: [] }, units) !== 'refused',
  };
}
