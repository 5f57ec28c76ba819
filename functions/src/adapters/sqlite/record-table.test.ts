import { describe, expect, it } from 'vitest';
import { allRecords } from '../../records/index.js';
import { openDatabase } from './open-database.js';
import { recordTable } from './record-table.js';

/** What SQLite type a codec needs: JSON and text in TEXT, numbers and booleans in INTEGER. */
const typeOfCodec = { text: 'TEXT', json: 'TEXT', integer: 'INTEGER', boolean: 'INTEGER' } as const;

describe('the migrations match the record declarations', () => {
  const db = openDatabase(':memory:');
  const columnsOf = (table: string) =>
    new Map(
      (db.pragma(`table_info(${table})`) as { name: string; type: string; pk: number }[]).map((column) => [
        column.name,
        column,
      ]),
    );

  it.each(allRecords.map((declaration) => [declaration.kind, declaration] as const))(
    '%s: every declared column exists with a compatible type, and the primary key is the declared one',
    (_kind, declaration) => {
      const table = recordTable(declaration);
      const existing = columnsOf(table.name);
      expect(existing.size, `table ${table.name}`).toBeGreaterThan(0);
      for (const column of table.columns) {
        const found = existing.get(column.column);
        expect(found, `${table.name}.${column.column}`).toBeDefined();
        expect(found!.type, `${table.name}.${column.column}`).toBe(typeOfCodec[column.codec]);
      }
      for (const column of table.derived) {
        expect(existing.get(column.column)?.type, `${table.name}.${column.column} (derived)`).toBe(
          typeOfCodec[column.codec],
        );
      }
      const primaryKey = [...existing.values()]
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name);
      expect(primaryKey).toEqual(declaration.sqlite.primaryKey);
    },
  );

  it.each(allRecords.map((declaration) => [declaration.kind, declaration] as const))(
    '%s: every field of the schema is stored by both stores (or said not to be)',
    (_kind, declaration) => {
      const fields = Object.keys(declaration.schema.shape);
      const covered = (paths: readonly (string | null)[], field: string) =>
        paths.some((path) => path === field || path?.startsWith(`${field}.`));
      const sqlitePaths = declaration.sqlite.columns.map(([path]) => path as string);
      const sharePointPaths = declaration.sharepoint.columns.map(([path]) => path as string | null);
      for (const field of fields) {
        if (!(declaration.unstored?.sqlite as readonly string[] | undefined)?.includes(field))
          expect(covered(sqlitePaths, field), `${declaration.kind}.${field} in SQLite`).toBe(true);
        if (!(declaration.unstored?.sharepoint as readonly string[] | undefined)?.includes(field))
          expect(covered(sharePointPaths, field), `${declaration.kind}.${field} on SharePoint`).toBe(true);
      }
      // And nothing is declared twice.
      expect(new Set(sqlitePaths).size).toBe(sqlitePaths.length);
      const bound = sharePointPaths.filter((path) => path !== null);
      expect(new Set(bound).size).toBe(bound.length);
    },
  );
});
