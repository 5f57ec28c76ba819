import type { Database as SqliteDatabase } from 'better-sqlite3';
import { deadlineKey, type DeadlineEntry, type DeadlineKind, type DeadlineWrites } from '../../app/deadline-index.js';
import type { LocalDate } from '../../core/local-date.js';

type Row = Record<string, unknown>;

export type SqliteDeadlines = {
  /** Writes what a commit does to the index; call inside the commit's transaction. */
  apply(writes: DeadlineWrites): void;
  /** The stored entries with these keys (`deadlineKey`), for `deadlineWritesFor`'s carried values. */
  carried(keys: readonly string[]): Map<string, DeadlineEntry>;
  /** Every entry, or those of the kinds named. */
  list(kinds?: readonly DeadlineKind[]): DeadlineEntry[];
};

/** The deadline index (app/deadline-index.ts) in the `deadlines` table. */
export function createSqliteDeadlines(db: SqliteDatabase): SqliteDeadlines {
  const statements = {
    upsert: db.prepare(
      `INSERT OR REPLACE INTO deadlines (kind, subject_id, due_on, responsible_id, unit_id, details)
       VALUES (:kind, :subjectId, :dueOn, :responsibleId, :unitId, :details)`,
    ),
    remove: db.prepare('DELETE FROM deadlines WHERE kind = :kind AND subject_id = :subjectId'),
    one: db.prepare('SELECT * FROM deadlines WHERE kind = ? AND subject_id = ?'),
    all: db.prepare('SELECT * FROM deadlines'),
    ofKinds: db.prepare('SELECT * FROM deadlines WHERE kind IN (SELECT value FROM json_each(?))'),
  };
  return {
    apply(writes) {
      for (const ref of writes.removals) statements.remove.run({ kind: ref.kind, subjectId: ref.subjectId });
      for (const entry of writes.upserts) statements.upsert.run({ ...entry, details: JSON.stringify(entry.details) });
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
  return {
    kind: row['kind'] as DeadlineKind,
    subjectId: row['subject_id'] as string,
    dueOn: (row['due_on'] as LocalDate | null) ?? null,
    responsibleId: (row['responsible_id'] as string | null) ?? null,
    unitId: (row['unit_id'] as string | null) ?? null,
    details: JSON.parse(row['details'] as string) as never,
  } as DeadlineEntry;
}

export { deadlineKey };
