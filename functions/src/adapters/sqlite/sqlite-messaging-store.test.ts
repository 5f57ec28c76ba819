import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadlineBackfillSql } from './deadline-backfill.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MessagingStore } from '../../app/messaging-ports.js';
import { migrations } from './migrations.js';
import { asLocalDate } from '../../core/local-date.js';
import { demoPeople, demoUnits } from '../../seed/demo-directory.js';
import { openDatabase, type SqliteDatabase } from './open-database.js';
import { createSqliteMessagingStore, createSqliteReminderSource } from './sqlite-messaging-store.js';
import { upsertDirectory } from './sqlite-store.js';

let db: SqliteDatabase;
let store: MessagingStore;

beforeEach(() => {
  db = openDatabase(':memory:');
  upsertDirectory(db, { units: demoUnits, people: demoPeople });
  store = createSqliteMessagingStore(db);
});

/** One message to `recipientId` carrying `keys`, claimed by `runId`. */
function claim(
  store: MessagingStore,
  runId: string,
  keys: string[],
  staleRunIds: string[] = [],
  recipientId = 'peter-lund',
) {
  return store.claimMessages(
    [
      {
        recipientId,
        reminders: keys.map((key) => ({
          key,
          stage: 'review-overdue' as const,
          subjectId: key.split(':')[1] ?? key,
          dueOn: '2026-03-01',
        })),
      },
    ],
    { runId, claimedAt: '2026-03-05T05:00:00.000Z' },
    staleRunIds,
  );
}
const keysOf = async (owned: Promise<{ keys: string[] }[]>) => (await owned).flatMap((message) => message.keys);

describe('conversations', () => {
  it('saves, replaces and reads a conversation reference', async () => {
    const reference = {
      personId: 'anne-birk',
      conversationId: 'a:1',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      tenantId: 't1',
      userAadObjectId: '00000000-0000-0000-0000-00000000000a',
      userId: null,
      locale: 'da' as const,
      installedAt: '2026-03-01T08:00:00.000Z',
    };
    await store.saveConversation(reference);
    await store.saveConversation({
      ...reference,
      conversationId: 'a:2',
      locale: 'en',
      tenantId: null,
      userId: '29:1xAnne',
    });
    expect(await store.getConversation('anne-birk')).toEqual({
      ...reference,
      userId: '29:1xAnne',
      conversationId: 'a:2',
      locale: 'en',
      tenantId: null,
    });
    expect(await store.getConversation('karen-holt')).toBeUndefined();
  });

  it('finds a person by Teams identity, and by person id in local mode only', async () => {
    db.prepare("UPDATE people SET aad_object_id = 'aad-karen' WHERE id = 'karen-holt'").run();
    expect(await store.findPersonByAadObjectId('aad-karen')).toBe('karen-holt');
    expect(await store.findPersonByAadObjectId('anne-birk')).toBe('anne-birk');
    expect(await store.findPersonByAadObjectId('nobody')).toBeUndefined();
    const production = createSqliteMessagingStore(db, { allowPersonIdAsAadObjectId: false });
    expect(await production.findPersonByAadObjectId('aad-karen')).toBe('karen-holt');
    expect(await production.findPersonByAadObjectId('anne-birk')).toBeUndefined();
  });
});

describe('the reminder ledger', () => {
  it('claims new keys, never a key another live run holds, never a sent key', async () => {
    expect(await keysOf(claim(store, 'run-1', ['r:a', 'r:b']))).toEqual(['r:a', 'r:b']);
    // The same run asking again (a repeated claim) still owns them.
    expect(await keysOf(claim(store, 'run-1', ['r:a']))).toEqual(['r:a']);
    // Another run does not get keys held by a run it does not know to be dead.
    expect(await claim(store, 'run-2', ['r:a', 'r:c'], [], 'anne-birk')).toEqual([
      { recipientId: 'anne-birk', keys: ['r:c'] },
    ]);
    await store.markMessageSent('run-1', 'peter-lund', 'm1', '2026-03-05T05:00:01.000Z');
    // The message carried r:a and r:b: both are sent. run-2 died: run-3 takes over its unsent
    // claim, but no sent key.
    expect(await keysOf(claim(store, 'run-3', ['r:a', 'r:b', 'r:c'], ['run-2']))).toEqual(['r:c']);
    // Nothing is owned: no message is claimed.
    expect(await claim(store, 'run-4', ['r:a', 'r:b'], ['run-3'])).toEqual([]);
    const ledger = await store.listLedger();
    expect(
      ledger.map((message) => [message.runId, message.recipientId, message.keys, message.state, message.messageId]),
    ).toEqual([
      ['run-1', 'peter-lund', ['r:a', 'r:b'], 'sent', 'm1'],
      ['run-2', 'anne-birk', ['r:c'], 'claimed', null],
      ['run-3', 'peter-lund', ['r:c'], 'claimed', null],
    ]);
    expect(ledger[0]).toMatchObject({ sentAt: '2026-03-05T05:00:01.000Z', claimedAt: '2026-03-05T05:00:00.000Z' });
  });

  it('a failed send leaves the message claimed; the next run takes it over, a later one not', async () => {
    await claim(store, 'run-1', ['r:a']);
    // run-1's send failed; run-2 followed it, failed too; run-3 knows run-2 only.
    expect(await keysOf(claim(store, 'run-2', ['r:a'], ['run-1']))).toEqual(['r:a']);
    expect(await keysOf(claim(store, 'run-3', ['r:a'], ['run-2']))).toEqual(['r:a']);
    expect(await keysOf(claim(store, 'run-4', ['r:a'], ['run-1']))).toEqual([]);
  });

  it('does not mark a sent message again', async () => {
    await claim(store, 'run-1', ['r:a']);
    await store.markMessageSent('run-1', 'peter-lund', 'm1', '2026-03-05T05:00:01.000Z');
    await store.markMessageSent('run-1', 'peter-lund', 'm2', '2026-03-05T06:00:00.000Z');
    expect(await store.listLedger()).toEqual([
      expect.objectContaining({ messageId: 'm1', sentAt: '2026-03-05T05:00:01.000Z', state: 'sent' }),
    ]);
  });

  it('claims thousands of keys as one message in one transaction', async () => {
    const keys = Array.from({ length: 5000 }, (_, index) => `r:${index}`);
    expect(await keysOf(claim(store, 'run-1', keys))).toHaveLength(5000);
    expect(await claim(store, 'run-2', keys)).toEqual([]);
    expect(await store.listLedger()).toHaveLength(1);
  });

  it('keeps the per-key rows of a database from before as sent or claimed single-key messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-ledger-'));
    try {
      const file = join(dir, 'old.db');
      const old = new Database(file);
      const before = migrations.findIndex((step) => step.includes('CREATE TABLE reminder_messages'));
      expect(before).toBeGreaterThan(0);
      for (const step of migrations.slice(0, before)) old.exec(step);
      old.pragma(`user_version = ${before}`);
      const insert = old.prepare(
        `INSERT INTO reminder_ledger (key, recipient_id, stage, subject_id, due_on, state, run_id, claimed_at, sent_at, message_id)
         VALUES (?, 'peter-lund', 'review-overdue', 'p', '2026-03-01', ?, 'old-run', '2026-03-01T05:00:00.000Z', ?, ?)`,
      );
      insert.run('r:sent', 'sent', '2026-03-01T05:00:01.000Z', 'm-old');
      insert.run('r:left', 'claimed', null, null);
      old.close();

      const migrated = createSqliteMessagingStore(openDatabase(file));
      expect((await migrated.listLedger()).map((message) => [message.keys, message.state, message.messageId])).toEqual([
        [['r:left'], 'claimed', null],
        [['r:sent'], 'sent', 'm-old'],
      ]);
      // The sent key is never sent again; the old run's claim is taken over only when it is stale.
      expect(await keysOf(claim(migrated, 'run-1', ['r:sent', 'r:left', 'r:new']))).toEqual(['r:new']);
      expect(await keysOf(claim(migrated, 'run-2', ['r:sent', 'r:left'], ['old-run']))).toEqual(['r:left']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the sweep lease', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 2, 5, 5, minutes)).toISOString();

  it('is held by one live run at a time', async () => {
    expect(await store.acquireSweepLease('run-1', at(0), 600)).toEqual({ acquired: true, previousRunId: null });
    expect(await store.acquireSweepLease('run-2', at(5), 600)).toEqual({ acquired: false, previousRunId: null });
    // The holder renews it.
    expect(await store.acquireSweepLease('run-1', at(8), 600)).toEqual({ acquired: true, previousRunId: null });
    expect(await store.acquireSweepLease('run-2', at(12), 600)).toEqual({ acquired: false, previousRunId: null });
  });

  it('passes to the next run when it expires, naming the run that held it', async () => {
    await store.acquireSweepLease('run-1', at(0), 600);
    expect(await store.acquireSweepLease('run-2', at(10), 600)).toEqual({ acquired: true, previousRunId: 'run-1' });
    // run-1 comes back: it has lost the lease.
    expect(await store.acquireSweepLease('run-1', at(11), 600)).toEqual({ acquired: false, previousRunId: null });
  });

  it('is free at once when released, and still names the run that released it', async () => {
    await store.acquireSweepLease('run-1', at(0), 600);
    await store.releaseSweepLease('run-2'); // not the holder: no effect
    expect((await store.acquireSweepLease('run-3', at(1), 600)).acquired).toBe(false);
    await store.releaseSweepLease('run-1');
    expect(await store.acquireSweepLease('run-3', at(1), 600)).toEqual({ acquired: true, previousRunId: 'run-1' });
  });
});

describe('the reminder source', () => {
  const insertProcedure = (id: string, fields: Record<string, unknown> = {}) => {
    const row = {
      id,
      code: id.toUpperCase(),
      title: `Procedure ${id}`,
      level: 'core',
      area: 'Natur',
      unitId: 'natur',
      ownerId: 'peter-lund',
      approverId: 'anne-birk',
      currentVersionId: `${id}-v1`,
      draftVersionId: null,
      nextReviewOn: '2026-12-31',
      ...fields,
    };
    db.prepare(
      `INSERT INTO procedures (id, code, title, level, area, unit_id, owner_id, approver_id, audience, review_interval_months,
         standards, legal_basis, current_version_id, draft_version_id, approved_on, last_reviewed_on, next_review_on,
         created_at, updated_at, updated_by, etag)
       VALUES (:id, :code, :title, :level, :area, :unitId, :ownerId, :approverId, '{"unitIds":[],"roles":[]}', 12, '[]', '[]',
         :currentVersionId, :draftVersionId, '2025-12-31', NULL, :nextReviewOn, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z',
         'peter-lund', 3)`,
    ).run(row);
    return row;
  };
  const insertVersion = (id: string, procedureId: string, state: string, major: number | null) =>
    db
      .prepare(
        `INSERT INTO versions (id, procedure_id, state, major, minor, kind, author_id, file_ref, file_name, media_type, size,
           sha256, text, html, change_summary, created_at, updated_at, published_at)
         VALUES (?, ?, ?, ?, 0, 'major', 'peter-lund', 'ref', 'f.docx', 'application/x', 1, 'x', '', '', 'Changed',
           '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', ?)`,
      )
      .run(id, procedureId, state, major, major === null ? null : '2026-02-20T13:00:00.000Z');
  // The rows above go straight into the tables, past the store, so they are indexed the way the
  // migration indexes existing records before the source (which reads the deadline index) runs.
  const source = () => {
    db.exec(deadlineBackfillSql);
    return createSqliteReminderSource(db, { timeZone: 'Europe/Copenhagen' });
  };
  const today = asLocalDate('2026-03-11');

  it('reads reviews up to 30 days ahead, with the leader and an open revision', async () => {
    insertProcedure('soon', { nextReviewOn: '2026-04-10' });
    insertProcedure('later', { nextReviewOn: '2026-04-11' });
    insertProcedure('late', { nextReviewOn: '2025-12-01', draftVersionId: 'late-v2' });
    insertProcedure('never', { nextReviewOn: '2025-12-01', currentVersionId: null });
    const candidates = await source().listReminderCandidates(today);
    const reviews = candidates.flatMap((c) =>
      c.kind === 'review' ? [[c.procedureId, c.ownerLeaderId, c.hasOpenRevision]] : [],
    );
    expect(reviews.sort()).toEqual([
      ['late', 'anne-birk', true],
      ['soon', 'anne-birk', false],
    ]);
    expect(candidates.find((c) => c.kind === 'review' && c.procedureId === 'soon')).toMatchObject({
      ownerName: 'Peter Lund',
      reviewIntervalMonths: 12,
      etag: 3,
    });
  });

  it('reads open approvals of the current draft submitted at least 6 days before, in local time', async () => {
    insertProcedure('p', { draftVersionId: 'p-v2', nextReviewOn: '2027-01-01' });
    insertVersion('p-v1', 'p', 'published', 1);
    insertVersion('p-v2', 'p', 'pending', null);
    const approval = db.prepare(
      `INSERT INTO approvals (id, procedure_id, version_id, requested_by, requested_at, approver_id, change_summary, kind, decision)
       VALUES (?, 'p', ?, 'peter-lund', ?, 'anne-birk', 'Opdateret', 'major', ?)`,
    );
    // 5 March 00:30 in Copenhagen is still 4 March in UTC: a 5 March request, 6 days before the 11th.
    approval.run('on-the-5th', 'p-v2', '2026-03-04T23:30:00.000Z', null);
    approval.run('on-the-6th', 'p-v2', '2026-03-05T23:30:00.000Z', null);
    approval.run('decided', 'p-v2', '2026-02-01T10:00:00.000Z', 'approved');
    approval.run('old-draft', 'p-v1', '2026-02-01T10:00:00.000Z', null);
    const approvals = (await source().listReminderCandidates(today)).filter((c) => c.kind === 'approval');
    expect(approvals).toEqual([
      expect.objectContaining({
        approvalId: 'on-the-5th',
        requestedOn: '2026-03-05',
        approverId: 'anne-birk',
        approverName: 'Anne Birk',
        approverUserId: null,
        requestedByName: 'Peter Lund',
        fromVersionLabel: '1.0',
        changeKind: 'major',
        code: 'P',
      }),
    ]);
  });

  it('reads unacknowledged requests of current versions made up to today (the request is due from its day)', async () => {
    insertProcedure('p', { nextReviewOn: '2027-01-01' });
    insertVersion('p-v1', 'p', 'published', 1);
    insertVersion('p-v0', 'p', 'obsolete', 0);
    const request = db.prepare(
      `INSERT INTO acknowledgement_requests (procedure_id, version_id, person_id, requested_at) VALUES ('p', ?, ?, ?)`,
    );
    request.run('p-v1', 'karen-holt', '2026-03-03T22:59:00.000Z'); // 3 March 23:59 local: 8 days
    request.run('p-v1', 'rasmus-toft', '2026-03-03T23:00:00.000Z'); // 4 March 00:00 local: 7 days
    request.run('p-v1', 'ida-nielsen', '2026-03-04T23:00:00.000Z'); // 5 March: 6 days, the request itself
    request.run('p-v1', 'jens-mortensen', '2026-03-11T22:59:00.000Z'); // 11 March 23:59 local: today
    request.run('p-v1', 'sofie-dahl', '2026-03-11T23:00:00.000Z'); // 12 March local: not yet
    request.run('p-v1', 'mads-berg', '2026-03-01T10:00:00.000Z'); // acknowledged
    request.run('p-v0', 'ole-frandsen', '2026-01-01T10:00:00.000Z'); // superseded version
    db.prepare(
      `INSERT INTO acknowledgements (procedure_id, version_id, person_id, acknowledged_at) VALUES ('p', 'p-v1', 'mads-berg', '2026-03-02T10:00:00Z')`,
    ).run();
    const acknowledgements = (await source().listReminderCandidates(today)).filter((c) => c.kind === 'acknowledgement');
    const people = acknowledgements.flatMap((c) => (c.kind === 'acknowledgement' ? [[c.personId, c.requestedOn]] : []));
    expect(people.sort()).toEqual([
      ['ida-nielsen', '2026-03-05'],
      ['jens-mortensen', '2026-03-11'],
      ['karen-holt', '2026-03-03'],
      ['rasmus-toft', '2026-03-04'],
    ]);
    expect(acknowledgements[0]).toMatchObject({
      versionLabel: '1.0',
      changeSummary: 'Changed',
      publishedAt: '2026-02-20T13:00:00.000Z',
    });
  });

  it('uses the index on the review date', () => {
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT p.id FROM procedures p LEFT JOIN people o ON o.id = p.owner_id
         WHERE p.next_review_on <= '2026-04-10' AND p.current_version_id IS NOT NULL`,
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/procedures_next_review/);
  });
});
