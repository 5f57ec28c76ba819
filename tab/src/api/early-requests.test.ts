import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { isPublicRoute, matchRoute } from '../router/routes';
import { defaultFilters, toListParams } from '../scenes/handbook/handbook-query';
import { createApi } from './api';
import { ApiRequestError } from './api-error';
import {
  canonicalPath,
  earlyRequestKey,
  earlyRequestMaxAgeMs,
  takeEarlyResponse,
  type EarlyRequests,
} from './early-requests';
import { createHttpClient } from './http-client';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('early requests: keys and taking', () => {
  it('sorts query parameters so both sides build the same key', () => {
    expect(canonicalPath('/api/procedures?sort=code&order=asc&limit=100')).toBe(
      '/api/procedures?limit=100&order=asc&sort=code',
    );
    expect(earlyRequestKey('/api/me', 'karen-holt')).toBe('karen-holt|/api/me');
    expect(earlyRequestKey('/api/sign-in', undefined)).toBe('|/api/sign-in');
  });

  it('hands a response out once, only to the same person, and not when old or with a token', () => {
    const response = Promise.resolve(json({}));
    const early: EarlyRequests = new Map([['karen-holt|/api/me', { at: 1_000, response }]]);
    expect(takeEarlyResponse('/api/me', { 'X-Local-User': 'anne-birk' }, early, 1_001)).toBeNull();
    expect(takeEarlyResponse('/api/me', { Authorization: 'Bearer t' }, early, 1_001)).toBeNull();
    expect(takeEarlyResponse('/api/me', { 'X-Local-User': 'karen-holt' }, early, 1_001)).toBe(response);
    expect(takeEarlyResponse('/api/me', { 'X-Local-User': 'karen-holt' }, early, 1_002)).toBeNull();

    early.set('karen-holt|/api/units', { at: 1_000, response });
    expect(
      takeEarlyResponse('/api/units', { 'X-Local-User': 'karen-holt' }, early, 1_001 + earlyRequestMaxAgeMs),
    ).toBeNull();
  });
});

describe('early requests: the HTTP client', () => {
  const identity = () => ({ 'X-Local-User': 'karen-holt' });

  it('uses an early response for a GET instead of asking again', async () => {
    const fetchImpl = vi.fn(async () => json({ from: 'network' }));
    const earlyResponse = vi.fn(() => Promise.resolve(json({ from: 'early' })));
    const http = createHttpClient({ baseUrl: '', identityHeaders: identity, fetchImpl, earlyResponse });
    await expect(http.requestJson('/api/me')).resolves.toEqual({ from: 'early' });
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(earlyResponse).toHaveBeenCalledWith('/api/me', expect.objectContaining({ 'X-Local-User': 'karen-holt' }));
  });

  it('never for a write', async () => {
    const fetchImpl = vi.fn(async () => json({ from: 'network' }));
    const earlyResponse = vi.fn(() => Promise.resolve(json({ from: 'early' })));
    const http = createHttpClient({ baseUrl: '', identityHeaders: identity, fetchImpl, earlyResponse });
    await expect(http.requestJson('/api/me', { method: 'POST', json: {} })).resolves.toEqual({ from: 'network' });
    expect(earlyResponse).not.toHaveBeenCalled();
  });

  it('turns an early error answer into the same ApiRequestError', async () => {
    const http = createHttpClient({
      baseUrl: '',
      identityHeaders: identity,
      fetchImpl: vi.fn(),
      earlyResponse: () => Promise.resolve(json({ code: 'UNAUTHENTICATED', message: 'Who?' }, 401)),
    });
    const error = await http.requestJson('/api/me').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('asks again when the early request failed on the network', async () => {
    const fetchImpl = vi.fn(async () => json({ from: 'network' }));
    const http = createHttpClient({
      baseUrl: '',
      identityHeaders: identity,
      fetchImpl,
      earlyResponse: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(http.requestJson('/api/me')).resolves.toEqual({ from: 'network' });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});

/** Runs index.html's inline script in a bare context: the requests it starts, by key. */
async function runIndexScript(input: { pathname: string; search: string; user: string | null; mode: string }) {
  const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
  expect(scripts).toHaveLength(1);
  const requested: { url: string; headers: Record<string, string> }[] = [];
  const window: { __khEarlyRequests?: EarlyRequests } = {};
  runInNewContext(scripts[0]!, {
    window,
    location: { pathname: input.pathname, search: input.search },
    localStorage: { getItem: (key: string) => (key === 'kvalitetshaandbog.localUser' ? input.user : null) },
    document: { head: { appendChild: () => undefined }, createElement: () => ({}) },
    fetch: (url: string, init: { headers: Record<string, string> }) => {
      requested.push({ url, headers: init.headers });
      return Promise.resolve(url === '/api/sign-in' ? json({ mode: input.mode }) : json({}));
    },
    Map,
    Date,
    Promise,
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { requested, early: window.__khEarlyRequests! };
}

/** The URLs the app itself asks first on the handbook: the session, then the scene's lists. */
async function appRequestsOnHandbook(user: string): Promise<string[]> {
  const urls: string[] = [];
  const fetchImpl = vi.fn(async (url: string | URL | Request) => {
    urls.push(String(url));
    return json({});
  });
  const signIn = createHttpClient({ baseUrl: '', identityHeaders: () => ({}), fetchImpl, earlyResponse: () => null });
  await signIn.requestJson('/api/sign-in');
  const api = createApi(
    createHttpClient({
      baseUrl: '',
      identityHeaders: () => ({ 'X-Local-User': user }),
      fetchImpl,
      earlyResponse: () => null,
    }),
  );
  await api.getMe();
  await api.listPeople();
  await api.listUnits();
  // As in scenes/handbook/use-handbook-data.ts: the first page, the whole handbook, the areas.
  await api.listProcedures(toListParams(defaultFilters, 100));
  await api.listProcedures({ sort: 'code', order: 'asc', limit: 1000 });
  await api.listAreas();
  return urls.map((url, index) => earlyRequestKey(url, index === 0 ? null : user));
}

describe("early requests: index.html's inline script", () => {
  it('asks exactly what the app asks first on the handbook, as the remembered person', async () => {
    const { requested, early } = await runIndexScript({
      pathname: '/handbook',
      search: '',
      user: 'karen-holt',
      mode: 'local',
    });
    const expected = await appRequestsOnHandbook('karen-holt');
    expect([...early.keys()].sort()).toEqual([...expected].sort());
    expect(requested.filter((request) => request.url !== '/api/sign-in').map((r) => r.headers['X-Local-User'])).toEqual(
      Array(6).fill('karen-holt'),
    );
  });

  it('asks only the sign-in question without a remembered person, and nothing of the handbook elsewhere', async () => {
    const first = await runIndexScript({ pathname: '/handbook', search: '', user: null, mode: 'local' });
    expect(first.requested.map((request) => request.url)).toEqual(['/api/sign-in']);
    const filtered = await runIndexScript({
      pathname: '/handbook',
      search: '?level=core',
      user: 'karen-holt',
      mode: 'local',
    });
    expect([...filtered.early.keys()].sort()).toEqual(
      ['karen-holt|/api/me', 'karen-holt|/api/people', 'karen-holt|/api/units', '|/api/sign-in'].sort(),
    );
  });

  it('asks the API nothing on the public pages, shown without signing in', async () => {
    for (const pathname of ['/configure', '/privacy', '/terms', '/privacy/']) {
      expect(isPublicRoute(matchRoute(pathname, ''))).toBe(true);
      const { requested } = await runIndexScript({ pathname, search: '', user: 'karen-holt', mode: 'local' });
      expect(requested).toEqual([]);
    }
  });

  it('drops everything when the server signs in with Entra ID', async () => {
    const { early } = await runIndexScript({
      pathname: '/handbook',
      search: '',
      user: 'karen-holt',
      mode: 'production',
    });
    expect(early.size).toBe(0);
  });
});
