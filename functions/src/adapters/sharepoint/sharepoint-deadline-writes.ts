import { deadlineKey, type DeadlineEntry, type DeadlineWrites } from '../../app/deadline-index.js';
import type { Found, ListWrite } from './sharepoint-list-repository.js';
import { deadlineMapping } from './sharepoint-records.js';

/**
 * The deadline index (app/deadline-index.ts) on SharePoint, as writes of the stores' own commit
 * through the list repository: its entries are looked up in the commit's one `$batch` of KhKey
 * lookups (step 1), and written as keyed upserts and deletes beside the records (step 4), so an
 * index entry costs sub-requests in envelopes the commit sends anyway, not requests of its own.
 */

/** The (list, key) lookups the commit adds for its index entries and the carried values. */
export function deadlineLookups(
  writesWithoutCarry: DeadlineWrites,
  keysToCarry: readonly string[],
): { mapping: typeof deadlineMapping; key: string }[] {
  const keys = new Set([
    ...keysToCarry,
    ...writesWithoutCarry.upserts.map(deadlineKey),
    ...writesWithoutCarry.removals.map(deadlineKey),
  ]);
  return [...keys].map((key) => ({ mapping: deadlineMapping, key }));
}

/** The stored entries `deadlineWritesFor` carries values from, out of what step 1 found. */
export function carriedDeadlines(found: Found, keys: readonly string[]): Map<string, DeadlineEntry> {
  const carried = new Map<string, DeadlineEntry>();
  for (const key of keys) {
    const entry = found.record(deadlineMapping, key);
    if (entry) carried.set(key, entry);
  }
  return carried;
}

/** The commit's writes of the index: upserts and deletes keyed by kind and subject. */
export function deadlineListWrites({ upserts, removals }: DeadlineWrites): ListWrite[] {
  return [
    ...upserts.map((record): ListWrite => ({ kind: 'upsert', mapping: deadlineMapping, record })),
    ...removals.map((ref): ListWrite => ({ kind: 'delete', mapping: deadlineMapping, key: deadlineKey(ref) })),
  ];
}
