import { AppError } from '../core/errors.js';
import { localDateOf, type LocalDate } from '../core/local-date.js';
import type { Actor } from '../core/policies.js';
import type { TrailEntry } from '../core/types.js';
import type { Services } from './ports.js';
import { staleQualityRecordError, storedVersionOf } from './quality-conflict.js';
import type { QualityCollection } from './quality-ports.js';

/**
 * Small helpers the audit use cases share: the version stamp a write puts on a record, trail
 * entries for quality records, the stale-read check, and existence checks for the ids a request
 * names. They load and check; they never write.
 */

export type Stamp = { at: string; actorId: string };

export function stampOf(services: Services, actor: Actor): Stamp {
  return { at: services.clock.now().toISOString(), actorId: actor.id };
}

export function todayOf(services: Services): LocalDate {
  return localDateOf(services.clock.now(), services.settings.timeZone);
}

/** The fields of a new record's first version. */
export function firstVersion(stamp: Stamp) {
  return { etag: 1, createdAt: stamp.at, updatedAt: stamp.at, updatedBy: stamp.actorId };
}

/** The fields of a changed record's next version. */
export function nextVersion<Record extends { etag: number }>(record: Record, stamp: Stamp) {
  return { etag: record.etag + 1, updatedAt: stamp.at, updatedBy: stamp.actorId };
}

/** CONFLICT before any work when the client read an older version than the stored one. */
export function ensureFresh(
  collection: QualityCollection,
  record: { id: string; etag: number; updatedBy: string; updatedAt: string },
  etag: number,
): void {
  if (record.etag !== etag) throw staleQualityRecordError(collection, record.id, storedVersionOf(record));
}

export function qualityTrail(
  stamp: Stamp,
  action: string,
  subjectId: string,
  summary: string,
  details: Record<string, unknown> = {},
): Omit<TrailEntry, 'seq'> {
  return { at: stamp.at, actorId: stamp.actorId, action, procedureId: null, subjectId, summary, details };
}

/** VALIDATION naming the field when a unit id is not in the directory. */
export async function ensureUnitExists(services: Services, unitId: string | null, field = 'unitId'): Promise<void> {
  if (unitId === null) return;
  const units = await services.store.listUnits();
  if (!units.some((unit) => unit.id === unitId))
    throw new AppError('VALIDATION', `No unit with id ${unitId}.`, { field, unitId });
}

export async function ensurePeopleExist(services: Services, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const known = new Set((await services.store.listPeople()).map((person) => person.id));
  const unknown = ids.filter((candidate) => !known.has(candidate));
  if (unknown.length > 0)
    throw new AppError('VALIDATION', `Unknown people: ${unknown.join(', ')}.`, { field, ids: unknown });
}

export async function ensureProceduresExist(
  services: Services,
  ids: readonly (string | null)[],
  field: string,
): Promise<void> {
  const named = [...new Set(ids.filter((candidate): candidate is string => candidate !== null))];
  const found = await Promise.all(named.map((candidate) => services.store.getProcedure(candidate)));
  const unknown = named.filter((_candidate, index) => found[index] === undefined);
  if (unknown.length > 0)
    throw new AppError('VALIDATION', `Unknown procedures: ${unknown.join(', ')}.`, { field, ids: unknown });
}

export async function loadAudit(services: Services, auditId: string) {
  const audit = await services.quality.getAudit(auditId);
  if (!audit) throw new AppError('NOT_FOUND', `No audit with id ${auditId}.`);
  return audit;
}
