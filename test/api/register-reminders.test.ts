// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allActions, visibleText } from '../../functions/src/bot/cards/test-support/card-query.js';
import { expectValidCard } from '../../functions/src/bot/cards/test-support/validate-card.js';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { outboxSweep } from '../support/outbox-sweep.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 15: every sender is answered. A reported item's reply deadline is in the deadline index
 * from the moment it is received; the daily sweep reminds its handler through the ledger (once
 * per stage, in the handler's language, with a link into the tab's item) and, once the deadline
 * has passed by the escalation days, the handler's leader; the answer removes the entry and
 * nothing more is sent.
 */

const timeZone = 'Europe/Copenhagen';
const publicUrl = 'https://handbog.example.dk';

let server: TestServer;
let sweep: ReturnType<typeof outboxSweep>;
let today: LocalDate;

beforeAll(async () => {
  server = await startTestServer();
  sweep = outboxSweep(server, { publicUrl, timeZone });
  today = localDateOf(server.app.services.clock.now(), timeZone);
}, 60_000);
afterAll(async () => server?.stop());

type Entry = { due_on: string; responsible_id: string | null; unit_id: string | null; details: string };
const entryOf = (itemId: string) =>
  server.app.db
    .prepare(
      "SELECT due_on, responsible_id, unit_id, details FROM deadlines WHERE kind = 'register-reply' AND subject_id = ?",
    )
    .get(itemId) as Entry | undefined;

/** The register-reply keys sent to a person so far (each card validated). */
function registerKeys(personId: string, itemId: string): string[] {
  return sweep
    .outbox(personId)
    .flatMap((message) => {
      expectValidCard(message.card);
      // Cards sent outside the sweep (an assignment) carry no ledger keys.
      return message.keys ?? [];
    })
    .filter((key) => key.startsWith(`register-reply:${itemId}/`));
}

describe('register reply reminders through the daily sweep', () => {
  it('reminds the handler before and after the deadline, escalates once, and stops when answered', async () => {
    const reported = await server.api.call(people.natureCaseworker, 'POST', '/register/items', {
      json: { kind: 'deviation', title: 'Kortet i sagen manglede', description: 'Bilaget var ikke vedlagt.' },
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const item = reported.body as { id: string; etag: number; replyDueOn: LocalDate; handler: { id: string } };
    expect(item.handler.id).toBe(people.natureLeader);

    // In the index from the start, with the days its reminders begin.
    const entry = entryOf(item.id)!;
    expect(entry).toMatchObject({ due_on: item.replyDueOn, responsible_id: people.natureLeader });
    const { remindOn, escalateOn } = JSON.parse(entry.details) as { remindOn: LocalDate; escalateOn: LocalDate };
    expect(remindOn <= item.replyDueOn && item.replyDueOn < escalateOn).toBe(true);

    const key = (personId: string, stage: string) =>
      `register-reply:${item.id}/${personId}:${item.replyDueOn}:${stage}`;
    if (addDays(remindOn, -1) >= today) await sweep.sweepOn(addDays(remindOn, -1));
    expect(registerKeys(people.natureLeader, item.id)).toEqual([]);

    await sweep.sweepOn(remindOn);
    await sweep.sweepOn(item.replyDueOn);
    expect(registerKeys(people.natureLeader, item.id)).toEqual([key(people.natureLeader, 'register-due-soon')]);
    const notice = sweep
      .outbox(people.natureLeader)
      .find((message) => (message.keys ?? []).includes(key(people.natureLeader, 'register-due-soon')))!;
    expect(allActions(notice.card)).toEqual(
      expect.arrayContaining([expect.objectContaining({ url: `${publicUrl}/reports/${item.id}` })]),
    );

    await sweep.sweepOn(addDays(item.replyDueOn, 1));
    await sweep.sweepOn(escalateOn);
    await sweep.sweepOn(addDays(escalateOn, 1));
    expect(registerKeys(people.natureLeader, item.id)).toEqual([
      key(people.natureLeader, 'register-due-soon'),
      key(people.natureLeader, 'register-overdue'),
    ]);
    // The escalation went to one leader above the handler, once, naming the handler.
    const escalated = server.app.db
      .prepare("SELECT recipient_id FROM reminder_ledger WHERE key LIKE ? AND state = 'sent'")
      .pluck()
      .all(`register-reply:${item.id}/%:register-escalation`) as string[];
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).not.toBe(people.natureLeader);
    const escalation = sweep
      .outbox(escalated[0]!)
      .find((message) => (message.keys ?? []).includes(key(escalated[0]!, 'register-escalation')))!;
    expect(visibleText(escalation.card)).toContain('Anne Birk');

    // Answered: the entry goes, and nothing more is sent to anyone.
    const current = await server.api.get(people.natureLeader, `/register/items/${item.id}`);
    const replied = await server.api.call(people.natureLeader, 'POST', `/register/items/${item.id}/reply`, {
      json: { text: 'Tak, bilaget er lagt i sagen.' },
      ifMatch: `"${current.body.etag}"`,
    });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
    expect(entryOf(item.id)).toBeUndefined();
    const sentBefore = server.app.db
      .prepare("SELECT count(*) FROM reminder_ledger WHERE key LIKE 'register-reply:%'")
      .pluck();
    const before = sentBefore.get();
    await sweep.sweepOn(addDays(escalateOn, 5));
    expect(sentBefore.get()).toBe(before);
  }, 120_000);
});
