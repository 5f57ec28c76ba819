import type { Statement } from 'better-sqlite3';
import type { RecordDeclaration, SqliteCodec } from '../../records/declare.js';
import type { SqliteDatabase } from './open-database.js';

/**
 * A record kind's table, derived from its declaration (`functions/src/records/`): rows to
 * records and back, and the statement that writes one. Nothing else in the adapter names a
 * record's columns one by one; queries name the columns they filter and sort on.
 */

export type Row = Record<string, unknown>;

type Column = { path: readonly string[]; column: string; codec: SqliteCodec; insertOnly: boolean; generated: boolean };

type DerivedColumn<T> = { column: string; codec: SqliteCodec; valueOf: (record: T) => unknown };

export type RecordTable<T> = {
  name: string;
  columns: readonly Column[];
  /** Written from the record on every write, never read into it (`sqlite.derived`). */
  derived: readonly DerivedColumn<T>[];
  /** The columns, comma-separated, in declaration order (for SELECTs read as arrays). */
  columnList: string;
  declaration: RecordDeclaration<T>;
};

export function recordTable<T>(declaration: RecordDeclaration<T>): RecordTable<T> {
  const columns = declaration.sqlite.columns.map(([path, column, codec, options]) => ({
    path: (path as string).split('.'),
    column,
    codec,
    insertOnly: options?.insertOnly ?? false,
    generated: options?.generated ?? false,
  }));
  const derived = (declaration.sqlite.derived ?? []).map(([column, codec, valueOf]) => ({ column, codec, valueOf }));
  return {
    name: declaration.sqlite.table,
    columns,
    derived,
    columnList: columns.map((column) => column.column).join(', '),
    declaration,
  };
}

/** The row's parameters for the write statement: one per written column, named by the column. */
export function toRow<T>(table: RecordTable<T>, record: T): Row {
  const row: Row = {};
  for (const { path, column, codec, generated } of table.columns) {
    if (generated) continue;
    const value = path.reduce<unknown>((parent, part) => (parent as Row | null | undefined)?.[part], record);
    row[column] = encode(codec, value);
  }
  for (const { column, codec, valueOf } of table.derived) row[column] = encode(codec, valueOf(record));
  return row;
}

export function fromRow<T>(table: RecordTable<T>, row: Row): T {
  return fromValues(table, (column) => row[column.column]);
}

/** A row read as an array (`.raw()`), its values in `columnList` order: a third faster for big reads. */
export function fromRawRow<T>(table: RecordTable<T>, values: readonly unknown[]): T {
  return fromValues(table, (_column, index) => values[index]);
}

function fromValues<T>(table: RecordTable<T>, valueOf: (column: Column, index: number) => unknown): T {
  const record: Row = {};
  table.columns.forEach((column, index) => {
    let target = record;
    for (const part of column.path.slice(0, -1)) target = (target[part] ??= {}) as Row;
    target[column.path.at(-1)!] = decode(column.codec, valueOf(column, index) ?? null);
  });
  return record as T;
}

function encode(codec: SqliteCodec, value: unknown): unknown {
  if (value === undefined || value === null) return codec === 'boolean' ? 0 : null;
  if (codec === 'json') return JSON.stringify(value);
  if (codec === 'boolean') return value ? 1 : 0;
  return value;
}

function decode(codec: SqliteCodec, value: unknown): unknown {
  if (codec === 'boolean') return value === 1;
  if (value === null) return null;
  if (codec === 'json') return JSON.parse(value as string);
  return value;
}

/** The statement that writes one record, as the declaration's write mode says. */
export function writeStatement<T>(db: SqliteDatabase, table: RecordTable<T>): Statement {
  const written = [
    ...table.columns.filter((column) => !column.generated).map((column) => column.column),
    ...table.derived.map((column) => column.column),
  ];
  const insert = `INTO ${table.name} (${written.join(', ')}) VALUES (${written.map((column) => `:${column}`).join(', ')})`;
  const { write, primaryKey } = table.declaration.sqlite;
  if (write === 'insert') return db.prepare(`INSERT ${insert}`);
  if (write === 'insert-or-ignore') return db.prepare(`INSERT OR IGNORE ${insert}`);
  const updates = [
    ...table.columns.filter((column) => !column.generated && !column.insertOnly && !primaryKey.includes(column.column)),
    ...table.derived,
  ].map(({ column }) => `${column} = excluded.${column}`);
  return db.prepare(`INSERT ${insert} ON CONFLICT(${primaryKey.join(', ')}) DO UPDATE SET ${updates.join(', ')}`);
}
