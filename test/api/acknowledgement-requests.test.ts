import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../functions/src/core/local-date.js';
import type { Notifier } from '../../functions/src/app/messaging-ports.js';
import { createReminderCards } from '../../functions/src/jobs/reminder-cards.js';
import { sendAcknowledgementRequests } from '../../functions/src/jobs/send-acknowledgement-requests.js';
import { outboxSweep } from '../support/outbox-sweep.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const timeZone = 'Europe/Copenhagen';

const procedureByCode = (code: string, as?: string) => server.api.procedureByCode(code, as);

/** The acknowledgement cards in a person's local chat for one version. */
async function acknowledgementCards(personId: string, versionId: string) {
  return (await server.app.outbox.list(personId)).filter((message) => {
    const card = JSON.stringify(message.card);
    return card.includes('"verb":"acknowledge"') && card.includes(`"versionId":"${versionId}"`);
  });
}

function ledgerFor(versionId: string): { key: string; state: string; stage: string; recipient_id: string }[] {
  return server.app.db
    .prepare('SELECT key, state, stage, recipient_id FROM reminder_ledger WHERE subject_id LIKE ? ORDER BY key')
    .all(`${versionId}/%`) as never;
}

describe('the acknowledgement request at publication', () => {
  it('reaches the readers at once, exactly once, and never the author or the approver', async () => {
    const { api } = server;
    const author = people.natureAuthor; // Peter Lund, in Natur
    const approver = people.natureLeader; // Anne Birk, leads Natur
    const before = await procedureByCode('K-18', author);

    // The audience: Natur and Miljø. The author and the approver are both in it.
    const widened = await api.call(author, 'PATCH', `/procedures/${before.id}`, {
      json: { audience: { unitIds: ['natur', 'miljo'], roles: [] } },
      ifMatch: before.etag,
    });
    expect(widened.status).toBe(200);
    const audience = (await server.app.services.store.listPeople())
      .filter((person) => person.unitId === 'natur' || person.unitId === 'miljo')
      .map((person) => person.id);
    expect(audience).toEqual(expect.arrayContaining([author, approver, people.natureCaseworker]));
    const readers = audience.filter((id) => id !== author && id !== approver).sort();
    expect(readers.length).toBeGreaterThanOrEqual(4);

    const uploaded = await api.upload(
      author,
      before.id,
      'K-18 revideret.md',
      '# K-18\n\n## Formål\n\nDiger registreres nu med foto.\n',
      widened.body.etag,
    );
    const submitted = await api.post(
      author,
      `/procedures/${before.id}/draft/submit`,
      { changeSummary: 'Diger registreres nu med foto.', kind: 'major' },
      uploaded.body.etag,
    );
    expect(submitted.status).toBe(200);
    const approved = await api.post(approver, `/approvals/${submitted.body.pendingApproval.id}/approve`, {});
    expect(approved.status).toBe(200);
    const versionId = approved.body.currentVersion.id as string;
    const today = localDateOf(new Date(), timeZone);

    // Right after the approval every reader has the card in the chat; the author and approver do not.
    for (const reader of readers) expect(await acknowledgementCards(reader, versionId), reader).toHaveLength(1);
    expect(await acknowledgementCards(author, versionId)).toEqual([]);
    expect(await acknowledgementCards(approver, versionId)).toEqual([]);
    const [karens] = await acknowledgementCards(people.natureCaseworker, versionId);
    expect(JSON.stringify(karens?.card)).toContain('Diger registreres nu med foto.');
    expect(karens?.summary).toBe('K-18 ny version at læse og kvittere for');

    // Claimed in the sweep's ledger under the sweep's own key for the request.
    expect(ledgerFor(versionId)).toEqual(
      readers.map((reader) => ({
        key: `acknowledgement:${versionId}/${reader}:${today}:acknowledgement-requested`,
        state: 'sent',
        stage: 'acknowledgement-requested',
        recipient_id: reader,
      })),
    );

    // Asked means asked everywhere: the follow-up report, "Mine opgaver" and the procedure itself.
    const report = await api.get(approver, `/procedures/${before.id}/acknowledgements`);
    expect(report.body.requested).toBe(readers.length);
    expect(report.body.missing.map((row: { person: { id: string } }) => row.person.id).sort()).toEqual(readers);
    for (const maker of [author, approver]) {
      const tasks = await api.get(maker, '/me/tasks');
      expect(tasks.body.acknowledgements.map((task: { versionId: string }) => task.versionId)).not.toContain(versionId);
      const detail = await api.get(maker, `/procedures/${before.id}`);
      expect(detail.body.myAcknowledgement).toMatchObject({ requested: false, acknowledgedAt: null });
    }
    const karensTasks = await api.get(people.natureCaseworker, '/me/tasks');
    expect(karensTasks.body.acknowledgements.map((task: { versionId: string }) => task.versionId)).toContain(versionId);

    // The sweep right after sends nobody the request again.
    const sweep = outboxSweep(server, { publicUrl: server.url });
    const sameDay = await sweep.sweepOn(today);
    expect(sameDay.failed).toEqual([]);
    const aboutK18 = sameDay.sent
      .flatMap((message) => message.items)
      .filter((item) => item.label === 'K-18' && item.stage.startsWith('acknowledgement-'));
    expect(aboutK18).toEqual([]);
    expect(ledgerFor(versionId)).toHaveLength(readers.length);

    // A second identical event sends nothing either.
    await server.app.services.events.publish({
      type: 'approval.decided',
      approvalId: submitted.body.pendingApproval.id,
    });
    for (const reader of readers) expect(await acknowledgementCards(reader, versionId), reader).toHaveLength(1);
    expect(ledgerFor(versionId)).toHaveLength(readers.length);

    // A week later the reminder still goes to whoever has not acknowledged, and only to them.
    const acknowledged = await api.post(
      people.natureCaseworker,
      `/procedures/${before.id}/versions/${versionId}/acknowledgement`,
      {},
    );
    expect(acknowledged.status).toBe(200);
    const weekLater = await sweep.sweepOn(addDays(today, 7));
    const reminded = weekLater.sent
      .filter((message) =>
        message.items.some((item) => item.stage === 'acknowledgement-outstanding' && item.label === 'K-18'),
      )
      .map((message) => message.recipientId)
      .sort();
    expect(reminded).toEqual(readers.filter((id) => id !== people.natureCaseworker));
  });

  it('sends nothing for a minor version: nobody is asked to acknowledge it', async () => {
    const { api } = server;
    const before = await procedureByCode('K-17', people.natureAuthor);
    const uploaded = await api.upload(
      people.natureAuthor,
      before.id,
      'K-17 rettet.md',
      '# K-17\n\n## Formål\n\nStavefejl rettet.\n',
      before.etag,
    );
    const submitted = await api.post(
      people.natureAuthor,
      `/procedures/${before.id}/draft/submit`,
      { changeSummary: 'Stavefejl rettet.', kind: 'minor' },
      uploaded.body.etag,
    );
    const approved = await api.post(people.natureLeader, `/approvals/${submitted.body.pendingApproval.id}/approve`, {});
    expect(approved.status).toBe(200);
    const versionId = approved.body.currentVersion.id as string;
    expect(await acknowledgementCards(people.natureCaseworker, versionId)).toEqual([]);
    expect(ledgerFor(versionId)).toEqual([]);
  });

  it('leaves whoever it did not claim to the next sweep; a failed send is not repeated, the reminder still comes', async () => {
    const { api, app } = server;
    // Miljø's K-04 (written by Mads Berg, approved by Jens Mortensen), for Miljø and Natur: three readers.
    const before = await procedureByCode('K-04', 'mads-berg');
    const widened = await api.call('mads-berg', 'PATCH', `/procedures/${before.id}`, {
      json: { audience: { unitIds: ['miljo', 'natur'], roles: [] } },
      ifMatch: before.etag,
    });
    expect(widened.status).toBe(200);
    const uploaded = await api.upload('mads-berg', before.id, 'K-04.md', '# K-04\n\nNy tekst.\n', widened.body.etag);
    const submitted = await api.post(
      'mads-berg',
      `/procedures/${before.id}/draft/submit`,
      { changeSummary: 'Ny tekst.', kind: 'major' },
      uploaded.body.etag,
    );
    const approved = await api.post(
      submitted.body.pendingApproval.approver.id,
      `/approvals/${submitted.body.pendingApproval.id}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    const versionId = approved.body.currentVersion.id as string;
    const readers = ledgerFor(versionId).map((row) => row.recipient_id);
    expect(readers.length).toBeGreaterThanOrEqual(3);

    // As if the event had been lost: no ledger entries, no cards.
    app.db.prepare('DELETE FROM reminder_ledger WHERE subject_id LIKE ?').run(`${versionId}/%`);
    for (const reader of readers) {
      for (const message of await acknowledgementCards(reader, versionId)) {
        app.db.prepare('DELETE FROM outbox WHERE id = ?').run(message.id);
      }
    }
    const [first, second, ...rest] = readers.sort();
    const failing: Notifier = {
      async send(message) {
        if (message.recipientId === second) throw new Error('Teams is down');
        return app.outbox.send(message);
      },
    };
    const result = await sendAcknowledgementRequests(
      {
        services: app.services,
        messaging: app.messaging,
        notifier: failing,
        cards: createReminderCards({ publicUrl: server.url }),
        inlineLimit: 2,
      },
      versionId,
    );
    expect(result).toEqual({
      sent: [first],
      skipped: 0,
      deferred: rest.length,
      failed: [{ recipientId: second, error: 'Teams is down' }],
    });

    // The sweep the same day sends the request to those left unclaimed, not again to the others.
    const today = localDateOf(new Date(), timeZone);
    const sweep = outboxSweep(server, { publicUrl: server.url });
    const sameDay = await sweep.sweepOn(today);
    const requested = sameDay.sent
      .filter((message) =>
        message.items.some((item) => item.stage === 'acknowledgement-requested' && item.label === 'K-04'),
      )
      .map((message) => message.recipientId)
      .sort();
    expect(requested).toEqual(rest);
    expect(await acknowledgementCards(first!, versionId)).toHaveLength(1);
    expect(await acknowledgementCards(second!, versionId)).toHaveLength(0);

    // A week later everyone who has not acknowledged is reminded, the one whose request failed too.
    const weekLater = await sweep.sweepOn(addDays(today, 7));
    const reminded = weekLater.sent
      .filter((message) =>
        message.items.some((item) => item.stage === 'acknowledgement-outstanding' && item.label === 'K-04'),
      )
      .map((message) => message.recipientId)
      .sort();
    expect(reminded).toEqual(readers.sort());
  });
});
