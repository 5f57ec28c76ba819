// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allActions, allInputs, visibleText } from '../../functions/src/bot/cards/test-support/card-query.js';
import { expectValidCard } from '../../functions/src/bot/cards/test-support/validate-card.js';
import { postActivity, teamsActivity } from '../support/activities.js';
import { saveDoorSettings } from '../support/register-settings.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * "Meld afvigelse" / "Foreslå forbedring" on a Teams message (issue 15): the message extension's
 * `composeExtension/fetchTask` and `submitAction` invokes over HTTP, as Teams sends them
 * (Microsoft Learn: "Create and send dialogs", "Respond to the dialog submit action"). The form
 * and its error version are validated as Adaptive Cards 1.5 with Microsoft's renderer; a valid
 * submission lands in the register through the same use case as the tab's form; bad data is
 * refused with what to fix, and the register is unchanged.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await saveDoorSettings(server.url);
});
afterAll(async () => server?.stop());

const link = 'https://teams.microsoft.com/l/message/19:abc123@thread.v2/1733300000000?context=%7B%7D';

function invoke(personId: string, name: string, value: unknown, locale = 'da-DK') {
  return teamsActivity(personId, {
    type: 'invoke',
    name,
    locale,
    conversation: { id: '19:abc123@thread.v2', conversationType: 'channel', tenantId: 'local', isGroup: true },
    value,
  });
}

const onMessage = (commandId: string) => ({
  commandId,
  commandContext: 'message',
  requestId: 'r-1',
  context: { theme: 'default' },
  messagePayload: {
    id: '1733300000000',
    linkToMessage: link,
    createdDateTime: '2026-12-04T08:00:00.000Z',
    body: {
      contentType: 'html',
      content: '<div><p>Borgeren fik den gamle skabelon til dispensation.</p><p>Tredje gang i denne måned.</p></div>',
    },
  },
});

const post = (activity: unknown) => postActivity(server.url, activity);
const registerRows = async (personId: string) =>
  (await server.api.get(personId, '/register/items?view=reported-by-me&includeFindings=false')).body.rows as {
    title: string;
    receiptNumber: string;
    source: { kind: string; itemId: string };
  }[];

describe('composeExtension/fetchTask', () => {
  it.each([
    ['reportDeviation', 'da-DK', 'Meld afvigelse', 'deviation'],
    ['suggestImprovement', 'nb-NO', 'Foreslå forbedring', 'suggestion'],
    ['reportDeviation', 'en-GB', 'Report a deviation', 'deviation'],
  ])('%s (%s): a task module with the form, prefilled from the message', async (commandId, locale, title, kind) => {
    const response = await post(
      invoke(people.natureCaseworker, 'composeExtension/fetchTask', onMessage(commandId), locale),
    );
    expect(response.status).toBe(200);
    expect(response.body.task).toMatchObject({ type: 'continue', value: { title } });
    const card = response.body.task.value.card;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(card.content);
    const inputs = Object.fromEntries(allInputs(card.content).map((input) => [input['id'], input['value']]));
    expect(inputs).toMatchObject({
      kind,
      title: 'Borgeren fik den gamle skabelon til dispensation.',
      description: 'Borgeren fik den gamle skabelon til dispensation.\nTredje gang i denne måned.',
    });
    expect(allActions(card.content).some((action) => action.url === link)).toBe(true);
  });

  it('a Teams user the handbook does not know gets a message instead of a form', async () => {
    const response = await post(invoke('a-stranger', 'composeExtension/fetchTask', onMessage('reportDeviation')));
    expect(response.status).toBe(200);
    expect(response.body.task.type).toBe('message');
  });

  it('a malformed invoke is refused at the edge with 400 VALIDATION', async () => {
    for (const value of [null, { commandContext: 'message' }, { commandId: 'reportDeviation', data: 'x' }]) {
      const response = await post(invoke(people.natureCaseworker, 'composeExtension/fetchTask', value));
      expect(response.status, JSON.stringify(value)).toBe(400);
      expect(response.body.code).toBe('VALIDATION');
    }
  });
});

describe('composeExtension/submitAction', () => {
  const submit = (personId: string, data: Record<string, unknown>, locale = 'da-DK') =>
    post(
      invoke(
        personId,
        'composeExtension/submitAction',
        {
          commandId: 'reportDeviation',
          commandContext: 'message',
          context: { theme: 'default' },
          data: {
            commandId: 'reportDeviation',
            messageLink: link,
            messageText: 'Borgeren fik den gamle skabelon.',
            ...data,
          },
        },
        locale,
      ),
    );

  it('files the report in the register (channel teams, the message kept as its source) and answers the receipt', async () => {
    const response = await submit(people.natureCaseworker, {
      kind: 'deviation',
      title: 'Gammel skabelon sendt til borger',
      description: 'Borgeren fik den gamle skabelon til dispensation. Tredje gang i denne måned.',
    });
    expect(response.status).toBe(200);
    expect(response.body.task.type).toBe('message');
    const row = (await registerRows(people.natureCaseworker)).find(
      (candidate) => candidate.title === 'Gammel skabelon sendt til borger',
    );
    expect(row).toBeDefined();
    expect(response.body.task.value).toContain(row!.receiptNumber);
    const item = (await server.api.get(people.natureCaseworker, `/register/items/${row!.source.itemId}`)).body;
    expect(item).toMatchObject({
      kind: 'deviation',
      channel: 'teams',
      reportedBy: { id: people.natureCaseworker },
      sourceMessage: { text: 'Borgeren fik den gamle skabelon.', url: link },
    });
  });

  it.each([
    ['no title', { kind: 'deviation', title: '', description: 'd' }, 'Overskriften mangler'],
    ['an unknown kind', { kind: 'complaint-of-the-day', title: 't', description: 'd' }, 'Vælg, hvad du vil melde.'],
    ['a description over the limit', { kind: 'suggestion', title: 't', description: 'x'.repeat(5001) }, 'Beskrivelsen'],
    [
      'a link elsewhere',
      { kind: 'deviation', title: 't', description: 'd', messageLink: 'https://evil.example/' },
      'Teams-link',
    ],
  ])('%s: the form again with the problem named, valid as a card, and nothing filed', async (_name, data, problem) => {
    const before = (await registerRows(people.natureCaseworker)).length;
    const response = await submit(people.natureCaseworker, data);
    expect(response.status).toBe(200);
    expect(response.body.task.type).toBe('continue');
    const card = response.body.task.value.card.content;
    expectValidCard(card);
    expect(visibleText(card)).toContain(problem);
    expect(await registerRows(people.natureCaseworker)).toHaveLength(before);
  });
});
