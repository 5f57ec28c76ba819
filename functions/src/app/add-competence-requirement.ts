import { findDuplicateRequirement } from '../core/competence-requirements.js';
import type { CompetenceLevel, CompetenceRequirement, RequirementScope } from '../core/competence-types.js';
import { AppError, isAppError } from '../core/errors.js';
import { canManageCompetences, ensure, type Actor } from '../core/policies.js';
import { ensureRequirementInReach } from './competence-scope.js';
import type { Services } from './ports.js';
import { loadProcedure } from './procedure-context.js';

export type AddCompetenceRequirementInput = {
  competenceId: string;
  scope: RequirementScope;
  minPeople: number;
  minLevel: Exclude<CompetenceLevel, 0>;
};

/**
 * "This task needs at least N people at level L or above": a new requirement on a procedure, a
 * handbook area or a unit. Refused when the competence or the scope's target is unknown (a procedure
 * the actor cannot see counts as unknown), when the target lies outside the actor's authority (a
 * leader: their own unit and the units below it, by the scope's unit or procedure's unit; an area
 * is the coordinator's), and when an identical requirement exists.
 */
export async function addCompetenceRequirement(
  services: Services,
  actor: Actor,
  input: AddCompetenceRequirementInput,
): Promise<CompetenceRequirement> {
  ensure(canManageCompetences(actor), 'Only leaders and the coordinator may add competence requirements.');
  const [competences, requirements] = await Promise.all([
    services.store.listCompetences(),
    services.store.listCompetenceRequirements(),
  ]);
  const competence = competences.find((candidate) => candidate.id === input.competenceId);
  if (!competence)
    throw new AppError('NOT_FOUND', `No competence with id ${input.competenceId}.`, { field: 'competenceId' });
  const procedureId = await ensureScopeExists(services, actor, input.scope);
  await ensureRequirementInReach(services, actor, input.scope, 'adds competence requirements');
  const duplicate = findDuplicateRequirement(input, requirements);
  if (duplicate)
    throw new AppError('DUPLICATE', 'An identical competence requirement exists.', { requirementId: duplicate.id });
  const requirement: CompetenceRequirement = { id: services.ids.next(), ...input };
  await services.store.commit({
    competenceRequirements: [requirement],
    trail: [
      {
        at: services.clock.now().toISOString(),
        actorId: actor.id,
        action: 'competence.requirement-added',
        procedureId,
        subjectId: requirement.id,
        summary: `Kompetencekrav: ${competence.name}, mindst ${requirement.minPeople} på niveau ${requirement.minLevel}`,
        details: {
          competenceId: requirement.competenceId,
          scope: requirement.scope,
          minPeople: requirement.minPeople,
          minLevel: requirement.minLevel,
        },
      },
    ],
  });
  return requirement;
}

/** NOT_FOUND, naming the field, unless the scope's procedure (visible to the actor), unit or area exists. */
async function ensureScopeExists(services: Services, actor: Actor, scope: RequirementScope): Promise<string | null> {
  switch (scope.kind) {
    case 'procedure':
      try {
        await loadProcedure(services, actor, scope.procedureId);
      } catch (error) {
        if (isAppError(error) && error.code === 'NOT_FOUND')
          throw new AppError('NOT_FOUND', error.message, { field: 'scope.procedureId' });
        throw error;
      }
      return scope.procedureId;
    case 'unit':
      if (!(await services.store.listUnits()).some((unit) => unit.id === scope.unitId))
        throw new AppError('NOT_FOUND', `No unit with id ${scope.unitId}.`, { field: 'scope.unitId' });
      return null;
    case 'area': {
      const areas = await services.store.listAreas({ id: actor.id, isCoordinator: true });
      if (!areas.some((entry) => entry.area === scope.area))
        throw new AppError('NOT_FOUND', `No handbook area named ${scope.area}.`, { field: 'scope.area' });
      return null;
    }
  }
}
