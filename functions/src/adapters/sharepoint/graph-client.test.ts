import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { createGraphClient, retryDelay, type GraphClientOptions } from './graph-client.js';
import { GraphError } from './graph-errors.js';
import { createResourceUnitMeter } from './resource-units.js';

type Call = { method: string; url: string; headers: Record<string, string>; body: unknown };

/** A fetch that answers from a function and remembers what it was asked. */
function fakeFetch(answer: (call: Call, index: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const impl = (async (input: string | URL | Request, init?: RequestInit) => {
    const raw = init?.body;
    const call: Call = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof raw === 'string' ? JSON.parse(raw) : raw,
    };
    calls.push(call);
    return answer(call, calls.length - 1);
  }) as typeof fetch;
  return { impl, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function client(answer: Parameters<typeof fakeFetch>[0], options: Partial<GraphClientOptions> = {}) {
  const fetch = fakeFetch(answer);
  const sleeps: number[] = [];
  const tokens: string[][] = [];
  const graph = createGraphClient({
    tokens: async (scopes) => {
      tokens.push(scopes);
      return `token-${tokens.length}`;
    },
    baseUrl: 'https://graph.example/v1.0',
    fetch: fetch.impl,
    sleep: async (ms) => void sleeps.push(ms),
    clock: { now: () => new Date('2025-03-01T10:00:00Z') },
    ...options,
  });
  return { graph, calls: fetch.calls, sleeps, tokens };
}

describe('the Graph client preset', () => {
  it('resolves relative URLs, adds the bearer token and names the app', async () => {
    const { graph, calls, tokens } = client(() => json(200, { id: 'site' }));
    await graph.get('/sites/root');
    await graph.get('https://graph.example/v1.0/sites/next?$skiptoken=2');
    expect(calls.map((call) => call.url)).toEqual([
      'https://graph.example/v1.0/sites/root',
      'https://graph.example/v1.0/sites/next?$skiptoken=2',
    ]);
    expect(calls[0]!.headers['Authorization']).toBe('Bearer token-1');
    expect(calls[0]!.headers['User-Agent']).toMatch(/^NONISV\|/);
    expect(tokens[0]).toEqual(['https://graph.microsoft.com/.default']);
  });

  it('sends JSON bodies and If-Match, and turns 412 into a stale CONFLICT', async () => {
    const { graph, calls } = client(() =>
      json(412, { error: { code: 'resourceModified', message: 'ETag mismatch' } }, { 'request-id': 'r-1' }),
    );
    const failure = await graph
      .request({ method: 'PATCH', url: '/sites/s/lists/l/items/1/fields', body: { Title: 'x' }, ifMatch: '"{A},3"' })
      .catch((error: unknown) => error);
    expect(calls[0]!.headers['If-Match']).toBe('"{A},3"');
    expect(calls[0]!.headers['Content-Type']).toBe('application/json');
    expect(calls[0]!.body).toEqual({ Title: 'x' });
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'CONFLICT', details: { reason: 'stale', requestId: 'r-1' } });
  });

  it('turns 404 into NOT_FOUND and every other failure into one GraphError', async () => {
    const { graph } = client((call) =>
      call.url.endsWith('/missing')
        ? json(404, { error: { code: 'itemNotFound', message: 'gone' } })
        : json(403, {
            error: { code: 'accessDenied', message: 'no', innerError: { code: 'x', 'request-id': 'inner-id' } },
          }),
    );
    await expect(graph.get('/missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const denied = await graph.get('/forbidden').catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(GraphError);
    expect(denied).toMatchObject({ status: 403, code: 'accessDenied', innerCode: 'x', requestId: 'inner-id' });
  });

  it('retries a lost connection for idempotent requests only, then reports it as a GraphError with status 0', async () => {
    const { graph, calls } = client(() => {
      throw new TypeError('fetch failed');
    });
    await expect(graph.get('/sites/root')).rejects.toMatchObject({ status: 0, code: 'networkError' });
    expect(calls).toHaveLength(5);
    await expect(graph.request({ method: 'POST', url: '/sites/s/lists', body: {} })).rejects.toMatchObject({
      status: 0,
    });
    expect(calls).toHaveLength(6);
  });

  it('retries 429 after Retry-After, with a fresh token each time', async () => {
    const { graph, calls, sleeps } = client((_call, index) =>
      index === 0 ? json(429, { error: { code: 'TooManyRequests' } }, { 'Retry-After': '7' }) : json(200, { ok: 1 }),
    );
    await expect(graph.get('/sites/root')).resolves.toEqual({ ok: 1 });
    expect(sleeps).toEqual([7_000]);
    expect(calls.map((call) => call.headers['Authorization'])).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('backs off exponentially without Retry-After, capped, then gives up with the last status', async () => {
    const { graph, calls, sleeps } = client(() => json(503, { error: { code: 'serviceNotAvailable' } }), {
      retry: { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 5_000 },
    });
    await expect(graph.get('/sites/root')).rejects.toMatchObject({ status: 503, code: 'serviceNotAvailable' });
    expect(calls).toHaveLength(6);
    expect(sleeps).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('reads Retry-After as seconds or as an HTTP date, and caps it', () => {
    const now = new Date('2025-03-01T10:00:00Z');
    expect(retryDelay(1, '3', now)).toBe(3_000);
    expect(retryDelay(1, 'Sat, 01 Mar 2025 10:00:12 GMT', now)).toBe(12_000);
    expect(retryDelay(3, 'soon', now)).toBe(4_000);
    expect(retryDelay(1, '86400', now)).toBe(300_000);
  });

  it('routes http:// links below the root and URLs outside it (the SDK parses only https:// as absolute)', async () => {
    const { graph, calls } = client(() => json(200, { value: [] }), { baseUrl: 'http://127.0.0.1:4000/v1.0' });
    await graph.get('http://127.0.0.1:4000/v1.0/sites/s/lists/l/items?$skiptoken=2');
    await graph.request({
      method: 'PUT',
      url: 'http://127.0.0.1:4000/upload-sessions/abc?x=1',
      body: new Uint8Array(3),
    });
    expect(calls.map((call) => call.url)).toEqual([
      'http://127.0.0.1:4000/v1.0/sites/s/lists/l/items?$skiptoken=2',
      'http://127.0.0.1:4000/upload-sessions/abc?x=1',
    ]);
    expect(calls[0]!.headers['Authorization']).toBe('Bearer token-1');
    expect(calls[1]!.headers['Authorization']).toBeUndefined();
  });

  it('follows @odata.nextLink through every page', async () => {
    const { graph } = client((call) =>
      call.url.includes('skiptoken')
        ? json(200, { value: [3] })
        : json(200, { value: [1, 2], '@odata.nextLink': 'https://graph.example/v1.0/items?$skiptoken=2' }),
    );
    await expect(graph.getAll('/items')).resolves.toEqual([1, 2, 3]);
  });

  it('restarts a delta enumeration once when the token has expired (410 + Location)', async () => {
    const { graph, calls } = client((call) => {
      if (call.url.includes('token=old'))
        return json(
          410,
          { error: { code: 'resyncRequired', innerError: { code: 'resyncChangesApplyDifferences' } } },
          { Location: 'https://graph.example/v1.0/sites/s/lists/l/items/delta?token=fresh' },
        );
      return json(200, { value: [{ id: '1' }], '@odata.deltaLink': 'https://graph.example/delta?token=new' });
    });
    const result = await graph.delta(
      '/sites/s/lists/l',
      'https://graph.example/v1.0/sites/s/lists/l/items/delta?token=old',
    );
    expect(result).toEqual({
      items: [{ id: '1' }],
      deltaLink: 'https://graph.example/delta?token=new',
      resynced: true,
    });
    expect(calls.map((call) => call.url)).toEqual([
      'https://graph.example/v1.0/sites/s/lists/l/items/delta?token=old',
      'https://graph.example/v1.0/sites/s/lists/l/items/delta?token=fresh',
    ]);
  });

  it('restarts from the start when the token expires between two pages of one enumeration', async () => {
    const { graph, calls } = client((call) => {
      if (call.url.includes('token=page2')) return json(410, { error: { code: 'resyncRequired' } });
      if (call.url.includes('token=old'))
        return json(200, {
          value: [{ id: '1' }],
          '@odata.nextLink': 'https://graph.example/v1.0/sites/s/lists/l/items/delta?token=page2',
        });
      return json(200, { value: [{ id: '2' }], '@odata.deltaLink': 'https://graph.example/delta?token=new' });
    });
    const result = await graph.delta(
      '/sites/s/lists/l',
      'https://graph.example/v1.0/sites/s/lists/l/items/delta?token=old',
    );
    expect(result).toEqual({
      items: [{ id: '2' }],
      deltaLink: 'https://graph.example/delta?token=new',
      resynced: true,
    });
    expect(calls.map((call) => call.url.replace('https://graph.example/v1.0/sites/s/lists/l/items/', ''))).toEqual([
      'delta?token=old',
      'delta?token=page2',
      'delta?$expand=fields',
    ]);
  });

  it('batches in chunks of 20 and re-sends only the throttled sub-requests', async () => {
    let throttledOnce = false;
    const { graph, calls, sleeps } = client((call) => {
      const { requests } = call.body as { requests: { id: string; url: string }[] };
      return json(200, {
        responses: requests.map((request) => {
          if (request.id === '22' && !throttledOnce) {
            throttledOnce = true;
            return { id: request.id, status: 429, headers: { 'Retry-After': '4' }, body: { error: { code: 'x' } } };
          }
          if (request.url.endsWith('/missing')) return { id: request.id, status: 404, body: {} };
          return { id: request.id, status: 201, body: { url: request.url } };
        }),
      });
    });
    const requests = Array.from({ length: 45 }, (_, index) => ({
      method: 'POST' as const,
      url: index === 44 ? '/missing' : `/items/${index}`,
      body: { n: index },
    }));
    const outcomes = await graph.batch(requests);
    const sizes = calls.map((call) => (call.body as { requests: unknown[] }).requests.length);
    expect(sizes).toEqual([20, 20, 1, 5]);
    expect((calls[2]!.body as { requests: { id: string }[] }).requests[0]!.id).toBe('22');
    expect(sleeps).toEqual([4_000]);
    expect(outcomes.slice(0, 44).every((outcome) => outcome.ok)).toBe(true);
    expect(outcomes[21]).toMatchObject({ ok: true, body: { url: '/items/21' } });
    expect(outcomes[44]).toMatchObject({ ok: false, status: 404, error: { code: 'NOT_FOUND' } });
    const first = (calls[0]!.body as { requests: { headers: Record<string, string> }[] }).requests[0]!;
    // BatchRequestContent reads the sub-request's headers from a fetch Request: names in lower case.
    expect(first.headers['content-type']).toBe('application/json');
  });

  it('counts resource units per request, a batch by its sub-requests, and paces to the budget', async () => {
    const meter = createResourceUnitMeter(5);
    const { graph, sleeps } = client(
      (call) =>
        call.url.endsWith('$batch')
          ? json(200, {
              responses: [
                { id: '1', status: 200 },
                { id: '2', status: 200 },
              ],
            })
          : json(200, { value: [] }),
      { meter, paceToBudget: true },
    );
    await graph.get('/sites/s/lists/l/items'); // 2
    await graph.get('/sites/s/lists/l/items/7'); // 1
    await graph.batch([
      { method: 'GET', url: '/sites/s/lists/l' },
      { method: 'PATCH', url: '/sites/s/lists/l/items/7/fields', body: {} },
    ]); // 1 + 2: over the budget of 5 within the minute, so it waits
    expect(meter.total).toBe(6);
    expect(meter.requests).toBe(3);
    expect(sleeps).toEqual([60_000]);
  });
});
