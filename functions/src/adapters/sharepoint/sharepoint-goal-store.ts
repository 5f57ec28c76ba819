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
import { literal, openListRepository, type ListWrite } from './sharepoint-list-repository.js';
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
 * writes; cases and the other records are upserted; trail entries appended last. Limit: an
 * import of N cases is N list writes (batched by the repository), so large exports are slow on
 * SharePoint; SQLite takes 20,000 in one transaction.
 */
type Versioned = { id: string; etag: number; updatedBy: string; updatedAt: string };

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
      await lists.commit(writes, {
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
      });
    },
  };
}

/** Code-point order, as SQLite's ORDER BY on text sorts. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
