// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { executeActions, visibleText } from '../../functions/src/bot/cards/test-support/card-query.js';
import { expectValidCard } from '../../functions/src/bot/cards/test-support/validate-card.js';
import { cardActionInvoke, postActivity } from '../support/activities.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * "Markér gennemført" from the owner's reminder card in Teams (issue 15): the `adaptiveCard/action`
 * invoke runs the same use case and rule as the tab's route, so the card is refused for the same
 * reasons (no description, a link that is not http(s), not the owner, not planned) and a refusal
 * changes nothing.
 */
let server: TestServer;
let today: LocalDate;
beforeAll(async () => {
  server = await startTestServer();
  today = localDateOf(server.app.services.clock.now(), server.app.services.settings.timeZone);
});
afterAll(async () => server?.stop());

const press = (personId: string, data: Record<string, unknown>) =>
  postActivity(server.url, cardActionInvoke(personId, 'markActionImplemented', data));

async function plannedAction(title: string): Promise<string> {
  const created = await server.api.post(people.coordinator, '/corrective-actions', {
    source: { kind: 'other', title, unitId: 'natur' },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const plan = { rootCause: 'Årsag.', plan: 'Plan.', ownerId: people.natureLeader, dueOn: addDays(today, 7) };
  const planned = await server.api.post(people.coordinator, `/corrective-actions/${id}/analyseAndPlan`, plan, '"1"');
  expect(planned.status).toBe(200);
  return id;
}

describe('"Markér gennemført" on a card', () => {
  it('marks the action implemented today with what was done and the evidence, and answers with the outcome', async () => {
    const id = await plannedAction('Kvittering udebliver (kort)');
    const response = await press(people.natureLeader, {
      actionId: id,
      description: 'Fælles postkasse med stedfortræder.',
      evidenceText: 'Referat 20-11',
      evidenceUrl: 'https://intranet.example.dk/natur/postkasse',
    });
    expect(response.status).toBe(200);
    expect(response.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(response.body.value);
    expect(executeActions(response.body.value)).toEqual([]);
    const text = visibleText(response.body.value);
    expect(text).toContain('Markeret gennemført af Anne Birk');
    expect(text).toContain(`fra ${addDays(today, 30).split('-').reverse().join('-')}`);
    expect(await server.app.services.quality.getCorrectiveAction(id)).toMatchObject({
      status: 'implemented',
      implementedOn: today,
      implementedBy: people.natureLeader,
      implementationNote: 'Fælles postkasse med stedfortræder.',
      evidenceText: 'Referat 20-11',
      evidenceUrl: 'https://intranet.example.dk/natur/postkasse',
    });

    // Pressed again (the card is still in the chat): the state machine refuses, nothing changes.
    const before = await server.app.services.quality.getCorrectiveAction(id);
    const again = await press(people.natureLeader, { actionId: id, description: 'Igen.' });
    expect(visibleText(again.body.value)).toContain('kan ikke markeres gennemført nu');
    expect(await server.app.services.quality.getCorrectiveAction(id)).toEqual(before);
  });

  it.each([
    ['no description', { description: '  ' }, 'Skriv, hvad der er gjort.'],
    ['a description left out', {}, 'Skriv, hvad der er gjort.'],
    ['a link that is not http(s)', { description: 'Gjort.', evidenceUrl: 'javascript:alert(1)' }, 'https://'],
  ])('refuses %s with the reason on the card, and changes nothing', async (_name, data, reason) => {
    const id = await plannedAction(`Kvittering udebliver (${_name})`);
    const before = await server.app.services.quality.getCorrectiveAction(id);
    const response = await press(people.natureLeader, { actionId: id, ...data });
    expect(response.status).toBe(200);
    expectValidCard(response.body.value);
    expect(visibleText(response.body.value)).toContain(reason);
    expect(await server.app.services.quality.getCorrectiveAction(id)).toEqual(before);
  });

  it('refuses someone who is not the owner nor the coordinator, and an unknown action', async () => {
    const id = await plannedAction('Kvittering udebliver (fremmed)');
    const before = await server.app.services.quality.getCorrectiveAction(id);
    const stranger = await press(people.natureCaseworker, { actionId: id, description: 'Gjort.' });
    expect(visibleText(stranger.body.value)).toContain('Du har ikke adgang');
    expect(await server.app.services.quality.getCorrectiveAction(id)).toEqual(before);
    const unknown = await press(people.natureLeader, { actionId: 'no-such-action', description: 'Gjort.' });
    expect(unknown.status).toBe(200);
    expectValidCard(unknown.body.value);
  });

  it('refuses malformed data with 400 before anything runs', async () => {
    const id = await plannedAction('Kvittering udebliver (for lang)');
    const tooLong = await press(people.natureLeader, { actionId: id, description: 'x'.repeat(4001) });
    expect(tooLong.body).toMatchObject({ statusCode: 400 });
    const badId = await press(people.natureLeader, { actionId: '../x', description: 'Gjort.' });
    expect(badId.body).toMatchObject({ statusCode: 400 });
    expect((await server.app.services.quality.getCorrectiveAction(id))?.status).toBe('planned');
  });
});
