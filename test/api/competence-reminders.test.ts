import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '../../functions/src/adapters/sqlite/open-database.js';
import { addDays, addMonths, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { firstOfMonth } from '../../functions/src/core/reminder-schedule.js';
import { createSqliteReminderSource } from '../../functions/src/adapters/sqlite/sqlite-messaging-store.js';
import { outboxSweep } from '../support/outbox-sweep.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Competence reminders through the real sweep over the demo database, for a unit of its own
 * (so the demo's reminders to other people do not mix in): a qualification that ends in 20
 * days and a requirement the unit does not meet. Cards are the product's, with the ledger keys
 * added so the outbox can be checked key by key.
 */

const timeZone = 'Europe/Copenhagen';

let server: TestServer;
let db: SqliteDatabase;
let today: LocalDate;
let sweep: ReturnType<typeof outboxSweep>;
const sweepOn = (date: LocalDate) => sweep.sweepOn(date);
const outbox = (recipientId: string) => sweep.outbox(recipientId);
const validUntil = () => addDays(today, 20);

beforeAll(async () => {
  server = await startTestServer();
  db = server.app.db;
  sweep = outboxSweep(server, { publicUrl: 'https://handbog.example.dk', timeZone });
  today = localDateOf(new Date(), timeZone);
  db.prepare(`INSERT INTO units (id, name, parent_id) VALUES ('kvalitet', 'Kvalitetsteam', 'teknik-miljo')`).run();
  const person = db.prepare(
    `INSERT INTO people (id, name, email, title, unit_id, roles, leader_id) VALUES (?, ?, ?, ?, 'kvalitet', ?, ?)`,
  );
  person.run('tove-leder', 'Tove Leder', 'tove@k.dk', 'Teamleder', '["leader"]', 'lars-holm');
  person.run('bo-auditor', 'Bo Auditor', 'bo@k.dk', 'Auditor', '["caseworker"]', 'tove-leder');
  // They have read the handbook: a person in a procedure's audience is asked to acknowledge its
  // current version until they do (the acknowledgement tests), which is not what this file is about.
  db.prepare(
    `INSERT INTO acknowledgements (procedure_id, version_id, person_id, acknowledged_at)
     SELECT p.id, p.current_version_id, people.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     FROM procedures p, people WHERE p.current_version_id IS NOT NULL AND people.unit_id = 'kvalitet'`,
  ).run();
  await server.app.services.store.commit({
    competences: [
      {
        id: 'lead-auditor',
        name: 'Lead auditor',
        category: 'Kvalitet',
        description: 'Leder interne audits.',
        validityMonths: 36,
      },
    ],
    competenceRequirements: [
      {
        id: 'req-kvalitet-lead-auditor',
        competenceId: 'lead-auditor',
        scope: { kind: 'unit', unitId: 'kvalitet' },
        minPeople: 1,
        minLevel: 3,
      },
    ],
    personCompetences: [
      {
        personId: 'bo-auditor',
        competenceId: 'lead-auditor',
        level: 2,
        evidence: { kind: 'certificate', title: 'Lead auditor', date: addMonths(validUntil(), -36) },
        validUntil: validUntil(),
        assessment: 'confirmed',
        confirmedBy: 'tove-leder',
      },
    ],
  });
}, 60_000);
afterAll(async () => server?.stop());

const qualificationKey = (stage: string) => `qualification:bo-auditor/lead-auditor:${validUntil()}:${stage}`;
const requirementKey = (date: LocalDate) =>
  `requirement:req-kvalitet-lead-auditor:${firstOfMonth(date)}:requirement-unmet`;

describe('competence reminders through the daily sweep', () => {
  it('tells the holder and the leader once, again only on a new stage or a new month, and stops when covered', async () => {
    const first = await sweepOn(today);
    expect(first.status).toBe('completed');
    expect(first.failed).toEqual([]);
    expect(outbox('bo-auditor').map((message) => message.keys)).toEqual([
      [qualificationKey('qualification-expiring-30')],
    ]);
    const toLeader = outbox('tove-leder');
    expect(toLeader).toHaveLength(1);
    expect([...toLeader[0]!.keys].sort()).toEqual(
      [qualificationKey('qualification-expiring-30-leader'), requirementKey(today)].sort(),
    );
    // The leader's message is a digest that links to the competence matrix and says what is short.
    const leaderCard = JSON.stringify(toLeader[0]!.card);
    expect(leaderCard).toContain('https://handbog.example.dk/competences');
    expect(leaderCard).toContain('Mangler: 1 person på niveau 3 (Erfaren) eller derover.');
    expect(first.sent.find((message) => message.recipientId === 'tove-leder')?.items.map((line) => line.label)).toEqual(
      ['Lead auditor – Bo Auditor', 'Lead auditor – Kvalitetsteam'],
    );

    // The same day again, and a later day in the same stage: nothing more.
    const second = await sweepOn(today);
    expect(second.sent).toEqual([]);
    const later = addDays(today, 5);
    const third = await sweepOn(later);
    const laterRecipients = third.sent.map((message) => message.recipientId);
    expect(laterRecipients).not.toContain('bo-auditor');
    if (firstOfMonth(later) === firstOfMonth(today)) expect(laterRecipients).not.toContain('tove-leder');
    expect(outbox('bo-auditor')).toHaveLength(1);

    // Next month: still unmet, so the leader hears of it again.
    const nextMonth = addDays(firstOfMonth(addMonths(today, 1)), 1);
    await sweepOn(nextMonth);
    const leaderKeys = outbox('tove-leder').flatMap((message) => message.keys);
    expect(leaderKeys).toContain(requirementKey(nextMonth));
    expect(leaderKeys.filter((key) => key === requirementKey(nextMonth))).toHaveLength(1);
    // For the holder only a new stage is news: expired, if the qualification ended before then.
    const holderKeys = outbox('bo-auditor').flatMap((message) => message.keys);
    expect(holderKeys).toEqual(
      nextMonth > validUntil()
        ? [qualificationKey('qualification-expiring-30'), qualificationKey('qualification-expired')]
        : [qualificationKey('qualification-expiring-30')],
    );

    // Covered by an external decision from then on: the month after sends no requirement notice.
    await server.app.services.store.commit({
      externalCoverage: [
        {
          id: 'ext-lead-auditor',
          requirementId: 'req-kvalitet-lead-auditor',
          supplier: 'Revisionsfirma (fiktivt)',
          decidedOn: nextMonth,
          decidedBy: 'tove-leder',
          contractEnd: null,
          note: '',
        },
      ],
    });
    const monthAfter = addDays(firstOfMonth(addMonths(today, 2)), 1);
    const covered = await sweepOn(monthAfter);
    expect(covered.failed).toEqual([]);
    expect(outbox('tove-leder').flatMap((message) => message.keys)).not.toContain(requirementKey(monthAfter));
  });

  it('sends nothing for a requirement whose scope does not resolve', async () => {
    await server.app.services.store.commit({
      competenceRequirements: [
        {
          id: 'req-unknown-unit',
          competenceId: 'lead-auditor',
          scope: { kind: 'unit', unitId: 'no-such-unit' },
          minPeople: 1,
          minLevel: 3,
        },
        {
          id: 'req-unknown-area',
          competenceId: 'lead-auditor',
          scope: { kind: 'area', area: 'Intet område' },
          minPeople: 1,
          minLevel: 3,
        },
      ],
    });
    const candidates = await createSqliteReminderSource(db, { timeZone }).listReminderCandidates(today);
    const requirementIds = candidates.flatMap((candidate) =>
      candidate.kind === 'requirement' ? [candidate.requirementId] : [],
    );
    expect(requirementIds).toContain('req-kvalitet-lead-auditor');
    expect(requirementIds).not.toContain('req-unknown-unit');
    expect(requirementIds).not.toContain('req-unknown-area');
  });
});
