import {
  goalCollections,
  type GoalChangeSet,
  type GoalCollection,
  type GoalStore,
  type VersionedGoalCollection,
} from '../../app/goal-ports.js';
import { staleQualityRecordError, storedVersionOf } from '../../app/quality-conflict.js';
import type { CaseRecord, CaseSource, Goal } from '../../core/goal-types.js';
import type { GraphClient } from './graph-client.js';
import {
  keyOfWrite,
  literal,
  openListRepository,
  type AnyMapping,
  type CommitOptions,
  type Found,
  type ListWrite,
  type StoredItem,
} from './sharepoint-list-repository.js';
import {
  caseRecordMapping,
  caseSourceMapping,
  fieldOf,
  fromFields,
  goalMapping,
  qualityPolicyMapping,
  trailMapping,
  type RecordMapping,
} from './sharepoint-records.js';

/**
 * The GoalStore port on SharePoint lists, written through the one list repository (see its
 * header for the commit algorithm and its limits): records named in `expect` are guarded
 * writes; cases and the other records are upserted; trail entries appended last.
 *
 * A case import (20,000 cases is a normal export) is N list writes, sent as JSON batching
 * `$batch` envelopes of at most 20 sub-requests each (graph-client.ts `batchLimit`, Microsoft's
 * limit): 1,000 envelopes for 20,000 cases, one after the other. Which items exist is read ONCE
 * per source (`KhSourceKey eq …`, indexed, in Graph's pages: 100 of 200 items for 20,000) instead of a KhKey lookup per case once the
 * import has more than `sourceReadFrom` cases: 20,000 lookups would be another 1,000 envelopes.
 *
 * All or nothing, as far as SharePoint allows: it has no transaction across items. Every row is
 * validated before anything is sent (app/import-cases.ts), and the trail entry goes last, so a
 * failed import leaves no "imported" entry. If an envelope still fails (a sub-request throttled
 * past its retries, a lost connection), the envelopes sent before it stay written, the commit
 * throws the first failure, and the cases of that import are partly new and partly old until
 * the same file is imported again: every case is an upsert keyed by KhKey `source:case id`
 * (unique), so the re-import updates what the failed one wrote and creates the rest, never a
 * duplicate, and writes the trail entry. Until then the figures (and the sweep's measurement)
 * count the mix; SQLite takes the same 20,000 in one transaction.
 */
type Versioned = { id: string; etag: number; updatedBy: string; updatedAt: string };

/** From this many cases in one commit, the source's items are read in pages instead of looked up one by one. */
export const sourceReadFrom = 200;

const mappings = {
  qualityPolicies: qualityPolicyMapping,
  goals: goalMapping,
  caseSources: caseSourceMapping,
  caseRecords: caseRecordMapping,
} as unknown as Record<GoalCollection, RecordMapping<Versioned>>;

export async function openSharePointGoalStore(graph: GraphClient, siteId: string): Promise<GoalStore> {
  const lists = await openListRepository(graph, siteId, [
    ...goalCollections.map((collection) => mappings[collection].list),
    trailMapping.list,
  ]);

  async function read<T>(collection: GoalCollection, filter?: string): Promise<T[]> {
    const items = await lists.filter(mappings[collection], filter);
    return items.map((item) => fromFields(mappings[collection], item.fields) as unknown as T);
  }
  const get = <T>(collection: GoalCollection, id: string) =>
    lists.get(mappings[collection], id) as Promise<T | undefined>;

  return {
    getQualityPolicy: (id) => get('qualityPolicies', id),
    async listGoals() {
      const goals = await read<Goal>('goals');
      return goals.sort((a, b) => byText(a.title, b.title) || byText(a.id, b.id));
    },
    getGoal: (id) => get('goals', id),
    async listCaseSources() {
      const sources = await read<CaseSource>('caseSources');
      return sources.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
    },
    getCaseSource: (id) => get('caseSources', id),
    async listCaseRecords(filter) {
      const cases = await read<CaseRecord>(
        'caseRecords',
        filter?.sourceId === undefined
          ? undefined
          : `fields/${fieldOf(caseRecordMapping, 'sourceKey')} eq ${literal(filter.sourceId)}`,
      );
      return cases.sort((a, b) => byText(a.id, b.id));
    },
    async commit(changes: GoalChangeSet) {
      const expected = changes.expect ?? [];
      const cases = changes.caseRecords ?? [];
      const isExpected = (collection: GoalCollection, id: string) =>
        expected.some((entry) => entry.collection === collection && entry.id === id);
      const writes: ListWrite[] = [];
      for (const collection of goalCollections)
        for (const record of (changes[collection] ?? []) as Versioned[])
          writes.push({
            kind: 'upsert',
            mapping: mappings[collection],
            record,
            guard: isExpected(collection, record.id),
          });
      for (const entry of expected)
        if (!(changes[entry.collection] ?? []).some((record) => record.id === entry.id))
          writes.push({
            kind: 'fence',
            mapping: mappings[entry.collection],
            key: entry.id,
            fields: { [fieldOf(mappings[entry.collection], 'etag')]: entry.etag },
          });
      for (const entry of changes.trail ?? []) writes.push({ kind: 'append', mapping: trailMapping, record: entry });
      const options: CommitOptions = {
        check(found) {
          for (const entry of expected) {
            const stored = storedVersionOf(found.record(mappings[entry.collection], entry.id));
            if (stored.etag !== entry.etag) throw staleQualityRecordError(entry.collection, entry.id, stored);
          }
        },
        async lostRace(write) {
          const collection = goalCollections.find(
            (candidate) => mappings[candidate].list.key === write.mapping.list.key,
          ) as VersionedGoalCollection;
          const id =
            'key' in write && write.key !== undefined ? write.key : ((write as { record: Versioned }).record.id ?? '');
          return staleQualityRecordError(collection, id, storedVersionOf(await get<Versioned>(collection, id)));
        },
      };
      if (cases.length <= sourceReadFrom) return lists.commit(writes, options);
      // A large import: the cases' items of each source in one paged read, the rest looked up by key.
      const found = await lists.lookUp(
        writes.flatMap((write) => {
          const key = keyOfWrite(write);
          return key === undefined || write.mapping === caseRecordMapping ? [] : [{ mapping: write.mapping, key }];
        }),
      );
      const caseItems = new Map<string, StoredItem>();
      const keyField = fieldOf(caseRecordMapping, 'key');
      for (const sourceId of new Set(cases.map((record) => record.sourceId)))
        for (const item of await lists.query(caseRecordMapping, 'sourceKey', sourceId))
          caseItems.set(String(item.fields[keyField]), item);
      const isCase = (mapping: AnyMapping) => mapping.list.key === caseRecordMapping.list.key;
      const combined: Found = {
        get: (mapping, key) => (isCase(mapping) ? caseItems.get(key) : found.get(mapping, key)),
        record: (mapping, key) => {
          if (!isCase(mapping)) return found.record(mapping, key);
          const item = caseItems.get(key);
          return item ? fromFields(mapping, item.fields) : undefined;
        },
      };
      await options.check!(combined);
      await lists.write(writes, combined, options);
    },
  };
}

/** Code-point order, as SQLite's ORDER BY on text sorts. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
