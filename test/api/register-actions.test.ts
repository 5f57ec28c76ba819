import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../functions/src/core/local-date.js';
import { runRegisterSweep } from '../../functions/src/jobs/register-sweep.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * An item whose corrective actions run (`open`) is not forgotten when they close: the last
 * action closing moves it back to its handler for the final answer, or closes it when the
 * sender was answered already, with the step in its trail. An ineffective check (the action
 * back to planned) leaves it open.
 */

let server: TestServer;
let today: string;
beforeAll(async () => {
  server = await startTestServer();
  today = localDateOf(server.app.services.clock.now(), 'Europe/Copenhagen');
}, 60_000);
afterAll(async () => server?.stop());

type Item = { id: string; etag: number; status: string; trail: { event: string; status: string }[] };

async function report(title: string): Promise<Item> {
  const response = await server.api.call(people.natureCaseworker, 'POST', '/register/items', {
    json: { kind: 'deviation', title, description: 'Afgørelsen blev sendt uden journalnotat.', severity: 2 },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as Item;
}

const getItem = async (id: string): Promise<Item> =>
  (await server.api.get(people.natureLeader, `/register/items/${id}`)).body as Item;

async function startAction(item: Item): Promise<{ item: Item; actionId: string }> {
  const started = await server.api.call(people.natureLeader, 'POST', `/register/items/${item.id}/corrective-actions`, {
    json: {},
    ifMatch: `"${item.etag}"`,
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return { item: started.body.item as Item, actionId: started.body.correctiveActionId as string };
}

async function command(
  actionId: string,
  name: string,
  json: unknown,
  who: string = people.natureLeader,
): Promise<void> {
  // An action's body carries its ETag as sent in the header ("1", quoted).
  const current = await server.api.get(people.coordinator, `/corrective-actions/${actionId}`);
  const response = await server.api.post(who, `/corrective-actions/${actionId}/${name}`, json, current.body.etag);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

/** The coordinator plans the action with the leader as owner, she carries it out, the coordinator checks it (early, with a reason). */
async function carryOut(actionId: string, isEffective: boolean): Promise<void> {
  await command(
    actionId,
    'analyseAndPlan',
    {
      rootCause: 'Ny medarbejder.',
      plan: 'Oplæring i journalføring.',
      ownerId: people.natureLeader,
      dueOn: today,
    },
    people.coordinator,
  );
  await command(actionId, 'markImplemented', { implementedOn: today, description: 'Oplæringen er holdt.' });
  await command(
    actionId,
    'checkEffectiveness',
    { isEffective, note: 'Stikprøve af ti sager.', checkedOn: today, earlyReason: 'Tilsyn i næste uge.' },
    people.coordinator,
  );
}

describe('an open item when its corrective actions close', () => {
  it('goes back to its handler for the final answer when the last action closes; the handler then answers and closes it', async () => {
    const { item, actionId } = await startAction(await report('Journalen blev ikke opdateret'));
    expect(item.status).toBe('open');
    const second = await startAction(item);
    expect(second.item.status).toBe('open');

    // One of two actions closing changes nothing.
    await carryOut(actionId, true);
    expect((await getItem(item.id)).status).toBe('open');

    await carryOut(second.actionId, true);
    const settled = await getItem(item.id);
    expect(settled.status).toBe('in-handling');
    expect(settled.trail.at(-1)).toMatchObject({ event: 'actions-completed', status: 'in-handling' });

    const replied = await server.api.call(people.natureLeader, 'POST', `/register/items/${item.id}/reply`, {
      json: { text: 'Tak for din melding. Vi har holdt oplæring.' },
      ifMatch: `"${settled.etag}"`,
    });
    expect(replied.status).toBe(200);
    const closed = await server.api.call(people.natureLeader, 'POST', `/register/items/${item.id}/status`, {
      json: { to: 'closed' },
      ifMatch: `"${replied.body.etag}"`,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
  });

  it('closes by itself when the sender was answered before the last action closed', async () => {
    const reported = await report('Forkert frist i brevskabelonen');
    const replied = await server.api.call(people.natureLeader, 'POST', `/register/items/${reported.id}/reply`, {
      json: { text: 'Tak, vi retter skabelonen.' },
      ifMatch: `"${reported.etag}"`,
    });
    expect(replied.status).toBe(200);
    const { item, actionId } = await startAction(replied.body as Item);
    expect(item.status).toBe('open');
    await carryOut(actionId, true);
    const settled = await getItem(item.id);
    expect(settled.status).toBe('closed');
    expect(settled.trail.at(-1)).toMatchObject({ event: 'actions-completed', status: 'closed' });
    const entry = server.app.db.prepare("SELECT 1 FROM deadlines WHERE kind = 'register-reply' AND subject_id = ?");
    expect(entry.get(item.id)).toBeUndefined();
  });

  it('stays open while an action found ineffective runs again', async () => {
    const { item, actionId } = await startAction(await report('Tjeklisten blev ikke brugt'));
    await carryOut(actionId, false);
    const action = await server.api.get(people.coordinator, `/corrective-actions/${actionId}`);
    expect(action.body.status).toBe('planned');
    const after = await getItem(item.id);
    expect(after.status).toBe('open');
    expect(after.etag).toBe(item.etag);
  });

  it('is moved by the register sweep when the follow-up was not written', async () => {
    const { item, actionId } = await startAction(await report('Afgørelse uden klagevejledning'));
    await carryOut(actionId, true);
    // Undo the follow-up as if its write had failed: the item is open with every action closed.
    const settled = await getItem(item.id);
    expect(settled.status).toBe('in-handling');
    const stored = (await server.app.services.register.getItem(item.id))!;
    await server.app.services.register.commit({
      expect: [{ id: item.id, etag: stored.etag }],
      items: [{ ...stored, status: 'open', etag: stored.etag + 1, trail: stored.trail.slice(0, -1) }],
    });
    expect((await getItem(item.id)).status).toBe('open');
    const result = await runRegisterSweep(server.app.services);
    expect(result.settled).toContain(item.id);
    expect((await getItem(item.id)).status).toBe('in-handling');
    expect((await runRegisterSweep(server.app.services)).settled).not.toContain(item.id);
  });
});
