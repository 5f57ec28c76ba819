// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeActions, visibleText } from '../../functions/src/bot/cards/test-support/card-query.js';
import { expectValidCard } from '../../functions/src/bot/cards/test-support/validate-card.js';
import { createBot } from '../../functions/src/bot/create-bot.js';
import { cardActionInvoke, postActivity, teamsActivity } from '../support/activities.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const botId = '28:kvalitetshaandbog';

function activityFrom(personId: string, extra: Record<string, unknown>) {
  return teamsActivity(personId, extra);
}

/** The invoke a Teams client sends for Action.Execute. */
function cardAction(personId: string, verb: string, data: Record<string, unknown>, replyToId?: string) {
  return cardActionInvoke(personId, verb, data, replyToId ? { replyToId } : {});
}

const post = (activity: unknown) => postActivity(server.url, activity);

async function submitRevision(code: string, author: string, summary: string) {
  const { api } = server;
  const list = await api.get(author, '/procedures?limit=1000');
  const id = list.body.items.find((item: { code: string }) => item.code === code).id;
  const detail = (await api.get(author, `/procedures/${id}`)).body;
  const uploaded = await api.upload(author, id, `${code}.md`, `# ${code}\n\n## Formål\n\n${summary}\n`, detail.etag);
  expect(uploaded.status).toBe(200);
  const submitted = await api.post(
    author,
    `/procedures/${id}/draft/submit`,
    { changeSummary: summary },
    uploaded.body.etag,
  );
  expect(submitted.status).toBe(200);
  return { procedureId: id as string, approvalId: submitted.body.pendingApproval.id as string };
}

const approvalOf = (id: string) => server.app.services.store.getApproval(id);

describe('POST /api/messages', () => {
  it('stores the conversation when the app is installed (conversationUpdate)', async () => {
    const response = await post(
      activityFrom(people.natureLeader, {
        type: 'conversationUpdate',
        membersAdded: [{ id: botId }],
        channelData: { tenant: { id: 'local' }, eventType: 'teamMemberAdded' },
      }),
    );
    expect(response.status).toBe(200);
    const conversation = await server.app.messaging.getConversation(people.natureLeader);
    expect(conversation).toMatchObject({
      conversationId: `a:${people.natureLeader}`,
      locale: 'da',
      userAadObjectId: people.natureLeader,
    });
  });

  it('sends the approver a card on submit, and decides from the card exactly once', async () => {
    const { approvalId, procedureId } = await submitRevision(
      'K-17',
      people.natureAuthor,
      'Ny tjekliste for besigtigelse.',
    );
    const inbox = await server.app.outbox.list(people.natureLeader);
    const message = inbox.find((candidate) =>
      executeActions(candidate.card, 'approve').some((action) => action.data?.['approvalId'] === approvalId),
    );
    expect(message, 'approval request card in the approver’s chat').toBeDefined();
    expectValidCard(message!.card);
    expect(visibleText(message!.card)).toContain('Ny tjekliste for besigtigelse.');

    // The author pressing Approve on a forwarded card decides nothing and sees the status.
    const byAuthor = await post(cardAction(people.natureAuthor, 'approve', { approvalId }));
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(executeActions(byAuthor.body.value)).toHaveLength(0);
    expect((await approvalOf(approvalId))?.decision).toBeNull();

    // Reject without a comment is refused; the card keeps its buttons and says why.
    const bare = await post(cardAction(people.natureLeader, 'reject', { approvalId }, message!.id));
    expect(bare.status).toBe(200);
    expectValidCard(bare.body.value);
    expect(visibleText(bare.body.value)).toContain('begrundelse');
    expect(executeActions(bare.body.value, 'reject')).toHaveLength(1);
    expect((await approvalOf(approvalId))?.decision).toBeNull();

    // Approve: published; the card (and the stored chat message) show the outcome.
    const approved = await post(cardAction(people.natureLeader, 'approve', { approvalId }, message!.id));
    expect(approved.status).toBe(200);
    expectValidCard(approved.body.value);
    expect(executeActions(approved.body.value)).toHaveLength(0);
    expect(visibleText(approved.body.value)).toMatch(/Godkendt af Anne Birk \d{2}-\d{2}-\d{4} kl\. \d{2}\.\d{2}/);
    expect((await approvalOf(approvalId))?.decision).toBe('approved');
    const procedure = await server.app.services.store.getProcedure(procedureId);
    expect(procedure?.draftVersionId).toBeNull();
    const updated = (await server.app.outbox.list(people.natureLeader)).find(
      (candidate) => candidate.id === message!.id,
    );
    expect(visibleText(updated!.card)).toContain('Godkendt af Anne Birk');

    // A double click answers with the same outcome and writes nothing.
    const trailBefore = (await server.app.services.store.listTrail(procedureId)).length;
    const again = await post(cardAction(people.natureLeader, 'approve', { approvalId }, message!.id));
    expect(again.status).toBe(200);
    expect(visibleText(again.body.value)).toContain('Godkendt af Anne Birk');
    expect((await server.app.services.store.listTrail(procedureId)).length).toBe(trailBefore);
    const versions = await server.app.services.store.listVersions(procedureId);
    expect(versions.filter((version) => version.state === 'published')).toHaveLength(1);
  });

  it('rejects with a comment, and a stale card afterwards decides nothing', async () => {
    const first = await submitRevision('K-18', people.natureAuthor, 'Diger registreres i GIS.');
    const rejected = await post(
      cardAction(people.natureLeader, 'reject', { approvalId: first.approvalId, comment: 'Mangler klagevejledning.' }),
    );
    expect(rejected.status).toBe(200);
    expectValidCard(rejected.body.value);
    expect(visibleText(rejected.body.value)).toContain('Mangler klagevejledning.');
    expect(await approvalOf(first.approvalId)).toMatchObject({
      decision: 'rejected',
      comment: 'Mangler klagevejledning.',
    });

    // The author submits again; the old card is now stale.
    const { api } = server;
    const detail = (await api.get(people.natureAuthor, `/procedures/${first.procedureId}`)).body;
    const resubmitted = await api.post(
      people.natureAuthor,
      `/procedures/${first.procedureId}/draft/submit`,
      { changeSummary: 'Med klagevejledning.' },
      detail.etag,
    );
    const second = resubmitted.body.pendingApproval.id as string;
    const stale = await post(cardAction(people.natureLeader, 'approve', { approvalId: first.approvalId }));
    expect(stale.status).toBe(200);
    expect(executeActions(stale.body.value)).toHaveLength(0);
    expect(visibleText(stale.body.value)).toContain('Mangler klagevejledning.');
    expect(await approvalOf(first.approvalId)).toMatchObject({ decision: 'rejected' });
    expect((await approvalOf(second))?.decision).toBeNull();

    // Refresh shows the approver buttons on the new request, and others only its status.
    const forApprover = await post(
      cardAction(people.natureLeader, 'refresh', { subject: 'approval', approvalId: second }),
    );
    expect(executeActions(forApprover.body.value, 'approve')).toHaveLength(1);
    const forReader = await post(
      cardAction(people.natureCaseworker, 'refresh', { subject: 'approval', approvalId: second }),
    );
    expect(executeActions(forReader.body.value)).toHaveLength(0);
  });

  it('answers bad card data and unknown people with errors, and changes nothing', async () => {
    const badVerb = await post(cardAction(people.natureLeader, 'deleteEverything', {}));
    expect(badVerb.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    const badData = await post(cardAction(people.natureLeader, 'approve', { approvalId: '../../etc' }));
    expect(badData.body).toMatchObject({ statusCode: 400 });
    const stranger = await post(cardAction('someone-else', 'approve', { approvalId: 'x' }));
    expect(stranger.body).toMatchObject({ statusCode: 401 });
    const notJson = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });
});

describe('inbound authentication', () => {
  it('refuses unauthenticated activities from outside loopback when there is no bot registration', async () => {
    const response = await server.app.bot.handle({ body: { type: 'message' }, headers: {} }, { isLoopback: false });
    expect(response.status).toBe(401);
  });

  it('with a bot registration, refuses activities without a valid Bot Framework token', async () => {
    const { services, messaging, outbox } = server.app;
    const bot = await createBot({
      services,
      messaging,
      outbox,
      credentials: {
        clientId: '00000000-0000-4000-8000-000000000001',
        clientSecret: 'not-a-real-secret',
        tenantId: null,
      },
      publicUrl: server.url,
      mode: 'local',
    });
    const body = cardAction(people.natureLeader, 'approve', { approvalId: 'x' });
    // No Authorization header: refused before anything else. (A forged token would make the SDK
    // fetch Bot Framework's signing keys, which this offline machine must not try to reach.)
    expect((await bot.handle({ body, headers: {} }, { isLoopback: true })).status).toBe(401);
    expect(await server.app.services.store.getApproval('x')).toBeUndefined();
  });
});

describe('card answers show exactly what REST shows (issue 10, item 8)', () => {
  const secretTitle = 'Hemmelig udkastprocedure om naturtilsyn';
  const secretSummary = 'Fortroligt: ny praksis for påbud.';

  /** A procedure that was never published, submitted for approval by its author. */
  async function pendingNeverPublished() {
    const { api } = server;
    const created = await api.post(people.natureAuthor, '/procedures', {
      code: 'K-97',
      title: secretTitle,
      level: 'core',
      area: 'Natur',
      unitId: 'natur',
      ownerId: people.natureAuthor,
      approverId: people.natureLeader,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const uploaded = await api.upload(
      people.natureAuthor,
      id,
      'K-97.md',
      '# K-97\n\n## Formål\n\nUdkast.\n',
      created.body.etag,
    );
    expect(uploaded.status).toBe(200);
    const submitted = await api.post(
      people.natureAuthor,
      `/procedures/${id}/draft/submit`,
      { changeSummary: secretSummary },
      uploaded.body.etag,
    );
    expect(submitted.status).toBe(200);
    return { procedureId: id, approvalId: submitted.body.pendingApproval.id as string };
  }

  it('refresh: a caseworker from another unit gets "not found" like REST; the approver gets the card', async () => {
    const { procedureId, approvalId } = await pendingNeverPublished();
    expect((await server.api.get(people.environmentCaseworker, `/procedures/${procedureId}`)).status).toBe(404);

    const outsider = await post(
      cardAction(people.environmentCaseworker, 'refresh', { subject: 'approval', approvalId }),
    );
    expect(outsider.status).toBe(200);
    const shown = JSON.stringify(outsider.body);
    expect(shown).not.toContain(secretTitle);
    expect(shown).not.toContain(secretSummary);
    expect(shown).not.toContain('K-97');
    expect(visibleText(outsider.body.value)).toContain('findes ikke');
    expect(executeActions(outsider.body.value)).toHaveLength(0);

    const approver = await post(cardAction(people.natureLeader, 'refresh', { subject: 'approval', approvalId }));
    expect(visibleText(approver.body.value)).toContain(secretTitle);
    expect(visibleText(approver.body.value)).toContain(secretSummary);
    expect(executeActions(approver.body.value, 'approve')).toHaveLength(1);
  });

  it('refresh of a published procedure’s pending draft: its summary stays with those REST shows it to', async () => {
    const procedure = (await server.app.services.store.getProcedureByCode('S-04'))!;
    const approval = (await server.app.services.store.listApprovals(procedure.id)).find((a) => a.decision === null)!;
    const rest = await server.api.get(people.environmentCaseworker, `/procedures/${procedure.id}`);
    expect(rest.status).toBe(200);
    expect(rest.body.pendingApproval).toBeNull();
    expect(JSON.stringify(rest.body)).not.toContain(approval.changeSummary);

    const outsider = await post(
      cardAction(people.environmentCaseworker, 'refresh', { subject: 'approval', approvalId: approval.id }),
    );
    expect(JSON.stringify(outsider.body)).not.toContain(approval.changeSummary);
    expect(visibleText(outsider.body.value)).toContain('findes ikke');
  });

  it.each(['approve', 'reject'])(
    '%s by someone who may not see the draft: "not found", nothing decided, nothing shown',
    async (verb) => {
      const procedure = (await server.app.services.store.getProcedureByCode('K-05'))!;
      const approval = (await server.app.services.store.listApprovals(procedure.id)).find((a) => a.decision === null)!;
      const before = {
        approval: await approvalOf(approval.id),
        trail: await server.app.services.store.listTrail(procedure.id),
      };
      const answer = await post(
        cardAction(people.environmentCaseworker, verb, { approvalId: approval.id, comment: 'Nej.' }),
      );
      expect(JSON.stringify(answer.body)).not.toContain(approval.changeSummary);
      expect(visibleText(answer.body.value)).toContain('findes ikke');
      expect({
        approval: await approvalOf(approval.id),
        trail: await server.app.services.store.listTrail(procedure.id),
      }).toEqual(before);
    },
  );

  it('confirmReview, startRevision and acknowledge on a procedure REST hides: "not found", no title', async () => {
    const { procedureId } = await pendingNeverPublished().catch(async () => {
      // Created by the first test of this block already.
      const procedure = (await server.app.services.store.getProcedureByCode('K-97'))!;
      return { procedureId: procedure.id };
    });
    const detail = (await server.api.get(people.natureAuthor, `/procedures/${procedureId}`)).body;
    const etag = (await server.app.services.store.getProcedure(procedureId))!.etag;
    for (const [verb, data] of [
      ['confirmReview', { procedureId, etag }],
      ['startRevision', { procedureId, etag }],
      ['acknowledge', { procedureId, versionId: detail.draft.id }],
    ] as const) {
      const answer = await post(cardAction(people.environmentCaseworker, verb, data));
      expect(JSON.stringify(answer.body), verb).not.toContain(secretTitle);
      expect(visibleText(answer.body.value), verb).toContain('findes ikke');
    }
  });
});
