import type { PersonCompetence } from './competence-types.js';
import { AppError } from './errors.js';

/**
 * The ETag of one cell of the competence matrix: a hash of what a person can change in it, so a
 * write made from a stale read is refused without a version column. 0 means "no record yet";
 * any stored record hashes to a positive 31-bit integer (FNV-1a).
 */
export function personCompetenceEtag(record: PersonCompetence | undefined): number {
  if (record === undefined) return 0;
  // A frozen record cannot change, so its hash is kept (the SQLite store hands out the same frozen
  // records until the database changes; the matrix hashes ~20,000 of them per request).
  if (!Object.isFrozen(record) || (record.evidence !== null && !Object.isFrozen(record.evidence)))
    return hashRecord(record);
  let etag = frozenEtags.get(record);
  if (etag === undefined) {
    etag = hashRecord(record);
    frozenEtags.set(record, etag);
  }
  return etag;
}

const frozenEtags = new WeakMap<PersonCompetence, number>();

function hashRecord(record: PersonCompetence): number {
  const content = JSON.stringify([
    record.level,
    record.evidence,
    record.validUntil,
    record.assessment,
    record.confirmedBy,
  ]);
  let hash = 0x811c9dc5;
  for (let index = 0; index < content.length; index++) {
    hash ^= content.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 1 || 1;
}

/** CONFLICT for a matrix cell written from a stale read; `currentEtag` lets the client reload. */
export function staleCompetenceError(currentEtag: number): AppError {
  return new AppError('CONFLICT', 'The level was changed by someone else after you read it. Reload and try again.', {
    reason: 'stale',
    currentEtag,
  });
}
