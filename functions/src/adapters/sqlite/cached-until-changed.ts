import type { SqliteDatabase } from './open-database.js';

/**
 * Reads that are asked for on every request but rarely change (the directory of people and
 * units, the register's settings) are kept until their tables change. Triggers (migrations.ts)
 * count every insert, update and delete of each group of tables in `change_counts`, whichever
 * connection or code path writes, so one read of a counter tells whether the kept value holds.
 */
export type ChangeGroup = 'directory' | 'register-settings';

/**
 * `load` once per change of `group`; every call returns the value kept since. Inside a
 * transaction the rows read may still be rolled back, so nothing is kept there. The value is
 * frozen: callers share it.
 */
export function cachedUntilChanged<T>(db: SqliteDatabase, group: ChangeGroup, load: () => T): () => T {
  const countOf = db.prepare('SELECT count FROM change_counts WHERE name = ?').pluck();
  let kept: { count: unknown; value: T } | undefined;
  return () => {
    if (db.inTransaction) return deepFreeze(load());
    const count = countOf.get(group);
    if (kept === undefined || kept.count !== count) kept = { count, value: deepFreeze(load()) };
    return kept.value;
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
