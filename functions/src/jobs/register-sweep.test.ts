import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../adapters/sqlite/open-database.js';
import { createSqliteRegisterStore } from '../adapters/sqlite/sqlite-register-store.js';
import { createSqliteStore, upsertDirectory } from '../adapters/sqlite/sqlite-store.js';
import type { OutgoingCard } from '../app/messaging-ports.js';
import type { Services } from '../app/ports.js';
import type { LocalDate } from '../core/local-date.js';
import type { RegisterItem } from '../core/register-types.js';
import { registerItemOf } from '../core/test-support/register-item-fixture.js';
import { createSqliteMessagingStore, createSqliteReminderSource } from '../adapters/sqlite/sqlite-messaging-store.js';
import { backfillRegisterDeadlines } from '../adapters/sqlite/sqlite-register-store.js';
import { defaultRegisterSettings } from '../core/register-rules.js';
import { createReminderCards } from './reminder-cards.js';
import { runRegisterSweep } from './register-sweep.js';
import { runSweep } from './run-sweep.js';

/**
 * The register on a real SQLite file: its reply reminders from the deadline index through the
 * daily reminder sweep and its ledger (once per recipient and stage, escalation, crash-safe), the
 * index kept with the items, and the register's own sweep (retention).
 */

let dir: string;
let db: SqliteDatabase;
let now: Date;
let sent: OutgoingCard[];
let services: Services;
let ids = 0;

const notifier = {
  send: async (message: OutgoingCard) => {
    sent.push(message);
    return { messageId: String(sent.length) };
  },
};

/** The shared fixture's complaint, in this test's directory (unit `natur`, handler `anne`) without a trail. */
function item(overrides: Partial<RegisterItem>): RegisterItem {
  return registerItemOf({ unitIds: ['natur'], handlerUnitId: 'natur', handlerId: 'anne', trail: [], ...overrides });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'register-sweep-'));
  db = openDatabase(join(dir, 'db.sqlite'));
  upsertDirectory(db, {
    units: [
      { id: 'top', name: 'Top', parentId: null },
      { id: 'natur', name: 'Natur', parentId: 'top' },
    ],
    people: [
      {
        id: 'lars',
        name: 'Lars',
        email: 'l@k.dk',
        title: '',
        unitId: 'top',
        roles: ['leader'],
        leaderId: null,
        aadObjectId: null,
      },
      {
        id: 'anne',
        name: 'Anne',
        email: 'a@k.dk',
        title: '',
        unitId: 'natur',
        roles: ['leader'],
        leaderId: 'lars',
        aadObjectId: null,
      },
      {
        id: 'kim',
        name: 'Kim',
        email: 'k@k.dk',
        title: '',
        unitId: 'top',
        roles: ['coordinator'],
        leaderId: 'lars',
        aadObjectId: null,
      },
    ],
  });
  // Lars reads English in Teams.
  await createSqliteMessagingStore(db).saveConversation({
    personId: 'lars',
    conversationId: 'c-lars',
    serviceUrl: 'https://smba.example',
    tenantId: null,
    userAadObjectId: 'lars',
    userId: null,
    locale: 'en',
    installedAt: '2026-01-01T00:00:00Z',
  });
  sent = [];
  now = new Date('2026-03-13T06:00:00Z');
  services = {
    store: createSqliteStore(db),
    register: createSqliteRegisterStore(db),
    clock: { now: () => now },
    ids: { next: () => `id-${++ids}` },
    settings: { timeZone: 'Europe/Copenhagen', organisationName: 'K', maxUploadBytes: 1 },
  } as unknown as Services;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const sweep = () => runRegisterSweep(services);
const reminderSweep = (options: { crashAfterSends?: number; runId?: string } = {}) =>
  runSweep({
    services,
    messaging: createSqliteMessagingStore(db),
    source: createSqliteReminderSource(db, { timeZone: 'Europe/Copenhagen' }),
    notifier,
    cards: createReminderCards({ publicUrl: 'https://kh.example.dk' }),
    leaseSeconds: 60,
    ...options,
  });
/** The reminders one daily run sends, as "recipient:ledger key". */
async function reminders(): Promise<string[]> {
  const result = await reminderSweep();
  expect(result.failed).toEqual([]);
  return db
    .prepare(
      `SELECT recipient_id || ':' || key FROM reminder_ledger
       WHERE state = 'sent' AND sent_at = ? AND key LIKE 'register-reply:%' ORDER BY key`,
    )
    .pluck()
    .all(now.toISOString()) as string[];
}

describe('runRegisterSweep', () => {
  it('reminds the handler once per stage through the ledger, then escalates to their leader', async () => {
    await services.register.commit({ expect: [{ id: 'r1', etag: 0 }], items: [item({})] });
    // Wednesday 11 March: 3 working days before the deadline (Monday 16 March): nothing yet.
    now = new Date('2026-03-11T06:00:00Z');
    expect(await reminders()).toEqual([]);
    // Thursday 12 March: 2 working days before, the handler's notice; a second run sends nothing.
    now = new Date('2026-03-12T06:00:00Z');
    expect(await reminders()).toEqual(['anne:register-reply:r1/anne:2026-03-16:register-due-soon']);
    now = new Date('2026-03-13T06:00:00Z');
    expect(await reminders()).toEqual([]);
    // Tuesday 17 March: overdue.
    now = new Date('2026-03-17T06:00:00Z');
    expect(await reminders()).toEqual(['anne:register-reply:r1/anne:2026-03-16:register-overdue']);
    // Thursday 19 March: 3 working days after, escalated to Lars (in his language), once.
    now = new Date('2026-03-19T06:00:00Z');
    expect(await reminders()).toEqual(['lars:register-reply:r1/lars:2026-03-16:register-escalation']);
    expect(JSON.stringify(sent.at(-1)!.card)).toContain('Escalated');
    expect(JSON.stringify(sent.at(-1)!.card)).toContain('https://kh.example.dk/reports/r1');
    now = new Date('2026-03-20T06:00:00Z');
    expect(await reminders()).toEqual([]);
    // The item itself is not written by the reminders.
    expect((await services.register.getItem('r1'))!.trail).toEqual([]);
  });

  it('sends nothing twice when a run dies after sending, before anything else is written', async () => {
    await services.register.commit({ expect: [{ id: 'r1', etag: 0 }], items: [item({})] });
    now = new Date('2026-03-12T06:00:00Z');
    await expect(reminderSweep({ crashAfterSends: 1, runId: 'dies' })).rejects.toThrow('Simulated crash');
    expect(sent).toHaveLength(1);
    // The next day's run (the dead run's lease has expired) finds the key sent and sends nothing.
    now = new Date('2026-03-13T06:00:00Z');
    expect(await reminders()).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it('stops reminding once the item is answered, and starts again for a new deadline', async () => {
    await services.register.commit({ expect: [{ id: 'r1', etag: 0 }], items: [item({})] });
    const entry = db
      .prepare("SELECT due_on FROM deadlines WHERE kind = 'register-reply' AND subject_id = 'r1'")
      .pluck();
    expect(entry.get()).toBe('2026-03-16');
    // An interim reply moves the deadline to 1 April: a fresh ladder.
    const stored = (await services.register.getItem('r1'))!;
    await services.register.commit({
      expect: [{ id: 'r1', etag: stored.etag }],
      items: [{ ...stored, replyDueOn: '2026-04-01' as LocalDate, etag: stored.etag + 1 }],
    });
    expect(entry.get()).toBe('2026-04-01');
    now = new Date('2026-03-17T06:00:00Z');
    expect(await reminders()).toEqual([]);
    now = new Date('2026-03-30T06:00:00Z');
    expect(await reminders()).toEqual(['anne:register-reply:r1/anne:2026-04-01:register-due-soon']);
    // Answered: the entry is gone and nothing more is sent.
    const moved = (await services.register.getItem('r1'))!;
    const reply = {
      text: 'Svar',
      sentAt: '2026-03-30T10:00:00Z',
      sentBy: 'anne',
      deliveredBy: 'email' as const,
      isLate: false,
    };
    await services.register.commit({
      expect: [{ id: 'r1', etag: moved.etag }],
      items: [{ ...moved, reply, replyDueOn: null, etag: moved.etag + 1 }],
    });
    expect(entry.get()).toBeUndefined();
    now = new Date('2026-04-10T06:00:00Z');
    expect(await reminders()).toEqual([]);
  });

  it('tells the coordinator when nobody handles the item', async () => {
    await services.register.commit({
      expect: [{ id: 'r1', etag: 0 }],
      items: [item({ handlerId: null, handlerUnitId: null })],
    });
    now = new Date('2026-03-17T06:00:00Z');
    expect(await reminders()).toEqual(['kim:register-reply:r1/kim:2026-03-16:register-overdue']);
  });

  it('rewrites the reminder days of waiting items when the settings change', async () => {
    await services.register.commit({ expect: [{ id: 'r1', etag: 0 }], items: [item({})] });
    const details = () =>
      JSON.parse(
        db
          .prepare("SELECT details FROM deadlines WHERE kind = 'register-reply' AND subject_id = 'r1'")
          .pluck()
          .get() as string,
      ) as { remindOn: string; escalateOn: string | null };
    expect(details()).toMatchObject({ remindOn: '2026-03-12', escalateOn: '2026-03-19' });
    await services.register.commit({
      settings: {
        record: {
          ...defaultRegisterSettings('2026-03-01T00:00:00Z', 'kim'),
          remindDaysBefore: 5,
          escalateDaysAfter: 0,
        },
        expectedEtag: 0,
      },
    });
    expect(details()).toMatchObject({ remindOn: '2026-03-09', escalateOn: null });
  });

  it('fills in the index for items stored before the store wrote it', async () => {
    await services.register.commit({ expect: [{ id: 'r1', etag: 0 }], items: [item({})] });
    db.exec("DELETE FROM deadlines WHERE kind = 'register-reply'");
    expect(backfillRegisterDeadlines(db)).toBe(1);
    expect(backfillRegisterDeadlines(db)).toBe(0);
    expect(
      db.prepare("SELECT due_on FROM deadlines WHERE kind = 'register-reply' AND subject_id = 'r1'").pluck().get(),
    ).toBe('2026-03-16');
  });

  it('leaves an answered item alone', async () => {
    const reply = {
      text: 'Svar',
      sentAt: '2026-03-10T10:00:00Z',
      sentBy: 'anne',
      deliveredBy: 'email' as const,
      isLate: false,
    };
    await services.register.commit({ expect: [{ id: 'r1', etag: 0 }], items: [item({ reply, replyDueOn: null })] });
    expect(db.prepare("SELECT count(*) FROM deadlines WHERE kind = 'register-reply'").pluck().get()).toBe(0);
    now = new Date('2026-03-20T06:00:00Z');
    expect(await reminders()).toEqual([]);
  });

  it('removes contact details 5 years after closing, keeping the item', async () => {
    await services.register.commit({
      expect: [
        { id: 'old', etag: 0 },
        { id: 'recent', etag: 0 },
      ],
      items: [
        item({
          id: 'old',
          receiptNumber: '2020-AAAAAA',
          status: 'closed',
          closedOn: '2021-03-13' as LocalDate,
          replyDueOn: null,
        }),
        item({
          id: 'recent',
          receiptNumber: '2021-BBBBBB',
          status: 'closed',
          closedOn: '2021-03-14' as LocalDate,
          replyDueOn: null,
        }),
      ],
    });
    const result = await sweep();
    expect(result.contactsRemoved).toEqual(['old']);
    const old = await services.register.getItem('old');
    expect(old).toMatchObject({ contact: null, contactRemovedOn: '2026-03-13', description: 'Ingen svar endnu.' });
    expect((await services.register.getItem('recent'))!.contact).not.toBeNull();
  });
});
