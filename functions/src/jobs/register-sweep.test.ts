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
import { runRegisterSweep } from './register-sweep.js';

/** The register's sweep on a real SQLite file: reminders once per stage, escalation, retention. */

let dir: string;
let db: SqliteDatabase;
let now: Date;
let sent: OutgoingCard[];
let services: Services;

const notifier = {
  send: async (message: OutgoingCard) => {
    sent.push(message);
    return { messageId: String(sent.length) };
  },
};

function item(overrides: Partial<RegisterItem>): RegisterItem {
  return {
    id: 'r1',
    receiptNumber: '2026-AAAAAA',
    kind: 'complaint',
    channel: 'public',
    status: 'registered',
    title: 'Ingen svar',
    description: 'Ingen svar endnu.',
    caseAreaId: null,
    caseNumber: null,
    procedureIds: [],
    auditId: null,
    sourceMessage: null,
    unitIds: ['natur'],
    scope: 'unit',
    severity: null,
    likelihood: null,
    categoryId: null,
    correction: null,
    rootCauseCategoryId: null,
    rootCause: null,
    handlerUnitId: 'natur',
    handlerId: 'anne',
    reportedBy: null,
    reportedAt: '2026-03-02T09:00:00.000Z',
    receivedOn: '2026-03-02' as LocalDate,
    locale: 'da',
    contact: { name: 'B', email: 'b@example.dk', phone: null },
    contactRemovedOn: null,
    statusTokenHash: null,
    replyDueOn: '2026-03-16' as LocalDate,
    interimReplies: [],
    reply: null,
    correctiveActionIds: [],
    closedOn: null,
    deletionRequest: null,
    trail: [],
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    updatedBy: 'public',
    etag: 1,
    ...overrides,
  };
}

beforeEach(() => {
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
    ],
  });
  sent = [];
  now = new Date('2026-03-13T06:00:00Z');
  services = {
    store: createSqliteStore(db),
    register: createSqliteRegisterStore(db),
    clock: { now: () => now },
    settings: { timeZone: 'Europe/Copenhagen', organisationName: 'K', maxUploadBytes: 1 },
  } as unknown as Services;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const sweep = () => runRegisterSweep(services, notifier, { publicUrl: 'https://kh.example.dk' });

describe('runRegisterSweep', () => {
  it('reminds the handler once per stage, then escalates to their leader', async () => {
    await services.register.commit({ expect: [{ id: 'r1', etag: 0 }], items: [item({})] });
    // Friday 13 March: 1 working day before the deadline (Monday 16 March).
    expect((await sweep()).reminded).toEqual(['r1']);
    expect(sent.map((message) => message.recipientId)).toEqual(['anne']);
    expect((await sweep()).reminded).toEqual([]);
    // Tuesday 17 March: overdue.
    now = new Date('2026-03-17T06:00:00Z');
    expect((await sweep()).reminded).toEqual(['r1']);
    // Thursday 19 March: 3 working days after, escalated to Lars.
    now = new Date('2026-03-19T06:00:00Z');
    const escalated = await sweep();
    expect(escalated.escalated).toEqual(['r1']);
    expect(sent.map((message) => message.recipientId)).toEqual(['anne', 'anne', 'lars']);
    const stored = await services.register.getItem('r1');
    expect(stored!.trail.map((entry) => entry.event)).toEqual(['reminded', 'reminded', 'escalated']);
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
    expect(await sweep()).toMatchObject({ reminded: [], escalated: [] });
    expect(sent).toEqual([]);
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
