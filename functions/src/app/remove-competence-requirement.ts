import type { CompetenceRequirement, ExternalCoverage } from '../core/competence-types.js';
import { AppError } from '../core/errors.js';
import { canManageCompetences, ensure, type Actor } from '../core/policies.js';
import { ensureRequirementInReach } from './competence-scope.js';
import type { Services } from './ports.js';

export type RemovedRequirement = {
  requirement: CompetenceRequirement;
  /** The external coverage decisions that covered it; they are removed with it. */
  removedExternalCoverage: ExternalCoverage[];
};

/**
 * Removes a requirement together with the external coverage decisions made for it: a decision
 * covers one requirement's shortfall and means nothing without it. Both are kept in the audit
 * trail's details, which nobody can change. A requirement already removed is NOT_FOUND. A leader
 * removes only the requirements of their own unit and the units below it (the requirement's unit
 * or its procedure's unit).
 */
export async function removeCompetenceRequirement(
  services: Services,
  actor: Actor,
  input: { requirementId: string },
): Promise<RemovedRequirement> {
  ensure(canManageCompetences(actor), 'Only leaders and the coordinator may remove competence requirements.');
  const [requirements, coverage, competences] = await Promise.all([
    services.store.listCompetenceRequirements(),
    services.store.listExternalCoverage(),
    services.store.listCompetences(),
  ]);
  const requirement = requirements.find((candidate) => candidate.id === input.requirementId);
  if (!requirement) throw new AppError('NOT_FOUND', `No competence requirement with id ${input.requirementId}.`);
  await ensureRequirementInReach(services, actor, requirement.scope, 'removes competence requirements');
  const removedExternalCoverage = coverage.filter((decision) => decision.requirementId === requirement.id);
  const competenceName =
    competences.find((competence) => competence.id === requirement.competenceId)?.name ?? requirement.competenceId;
  await services.store.commit({
    deleteCompetenceRequirements: [requirement.id],
    trail: [
      {
        at: services.clock.now().toISOString(),
        actorId: actor.id,
        action: 'competence.requirement-removed',
        procedureId: requirement.scope.kind === 'procedure' ? requirement.scope.procedureId : null,
        subjectId: requirement.id,
        summary: `Kompetencekrav fjernet: ${competenceName}, mindst ${requirement.minPeople} på niveau ${requirement.minLevel}`,
        details: { requirement, removedExternalCoverage },
      },
    ],
  });
  return { requirement, removedExternalCoverage };
}
