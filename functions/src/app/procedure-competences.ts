import { findCompetenceGaps, type CoverageState, type QualifiedPerson } from '../core/competence-gaps.js';
import { requirementsOfProcedure } from '../core/competence-requirements.js';
import type { Competence, CompetenceRequirement, ExternalCoverage } from '../core/competence-types.js';
import type { LocalDate } from '../core/local-date.js';
import { canManageCompetencesOfUnit, type Actor } from '../core/policies.js';
import { parentLookup } from '../core/unit-tree.js';
import type { Services } from './ports.js';
import { loadProcedure, today as todayOf } from './procedure-context.js';
import { loadCompetenceGapInput } from './report-competence-gaps.js';

export type ProcedureRequirementCoverage = {
  requirement: CompetenceRequirement;
  competence: Competence;
  coverage: CoverageState;
  shortBy: number;
  isScopeResolved: boolean;
  isSinglePersonDependency: boolean;
  /** The decision in force today, also when the requirement is met internally. */
  externalCoverage: ExternalCoverage | null;
  /** Who meets the requirement today, best level first, with their names. */
  qualified: (QualifiedPerson & { name: string })[];
};

export type ProcedureCompetences = {
  procedureId: string;
  /** The procedure's unit; null when it applies across the organisation. */
  unitId: string | null;
  today: LocalDate;
  /** The procedure's own requirements first, then its area's, then its unit's. */
  requirements: ProcedureRequirementCoverage[];
  /** manage: add and remove the procedure's own requirements (a leader of its unit or above, the coordinator). */
  abilities: { manage: boolean };
};

/**
 * The competences a procedure requires and whether its unit meets them today. The rules are
 * `findCompetenceGaps`'s; this only picks the requirements that bind the procedure and names people.
 * A procedure the actor may not see is NOT_FOUND, as on its own page.
 */
export async function getProcedureCompetences(
  services: Services,
  actor: Actor,
  procedureId: string,
): Promise<ProcedureCompetences> {
  const { procedure } = await loadProcedure(services, actor, procedureId);
  const today = todayOf(services);
  const [input, competences] = await Promise.all([
    loadCompetenceGapInput(services, actor, today),
    services.store.listCompetences(),
  ]);
  const requirements = requirementsOfProcedure(input.requirements, procedure, input.units);
  const coverage = findCompetenceGaps({ ...input, requirements });
  const names = new Map(input.people.map((person) => [person.id, person.name]));
  const competenceOf = (id: string): Competence =>
    competences.find((competence) => competence.id === id) ?? {
      id,
      name: id,
      category: '',
      description: '',
      validityMonths: null,
    };
  return {
    procedureId: procedure.id,
    unitId: procedure.unitId,
    today,
    requirements: coverage.map((item) => ({
      requirement: item.requirement,
      competence: competenceOf(item.requirement.competenceId),
      coverage: item.coverage,
      shortBy: item.shortBy,
      isScopeResolved: item.isScopeResolved,
      isSinglePersonDependency: item.isSinglePersonDependency,
      externalCoverage: item.externalCoverage,
      qualified: item.qualified
        .map((person) => ({ ...person, name: names.get(person.personId) ?? person.personId }))
        .sort((a, b) => b.level - a.level || a.name.localeCompare(b.name, 'da')),
    })),
    abilities: { manage: canManageCompetencesOfUnit(actor, procedure.unitId, parentLookup(input.units)) },
  };
}
