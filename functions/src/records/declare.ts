import type { z } from 'zod';
import type { ColumnSpec, ListSpec } from './sharepoint-columns.js';

/**
 * One declaration per record kind: its zod schema and, per field, how each store keeps it. The
 * SQLite row mapping (`sqlite.ts`), the SharePoint list and field mapping (`sharepoint.ts`), the
 * DTO base in `contract/` and the contract suites' fixtures (`sample.ts`) are derived from it.
 *
 * Field paths are typed (`FieldPath<T>`): a path that is not a field of the record, or a field of
 * a nested object such as a version's `file.sha256`, does not compile. The domain types in
 * `core/` stay; each declaration asserts at compile time that its schema infers exactly that type
 * (`Same`), so the two cannot drift.
 */

/** A top-level field, or one level into a field holding a plain object (flattened into columns). */
export type FieldPath<T> = {
  [K in keyof T & string]:
    | K
    | (NonNullable<T[K]> extends readonly unknown[]
        ? never
        : NonNullable<T[K]> extends Record<string, unknown>
          ? `${K}.${keyof NonNullable<T[K]> & string}`
          : never);
}[keyof T & string];

/** How SQLite holds a value: TEXT as it is, INTEGER as it is, JSON in TEXT, a boolean as 0/1. */
export type SqliteCodec = 'text' | 'integer' | 'json' | 'boolean';

export type SqliteColumn<T> = readonly [
  path: FieldPath<T>,
  column: string,
  codec: SqliteCodec,
  options?: {
    /** Written when the row is created, never changed by an upsert. */
    insertOnly?: boolean;
    /** SQLite assigns it (an AUTOINCREMENT key): read, never written. */
    generated?: boolean;
  },
];

export type SqliteHints<T> = {
  table: string;
  /** The columns of the primary key (the ON CONFLICT target of an upsert). */
  primaryKey: readonly string[];
  /** upsert: insert or update the row; insert: a new row only; insert-or-ignore: keep the first. */
  write: 'upsert' | 'insert' | 'insert-or-ignore';
  columns: readonly SqliteColumn<T>[];
  /**
   * Columns derived from the record on every write, for queries that should not read JSON (e.g.
   * the register's statistics): written beside the record's own columns, never read back into it.
   */
  derived?: readonly SqliteDerivedColumn<T>[];
};

export type SqliteDerivedColumn<T> = readonly [
  column: string,
  codec: Exclude<SqliteCodec, 'json'>,
  valueOf: (record: T) => string | number | boolean | null,
];

/**
 * How a list item's field holds a value. `string`: text that is never null (SharePoint stores an
 * empty text as no value; it reads back as ''). `list`: a JSON array that reads back as [] from an
 * item written before its column existed.
 */
export type SharePointCodec = 'text' | 'string' | 'number' | 'date' | 'instant' | 'json' | 'list' | 'boolean';

/**
 * A column of the record's list: bound to a field path with its codec, or `null` for a column the
 * list has but the record does not map (a SharePoint person column, a value the store derives).
 */
export type SharePointColumn<T> =
  | readonly [path: FieldPath<T>, codec: SharePointCodec, column: ColumnSpec]
  | readonly [path: null, codec: null, column: ColumnSpec];

export type SharePointHints<T> = {
  list: Omit<ListSpec, 'columns'>;
  /** Our id of the record: the value of KhKey (null for the audit trail, keyed by item id). */
  key: ((record: T) => string) | null;
  /** What a person sees as the item's Title in SharePoint. */
  title: (record: T) => string;
  columns: readonly SharePointColumn<T>[];
};

export type RecordDeclaration<T, S extends z.ZodObject = z.ZodObject> = {
  /** The record kind's name, for messages and tests. */
  kind: string;
  schema: S;
  sqlite: SqliteHints<T>;
  sharepoint: SharePointHints<T>;
  /** Fields neither store keeps as a column (e.g. the trail's `seq` on SharePoint is the item id). */
  unstored?: { sqlite?: readonly (keyof T & string)[]; sharepoint?: readonly (keyof T & string)[] };
};

/** Declares a record kind: the schema fixes the record's type, so every path is checked against it. */
export function declareRecord<S extends z.ZodObject>(
  schema: S,
  hints: Omit<RecordDeclaration<z.output<S>, S>, 'schema'>,
): RecordDeclaration<z.output<S>, S> {
  return { schema, ...hints };
}

/**
 * Compile-time equality of two record types: each is assignable to the other, so a field present
 * in one and missing in the other, or of another type, makes `Same<A, B>` false. (Assignability
 * rather than identity, so `Versioned & {...}` equals the same fields written out.)
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
