// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeActions, visibleText } from '../../functions/src/bot/cards/test-support/card-query.js';
import { expectValidCard } from '../../functions/src/bot/cards/test-support/validate-card.js';
import { postActivity, teamsActivity } from '../support/activities.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The bot in conversation (issue 13): answers to messages, the search message extension, and the
 * Teams user ids (MRIs) stored from activities for the cards' refresh.userIds. Without a bot
 * registration the answers to loopback activities go to the local outbox, which is asserted here.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const botId = '28:kvalitetshaandbog';
const mri = (personId: string) => `29:1${personId}-mri`;

function activityFrom(personId: string, extra: Record<string, unknown>) {
  return teamsActivity(personId, extra, { userId: mri(personId) });
}

const message = (personId: string, text: string, extra: Record<string, unknown> = {}) =>
  activityFrom(personId, { type: 'message', text, ...extra });

function extensionQuery(personId: string, value: unknown, locale = 'da-DK') {
  return activityFrom(personId, {
    type: 'invoke',
    name: 'composeExtension/query',
    locale,
    conversation: { id: '19:groupchat@thread.v2', conversationType: 'groupChat', tenantId: 'local' },
    value,
  });
}

const post = (activity: unknown) => postActivity(server.url, activity);

/** What the bot put in the person's chat while `act` ran. */
async function answersTo(personId: string, act: () => Promise<{ status: number }>) {
  const before = new Set((await server.app.outbox.list(personId)).map((entry) => entry.id));
  const response = await act();
  expect(response.status).toBe(200);
  return (await server.app.outbox.list(personId)).filter((entry) => !before.has(entry.id));
}

describe('the bot answers messages', () => {
  it.each([
    ['da-DK', 'hej', ['søg …', 'mine opgaver', 'hjælp']],
    ['nb-NO', 'hei', ['søk …', 'mine oppgaver', 'hjelp']],
    ['en-GB', 'hello', ['search …', 'my tasks', 'help']],
    ['da-DK', 'hvad kan du?', ['søg …', 'mine opgaver']],
  ])('%s "%s": the help in the person’s language', async (locale, text, commands) => {
    const answers = await answersTo(people.natureCaseworker, () =>
      post(message(people.natureCaseworker, text, { locale })),
    );
    expect(answers).toHaveLength(1);
    expectValidCard(answers[0]!.card);
    for (const command of commands) expect(visibleText(answers[0]!.card)).toContain(command);
  });

  it('"søg dispensation": one procedure card per hit, from the same search as the tab', async () => {
    const rest = await server.api.get(people.natureCaseworker, '/search?q=dispensation&kinds=procedure');
    const codes = rest.body.hits.map((hit: { code: string }) => hit.code).slice(0, 5);
    expect(codes.length).toBeGreaterThan(0);
    const answers = await answersTo(people.natureCaseworker, () =>
      post(message(people.natureCaseworker, 'søg dispensation')),
    );
    // The outbox lists newest first; the bot sent the cards in the search's order.
    const sent = [...answers].reverse();
    expect(sent.map((answer) => visibleText(answer.card).match(/[A-Z]+-\d+/)?.[0])).toEqual(codes);
    for (const answer of sent) {
      expectValidCard(answer.card);
      expect(answer.summary).toBe(`${codes.length} procedurer matcher »dispensation«`);
      expect(visibleText(answer.card)).toMatch(/\*\*dispensation\*\*/i);
      expect(executeActions(answer.card)).toHaveLength(0);
    }
  });

  it('"søk" in Norwegian and "search" in English answer in that language; no hits says so', async () => {
    const nb = await answersTo(people.natureCaseworker, () =>
      post(message(people.natureCaseworker, 'søk xyzzyqwv', { locale: 'nb-NO' })),
    );
    expect(visibleText(nb[0]!.card)).toContain('Ingen prosedyrer samsvarer med «xyzzyqwv»');
    const en = await answersTo(people.natureCaseworker, () =>
      post(message(people.natureCaseworker, 'search dispensation', { locale: 'en-GB' })),
    );
    expect(en.length).toBeGreaterThan(0);
    expect(visibleText(en[0]!.card)).toContain('Open procedure');
  });

  it('"mine opgaver": the person’s tasks as GET /api/me/tasks has them, with links into the tab', async () => {
    const rest = (await server.api.get(people.natureLeader, '/me/tasks')).body;
    const answers = await answersTo(people.natureLeader, () => post(message(people.natureLeader, 'Mine opgaver')));
    expect(answers).toHaveLength(1);
    const card = answers[0]!.card;
    expectValidCard(card);
    const text = visibleText(card);
    expect(text).toContain(`Godkendelser (${rest.approvals.length})`);
    expect(text).toContain(`Læst og forstået (${rest.acknowledgements.length})`);
    const approvalProcedure = rest.approvals[0].procedure;
    expect(text).toContain(`${approvalProcedure.code} ${approvalProcedure.title}`);
    expect(JSON.stringify(card)).toContain(`${server.url}/procedures/${approvalProcedure.id}`);
    expect(JSON.stringify(card)).toContain(`${server.url}/tasks`);
  });

  it('in a group chat answers only when mentioned, without the mention in the query', async () => {
    const group = { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId: 'local' };
    const unmentioned = await answersTo(people.natureCaseworker, () =>
      post(message(people.natureCaseworker, 'søg dispensation', { conversation: group })),
    );
    expect(unmentioned).toHaveLength(0);
    const mentioned = await answersTo(people.natureCaseworker, () =>
      post(
        message(people.natureCaseworker, '<at>Kvalitetshåndbog</at> søg dispensation', {
          conversation: group,
          entities: [
            { type: 'mention', text: '<at>Kvalitetshåndbog</at>', mentioned: { id: botId, name: 'Kvalitetshåndbog' } },
          ],
        }),
      ),
    );
    expect(mentioned.length).toBeGreaterThan(0);
    expect(mentioned[0]!.summary).toContain('»dispensation«');
    // The group chat did not replace the person's personal conversation.
    expect((await server.app.messaging.getConversation(people.natureCaseworker))?.conversationId).toBe(
      `a:${people.natureCaseworker}`,
    );
  });

  it('someone the handbook does not know gets nothing from it', async () => {
    const response = await post(message('a-stranger', 'søg dispensation'));
    expect(response.status).toBe(200);
    expect(await server.app.messaging.getConversation('a-stranger')).toBeUndefined();
  });
});

describe('the search message extension (composeExtension/query)', () => {
  it('lists procedures with a thumbnail preview each and the procedure card to insert', async () => {
    const response = await post(
      extensionQuery(people.natureCaseworker, {
        commandId: 'searchProcedures',
        parameters: [{ name: 'query', value: 'dispensation' }],
        queryOptions: { skip: 0, count: 25 },
      }),
    );
    expect(response.status).toBe(200);
    const result = response.body.composeExtension;
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const rest = await server.api.get(people.natureCaseworker, '/search?q=dispensation&kinds=procedure');
    expect(result.attachments).toHaveLength(rest.body.hits.length);
    for (const [index, attachment] of result.attachments.entries()) {
      const hit = rest.body.hits[index];
      expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expectValidCard(attachment.content);
      expect(visibleText(attachment.content)).toContain(`${hit.code} ${hit.title}`);
      expect(attachment.preview).toMatchObject({
        contentType: 'application/vnd.microsoft.card.thumbnail',
        content: { title: `${hit.code} ${hit.title}` },
      });
    }
  });

  it('in English; opened without typing (initialRun) or unknown person: a message instead of results', async () => {
    const english = await post(
      extensionQuery(
        people.natureCaseworker,
        { commandId: 'searchProcedures', parameters: [{ name: 'query', value: 'dispensation' }] },
        'en-GB',
      ),
    );
    expect(visibleText(english.body.composeExtension.attachments[0].content)).toContain('Open procedure');
    const initial = await post(
      extensionQuery(people.natureCaseworker, {
        commandId: 'searchProcedures',
        parameters: [{ name: 'initialRun', value: 'true' }],
      }),
    );
    expect(initial.body.composeExtension).toEqual({
      type: 'message',
      text: 'Skriv et søgeord for at finde en procedure.',
    });
    const stranger = await post(
      extensionQuery('a-stranger', { commandId: 'searchProcedures', parameters: [{ name: 'query', value: 'x' }] }),
    );
    expect(stranger.body.composeExtension.type).toBe('message');
  });

  it('refuses a malformed query with 400 VALIDATION', async () => {
    for (const value of [null, { parameters: [] }, { commandId: 'searchProcedures', parameters: 'dispensation' }]) {
      const response = await post(extensionQuery(people.natureCaseworker, value));
      expect(response.status, JSON.stringify(value)).toBe(400);
      expect(response.body.code).toBe('VALIDATION');
    }
  });
});

describe('Teams user ids (MRIs) in refresh.userIds', () => {
  async function submit(code: string, author: string, summary: string) {
    const { api } = server;
    const list = await api.get(author, '/procedures?limit=1000');
    const id = list.body.items.find((item: { code: string }) => item.code === code).id;
    const detail = (await api.get(author, `/procedures/${id}`)).body;
    const uploaded = await api.upload(author, id, `${code}.md`, `# ${code}\n\n## Formål\n\n${summary}\n`, detail.etag);
    const submitted = await api.post(
      author,
      `/procedures/${id}/draft/submit`,
      { changeSummary: summary },
      uploaded.body.etag,
    );
    expect(submitted.status).toBe(200);
    return submitted.body.pendingApproval.id as string;
  }

  const approvalCard = async (personId: string, approvalId: string) =>
    (await server.app.outbox.list(personId)).find((entry) =>
      executeActions(entry.card, 'approve').some((action) => action.data?.['approvalId'] === approvalId),
    )!.card as { refresh?: { userIds?: string[] } };

  it('names nobody before the approver has talked to the bot, and their MRI (from.id) after', async () => {
    // Anne Birk talked to the bot in the tasks test above; forget it to start clean.
    const fresh = await server.app.messaging.getConversation(people.natureLeader);
    if (fresh) await server.app.messaging.saveConversation({ ...fresh, userId: null });

    const before = await submit('K-17', people.natureAuthor, 'Før hun har skrevet til botten.');
    const first = await approvalCard(people.natureLeader, before);
    expect(first.refresh).toBeDefined();
    expect(first.refresh!.userIds).toBeUndefined();

    await post(message(people.natureLeader, 'hej'));
    expect((await server.app.messaging.getConversation(people.natureLeader))?.userId).toBe(mri(people.natureLeader));

    const after = await submit('K-18', people.natureAuthor, 'Efter hun har skrevet til botten.');
    const second = await approvalCard(people.natureLeader, after);
    expect(second.refresh!.userIds).toEqual([mri(people.natureLeader)]);
  });

  it('a message extension query from a group chat stores the MRI without replacing the personal conversation', async () => {
    const before = await server.app.messaging.getConversation(people.natureCaseworker);
    await post({
      ...extensionQuery(people.natureCaseworker, {
        commandId: 'searchProcedures',
        parameters: [{ name: 'query', value: 'x' }],
      }),
      from: { id: '29:1new-mri-for-karen', aadObjectId: people.natureCaseworker },
    });
    const after = await server.app.messaging.getConversation(people.natureCaseworker);
    expect(after).toEqual({ ...before, userId: '29:1new-mri-for-karen' });
  });
});

describe('card actions: the fallback and the 401', () => {
  it('an older client’s Action.Submit fallback (a message with the verb in value) decides like Action.Execute', async () => {
    const procedure = (await server.app.services.store.getProcedureByCode('K-05'))!;
    const approval = (await server.app.services.store.listApprovals(procedure.id)).find((a) => a.decision === null);
    expect(approval).toBeDefined();
    const response = await post(
      message(approval!.approverId, '', { text: undefined, value: { verb: 'approve', approvalId: approval!.id } }),
    );
    expect(response.status).toBe(200);
    expect((await server.app.services.store.getApproval(approval!.id))?.decision).toBe('approved');
  });

  it('answers a Teams user who is not in the handbook with the Universal Actions 401 type (loginRequest)', async () => {
    const response = await post(
      activityFrom('a-stranger', {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'approve', data: { approvalId: 'x' } }, trigger: 'manual' },
      }),
    );
    expect(response.body).toMatchObject({
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: { text: expect.any(String), buttons: [expect.objectContaining({ type: 'signin' })] },
    });
  });
});
