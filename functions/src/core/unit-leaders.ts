import type { RequirementScope } from './competence-types.js';
import type { Person, Unit } from './types.js';

/**
 * Who leads a unit, for reminders that go "to the leader" of a person or of a requirement.
 * A unit record has no leader field: the leader of a unit is the member of the unit who has the
 * `leader` role. With several, the one not led by another leader of the same unit (the head of
 * the unit), then the lowest id, so the answer is the same on every run. A unit without a
 * leader hands the question on to its parent unit.
 */
export type LeaderDirectory = {
  /** The leader of this very unit (no walking up); null when nobody in it has the leader role. */
  leaderOfUnit(unitId: string): string | null;
  /** The parent unit; null for a top unit or an unknown one. */
  parentOf(unitId: string): string | null;
  isKnownUnit(unitId: string): boolean;
};

export function leaderDirectory(
  people: readonly Pick<Person, 'id' | 'unitId' | 'roles' | 'leaderId'>[],
  units: readonly Unit[],
): LeaderDirectory {
  const leadersByUnit = new Map<string, { id: string; leaderId: string | null }[]>();
  for (const person of people) {
    if (!person.roles.includes('leader')) continue;
    const leaders = leadersByUnit.get(person.unitId) ?? [];
    leaders.push({ id: person.id, leaderId: person.leaderId });
    leadersByUnit.set(person.unitId, leaders);
  }
  const head = new Map<string, string>();
  for (const [unitId, leaders] of leadersByUnit) {
    const ids = new Set(leaders.map((leader) => leader.id));
    const heads = leaders.filter((leader) => leader.leaderId === null || !ids.has(leader.leaderId));
    const chosen = (heads.length > 0 ? heads : leaders).map((leader) => leader.id).sort()[0];
    if (chosen !== undefined) head.set(unitId, chosen);
  }
  const parents = new Map(units.map((unit) => [unit.id, unit.parentId]));
  return {
    leaderOfUnit: (unitId) => head.get(unitId) ?? null,
    parentOf: (unitId) => parents.get(unitId) ?? null,
    isKnownUnit: (unitId) => parents.has(unitId),
  };
}

/**
 * The first leader found from `unitId` upwards, skipping `except` (a person is never their own
 * leader). Null when no unit up to the top has one. A parent cycle in bad data ends the walk.
 */
export function leaderFrom(unitId: string, directory: LeaderDirectory, except: string | null = null): string | null {
  const seen = new Set<string>();
  let current: string | null = unitId;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const leader = directory.leaderOfUnit(current);
    if (leader !== null && leader !== except) return leader;
    current = directory.parentOf(current);
  }
  return null;
}

/**
 * A person's leader for reminders: the leader of their unit, or of the nearest unit above it
 * when the unit has none or the person leads it themself. Null for the person at the top.
 */
export function leaderOfPerson(person: Pick<Person, 'id' | 'unitId'>, directory: LeaderDirectory): string | null {
  return leaderFrom(person.unitId, directory, person.id);
}

/** The unit and its ancestors, nearest first. */
function chainOf(unitId: string, directory: LeaderDirectory): string[] {
  const chain: string[] = [];
  let current: string | null = unitId;
  while (current !== null && !chain.includes(current)) {
    chain.push(current);
    current = directory.parentOf(current);
  }
  return chain;
}

/** The lowest unit that is (or is above) every one of `unitIds`; null when they share none. */
export function commonUnit(unitIds: readonly string[], directory: LeaderDirectory): string | null {
  const [first, ...rest] = unitIds;
  if (first === undefined) return null;
  const others = rest.map((unitId) => new Set(chainOf(unitId, directory)));
  return chainOf(first, directory).find((candidate) => others.every((chain) => chain.has(candidate))) ?? null;
}

/**
 * The unit answerable for a requirement, whose leader is told while it is unmet:
 *
 * - unit scope: that unit;
 * - procedure scope: the procedure's unit; a procedure without a unit applies across the
 *   organisation, so the top unit (when there is exactly one);
 * - area scope: the lowest unit above all the units that own procedures in the area, so one
 *   leader answers for the whole area (the area's own unit when only one unit owns it).
 *
 * Null when the scope names something unknown or no single unit answers for it: such a
 * requirement sends nothing (its data needs fixing, which the gap report shows).
 */
export function requirementUnit(
  scope: RequirementScope,
  input: {
    directory: LeaderDirectory;
    units: readonly Unit[];
    procedureUnitOf: ReadonlyMap<string, string | null>;
    areaUnitsOf: ReadonlyMap<string, readonly string[]>;
  },
): string | null {
  const { directory } = input;
  const known = (unitId: string | null | undefined) =>
    unitId !== null && unitId !== undefined && directory.isKnownUnit(unitId) ? unitId : null;
  switch (scope.kind) {
    case 'unit':
      return known(scope.unitId);
    case 'procedure': {
      if (!input.procedureUnitOf.has(scope.procedureId)) return null;
      const unitId = input.procedureUnitOf.get(scope.procedureId) ?? null;
      if (unitId !== null) return known(unitId);
      const tops = input.units.filter((unit) => unit.parentId === null);
      return tops.length === 1 ? (tops[0]?.id ?? null) : null;
    }
    case 'area': {
      const unitIds = (input.areaUnitsOf.get(scope.area) ?? []).filter((unitId) => directory.isKnownUnit(unitId));
      return commonUnit(unitIds, directory);
    }
  }
}
