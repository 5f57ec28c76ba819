// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidCard } from '../../functions/src/bot/cards/test-support/validate-card.js';
import { accessDeadlineOf } from '../../functions/src/core/access-request.js';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { businessDaysBetween } from '../../functions/src/core/public-holidays.js';
import { outboxSweep } from '../support/outbox-sweep.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 16: the aktindsigt deadline is reminded. An open request's coordinators hear of it once
 * 2 working days before the deadline (access-due-2) and once when it has passed (access-overdue),
 * each under a ledger key of their own; an answered request's index entry is gone, so it sends
 * nothing.
 */

const timeZone = 'Europe/Copenhagen';
const publicUrl = 'https://handbog.example.dk';

let server: TestServer;
let sweep: ReturnType<typeof outboxSweep>;
let today: LocalDate;
let coordinators: string[];

beforeAll(async () => {
  server = await startTestServer();
  sweep = outboxSweep(server, { publicUrl, timeZone });
  today = localDateOf(new Date(), timeZone);
  coordinators = (
    server.app.db
      .prepare('SELECT id FROM people WHERE roles LIKE \'%"coordinator"%\' ORDER BY id')
      .pluck()
      .all() as string[]
  ).filter(Boolean);
}, 60_000);
afterAll(async () => server?.stop());

async function createRequest(requesterName: string): Promise<{ id: string; etag: number; deadlineOn: LocalDate }> {
  const created = await server.api.post(people.coordinator, '/access-requests', {
    law: 'dk',
    requesterName,
    requesterContact: 'presse@example.dk',
    subject: 'Procedurerne for dispensationer',
    procedureIds: [
      server.app.db.prepare('SELECT id FROM procedures WHERE current_version_id IS NOT NULL ORDER BY id').pluck().get(),
    ],
    receivedOn: today,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id, etag: created.body.etag, deadlineOn: created.body.deadlineOn };
}

/** The access-request keys of every message sent so far, by coordinator (each card validated). */
function accessKeys(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const recipientId of coordinators) {
    const keys = sweep
      .outbox(recipientId)
      .flatMap((message) => {
        expectValidCard(message.card);
        return message.keys;
      })
      .filter((key) => key.startsWith('access-request:'));
    found.set(recipientId, keys);
  }
  return found;
}

const key = (requestId: string, personId: string, dueOn: LocalDate, stage: string) =>
  `access-request:${requestId}/${personId}:${dueOn}:${stage}`;

describe('aktindsigt deadline reminders through the daily sweep', () => {
  it('tells every coordinator once before the deadline and once after it; an answered request is not reminded', async () => {
    expect(coordinators).toContain(people.coordinator);
    const open = await createRequest('Jens Journalist');
    expect(open.deadlineOn).toBe(accessDeadlineOf(today, 'dk'));
    const answered = await createRequest('Åse Anmoder');
    const answer = await server.api.post(
      people.coordinator,
      `/access-requests/${answered.id}/answer`,
      { decision: 'refused', text: 'Afslag: interne dokumenter.', answeredOn: today },
      `"${answered.etag}"`,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const entry = server.app.db.prepare("SELECT kind FROM deadlines WHERE kind = 'access-request' AND subject_id = ?");
    expect(entry.get(open.id)).toBeDefined();
    expect(entry.get(answered.id)).toBeUndefined();

    // The first day with at most 2 working days left, and the day before it (3 left).
    let noticeOn = open.deadlineOn;
    while (businessDaysBetween(addDays(noticeOn, -1), open.deadlineOn, 'dk') <= 2) noticeOn = addDays(noticeOn, -1);
    const early = await sweep.sweepOn(addDays(noticeOn, -1));
    expect(early.failed).toEqual([]);
    for (const keys of accessKeys().values()) expect(keys).toEqual([]);

    const notice = await sweep.sweepOn(noticeOn);
    expect(notice.failed).toEqual([]);
    for (const personId of coordinators)
      expect(accessKeys().get(personId)).toEqual([key(open.id, personId, open.deadlineOn, 'access-due-2')]);

    // The deadline day itself and the notice day again: nothing new.
    await sweep.sweepOn(noticeOn);
    await sweep.sweepOn(open.deadlineOn);
    for (const personId of coordinators)
      expect(accessKeys().get(personId)).toEqual([key(open.id, personId, open.deadlineOn, 'access-due-2')]);

    // The day after: overdue, once.
    await sweep.sweepOn(addDays(open.deadlineOn, 1));
    await sweep.sweepOn(addDays(open.deadlineOn, 2));
    for (const personId of coordinators) {
      expect(accessKeys().get(personId)).toEqual([
        key(open.id, personId, open.deadlineOn, 'access-due-2'),
        key(open.id, personId, open.deadlineOn, 'access-overdue'),
      ]);
    }
    // Nothing about the answered request, to anyone.
    const all = server.app.db.prepare('SELECT card FROM outbox').pluck().all() as string[];
    expect(all.some((card) => card.includes(`access-request:${answered.id}/`))).toBe(false);
    expect(all.some((card) => card.includes('Åse Anmoder'))).toBe(false);
    expect(all.some((card) => card.includes('Jens Journalist'))).toBe(true);
  }, 120_000);
});
