import type { Unit } from './types.js';

/**
 * The organisation as a tree of units (forvaltning → afdeling → team). Authority that a leader
 * has over "their unit" reaches the units below it, never sideways or up.
 */
export type ParentOf = (unitId: string) => string | null;

export function parentLookup(units: readonly Pick<Unit, 'id' | 'parentId'>[]): ParentOf {
  const parents = new Map(units.map((unit) => [unit.id, unit.parentId]));
  return (unitId) => parents.get(unitId) ?? null;
}

/** True when `unitId` is `ancestorId` or lies below it. A parent cycle in bad data ends the walk. */
export function isUnitWithin(unitId: string, ancestorId: string, parentOf: ParentOf): boolean {
  const seen = new Set<string>();
  let current: string | null = unitId;
  while (current !== null && !seen.has(current)) {
    if (current === ancestorId) return true;
    seen.add(current);
    current = parentOf(current);
  }
  return false;
}

/** `unitId` and the units above it, nearest first. */
export function unitsUpwards(unitId: string, parentOf: ParentOf): string[] {
  const chain: string[] = [];
  let current: string | null = unitId;
  while (current !== null && !chain.includes(current)) {
    chain.push(current);
    current = parentOf(current);
  }
  return chain;
}
