import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * A goal measured by entered values (issue 14) over HTTP against real SQLite: its owner enters a
 * value for a period through the goal's PATCH (measurement only), the goal is measured again;
 * anyone else, the owner changing anything else, or a stale read is refused, and nothing changes.
 */
let server: TestServer;
const coordinator = people.coordinator;
const owner = people.natureLeader;
const caseworker = people.natureCaseworker;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const goal = {
  title: 'Testmål: indtastet tilfredshed med vejledningen',
  description: 'Tastes ind fra kvartalets stikprøve.',
  clauses: ['9.1.2'],
  target: { direction: 'at-least', value: 80, unit: 'percent' },
  scope: { caseTypes: [], unitIds: [] },
  periodFrom: '2020-01-01',
  periodTo: '2099-12-31',
  cadence: 'quarterly',
  ownerId: owner,
  measurement: { kind: 'entered', values: [] },
  thresholds: { yellowWithinPoints: 5 },
  status: 'active',
  revisionMonth: 11,
};

describe('entered goal values', () => {
  it('are entered by the goal’s owner, and the goal is measured again', async () => {
    const created = await server.api.post(coordinator, '/goals', goal);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const read = await server.api.get(owner, `/goals/${id}`);
    expect(read.body.abilities).toEqual({ edit: false, enterValue: true });
    expect((await server.api.get(caseworker, `/goals/${id}`)).body.abilities).toEqual({
      edit: false,
      enterValue: false,
    });

    const values = [
      { on: '2025-03-31', value: 91, note: '' },
      { on: '2025-06-30', value: 72, note: 'Ny stikprøve' },
    ];
    const entered = await server.api.call(owner, 'PATCH', `/goals/${id}`, {
      json: { measurement: { kind: 'entered', values } },
      ifMatch: `"${read.body.etag}"`,
    });
    expect(entered.status).toBe(200);
    expect(entered.body.measurement).toEqual({ kind: 'entered', values });
    // The newest value of the period is the goal's value: 72 is more than 5 points below 80.
    expect(entered.body.lastReading).toMatchObject({ value: 72, colour: 'red' });
  });

  it('are refused to anyone but the owner and the coordinator, and to the owner for other fields', async () => {
    const created = await server.api.post(coordinator, '/goals', { ...goal, title: 'Testmål: kun ejeren' });
    const id = created.body.id as string;
    const etag = `"${created.body.etag}"`;
    const values = { kind: 'entered', values: [{ on: '2025-03-31', value: 90, note: '' }] };
    const patch = (as: string, json: object, ifMatch = etag) =>
      server.api.call(as, 'PATCH', `/goals/${id}`, { json, ifMatch });

    expect((await patch(caseworker, { measurement: values })).status).toBe(403);
    expect((await patch(owner, { measurement: values, title: 'Mit mål' })).status).toBe(403);
    expect((await patch(owner, { measurement: { kind: 'cases', metric: 'share-within-target' } })).status).toBe(403);
    expect(
      (await patch(owner, { measurement: { kind: 'entered', values: [{ on: 'i går', value: 1, note: '' }] } })).status,
    ).toBe(400);
    expect((await patch(owner, { measurement: values }, '"999"')).status).toBe(409);
    const after = await server.api.get(coordinator, `/goals/${id}`);
    expect(after.body).toMatchObject({ etag: created.body.etag, measurement: { kind: 'entered', values: [] } });

    // The coordinator may too.
    expect((await patch(coordinator, { measurement: values })).status).toBe(200);
  });
});
