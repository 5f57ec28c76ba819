import type {
  CompetenceLevel,
  CompetenceRequirement,
  ExternalCoverage,
  PersonCompetence,
  Assessment,
} from './competence-types.js';
import { addMonths, daysBetween, type LocalDate } from './local-date.js';
import type { Person, Unit } from './types.js';

/** A person who meets a requirement on `today`, with the record that qualifies them. */
export type QualifiedPerson = {
  personId: string;
  level: CompetenceLevel;
  assessment: Assessment;
  /** Last valid day of the qualifying record; null: it does not expire. */
  validUntil: LocalDate | null;
};

export type CoverageState = 'met' | 'external' | 'unmet';

/** How one requirement stands on `today`. Met requirements are reported too, so the matrix can show them. */
export type RequirementCoverage = {
  requirement: CompetenceRequirement;
  /** Everyone the requirement applies to (see `peopleInScope`), in input order. */
  inScopePersonIds: string[];
  /**
   * False when the scope names a unit, procedure or area the inputs do not know: nobody is in scope,
   * and the requirement shows as unmet until its data is fixed rather than silently passing.
   */
  isScopeResolved: boolean;
  qualified: QualifiedPerson[];
  /** How many more qualified people the requirement needs; 0 when enough. */
  shortBy: number;
  /** Exactly one qualified person for a requirement that needs at least one: the "single person" risk. */
  isSinglePersonDependency: boolean;
  /**
   * Qualified people counted on a self-assessed level. Self-assessments count toward requirements
   * (most levels start as self-assessments, and ignoring them would report gaps that are not real),
   * but the report lists them so a leader can confirm them.
   */
  unconfirmedPersonIds: string[];
  coverage: CoverageState;
  /**
   * The external decision in force on `today`, if any; null when there is none. It is returned even
   * when the requirement is met internally, but it never changes 'met' into 'external'.
   */
  externalCoverage: ExternalCoverage | null;
};

export type CompetenceGapInput = {
  requirements: CompetenceRequirement[];
  people: Person[];
  personCompetences: PersonCompetence[];
  externalCoverage: ExternalCoverage[];
  units: Unit[];
  /**
   * The unit that owns each procedure, by procedure id; null for a procedure that applies across the
   * organisation (then everyone is in scope). A procedure missing from the map is unresolved.
   */
  procedureUnitOf: ReadonlyMap<string, string | null>;
  /**
   * The units that own procedures in each handbook area (built from the procedures' `area` and
   * `unitId`). An area missing from the map is unresolved; an empty list means nobody is in scope.
   */
  areaUnitsOf: ReadonlyMap<string, readonly string[]>;
  today: LocalDate;
};

/** True when the record is valid on `date`: the last day of `validUntil` still counts. */
export function isValidOn(record: Pick<PersonCompetence, 'validUntil'>, date: LocalDate): boolean {
  return record.validUntil === null || record.validUntil >= date;
}

/** The unit and all units below it: a requirement on a department applies to its sections too. */
export function unitWithDescendants(unitId: string, units: readonly Unit[]): Set<string> {
  const result = new Set([unitId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && result.has(unit.parentId) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
    }
  }
  return result;
}

/**
 * The people a requirement applies to. Unit scope: the unit's people and those of its sub-units.
 * Procedure scope: the people of the procedure's unit (with sub-units), or everyone when the
 * procedure has no unit. Area scope: the people of every unit (with sub-units) that owns procedures
 * in the area. Returns null when the scope refers to something the inputs do not know.
 */
export function peopleInScope(
  requirement: CompetenceRequirement,
  input: Pick<CompetenceGapInput, 'people' | 'units' | 'procedureUnitOf' | 'areaUnitsOf'>,
): Person[] | null {
  const { scope } = requirement;
  const inUnits = (unitIds: readonly string[]): Person[] => {
    const all = new Set(unitIds.flatMap((id) => [...unitWithDescendants(id, input.units)]));
    return input.people.filter((person) => all.has(person.unitId));
  };
  const isKnownUnit = (unitId: string) => input.units.some((unit) => unit.id === unitId);
  switch (scope.kind) {
    case 'unit':
      return isKnownUnit(scope.unitId) ? inUnits([scope.unitId]) : null;
    case 'procedure': {
      if (!input.procedureUnitOf.has(scope.procedureId)) return null;
      const unitId = input.procedureUnitOf.get(scope.procedureId) ?? null;
      if (unitId === null) return [...input.people];
      return isKnownUnit(unitId) ? inUnits([unitId]) : null;
    }
    case 'area': {
      const unitIds = input.areaUnitsOf.get(scope.area);
      return unitIds === undefined ? null : inUnits(unitIds);
    }
  }
}

/** The decision in force on `today`: decided on or before it, contract not ended. Latest decision wins. */
function externalCoverageInForce(
  requirementId: string,
  decisions: readonly ExternalCoverage[],
  today: LocalDate,
): ExternalCoverage | null {
  const inForce = decisions
    .filter((decision) => decision.requirementId === requirementId && decision.decidedOn <= today)
    .filter((decision) => decision.contractEnd === null || decision.contractEnd >= today)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : a.decidedOn > b.decidedOn ? -1 : 0));
  return inForce[0] ?? null;
}

/**
 * Per requirement, who qualifies on `today` (level at least `minLevel`, never level 0, record valid
 * on `today`), how many people are missing, and whether the shortfall is covered by an external
 * decision. When a person has several records for the competence, the best valid one counts.
 * Records for people outside the scope, or unknown people, are ignored.
 */
export function findCompetenceGaps(input: CompetenceGapInput): RequirementCoverage[] {
  const { today } = input;
  return input.requirements.map((requirement) => {
    const scoped = peopleInScope(requirement, input);
    const inScope = scoped ?? [];
    const qualified: QualifiedPerson[] = [];
    for (const person of inScope) {
      const best = input.personCompetences
        .filter((record) => record.personId === person.id && record.competenceId === requirement.competenceId)
        .filter((record) => record.level >= 1 && record.level >= requirement.minLevel && isValidOn(record, today))
        .sort(
          (a, b) => b.level - a.level || Number(b.assessment === 'confirmed') - Number(a.assessment === 'confirmed'),
        )[0];
      if (best) {
        qualified.push({
          personId: person.id,
          level: best.level,
          assessment: best.assessment,
          validUntil: best.validUntil,
        });
      }
    }
    const shortBy = Math.max(0, requirement.minPeople - qualified.length);
    const externalCoverage = externalCoverageInForce(requirement.id, input.externalCoverage, today);
    const coverage: CoverageState = shortBy === 0 ? 'met' : externalCoverage !== null ? 'external' : 'unmet';
    return {
      requirement,
      inScopePersonIds: inScope.map((person) => person.id),
      isScopeResolved: scoped !== null,
      qualified,
      shortBy,
      isSinglePersonDependency: requirement.minPeople >= 1 && qualified.length === 1,
      unconfirmedPersonIds: qualified.filter((entry) => entry.assessment === 'self').map((entry) => entry.personId),
      coverage,
      externalCoverage,
    };
  });
}

export type ExpiringQualification = {
  personCompetence: PersonCompetence;
  validUntil: LocalDate;
  /** Days from `today` to the last valid day: 0 on the last day itself, negative once expired. */
  daysLeft: number;
  isExpired: boolean;
};

/**
 * Qualifications that end within `withinDays` days of `today` (inclusive), and those already
 * expired, soonest first. Records that never expire (validUntil null) and level-0 records are
 * skipped. Only each person's latest record per competence is considered, so a renewed
 * qualification does not keep reporting the old one as expired.
 */
export function expiringQualifications(
  personCompetences: readonly PersonCompetence[],
  today: LocalDate,
  withinDays = 90,
): ExpiringQualification[] {
  const latest = new Map<string, PersonCompetence>();
  for (const record of personCompetences) {
    if (record.level === 0) continue;
    const key = `${record.personId}\u0000${record.competenceId}`;
    const current = latest.get(key);
    const isLater =
      current === undefined ||
      (current.validUntil !== null && (record.validUntil === null || record.validUntil > current.validUntil));
    if (isLater) latest.set(key, record);
  }
  const result: ExpiringQualification[] = [];
  for (const record of latest.values()) {
    if (record.validUntil === null) continue;
    const daysLeft = daysBetween(today, record.validUntil);
    if (daysLeft > withinDays) continue;
    result.push({ personCompetence: record, validUntil: record.validUntil, daysLeft, isExpired: daysLeft < 0 });
  }
  return result.sort((a, b) => a.daysLeft - b.daysLeft);
}

/**
 * The last valid day of a qualification obtained on `evidenceDate`: that date plus the competence's
 * validity, clamped at month ends (a certificate of 31 May valid 9 months runs to 28/29 February).
 * Returns null when `validityMonths` is null: the competence does not expire.
 */
export function validUntilFrom(evidenceDate: LocalDate, validityMonths: number | null): LocalDate | null {
  if (validityMonths === null) return null;
  return addMonths(evidenceDate, validityMonths);
}
