import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from './http-client';
import { createTypedClient, routeUrl } from './typed-client';

function recordingClient(body: unknown = { ok: true }) {
  const fetchImpl = vi.fn(
    async (..._args: Parameters<typeof fetch>) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
  );
  const api = createTypedClient(createHttpClient({ baseUrl: '', identityHeaders: () => ({}), fetchImpl }));
  const sent = () => {
    const [url, init] = fetchImpl.mock.calls.at(-1)!;
    return { url, method: init?.method, headers: init?.headers as Record<string, string>, body: init?.body };
  };
  return { api, sent };
}

describe('the typed API client', () => {
  it('fills the route path from its params (encoded) and sends the query', async () => {
    const { api, sent } = recordingClient({ items: [], total: 0, limit: 10, offset: 0 });
    await api.call('procedures-list', { query: { status: 'review-due', limit: 10, ownerId: undefined } });
    expect(sent()).toMatchObject({ url: '/api/procedures?status=review-due&limit=10', method: 'GET' });

    await api.call('versions-rendered', { params: { id: 'p 1', versionId: 'v/2' } });
    expect(sent().url).toBe('/api/procedures/p%201/versions/v%2F2/rendered');
  });

  it('sends the body as JSON, the method of the route and If-Match on conditional routes', async () => {
    const { api, sent } = recordingClient();
    await api.call('draft-submit', {
      params: { id: 'p1' },
      body: { changeSummary: 'Ny frist', kind: 'minor' },
      ifMatch: '"7"',
    });
    expect(sent()).toMatchObject({
      url: '/api/procedures/p1/draft/submit',
      method: 'POST',
      body: JSON.stringify({ changeSummary: 'Ny frist', kind: 'minor' }),
      headers: expect.objectContaining({ 'If-Match': '"7"', 'Content-Type': 'application/json' }),
    });
  });

  it('sends a file body raw', async () => {
    const { api, sent } = recordingClient();
    const file = new Blob(['# Procedure'], { type: 'text/markdown' });
    await api.call('draft-upload', { params: { id: 'p1' }, query: { fileName: 'a.md' }, body: file, ifMatch: '"1"' });
    expect(sent()).toMatchObject({
      url: '/api/procedures/p1/draft/file?fileName=a.md',
      method: 'PUT',
      body: file,
      headers: expect.objectContaining({ 'Content-Type': 'application/octet-stream' }),
    });
  });

  it('refuses to build a path without its parameter', () => {
    expect(() => routeUrl('procedures-get', {})).toThrow('Route procedures-get needs the path parameter id.');
  });

  it('is checked by the compiler against the route table (each line below must be a type error)', () => {
    const { api } = recordingClient();
    const never = () => {
      // @ts-expect-error: no such route
      void api.call('procedure-get', { params: { id: 'p1' } });
      // @ts-expect-error: the path parameter is `id`
      void api.call('procedures-get', { params: { procedureId: 'p1' } });
      // @ts-expect-error: the route takes path parameters
      void api.call('procedures-get');
      // @ts-expect-error: the submit body has no field `summary`
      void api.call('draft-submit', { params: { id: 'p1' }, body: { summary: 'x' }, ifMatch: '"1"' });
      // @ts-expect-error: a conditional route needs If-Match
      void api.call('draft-submit', { params: { id: 'p1' }, body: { changeSummary: 'x' } });
      // @ts-expect-error: a file route is downloaded, not called
      void api.call('versions-file', { params: { id: 'p1', versionId: 'v1' } });
      // @ts-expect-error: the status filter is one of the contract's values
      void api.call('procedures-list', { query: { status: 'late' } });
    };
    expect(typeof never).toBe('function');
  });

  it('types the response as the route declares it', async () => {
    const { api } = recordingClient({ ok: true });
    const health = await api.call('health');
    const ok: true = health.ok;
    expect(ok).toBe(true);
  });
});
