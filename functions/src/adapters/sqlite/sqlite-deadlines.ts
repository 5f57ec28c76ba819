import { deadlineKey, type DeadlineEntry, type DeadlineKind, type DeadlineWrites } from '../../app/deadline-index.js';
import { deadlineRecord } from '../../records/deadlines.js';
import type { SqliteDatabase } from './open-database.js';
import { fromRow, recordTable, toRow, writeStatement, type Row } from './record-table.js';

export type SqliteDeadlines = {
  /** Writes what a commit does to the index; call inside the commit's transaction. */
  apply(writes: DeadlineWrites): void;
  /** The stored entries with these keys (`deadlineKey`), for `deadlineWritesFor`'s carried values. */
  carried(keys: readonly string[]): Map<string, DeadlineEntry>;
  /** Every entry, or those of the kinds named. */
  list(kinds?: readonly DeadlineKind[]): DeadlineEntry[];
};

export const deadlineTable = recordTable(deadlineRecord);

/** The deadline index (app/deadline-index.ts) in the `deadlines` table, its rows derived from the declaration. */
export function createSqliteDeadlines(db: SqliteDatabase): SqliteDeadlines {
  const statements = {
    upsert: writeStatement(db, deadlineTable),
    remove: db.prepare('DELETE FROM deadlines WHERE kind = :kind AND subject_id = :subjectId'),
    one: db.prepare('SELECT * FROM deadlines WHERE kind = ? AND subject_id = ?'),
    all: db.prepare('SELECT * FROM deadlines'),
    ofKinds: db.prepare('SELECT * FROM deadlines WHERE kind IN (SELECT value FROM json_each(?))'),
  };
  return {
    apply(writes) {
      for (const ref of writes.removals) statements.remove.run({ kind: ref.kind, subjectId: ref.subjectId });
      for (const entry of writes.upserts) statements.upsert.run(toRow(deadlineTable, entry));
    },
    carried(keys) {
      const found = new Map<string, DeadlineEntry>();
      for (const key of keys) {
        const separator = key.indexOf(':');
        const row = statements.one.get(key.slice(0, separator), key.slice(separator + 1)) as Row | undefined;
        if (row) found.set(key, toEntry(row));
      }
      return found;
    },
    list(kinds) {
      const rows = (kinds ? statements.ofKinds.all(JSON.stringify(kinds)) : statements.all.all()) as Row[];
      return rows.map(toEntry);
    },
  };
}

export function toEntry(row: Row): DeadlineEntry {
  return fromRow(deadlineTable, row) as DeadlineEntry;
}

export { deadlineKey };
