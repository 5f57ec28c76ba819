import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../core/local-date.js';
import { canBeAnswered } from '../../core/register-rules.js';
import { registerStatistics, type StatisticsRow } from '../../core/register-statistics.js';
import type { RegisterItem } from '../../core/register-types.js';
import { registerItemRecord } from '../../records/register.js';
import { demoRegisterItems, demoRegisterSettings } from '../../seed/demo-register.js';
import { migrations } from './migrations.js';
import { openDatabase, type SqliteDatabase } from './open-database.js';
import { recordTable, toRow } from './record-table.js';
import { createSqliteRegisterStore } from './sqlite-register-store.js';

/**
 * The register's statistics read plain columns derived on every write (records/register.ts
 * `derived`), grouped by SQLite: the result must equal the statistics of the items themselves.
 */

const today = '2026-12-06' as LocalDate;
const from = '2025-12-01' as LocalDate;

/** What the statistics need of an item, straight from the record (the reference). */
const rowOf = (item: RegisterItem): StatisticsRow => ({
  kind: item.kind,
  channel: item.channel,
  status: item.status,
  categoryId: item.categoryId,
  rootCauseCategoryId: item.rootCauseCategoryId,
  unitId: item.unitIds[0] ?? null,
  receivedOn: item.receivedOn,
  isAnswerable: canBeAnswered(item),
  replyDueOn: item.replyDueOn,
  isReplyLate: item.reply?.isLate ?? null,
});

const demoItems = () => demoRegisterItems(today, demoRegisterSettings('2026-12-06T06:00:00.000Z'));

let dir: string;
let db: SqliteDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'register-statistics-'));
});
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite register statistics rows', () => {
  it('give the same statistics as the items, with identical items grouped into one row', async () => {
    db = openDatabase(join(dir, 'db.sqlite'));
    const store = createSqliteRegisterStore(db);
    const demo = demoItems();
    // Every demo item three times: the copies group with their original.
    const items = [0, 1, 2].flatMap((copy) =>
      demo.map((item) => ({
        ...item,
        id: `${item.id}-${copy}`,
        receiptNumber: `${item.receiptNumber}-${copy}`,
        statusTokenHash: null,
      })),
    );
    await store.commit({ items });

    const rows = await store.statisticsRows(today);
    expect(rows.reduce((sum, row) => sum + (row.count ?? 1), 0)).toBe(items.length);
    expect(rows.length).toBeLessThanOrEqual(demo.length);
    expect(registerStatistics(rows, from, today)).toEqual(registerStatistics(items.map(rowOf), from, today));
  });

  it('keep the derived columns up to date when an item is rewritten', async () => {
    db = openDatabase(join(dir, 'db.sqlite'));
    const store = createSqliteRegisterStore(db);
    const item = demoItems().find((candidate) => candidate.contact?.email && candidate.reply === null)!;
    expect(item).toBeDefined();
    await store.commit({ items: [item] });
    expect(await store.statisticsRows(today)).toEqual([{ ...rowOf(item), isReplyLate: null, count: 1 }]);

    const answered: RegisterItem = {
      ...item,
      unitIds: ['other-unit', ...item.unitIds],
      replyDueOn: null,
      reply: { text: 'Svar', sentAt: '2026-12-01T10:00:00.000Z', sentBy: 'anne', deliveredBy: 'email', isLate: true },
      contact: null,
      reportedBy: null,
    };
    await store.commit({ items: [answered] });
    expect(await store.statisticsRows(today)).toEqual([
      { ...rowOf(item), unitId: 'other-unit', replyDueOn: null, isAnswerable: false, isReplyLate: true, count: 1 },
    ]);
  });

  it('are backfilled by the migration for items written before the columns existed', async () => {
    const file = join(dir, 'db.sqlite');
    // A database as the previous build left it: every migration but the statistics one applied.
    const old = new Database(file);
    const statisticsMigration = migrations.findIndex((sql) => sql.includes('register_items_statistics'));
    expect(statisticsMigration).toBeGreaterThan(0);
    old.pragma('synchronous = OFF');
    old.transaction(() => {
      for (const sql of migrations.slice(0, statisticsMigration)) old.exec(sql);
    })();
    old.pragma(`user_version = ${statisticsMigration}`);
    const table = recordTable(registerItemRecord);
    const columns = table.columns.map((column) => column.column);
    const insert = old.prepare(
      `INSERT INTO register_items (${columns.join(', ')}) VALUES (${columns.map((column) => `:${column}`).join(', ')})`,
    );
    const items = demoItems();
    for (const item of items) {
      const row = toRow(table, item);
      for (const derived of table.derived) delete row[derived.column];
      insert.run(row);
    }
    old.close();

    db = openDatabase(file);
    const rows = await createSqliteRegisterStore(db).statisticsRows(today);
    expect(registerStatistics(rows, from, today)).toEqual(registerStatistics(items.map(rowOf), from, today));
  });
});
