import type { GoalChangeSet, GoalStore, VersionedGoalCollection } from '../../app/goal-ports.js';
import { staleQualityRecordError } from '../../app/quality-conflict.js';
import { caseRecordRecord, caseSourceRecord, goalRecord, qualityPolicyRecord } from '../../records/goals.js';
import type { SqliteDatabase } from './open-database.js';
import { insertTrailStatement, trailRow } from './sqlite-store.js';
import { fromRawRow, fromRow, recordTable, toRow, writeStatement, type RecordTable, type Row } from './record-table.js';

const qualityPolicies = recordTable(qualityPolicyRecord);
const goals = recordTable(goalRecord);
const caseSources = recordTable(caseSourceRecord);
const caseRecords = recordTable(caseRecordRecord);

const versionedTables = { qualityPolicies, goals, caseSources } satisfies Record<
  VersionedGoalCollection,
  { name: string }
>;

/**
 * Quality policy, goals and case data in the embedded database: one table per collection, a
 * commit in one transaction with its trail entries. Cases are read as raw rows: a quarter of a
 * million of them is a normal two-year export of a large municipality.
 */
export function createSqliteGoalStore(db: SqliteDatabase): GoalStore {
  const statements = {
    policy: db.prepare(`SELECT * FROM ${qualityPolicies.name} WHERE id = ?`),
    goals: db.prepare(`SELECT * FROM ${goals.name} ORDER BY title, id`),
    goal: db.prepare(`SELECT * FROM ${goals.name} WHERE id = ?`),
    sources: db.prepare(`SELECT * FROM ${caseSources.name} ORDER BY name, id`),
    source: db.prepare(`SELECT * FROM ${caseSources.name} WHERE id = ?`),
    cases: db.prepare(`SELECT ${caseRecords.columnList} FROM ${caseRecords.name} ORDER BY id`).raw(),
    casesOfSource: db
      .prepare(`SELECT ${caseRecords.columnList} FROM ${caseRecords.name} WHERE source_id = ? ORDER BY id`)
      .raw(),
    insertTrail: insertTrailStatement(db),
  };
  const versionOf = Object.fromEntries(
    Object.entries(versionedTables).map(([collection, table]) => [
      collection,
      db.prepare(`SELECT etag, updated_by, updated_at FROM ${table.name} WHERE id = ?`),
    ]),
  ) as Record<VersionedGoalCollection, ReturnType<SqliteDatabase['prepare']>>;
  const upserts = {
    qualityPolicies: writeStatement(db, qualityPolicies),
    goals: writeStatement(db, goals),
    caseSources: writeStatement(db, caseSources),
    caseRecords: writeStatement(db, caseRecords),
  };
  const tables = { qualityPolicies, goals, caseSources, caseRecords };

  const commitTransaction = db.transaction((changes: GoalChangeSet) => {
    for (const expected of changes.expect ?? []) {
      const row = versionOf[expected.collection].get(expected.id) as Row | undefined;
      const etag = (row?.['etag'] as number | undefined) ?? 0;
      if (etag !== expected.etag)
        throw staleQualityRecordError(expected.collection, expected.id, {
          etag,
          updatedBy: (row?.['updated_by'] as string | undefined) ?? null,
          updatedAt: (row?.['updated_at'] as string | undefined) ?? null,
        });
    }
    for (const collection of Object.keys(tables) as (keyof typeof tables)[]) {
      const table = tables[collection] as RecordTable<unknown>;
      for (const record of changes[collection] ?? []) upserts[collection].run(toRow(table, record));
    }
    for (const entry of changes.trail ?? []) statements.insertTrail.run(trailRow(entry));
  });

  const one = <T>(table: RecordTable<T>, row: unknown) => (row === undefined ? undefined : fromRow(table, row as Row));

  return {
    async getQualityPolicy(id) {
      return one(qualityPolicies, statements.policy.get(id));
    },
    async listGoals() {
      return (statements.goals.all() as Row[]).map((row) => fromRow(goals, row));
    },
    async getGoal(id) {
      return one(goals, statements.goal.get(id));
    },
    async listCaseSources() {
      return (statements.sources.all() as Row[]).map((row) => fromRow(caseSources, row));
    },
    async getCaseSource(id) {
      return one(caseSources, statements.source.get(id));
    },
    async listCaseRecords(filter) {
      const rows = (
        filter?.sourceId === undefined ? statements.cases.all() : statements.casesOfSource.all(filter.sourceId)
      ) as unknown[][];
      return rows.map((values) => fromRawRow(caseRecords, values));
    },
    async commit(changes) {
      commitTransaction(changes);
    },
  };
}
