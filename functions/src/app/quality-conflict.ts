import { AppError } from '../core/errors.js';
import type { GoalCollection } from './goal-ports.js';
import type { QualityCollection } from './quality-ports.js';

/** What a store knows about the stored version of a record when an expectation fails. */
export type StoredVersion = { etag: number; updatedBy: string | null; updatedAt: string | null };

/**
 * CONFLICT for a quality record written from a stale read (or created twice): the stored etag
 * (0 when there is no record) and who wrote it last, so the client can reload and say who.
 */
export function staleQualityRecordError(
  collection: QualityCollection | GoalCollection,
  id: string,
  stored: StoredVersion,
): AppError {
  const what =
    stored.etag === 0
      ? `no longer exists or was never stored`
      : `was written by ${stored.updatedBy ?? 'someone'} at ${stored.updatedAt ?? 'an unknown time'}`;
  return new AppError('CONFLICT', `The ${collection} record ${id} ${what} after you read it. Reload and try again.`, {
    reason: 'stale',
    collection,
    id,
    etag: stored.etag,
    updatedBy: stored.updatedBy,
    updatedAt: stored.updatedAt,
  });
}

/** The version of a record as an expectation sees it: etag 0 when there is none. */
export function storedVersionOf(
  record: { etag: number; updatedBy: string; updatedAt: string } | undefined,
): StoredVersion {
  return record
    ? { etag: record.etag, updatedBy: record.updatedBy, updatedAt: record.updatedAt }
    : { etag: 0, updatedBy: null, updatedAt: null };
}
