import {
  staleFokusRecordError,
  type FokusChangeSet,
  type FokusCollection,
  type FokusStore,
} from '../../app/fokus-ports.js';
import { storedVersionOf } from '../../app/quality-conflict.js';
import type { EvaluationRound, UnitEvaluation } from '../../core/fokus-types.js';
import { standardsChoiceId, type StandardsChoice } from '../../core/standards.js';
import { evaluationRoundRecord, standardsChoiceRecord, unitEvaluationRecord } from '../../records/fokus.js';
import type { GraphClient } from './graph-client.js';
import { literal, openListRepository, type ListWrite } from './sharepoint-list-repository.js';
import { fieldOf, fromFields, mappingOf, trailMapping, type RecordMapping } from './sharepoint-records.js';

type Versioned = { id: string; etag: number; updatedBy: string; updatedAt: string };
const mappings = {
  rounds: mappingOf(evaluationRoundRecord),
  unitEvaluations: mappingOf(unitEvaluationRecord),
  standardsChoice: mappingOf(standardsChoiceRecord),
} as unknown as Record<FokusCollection, RecordMapping<Versioned>>;

/**
 * The FokusStore port on SharePoint lists (`fokusLists`), written through the one list
 * repository like the quality year's: the records named in `expect` are guarded writes
 * (If-Match, undone on a lost race), the trail entries appended last.
 */
export async function openSharePointFokusStore(graph: GraphClient, siteId: string): Promise<FokusStore> {
  const lists = await openListRepository(graph, siteId, [
    ...Object.values(mappings).map((mapping) => mapping.list),
    trailMapping.list,
  ]);
  async function read<T>(collection: FokusCollection, filter?: string): Promise<T[]> {
    const items = await lists.filter(mappings[collection], filter);
    return items.map((item) => fromFields(mappings[collection], item.fields) as unknown as T);
  }
  return {
    async listRounds() {
      const rounds = await read<EvaluationRound>('rounds');
      return rounds.sort((a, b) => a.year - b.year || byText(a.name, b.name) || byText(a.id, b.id));
    },
    getRound: (id) => lists.get(mappings.rounds, id) as Promise<EvaluationRound | undefined>,
    async listUnitEvaluations(filter) {
      const evaluations = await read<UnitEvaluation>(
        'unitEvaluations',
        filter?.roundId === undefined
          ? undefined
          : `fields/${fieldOf(mappings.unitEvaluations, 'roundKey')} eq ${literal(filter.roundId)}`,
      );
      return evaluations.sort((a, b) => byText(a.roundId, b.roundId) || byText(a.unitId, b.unitId));
    },
    getStandardsChoice: () =>
      lists.get(mappings.standardsChoice, standardsChoiceId) as Promise<StandardsChoice | undefined>,
    async commit(changes: FokusChangeSet) {
      const expected = changes.expect ?? [];
      const writes: ListWrite[] = [];
      for (const collection of Object.keys(mappings) as FokusCollection[])
        for (const record of (changes[collection] ?? []) as Versioned[])
          writes.push({
            kind: 'upsert',
            mapping: mappings[collection],
            record,
            guard: expected.some((entry) => entry.collection === collection && entry.id === record.id),
          });
      for (const entry of changes.trail ?? []) writes.push({ kind: 'append', mapping: trailMapping, record: entry });
      await lists.commit(writes, {
        check(found) {
          for (const entry of expected) {
            const stored = storedVersionOf(found.record(mappings[entry.collection], entry.id));
            if (stored.etag !== entry.etag) throw staleFokusRecordError(entry.collection, entry.id, stored);
          }
        },
        async lostRace(write) {
          const collection = (Object.keys(mappings) as FokusCollection[]).find(
            (candidate) => 'mapping' in write && mappings[candidate] === write.mapping,
          )!;
          const id = 'key' in write && write.key !== undefined ? write.key : (write as { record: Versioned }).record.id;
          return staleFokusRecordError(
            collection,
            id,
            storedVersionOf((await lists.get(mappings[collection], id)) as Versioned | undefined),
          );
        },
      });
    },
  };
}

/** Code-point order, as SQLite's ORDER BY on text sorts. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
