import type { ExternalCoverage } from '../core/competence-types.js';
import { AppError } from '../core/errors.js';
import { canManageCompetences, ensure, type Actor } from '../core/policies.js';
import { ensureRequirementInReach } from './competence-scope.js';
import type { LocalDate } from '../core/local-date.js';
import type { Services } from './ports.js';
import { today } from './procedure-context.js';

/**
 * Records a dated decision to buy a requirement's shortfall from a supplier (ISO 9001 7.1.6, 8.4),
 * by a leader of the requirement's unit (or a unit above it) or the coordinator.
 */
export async function decideExternalCoverage(
  services: Services,
  actor: Actor,
  input: { requirementId: string; supplier: string; contractEnd: LocalDate | null; note: string },
): Promise<ExternalCoverage> {
  ensure(canManageCompetences(actor), 'Only leaders and the coordinator may decide external coverage.');
  const requirements = await services.store.listCompetenceRequirements();
  const requirement = requirements.find((candidate) => candidate.id === input.requirementId);
  if (!requirement) throw new AppError('NOT_FOUND', `No competence requirement with id ${input.requirementId}.`);
  await ensureRequirementInReach(services, actor, requirement.scope, 'decides external coverage');
  const decidedOn = today(services);
  if (input.contractEnd !== null && input.contractEnd < decidedOn)
    throw new AppError('VALIDATION', 'The contract cannot end before the decision.', { field: 'contractEnd' });
  const coverage: ExternalCoverage = {
    id: services.ids.next(),
    requirementId: input.requirementId,
    supplier: input.supplier,
    decidedOn,
    decidedBy: actor.id,
    contractEnd: input.contractEnd,
    note: input.note,
  };
  await services.store.commit({
    externalCoverage: [coverage],
    trail: [
      {
        at: services.clock.now().toISOString(),
        actorId: actor.id,
        action: 'competence.coverage-decided',
        procedureId: null,
        subjectId: coverage.requirementId,
        summary: `Ekstern dækning: ${coverage.supplier}`,
        details: { coverageId: coverage.id, contractEnd: coverage.contractEnd },
      },
    ],
  });
  return coverage;
}
