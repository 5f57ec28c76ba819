// @vitest-environment jsdom
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessRequestBackfillSql,
  deadlineBackfillSql,
} from '../../functions/src/adapters/sqlite/deadline-backfill.js';
import { migrations } from '../../functions/src/adapters/sqlite/migrations.js';
import { backfillRegisterDeadlines } from '../../functions/src/adapters/sqlite/sqlite-register-store.js';
import { openDatabase, type SqliteDatabase } from '../../functions/src/adapters/sqlite/open-database.js';
import { expectValidCard } from '../../functions/src/bot/cards/test-support/validate-card.js';
import { allActions, visibleText } from '../../functions/src/bot/cards/test-support/card-query.js';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { outboxSweep } from '../support/outbox-sweep.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The one index of deadlines on SQLite: the stores write it in each commit exactly as the
 * migration fills it from records already stored, a database from before the index migrates,
 * and corrective actions are reminded of from it (7 days before, on the day, overdue, and the
 * owner's leader after 14 days), with a card to the owner when an action is assigned to them.
 */

const timeZone = 'Europe/Copenhagen';
const publicUrl = 'https://handbog.example.dk';

let server: TestServer;
let db: SqliteDatabase;
let today: LocalDate;
let sweep: ReturnType<typeof outboxSweep>;

beforeAll(async () => {
  server = await startTestServer();
  db = server.app.db;
  sweep = outboxSweep(server, { publicUrl, timeZone });
  today = localDateOf(server.app.services.clock.now(), timeZone);
  db.prepare(`INSERT INTO units (id, name, parent_id) VALUES ('handling', 'Handlingsteam', 'teknik-miljo')`).run();
  const person = db.prepare(
    `INSERT INTO people (id, name, email, title, unit_id, roles, leader_id) VALUES (?, ?, ?, ?, 'handling', ?, ?)`,
  );
  person.run('hanne-leder', 'Hanne Leder', 'hanne@k.dk', 'Teamleder', '["leader"]', 'lars-holm');
  person.run('ole-ejer', 'Ole Ejer', 'ole@k.dk', 'Sagsbehandler', '["caseworker"]', 'hanne-leder');
  person.run('pia-ny', 'Pia Ny', 'pia@k.dk', 'Sagsbehandler', '["caseworker"]', 'hanne-leder');
}, 60_000);
afterAll(async () => server?.stop());

type Row = Record<string, unknown>;
const indexRows = (database: Database.Database | SqliteDatabase): Row[] =>
  (database.prepare('SELECT * FROM deadlines ORDER BY kind, subject_id').all() as Row[]).map((row) => ({
    ...row,
    details: JSON.parse(row['details'] as string) as unknown,
  }));

const create = async (title: string) => {
  const created = await server.api.post(people.coordinator, '/corrective-actions', {
    source: { kind: 'other', title, unitId: 'handling' },
  });
  expect(created.status).toBe(201);
  return created.body as { id: string };
};
const command = (id: string, name: string, json: unknown, etag: number) =>
  server.api.post(people.coordinator, `/corrective-actions/${id}/${name}`, json, `"${etag}"`);
const plan = (ownerId: string, dueOn: LocalDate) => ({ rootCause: 'Årsag', plan: 'Plan', ownerId, dueOn });
const outboxOf = (recipientId: string) =>
  (
    db.prepare('SELECT card FROM outbox WHERE recipient_id = ? ORDER BY rowid').all(recipientId) as { card: string }[]
  ).map((row) => JSON.parse(row.card) as Record<string, unknown> & { keys?: string[] });

describe('the deadline index on SQLite', () => {
  it('is what the migration fills in from the same records (every kind, demo municipality)', () => {
    const written = indexRows(db);
    const kinds = new Set(written.map((row) => row['kind']));
    for (const kind of ['review', 'approval', 'acknowledgement', 'qualification', 'requirement', 'occurrence'])
      expect(kinds.has(kind), kind).toBe(true);
    db.transaction(() => {
      db.exec('DELETE FROM deadlines');
      db.exec(deadlineBackfillSql);
      db.exec(accessRequestBackfillSql);
    })();
    // The register's entries count working days in its calendar: a startup backfill, not SQL.
    expect(backfillRegisterDeadlines(db)).toBe(written.filter((row) => row['kind'] === 'register-reply').length);
    expect(indexRows(db)).toEqual(written);
  });

  it('a database made before the index opens, migrates and gets the same index', async () => {
    const file = join(server.dataDir, 'before-index.db');
    await db.backup(file);
    // The register came after the index (its table is undone below, so its entries go too).
    const expected = indexRows(db).filter((row) => row['kind'] !== 'register-reply');
    const old = new Database(file);
    const step = migrations.findIndex((migration) => migration.includes('CREATE TABLE deadlines'));
    expect(step).toBeGreaterThan(0);
    old.exec('DROP TABLE deadlines');
    // Later migrations are undone (the tables and columns they add), so the file is as that
    // build left it; one that does something else must be undone here by hand.
    // Newest first, and each migration's tables in reverse, so no foreign key points at a dropped table.
    for (const later of migrations.slice(step + 1).reverse()) {
      // A step that only fills the index from records (as the backfill above) needs no undoing.
      if (/^\s*INSERT OR REPLACE INTO deadlines\b[^;]*;\s*$/.test(later)) continue;
      const tables = [...later.matchAll(/CREATE TABLE (\w+)/g)];
      const columns = [...later.matchAll(/ALTER TABLE (\w+) ADD COLUMN (\w+)/g)];
      expect(tables.length + columns.length, `undo this later migration in the test: ${later}`).toBeGreaterThan(0);
      // Its triggers and indexes first: SQLite drops no column an index uses, nor a table a trigger names.
      for (const [, trigger] of later.matchAll(/CREATE TRIGGER (\w+)/g)) old.exec(`DROP TRIGGER ${trigger}`);
      for (const [, index] of later.matchAll(/CREATE INDEX (\w+)/g)) old.exec(`DROP INDEX IF EXISTS ${index}`);
      for (const [, table, column] of columns) old.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
      for (const [, table] of tables.reverse()) old.exec(`DROP TABLE ${table}`);
    }
    old.pragma(`user_version = ${step}`);
    old.close();
    const migrated = openDatabase(file);
    expect(indexRows(migrated)).toEqual(expected);
    migrated.close();
  });

  it('holds a corrective action while it is planned, with owner and due date, and drops it when implemented', async () => {
    const action = await create('Indeks: ret skabelonen');
    const entry = () =>
      db.prepare("SELECT * FROM deadlines WHERE kind = 'action' AND subject_id = ?").get(action.id) as Row | undefined;
    expect(entry()).toBeUndefined();
    expect((await command(action.id, 'analyseAndPlan', plan('ole-ejer', addDays(today, 40)), 1)).status).toBe(200);
    expect(entry()).toMatchObject({ due_on: addDays(today, 40), responsible_id: 'ole-ejer', unit_id: 'handling' });
    expect(
      (await command(action.id, 'markImplemented', { implementedOn: today, description: 'Gennemført.' }, 2)).status,
    ).toBe(200);
    expect(entry()).toBeUndefined();
  });
});

describe('corrective-action reminders', () => {
  it('tells the new owner at once, by card, when an action is assigned or handed on to them', async () => {
    const action = await create('Opdatér vejledningen om tilsyn');
    expect(outboxOf('ole-ejer').filter((card) => JSON.stringify(card).includes(action.id))).toEqual([]);
    expect((await command(action.id, 'analyseAndPlan', plan('ole-ejer', addDays(today, 30)), 1)).status).toBe(200);
    const [assigned] = outboxOf('ole-ejer').filter((card) => JSON.stringify(card).includes(action.id));
    expect(assigned).toBeDefined();
    expectValidCard(assigned!);
    const text = visibleText(assigned!);
    expect(text).toContain('Du er ansvarlig for en korrigerende handling');
    expect(text).toContain('Opdatér vejledningen om tilsyn');
    expect(text).toContain('Mette Kjær har gjort dig ansvarlig');
    expect(allActions(assigned!)).toEqual([
      { type: 'Action.OpenUrl', title: 'Åbn handling', url: expect.stringContaining(`/actions/${action.id}`) },
    ]);

    // Handed on: the new owner hears of it; a replan that keeps the owner sends nothing.
    expect((await command(action.id, 'replan', { ownerId: 'pia-ny' }, 2)).status).toBe(200);
    expect(outboxOf('pia-ny').filter((card) => JSON.stringify(card).includes(action.id))).toHaveLength(1);
    expect((await command(action.id, 'replan', { dueOn: addDays(today, 31) }, 3)).status).toBe(200);
    expect(outboxOf('pia-ny').filter((card) => JSON.stringify(card).includes(action.id))).toHaveLength(1);
  });

  it('reminds the owner 7 days before, on the day and when overdue, and escalates to the leader once', async () => {
    const action = await create('Gennemfør kursus i journalisering');
    const dueOn = addDays(today, 7);
    expect((await command(action.id, 'analyseAndPlan', plan('ole-ejer', dueOn), 1)).status).toBe(200);
    const key = (stage: string) => `action:${action.id}:${dueOn}:${stage}`;
    const sentTo = (result: Awaited<ReturnType<typeof sweep.sweepOn>>, recipientId: string) =>
      result.sent.filter((message) => message.recipientId === recipientId).flatMap((message) => message.items);

    const weekBefore = await sweep.sweepOn(today);
    expect(weekBefore.failed).toEqual([]);
    const [due7] = sweep.outbox('ole-ejer').filter((message) => (message.keys ?? []).includes(key('action-due-7')));
    expect(due7).toBeDefined();
    expectValidCard(due7!.card);
    expect(visibleText(due7!.card)).toContain('Frist om 7 dage');
    expect(sentTo(weekBefore, 'ole-ejer').map((line) => line.label)).toContain('Gennemfør kursus i journalisering');

    // Twice the same day: nothing more.
    const again = await sweep.sweepOn(today);
    expect(sentTo(again, 'ole-ejer')).toEqual([]);

    await sweep.sweepOn(dueOn);
    expect(sweep.outbox('ole-ejer').some((message) => (message.keys ?? []).includes(key('action-due-0')))).toBe(true);
    const overdueDay = addDays(dueOn, 1);
    await sweep.sweepOn(overdueDay);
    expect(sweep.outbox('ole-ejer').some((message) => (message.keys ?? []).includes(key('action-overdue')))).toBe(true);
    expect(sweep.outbox('hanne-leder').some((message) => (message.keys ?? []).includes(key('action-escalation')))).toBe(
      false,
    );

    const escalationDay = addDays(dueOn, 14);
    await sweep.sweepOn(escalationDay);
    const escalations = sweep
      .outbox('hanne-leder')
      .filter((message) => (message.keys ?? []).includes(key('action-escalation')));
    expect(escalations).toHaveLength(1);
    expectValidCard(escalations[0]!.card);
    expect(visibleText(escalations[0]!.card)).toContain('Ole Ejer er ansvarlig for handlingen');
    await sweep.sweepOn(addDays(escalationDay, 1));
    expect(
      sweep.outbox('hanne-leder').filter((message) => (message.keys ?? []).includes(key('action-escalation'))),
    ).toHaveLength(1);
    // The owner got each stage once.
    const ownerKeys = sweep
      .outbox('ole-ejer')
      .flatMap((message) => message.keys ?? [])
      .filter((k) => k.startsWith(`action:${action.id}`));
    expect(ownerKeys.sort()).toEqual([key('action-due-0'), key('action-due-7'), key('action-overdue')].sort());
  });

  it('says nothing once the action is implemented', async () => {
    const action = await create('Implementeret i tide');
    const dueOn = addDays(today, 3);
    expect((await command(action.id, 'analyseAndPlan', plan('pia-ny', dueOn), 1)).status).toBe(200);
    expect(
      (await command(action.id, 'markImplemented', { implementedOn: today, description: 'Gennemført.' }, 2)).status,
    ).toBe(200);
    await sweep.sweepOn(addDays(dueOn, 20));
    expect(
      sweep
        .outbox('pia-ny')
        .flatMap((message) => message.keys ?? [])
        .some((k) => k.startsWith(`action:${action.id}`)),
    ).toBe(false);
  });
});
