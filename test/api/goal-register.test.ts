import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * A quality goal measured from the register ("alle henvendelser besvares inden for fristen") over
 * HTTP against the seeded demo database: created (201) with its metric and kinds, refused with an
 * unknown metric or a unit that does not fit it (400, nothing written), and measured from the
 * items of its period: an item not yet due does not count, one answered within its deadline does.
 * The goal counts praise only, from today: the demo holds no praise received today.
 */
let server: TestServer;
const coordinator = people.coordinator;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.stop());

async function today(): Promise<string> {
  const list = await server.api.get(coordinator, '/register/items?view=reported-by-me&includeFindings=false');
  expect(list.status).toBe(200);
  return list.body.today as string;
}

function goalBody(from: string, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Testmål: ros besvares inden for fristen',
    description: 'Andelen af henvendelser med ros, der besvares inden for svarfristen.',
    clauses: ['6.2', '9.1.2'],
    target: { direction: 'at-least', value: 95, unit: 'percent' },
    scope: { caseTypes: [], unitIds: [] },
    periodFrom: from,
    periodTo: `${Number(from.slice(0, 4)) + 1}-12-31`,
    cadence: 'monthly',
    ownerId: people.natureLeader,
    measurement: { kind: 'register', metric: 'replied-in-time', kinds: ['praise'] },
    thresholds: { yellowWithinPoints: 5 },
    status: 'active',
    revisionMonth: 1,
    ...overrides,
  };
}

async function goalCount(): Promise<number> {
  return ((await server.api.get(coordinator, '/goals')).body.goals as unknown[]).length;
}

describe('a goal measured from the register', () => {
  it('refuses an unknown metric, an unknown kind and a unit that does not fit, and writes nothing', async () => {
    const from = await today();
    const before = await goalCount();
    const bad = [
      goalBody(from, { measurement: { kind: 'register', metric: 'replied-fast', kinds: [] } }),
      goalBody(from, { measurement: { kind: 'register', metric: 'replied-in-time', kinds: ['gossip'] } }),
      goalBody(from, { measurement: { kind: 'register', metric: 'replied-in-time' } }),
      goalBody(from, { target: { direction: 'at-least', value: 95, unit: 'count' } }),
    ];
    for (const body of bad) expect((await server.api.post(coordinator, '/goals', body)).status).toBe(400);
    expect(await goalCount()).toBe(before);
  });

  it('is created (201) and measured once items of its kind are answered within their deadline', async () => {
    const from = await today();
    const created = await server.api.post(coordinator, '/goals', goalBody(from));
    expect(created.status).toBe(201);
    expect(created.body.measurement).toEqual({ kind: 'register', metric: 'replied-in-time', kinds: ['praise'] });
    // Nothing to judge yet.
    expect(created.body.lastReading).toMatchObject({ colour: 'none', value: null });
    const id = created.body.id as string;

    const report = async (title: string) => {
      const response = await server.api.call(people.natureCaseworker, 'POST', '/register/items', {
        json: { kind: 'praise', title, description: 'Tak for en god og hurtig vejledning.' },
      });
      expect(response.status).toBe(201);
      return response.body as { id: string; etag: number; handler: { id: string } };
    };
    const answered = await report('Ros til byggesagsbehandlingen');
    await report('Ros til naturteamet');
    // A complaint answered in time does not count in a praise goal.
    const complaint = await server.api.call(people.natureCaseworker, 'POST', '/register/items', {
      json: { kind: 'complaint', title: 'Klage over ventetid', description: 'Det tog lang tid.' },
    });
    expect(complaint.status).toBe(201);

    for (const item of [answered, complaint.body as typeof answered]) {
      const replied = await server.api.call(item.handler.id, 'POST', `/register/items/${item.id}/reply`, {
        json: { text: 'Tak for din henvendelse.' },
        ifMatch: `"${item.etag}"`,
      });
      expect(replied.status).toBe(200);
      expect(replied.body.reply).toMatchObject({ isLate: false });
    }

    // Goals are measured after a goal is saved and in the daily sweep: a save measures it now.
    const read = await server.api.get(coordinator, `/goals/${id}`);
    const saved = await server.api.call(coordinator, 'PATCH', `/goals/${id}`, {
      json: { description: 'Ros besvares inden for svarfristen (10 arbejdsdage).' },
      ifMatch: `"${read.body.etag}"`,
    });
    expect(saved.status).toBe(200);
    // One answered within its deadline; the other is not yet due, so it does not count yet.
    expect(saved.body.lastReading).toMatchObject({ colour: 'green', value: 100 });

    const overdue = await server.api.post(
      coordinator,
      '/goals',
      goalBody(from, {
        title: 'Testmål: ingen ubesvarede over fristen',
        measurement: { kind: 'register', metric: 'overdue-unanswered', kinds: [] },
        target: { direction: 'at-most', value: 0, unit: 'count' },
      }),
    );
    expect(overdue.status).toBe(201);
    // Nothing received from today on is past its deadline yet.
    expect(overdue.body.lastReading).toMatchObject({ colour: 'green', value: 0 });
  });
});
