import {
  expiringQualifications,
  findCompetenceGaps,
  type ExpiringQualification,
  type RequirementCoverage,
} from '../core/competence-gaps.js';
import type { LocalDate } from '../core/local-date.js';
import type { Actor } from '../core/policies.js';
import type { Unit } from '../core/types.js';
import { peopleOfUnit } from './competence-matrix.js';
import type { ProcedureRow, Services } from './ports.js';
import { today as todayOf } from './procedure-context.js';

export type CompetenceGapReport = {
  today: LocalDate;
  unitId: string | null;
  /** Requirements not met internally (unmet or covered externally) and single-person dependencies. */
  gaps: RequirementCoverage[];
  /** Qualifications ending within 90 days, and those already expired, soonest first. */
  expiring: ExpiringQualification[];
};

/** Every procedure, for mapping requirement scopes to units; not a listing anybody sees. */
async function allProcedures(services: Services, actor: Actor, today: LocalDate): Promise<ProcedureRow[]> {
  const { items } = await services.store.listProcedures({
    viewer: { id: actor.id, isCoordinator: true },
    today,
    sort: 'code',
    order: 'asc',
    limit: 100_000,
    offset: 0,
  });
  return items;
}

/** Handbook area → units owning procedures in it; a procedure without a unit counts for the top units. */
export function areaUnitsFrom(
  procedures: readonly Pick<ProcedureRow, 'area' | 'unitId'>[],
  units: readonly Unit[],
): Map<string, string[]> {
  const topUnitIds = units.filter((unit) => unit.parentId === null).map((unit) => unit.id);
  const result = new Map<string, Set<string>>();
  for (const procedure of procedures) {
    const owners = result.get(procedure.area) ?? new Set<string>();
    for (const unitId of procedure.unitId === null ? topUnitIds : [procedure.unitId]) owners.add(unitId);
    result.set(procedure.area, owners);
  }
  return new Map([...result].map(([area, owners]) => [area, [...owners]]));
}

/**
 * The competence gaps of the whole organisation or of one unit (with the units below it): a
 * requirement is reported when someone in the unit is in its scope.
 */
export async function reportCompetenceGaps(
  services: Services,
  actor: Actor,
  input: { unitId?: string | undefined },
): Promise<CompetenceGapReport> {
  const today = todayOf(services);
  const [people, units, requirements, personCompetences, externalCoverage, procedures] = await Promise.all([
    services.store.listPeople(),
    services.store.listUnits(),
    services.store.listCompetenceRequirements(),
    services.store.listPersonCompetences(),
    services.store.listExternalCoverage(),
    allProcedures(services, actor, today),
  ]);
  const memberIds = new Set(peopleOfUnit(people, units, input.unitId).map((person) => person.id));
  const coverage = findCompetenceGaps({
    requirements,
    people,
    personCompetences,
    externalCoverage,
    units,
    procedureUnitOf: new Map(procedures.map((procedure) => [procedure.id, procedure.unitId])),
    areaUnitsOf: areaUnitsFrom(procedures, units),
    today,
  });
  const isInUnit = (item: RequirementCoverage) =>
    input.unitId === undefined || item.inScopePersonIds.some((personId) => memberIds.has(personId));
  return {
    today,
    unitId: input.unitId ?? null,
    gaps: coverage.filter((item) => isInUnit(item) && (item.coverage !== 'met' || item.isSinglePersonDependency)),
    expiring: expiringQualifications(
      personCompetences.filter((record) => memberIds.has(record.personId)),
      today,
    ),
  };
}
