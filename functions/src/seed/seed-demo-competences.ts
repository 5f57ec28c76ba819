import type { Store } from '../app/ports.js';
import type { CompetenceRequirement } from '../core/competence-types.js';
import type { LocalDate } from '../core/local-date.js';
import { demoCompetenceData } from './demo-competences.js';

/**
 * Seeds the demo competence matrix in one ChangeSet. Idempotent: once any competence exists the
 * store is left alone. Demo requirements name procedures by code; they are stored with the
 * procedure's id (a code the store does not know is kept, and shows as an unresolved scope).
 * Returns the number of competences written.
 */
export async function seedDemoCompetences(store: Store, today: LocalDate): Promise<number> {
  if ((await store.listCompetences()).length > 0) return 0;
  const data = demoCompetenceData(today);
  const requirements: CompetenceRequirement[] = [];
  for (const requirement of data.requirements) {
    if (requirement.scope.kind !== 'procedure') {
      requirements.push(requirement);
      continue;
    }
    const procedure = await store.getProcedureByCode(requirement.scope.procedureId);
    requirements.push(
      procedure ? { ...requirement, scope: { kind: 'procedure', procedureId: procedure.id } } : requirement,
    );
  }
  await store.commit({
    competences: data.competences,
    competenceRequirements: requirements,
    personCompetences: data.personCompetences,
    externalCoverage: data.externalCoverage,
  });
  return data.competences.length;
}
