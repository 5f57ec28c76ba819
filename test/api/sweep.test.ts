import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessagingStore, Notifier } from '../../functions/src/app/messaging-ports.js';
import { createSqliteOutbox } from '../../functions/src/adapters/outbox/sqlite-outbox.js';
import { openDatabase, type SqliteDatabase } from '../../functions/src/adapters/sqlite/open-database.js';
import {
  createSqliteMessagingStore,
  createSqliteReminderSource,
} from '../../functions/src/adapters/sqlite/sqlite-messaging-store.js';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { reminderStagesDue, zonedTime } from '../../functions/src/core/reminder-schedule.js';
import { workingDaysBetween } from '../../functions/src/core/working-days.js';
import type { CardFactory } from '../../functions/src/jobs/card-factory.js';
import { runSweep, SimulatedCrash, type SweepOptions, type SweepResult } from '../../functions/src/jobs/run-sweep.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Cards that carry their ledger keys, so the outbox can be counted key by key. */
const testCards: CardFactory = {
  single: (item, { recipient }) => ({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [],
    keys: [item.key],
    to: recipient.id,
  }),
  digest: (items, { recipient }) => ({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [],
    keys: items.map((item) => item.key),
    to: recipient.id,
  }),
};

const minute = 60_000;
const day = 86_400_000;
const timeZone = 'Europe/Copenhagen';

let server: TestServer;
let db: SqliteDatabase;
/** Noon today in Denmark: every run in a test shares the calendar day, whatever the time of the test. */
let noon: Date;

beforeAll(async () => {
  server = await startTestServer();
  db = server.app.db;
  noon = zonedTime(localDateOf(new Date(), timeZone), 12, timeZone);
});
afterAll(async () => server?.stop());
beforeEach(() => {
  db.exec('DELETE FROM reminder_ledger; DELETE FROM reminder_messages; DELETE FROM outbox; DELETE FROM sweep_lease;');
});

type Setup = Partial<SweepOptions> & { db?: SqliteDatabase; notifier?: Notifier; messaging?: MessagingStore };

function sweep(at: Date | (() => Date), setup: Setup = {}): Promise<SweepResult> {
  const { db: database = db, notifier, messaging, ...options } = setup;
  const clock = { now: typeof at === 'function' ? at : () => at };
  const services = { ...server.app.services, clock };
  return runSweep({
    services,
    messaging: messaging ?? createSqliteMessagingStore(database),
    source: createSqliteReminderSource(database, { timeZone }),
    notifier: notifier ?? createSqliteOutbox(database, clock, services.ids),
    cards: testCards,
    ...options,
  });
}

/** What should be due on `today`, worked out independently of the sweep: source + rules. */
async function expectedDue(today: LocalDate) {
  const candidates = await createSqliteReminderSource(db, { timeZone }).listReminderCandidates(today);
  return candidates.flatMap((candidate) => reminderStagesDue(candidate, today));
}

function outboxMessages(): { recipientId: string; keys: string[] }[] {
  return (db.prepare('SELECT recipient_id, card FROM outbox ORDER BY rowid').all() as Record<string, string>[]).map(
    (row) => ({
      recipientId: row['recipient_id'] as string,
      keys: (JSON.parse(row['card'] as string) as { keys: string[] }).keys,
    }),
  );
}

function ledger(): { key: string; state: string; recipient_id: string; stage: string; subject_id: string }[] {
  return db.prepare('SELECT * FROM reminder_ledger ORDER BY key').all() as never;
}

function expectEachKeySentOnce(keys: string[]) {
  const sentKeys = outboxMessages().flatMap((message) => message.keys);
  expect(sentKeys.length, 'no key in two messages').toBe(new Set(sentKeys).size);
  expect([...sentKeys].sort()).toEqual([...keys].sort());
  const rows = ledger();
  expect(rows.map((row) => row.key)).toEqual([...keys].sort());
  expect(rows.every((row) => row.state === 'sent')).toBe(true);
}

describe('the reminder sweep over the demo municipality', () => {
  it('sends what is due once: a second run the same day sends nothing', async () => {
    const due = await expectedDue(localDateOf(noon, timeZone));
    expect(due.length).toBeGreaterThan(20);

    const first = await sweep(noon);
    expect(first.status).toBe('completed');
    expect(first.failed).toEqual([]);
    expect(first.sent.flatMap((message) => message.items)).toHaveLength(due.length);
    expectEachKeySentOnce(due.map((reminder) => reminder.key));

    const second = await sweep(new Date(noon.getTime() + 3 * 60 * minute));
    expect(second.status).toBe('completed');
    expect(second.sent).toEqual([]);
    expect(second.skipped).toBe(due.length);
    expect(outboxMessages().flatMap((message) => message.keys)).toHaveLength(due.length);
  });

  it('sends each person at most one message per sweep, several reminders as one digest', async () => {
    const result = await sweep(noon);
    const recipients = result.sent.map((message) => message.recipientId);
    expect(new Set(recipients).size).toBe(recipients.length);
    const messages = outboxMessages();
    expect(messages.map((message) => message.recipientId).sort()).toEqual([...recipients].sort());
    expect(messages.some((message) => message.keys.length > 1)).toBe(true);
    const mette = result.sent.find((message) => message.recipientName === 'Mette Kjær');
    expect(mette?.items.length).toBeGreaterThan(1);
  });

  it('leaves the rest of a crashed run to the next run once the lease expires: every reminder exactly once', async () => {
    const due = await expectedDue(localDateOf(noon, timeZone));
    const recipients = new Set(due.map((reminder) => reminder.recipientId));
    const half = Math.floor(recipients.size / 2);

    await expect(sweep(noon, { crashAfterSends: half, leaseSeconds: 600 })).rejects.toBeInstanceOf(SimulatedCrash);
    const afterCrash = ledger();
    expect(afterCrash).toHaveLength(due.length);
    const sentByCrashedRun = afterCrash.filter((row) => row.state === 'sent').length;
    expect(sentByCrashedRun).toBeGreaterThan(0);
    expect(sentByCrashedRun).toBeLessThan(due.length);
    expect(new Set(outboxMessages().map((message) => message.recipientId)).size).toBeGreaterThanOrEqual(half);

    // The dead run still holds the lease: a run now must not touch its claims.
    const tooSoon = await sweep(new Date(noon.getTime() + 5 * minute));
    expect(tooSoon.status).toBe('lease-held');
    expect(tooSoon.sent).toEqual([]);

    const rerun = await sweep(new Date(noon.getTime() + 11 * minute));
    expect(rerun.status).toBe('completed');
    expect(rerun.sent.flatMap((message) => message.items)).toHaveLength(due.length - sentByCrashedRun);
    expectEachKeySentOnce(due.map((reminder) => reminder.key));
  });

  it('retries a failed send on the next run at once (the lease was handed on)', async () => {
    const outbox = createSqliteOutbox(db, { now: () => noon }, server.app.services.ids);
    const refusing: Notifier = {
      send: async (message) => {
        if (message.recipientId === 'mette-kjaer') throw Object.assign(new Error('Forbidden'), { status: 403 });
        return outbox.send(message);
      },
    };
    const first = await sweep(noon, { notifier: refusing });
    expect(first.failed.map((message) => message.recipientName)).toEqual(['Mette Kjær']);
    const metteKeys = ledger().filter((row) => row.recipient_id === 'mette-kjaer');
    expect(metteKeys.length).toBeGreaterThan(0);
    expect(metteKeys.every((row) => row.state === 'claimed')).toBe(true);

    const second = await sweep(new Date(noon.getTime() + minute));
    expect(second.sent.map((message) => message.recipientName)).toEqual(['Mette Kjær']);
    expect(second.sent[0]?.items).toHaveLength(metteKeys.length);
    expectEachKeySentOnce((await expectedDue(localDateOf(noon, timeZone))).map((reminder) => reminder.key));
  });

  it('never sends a key twice when two runs start at once on two connections', async () => {
    const other = openDatabase(join(server.dataDir, 'kvalitetshaandbog.sqlite'));
    try {
      const results = await Promise.all([sweep(noon), sweep(noon, { db: other }), sweep(noon)]);
      expect(results.map((result) => result.status).sort()).toEqual(['completed', 'lease-held', 'lease-held']);
      expectEachKeySentOnce((await expectedDue(localDateOf(noon, timeZone))).map((reminder) => reminder.key));
    } finally {
      other.close();
    }
  });

  it('hands over cleanly when a slow run loses its lease: the new run sends the rest, the old one stops', async () => {
    const due = await expectedDue(localDateOf(noon, timeZone));
    let slowNow = noon.getTime();
    const outbox = createSqliteOutbox(db, { now: () => new Date(slowNow) }, server.app.services.ids);
    // Every send of the slow run takes six minutes of its clock.
    const slowNotifier: Notifier = {
      send: async (message) => {
        slowNow += 6 * minute;
        return outbox.send(message);
      },
    };
    const store = createSqliteMessagingStore(db);
    let takeover: Promise<SweepResult> | undefined;
    let leaseCalls = 0;
    // When the slow run comes back to renew its lease, another run has already taken it over.
    const watched: MessagingStore = {
      ...store,
      acquireSweepLease: async (runId, now, seconds) => {
        if (++leaseCalls === 2) {
          takeover = sweep(new Date(noon.getTime() + 20 * minute), { runId: 'fast' });
          await takeover;
        }
        return store.acquireSweepLease(runId, now, seconds);
      },
    };
    const slow = await sweep(() => new Date(slowNow), {
      runId: 'slow',
      messaging: watched,
      notifier: slowNotifier,
      concurrency: 1,
      leaseSeconds: 900,
    });
    const fast = await takeover;
    expect(slow.status).toBe('lease-lost');
    expect(slow.sent.length).toBeGreaterThan(0);
    expect(fast?.status).toBe('completed');
    expect(fast?.sent.length).toBeGreaterThan(0);
    expect(slow.sent.length + (fast?.sent.length ?? 0)).toBe(new Set(due.map((reminder) => reminder.recipientId)).size);
    expectEachKeySentOnce(due.map((reminder) => reminder.key));
  });

  it("escalates reviews 14 days overdue to the owner's leader, beside the owner's own reminder", async () => {
    await sweep(noon);
    const rows = ledger();
    const escalations = rows.filter((row) => row.stage === 'review-escalation');
    expect(escalations.length).toBeGreaterThan(0);
    const { store } = server.app.services;
    for (const escalation of escalations) {
      const procedure = await store.getProcedure(escalation.subject_id);
      const owner = await store.getPerson(procedure!.ownerId);
      expect(escalation.recipient_id).toBe(owner!.leaderId);
      expect(procedure!.nextReviewOn! <= addDays(localDateOf(noon, timeZone), -14)).toBe(true);
      expect(
        rows.some(
          (row) =>
            row.stage === 'review-overdue' &&
            row.subject_id === escalation.subject_id &&
            row.recipient_id === procedure!.ownerId,
        ),
      ).toBe(true);
    }
  });

  it('reminds approvers once an approval has waited more than 5 working days', async () => {
    const pending = db
      .prepare('SELECT id, approver_id, requested_at FROM approvals WHERE decision IS NULL')
      .all() as Record<string, string>[];
    expect(pending).toHaveLength(3);
    const requestedOn = localDateOf(new Date(pending[0]!['requested_at']!), timeZone);
    let sawWaiting = false;
    for (let offset = 0; offset <= 9; offset++) {
      db.exec(
        'DELETE FROM reminder_ledger; DELETE FROM reminder_messages; DELETE FROM outbox; DELETE FROM sweep_lease;',
      );
      const at = new Date(noon.getTime() + offset * day);
      const today = localDateOf(at, timeZone);
      await sweep(at);
      const waiting = ledger().filter((row) => row.stage === 'approval-waiting');
      if (workingDaysBetween(requestedOn, today) > 5) {
        sawWaiting = true;
        expect(waiting.map((row) => [row.subject_id, row.recipient_id]).sort(), today).toEqual(
          pending.map((approval) => [approval['id'], approval['approver_id']]).sort(),
        );
      } else {
        expect(waiting, today).toEqual([]);
      }
    }
    expect(sawWaiting).toBe(true);
  });
});
