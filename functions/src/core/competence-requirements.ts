import { unitWithDescendants } from './competence-gaps.js';
import type { CompetenceRequirement, RequirementScope } from './competence-types.js';
import type { Procedure, Unit } from './types.js';

/**
 * Which requirements a procedure is bound by, and the rules for maintaining the catalogue and the
 * requirements. Coverage itself is computed by `findCompetenceGaps`; nothing here counts people.
 */

const scopeOrder: Record<RequirementScope['kind'], number> = { procedure: 0, area: 1, unit: 2 };

/**
 * True when the requirement applies to the procedure: its own (procedure scope), its handbook
 * area's, or its unit's, where a requirement on a unit also binds the units below it. A procedure
 * without a unit applies across the organisation, so only requirements on top units bind it.
 */
export function appliesToProcedure(
  requirement: CompetenceRequirement,
  procedure: Pick<Procedure, 'id' | 'area' | 'unitId'>,
  units: readonly Unit[],
): boolean {
  const { scope } = requirement;
  switch (scope.kind) {
    case 'procedure':
      return scope.procedureId === procedure.id;
    case 'area':
      return scope.area === procedure.area;
    case 'unit': {
      if (procedure.unitId === null) return units.some((unit) => unit.id === scope.unitId && unit.parentId === null);
      return unitWithDescendants(scope.unitId, units).has(procedure.unitId);
    }
  }
}

/** The procedure's requirements: its own first, then its area's, then its unit's; in input order within each. */
export function requirementsOfProcedure(
  requirements: readonly CompetenceRequirement[],
  procedure: Pick<Procedure, 'id' | 'area' | 'unitId'>,
  units: readonly Unit[],
): CompetenceRequirement[] {
  return requirements
    .map((requirement, index) => ({ requirement, index }))
    .filter(({ requirement }) => appliesToProcedure(requirement, procedure, units))
    .sort((a, b) => scopeOrder[a.requirement.scope.kind] - scopeOrder[b.requirement.scope.kind] || a.index - b.index)
    .map(({ requirement }) => requirement);
}

export function isSameScope(a: RequirementScope, b: RequirementScope): boolean {
  switch (a.kind) {
    case 'procedure':
      return b.kind === 'procedure' && a.procedureId === b.procedureId;
    case 'area':
      return b.kind === 'area' && a.area === b.area;
    case 'unit':
      return b.kind === 'unit' && a.unitId === b.unitId;
  }
}

/**
 * An existing requirement that says exactly the same (competence, scope, people and level), if any.
 * Two requirements on the same competence and scope with different numbers are allowed: "3 people at
 * level 2, of whom 1 at level 4" is two requirements.
 */
export function findDuplicateRequirement(
  candidate: Omit<CompetenceRequirement, 'id'>,
  existing: readonly CompetenceRequirement[],
): CompetenceRequirement | undefined {
  return existing.find(
    (requirement) =>
      requirement.competenceId === candidate.competenceId &&
      isSameScope(requirement.scope, candidate.scope) &&
      requirement.minPeople === candidate.minPeople &&
      requirement.minLevel === candidate.minLevel,
  );
}

/** Competence names are unique regardless of case and surrounding or repeated spaces. */
export function competenceNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
}

const danishLetters: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };

/**
 * A readable id for a new competence, like the catalogue's own ("naturbeskyttelse-3"): lower case
 * ASCII letters and digits joined by "-", at most 40 characters (room for a suffix within the 64 of an id). Returns '' when the name has no
 * letters or digits to build one from; the caller then uses a generated id.
 */
export function competenceIdFrom(name: string): string {
  return name
    .toLocaleLowerCase('da')
    .replace(/[æøå]/g, (letter) => danishLetters[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
