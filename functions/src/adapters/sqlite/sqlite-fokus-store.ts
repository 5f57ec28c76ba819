import {
  staleFokusRecordError,
  type FokusChangeSet,
  type FokusCollection,
  type FokusStore,
} from '../../app/fokus-ports.js';
import { evaluationRoundRecord, standardsChoiceRecord, unitEvaluationRecord } from '../../records/fokus.js';
import type { SqliteDatabase } from './open-database.js';
import { fromRow, recordTable, toRow, writeStatement, type RecordTable, type Row } from './record-table.js';
import { insertTrailStatement, trailRow } from './sqlite-store.js';

const tables = {
  rounds: recordTable(evaluationRoundRecord),
  unitEvaluations: recordTable(unitEvaluationRecord),
  standardsChoice: recordTable(standardsChoiceRecord),
};

/** The FokusStore port in the embedded database: a commit in one transaction with its trail. */
export function createSqliteFokusStore(db: SqliteDatabase): FokusStore {
  const statements = {
    rounds: db.prepare('SELECT * FROM fokus_rounds ORDER BY year, name, id'),
    round: db.prepare('SELECT * FROM fokus_rounds WHERE id = ?'),
    evaluations: db.prepare('SELECT * FROM fokus_unit_evaluations ORDER BY round_id, unit_id'),
    evaluationsOfRound: db.prepare('SELECT * FROM fokus_unit_evaluations WHERE round_id = ? ORDER BY unit_id'),
    standards: db.prepare("SELECT * FROM management_standards WHERE id = 'standards'"),
    insertTrail: insertTrailStatement(db),
  };
  const versionOf = Object.fromEntries(
    Object.entries(tables).map(([collection, table]) => [
      collection,
      db.prepare(`SELECT etag, updated_by, updated_at FROM ${table.name} WHERE id = ?`),
    ]),
  ) as Record<FokusCollection, ReturnType<SqliteDatabase['prepare']>>;
  const upserts = Object.fromEntries(
    Object.entries(tables).map(([collection, table]) => [
      collection,
      writeStatement(db, table as RecordTable<unknown>),
    ]),
  ) as Record<FokusCollection, ReturnType<SqliteDatabase['prepare']>>;

  const commitTransaction = db.transaction((changes: FokusChangeSet) => {
    for (const expected of changes.expect ?? []) {
      const row = versionOf[expected.collection].get(expected.id) as Row | undefined;
      const etag = (row?.['etag'] as number | undefined) ?? 0;
      if (etag !== expected.etag)
        throw staleFokusRecordError(expected.collection, expected.id, {
          etag,
          updatedBy: (row?.['updated_by'] as string | undefined) ?? null,
          updatedAt: (row?.['updated_at'] as string | undefined) ?? null,
        });
    }
    for (const collection of Object.keys(tables) as FokusCollection[])
      for (const record of changes[collection] ?? [])
        upserts[collection].run(toRow(tables[collection] as RecordTable<unknown>, record));
    for (const entry of changes.trail ?? []) statements.insertTrail.run(trailRow(entry));
  });

  return {
    async listRounds() {
      return (statements.rounds.all() as Row[]).map((row) => fromRow(tables.rounds, row));
    },
    async getRound(id) {
      const row = statements.round.get(id) as Row | undefined;
      return row === undefined ? undefined : fromRow(tables.rounds, row);
    },
    async listUnitEvaluations(filter) {
      const rows =
        filter?.roundId === undefined
          ? statements.evaluations.all()
          : statements.evaluationsOfRound.all(filter.roundId);
      return (rows as Row[]).map((row) => fromRow(tables.unitEvaluations, row));
    },
    async getStandardsChoice() {
      const row = statements.standards.get() as Row | undefined;
      return row === undefined ? undefined : fromRow(tables.standardsChoice, row);
    },
    async commit(changes) {
      commitTransaction(changes);
    },
  };
}
