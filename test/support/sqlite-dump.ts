import Database from 'better-sqlite3';

/**
 * A SQLite database as SQL text and back, without the sqlite3 CLI: the schema objects in
 * creation order, every table's rows as INSERTs, and `PRAGMA user_version` (which the
 * migrations count from). An FTS5 table is created by its own statement and its rows inserted
 * through it (with their rowids), so SQLite rebuilds its shadow tables; those are not dumped.
 */
export function dumpDatabase(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const objects = db
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
      )
      .all() as { type: string; name: string; sql: string }[];
    const virtual = objects
      .filter((o) => o.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(o.sql))
      .map((o) => o.name);
    const isShadow = (name: string) => virtual.some((table) => name.startsWith(`${table}_`));
    const lines = ['-- SQLite dump (test/support/sqlite-dump.ts)', 'BEGIN;'];
    const tables = objects.filter((o) => o.type === 'table');
    for (const table of tables) if (!isShadow(table.name)) lines.push(`${table.sql};`);
    for (const table of [...tables.filter((t) => !isShadow(t.name)), ...sequence(db)]) {
      // Inserting rows with AUTOINCREMENT keys has filled sqlite_sequence already.
      if (table.name === 'sqlite_sequence') lines.push('DELETE FROM sqlite_sequence;');
      const statement = db.prepare(`SELECT rowid AS "rowid", * FROM "${table.name}"`);
      const columns = [
        'rowid',
        ...statement
          .columns()
          .slice(1)
          .map((column) => `"${column.name}"`),
      ].join(', ');
      for (const row of statement.raw().all() as unknown[][])
        lines.push(`INSERT INTO "${table.name}" (${columns}) VALUES (${row.map(literal).join(', ')});`);
    }
    for (const other of objects.filter((o) => o.type !== 'table')) lines.push(`${other.sql};`);
    lines.push(`PRAGMA user_version = ${db.pragma('user_version', { simple: true }) as number};`, 'COMMIT;', '');
    return lines.join('\n');
  } finally {
    db.close();
  }
}

/** sqlite_sequence (AUTOINCREMENT counters) exists only once a table uses it. */
function sequence(db: Database.Database): { name: string }[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get();
  return exists ? [{ name: 'sqlite_sequence' }] : [];
}

/** Writes a dump into a new database file (which must not exist yet). */
export function restoreDatabase(sql: string, file: string): void {
  const db = new Database(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

function literal(value: unknown): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  return `'${String(value).replaceAll("'", "''")}'`;
}
