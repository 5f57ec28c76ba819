import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyBody, okSchema, personSchema } from '../../functions/src/contract/schemas.js';
import { defineRoute, json } from '../../functions/src/http/route.js';
import { takeContractViolations } from '../support/contract-violations.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

// Routes that say one thing in their contract and answer another: the test servers must notice.
const drifting = [
  defineRoute({
    name: 'test-drift-missing-field',
    method: 'GET',
    path: '/test/drift/person',
    summary: 'Declares a person, answers without its roles and with a number for a name',
    tag: 'test',
    access: 'signed-in',
    response: personSchema,
    handler: async () =>
      json({ id: 'x', name: 7, email: '', title: '', unitId: 'u', leaderId: null, aadObjectId: null }),
  }),
  defineRoute({
    name: 'test-drift-wrong-literal',
    method: 'POST',
    path: '/test/drift/ok',
    summary: 'Declares { ok: true }, answers { ok: false } with 201',
    tag: 'test',
    access: 'signed-in',
    body: emptyBody,
    response: okSchema,
    handler: async () => json({ ok: false }, 201),
  }),
  defineRoute({
    name: 'test-keeps-contract',
    method: 'GET',
    path: '/test/drift/none',
    summary: 'Keeps its contract',
    tag: 'test',
    access: 'signed-in',
    response: okSchema,
    handler: async () => json({ ok: true }),
  }),
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ extraRoutes: drifting });
});
afterAll(async () => server?.stop());

describe('route response schemas are enforced in the API tests', () => {
  it('answers 500 with a visible marker, and records the violation, when a handler drifts', async () => {
    const response = await server.api.get(people.natureCaseworker, '/test/drift/person');
    expect(response.status).toBe(500);
    expect(response.headers.get('x-contract-violation')).toBe('test-drift-missing-field');
    expect(response.body.message).toContain('drifted from its contract');

    const created = await server.api.post(people.natureCaseworker, '/test/drift/ok', {});
    expect(created.status).toBe(500);
    expect(created.headers.get('x-contract-violation')).toBe('test-drift-wrong-literal');

    const violations = takeContractViolations();
    expect(violations.map((violation) => violation.route)).toEqual([
      'test-drift-missing-field',
      'test-drift-wrong-literal',
    ]);
    expect(violations[0]!.issues.join('\n')).toMatch(/^name: /m);
    expect(violations[0]!.issues.join('\n')).toMatch(/^roles: /m);
    expect(violations[1]!.issues.join('\n')).toMatch(/^ok: /m);
  });

  it('lets a handler that keeps its contract through, and checks no error responses', async () => {
    const kept = await server.api.get(people.natureCaseworker, '/test/drift/none');
    expect(kept.status).toBe(200);
    expect(kept.headers.get('x-contract-violation')).toBeNull();
    expect((await server.api.get(people.natureCaseworker, '/procedures/no-such-id')).status).toBe(404);
    expect(takeContractViolations()).toEqual([]);
  });
});
