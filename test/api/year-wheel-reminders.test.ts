// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '../../functions/src/adapters/sqlite/open-database.js';
import { expectValidCard } from '../../functions/src/bot/cards/test-support/validate-card.js';
import { allActions, visibleText } from '../../functions/src/bot/cards/test-support/card-query.js';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import type { OccurrenceKind, YearWheelOccurrence } from '../../functions/src/core/quality-year-types.js';
import { outboxSweep } from '../support/outbox-sweep.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The "Done when": the sweep reminds about an internal audit due in 7 days and about
 * the management evaluation exactly once each, with cards that validate against the Adaptive
 * Card 1.5 schema; a completed occurrence sends nothing; one overdue by 7 days or more is
 * escalated to the owner's leader once. The owners are people of a unit of their own, so the
 * demo's reminders to others do not mix in.
 */

const timeZone = 'Europe/Copenhagen';
const publicUrl = 'https://handbog.example.dk';

let server: TestServer;
let db: SqliteDatabase;
let today: LocalDate;
let sweep: ReturnType<typeof outboxSweep>;
const sweepOn = (date: LocalDate) => sweep.sweepOn(date);
const outbox = (recipientId: string) => sweep.outbox(recipientId);

function occurrence(
  id: string,
  kind: OccurrenceKind,
  title: string,
  dueOn: LocalDate,
  ownerId: string,
  completedOn: LocalDate | null = null,
): YearWheelOccurrence {
  const now = new Date().toISOString();
  return {
    id,
    etag: 1,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'mette-kjaer',
    kind,
    title,
    dueOn,
    ownerId,
    origin: { kind: 'manual' },
    completedOn,
    isEdited: false,
    note: '',
  };
}

beforeAll(async () => {
  server = await startTestServer();
  db = server.app.db;
  sweep = outboxSweep(server, { publicUrl: publicUrl, timeZone });
  today = localDateOf(new Date(), timeZone);
  db.prepare(`INSERT INTO units (id, name, parent_id) VALUES ('kvalitet', 'Kvalitetsteam', 'teknik-miljo')`).run();
  const person = db.prepare(
    `INSERT INTO people (id, name, email, title, unit_id, roles, leader_id) VALUES (?, ?, ?, ?, 'kvalitet', ?, ?)`,
  );
  person.run('tove-leder', 'Tove Leder', 'tove@k.dk', 'Teamleder', '["leader"]', 'lars-holm');
  person.run('bo-auditor', 'Bo Auditor', 'bo@k.dk', 'Auditor', '["caseworker"]', 'tove-leder');
  person.run('eva-kvalitet', 'Eva Kvalitet', 'eva@k.dk', 'Kvalitetskoordinator', '["coordinator"]', 'tove-leder');
  person.run('ulf-planlaeg', 'Ulf Planlægger', 'ulf@k.dk', 'Planlægger', '["caseworker"]', 'tove-leder');
  person.run('sif-udfoert', 'Sif Udført', 'sif@k.dk', 'Auditor', '["caseworker"]', 'tove-leder');
  // They have read the handbook: a person in a procedure's audience is asked to acknowledge its
  // current version until they do (the acknowledgement tests), which is not what this file is about.
  db.prepare(
    `INSERT INTO acknowledgements (procedure_id, version_id, person_id, acknowledged_at)
     SELECT p.id, p.current_version_id, people.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     FROM procedures p, people WHERE p.current_version_id IS NOT NULL AND people.unit_id = 'kvalitet'`,
  ).run();
  await server.app.services.quality.commit({
    occurrences: [
      occurrence('yw-audit', 'internal-audit', 'Intern audit: Dokumentstyring', addDays(today, 7), 'bo-auditor'),
      occurrence('yw-evaluation', 'management-evaluation', 'Ledelsens evaluering', today, 'eva-kvalitet'),
      occurrence('yw-survey', 'satisfaction-survey', 'Tilfredshedsundersøgelse', addDays(today, -8), 'ulf-planlaeg'),
      occurrence('yw-done', 'internal-audit', 'Intern audit: Klager', addDays(today, 7), 'sif-udfoert', today),
    ],
  });
}, 60_000);
afterAll(async () => server?.stop());

const key = (id: string, dueOn: LocalDate, stage: string) => `occurrence:${id}:${dueOn}:${stage}`;
const recipients = ['bo-auditor', 'eva-kvalitet', 'ulf-planlaeg', 'sif-udfoert', 'tove-leder'];

describe('årshjul reminders through the daily sweep', () => {
  it('reminds each owner once, escalates once, and says nothing about completed occurrences', async () => {
    const first = await sweepOn(today);
    expect(first.status).toBe('completed');
    expect(first.failed).toEqual([]);

    const audit = outbox('bo-auditor');
    expect(audit.map((message) => message.keys)).toEqual([[key('yw-audit', addDays(today, 7), 'occurrence-due-7')]]);
    expectValidCard(audit[0]!.card);
    const auditText = visibleText(audit[0]!.card);
    expect(auditText).toContain('Intern audit');
    expect(auditText).toContain('Intern audit: Dokumentstyring');
    expect(auditText).toContain('Om 7 dage');
    expect(auditText).toContain('Bo Auditor');
    expect(allActions(audit[0]!.card)).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Åbn årshjul',
        url: `${publicUrl}/year-wheel?year=${addDays(today, 7).slice(0, 4)}`,
      },
    ]);

    const evaluation = outbox('eva-kvalitet');
    expect(evaluation.map((message) => message.keys)).toEqual([[key('yw-evaluation', today, 'occurrence-due-0')]]);
    expectValidCard(evaluation[0]!.card);
    expect(visibleText(evaluation[0]!.card)).toContain('Ledelsens evaluering');
    expect(visibleText(evaluation[0]!.card)).toContain('I dag');

    // Overdue by 8 days: the owner hears it is overdue, the leader gets the escalation.
    const overdue = outbox('ulf-planlaeg');
    expect(overdue.map((message) => message.keys)).toEqual([
      [key('yw-survey', addDays(today, -8), 'occurrence-overdue')],
    ]);
    expectValidCard(overdue[0]!.card);
    expect(visibleText(overdue[0]!.card)).toContain('Overskredet med 8 dage');
    const escalation = outbox('tove-leder');
    expect(escalation.map((message) => message.keys)).toEqual([
      [key('yw-survey', addDays(today, -8), 'occurrence-escalation')],
    ]);
    expectValidCard(escalation[0]!.card);
    expect(visibleText(escalation[0]!.card)).toContain('Eskalering');
    expect(visibleText(escalation[0]!.card)).toContain('Ulf Planlægger er ansvarlig');

    expect(outbox('sif-udfoert')).toEqual([]);
    expect(first.sent.find((message) => message.recipientId === 'bo-auditor')?.items.map((line) => line.label)).toEqual(
      ['Intern audit: Dokumentstyring'],
    );

    // The same day again: nothing more to any of them.
    const second = await sweepOn(today);
    expect(second.sent.filter((message) => recipients.includes(message.recipientId))).toEqual([]);
    for (const recipient of recipients) expect(outbox(recipient).length).toBeLessThanOrEqual(1);
  });

  it('stops when the occurrence is marked done', async () => {
    const [audit] = (await server.app.services.quality.listOccurrences()).filter((item) => item.id === 'yw-audit');
    await server.app.services.quality.commit({
      expect: [{ collection: 'occurrences', id: 'yw-audit', etag: audit!.etag }],
      occurrences: [{ ...audit!, etag: audit!.etag + 1, completedOn: today }],
    });
    // On the date itself (the due-0 stage) a completed occurrence sends nothing.
    await sweepOn(addDays(today, 7));
    expect(outbox('bo-auditor')).toHaveLength(1);
  });
});
