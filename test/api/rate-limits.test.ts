import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Item 14 of the trust issue: a flood from one person or one address gets 429 with Retry-After
 * and loses nothing; everyone else goes on. The limits are set low here so the test stays quick;
 * the defaults are in http/rate-limit.ts.
 */
let server: TestServer;
const limits = { perPersonPerMinute: 40, perAddressPerMinute: 30, failedSignInsPerMinute: 10 };

beforeAll(async () => {
  server = await startTestServer({ rateLimits: limits });
});
afterAll(async () => server?.stop());

function expectLimited(response: { status: number; body: any; headers: Headers }) {
  expect(response.status, JSON.stringify(response.body)).toBe(429);
  expect(response.body.code).toBe('RATE_LIMITED');
  expect(typeof response.body.message).toBe('string');
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('rate limits', () => {
  it('stops one person’s flood with 429 and Retry-After; their refused write changes nothing; others go on', async () => {
    const flooder = people.natureAuthor;
    const list = await server.api.get(people.coordinator, '/procedures?limit=1');
    const id = list.body.items[0].id as string;
    const before = await server.api.get(people.coordinator, `/procedures/${id}`);

    const statuses: number[] = [];
    for (let i = 0; i < limits.perPersonPerMinute; i++) statuses.push((await server.api.get(flooder, '/me')).status);
    expect(statuses.every((status) => status === 200)).toBe(true);

    expectLimited(await server.api.get(flooder, '/me'));
    const write = await server.api.call(flooder, 'PATCH', `/procedures/${id}`, {
      json: { title: 'Overskrevet under en flod' },
      ifMatch: before.body.etag,
    });
    expectLimited(write);

    const after = await server.api.get(people.coordinator, `/procedures/${id}`);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect((await server.api.get(people.natureCaseworker, '/me')).status).toBe(200);
  });

  it('limits failed sign-ins per address, so guessing identities is slowed', async () => {
    for (let i = 0; i < limits.failedSignInsPerMinute; i++) {
      expect((await server.api.get('no-such-person', '/me')).status).toBe(401);
    }
    expectLimited(await server.api.get('no-such-person', '/me'));
  });

  it('limits routes without sign-in per address', async () => {
    const fresh = await startTestServer({ rateLimits: limits });
    try {
      for (let i = 0; i < limits.perAddressPerMinute; i++) {
        expect((await fresh.api.get(null, '/health')).status).toBe(200);
      }
      expectLimited(await fresh.api.get(null, '/health'));
    } finally {
      await fresh.stop();
    }
  });

  it('the default limits let a busy person work: 300 requests in a row all answer', async () => {
    const busy = await startTestServer();
    try {
      const responses = await Promise.all(
        Array.from({ length: 300 }, () => busy.api.get(people.natureCaseworker, '/me/tasks')),
      );
      expect(responses.filter((response) => response.status !== 200)).toEqual([]);
    } finally {
      await busy.stop();
    }
  });
});
