import { rmSync } from 'node:fs';
import { expect } from 'vitest';
import type { Clock } from '../../functions/src/app/ports.js';
import type { Config } from '../../functions/src/config.js';
import { startLocalServer, type LocalServer } from '../../functions/src/hosts/local/server.js';
import type { Route } from '../../functions/src/http/route.js';
import { recordContractViolation } from './contract-violations.js';
import { freshSeededDataDir } from './seeded-template.js';

export type TestServer = LocalServer & { dataDir: string; api: ApiClient; stop(): Promise<void> };

/**
 * A real local host on a free port, with a fresh SQLite file seeded with the demo municipality,
 * or on a given data directory (which `stop()` then removes). With `startsAt`, the demo is seeded
 * on that day and the server runs on a clock starting at it, for a file whose rules depend on the
 * day (e.g. what "this year" holds late in December).
 * Every JSON response is checked against its route's `response` schema: a drifting handler
 * answers 500 (header x-contract-violation) and fails the file (see contract-violations.ts).
 */
export async function startTestServer(
  settings: Pick<Partial<Config>, 'rateLimits' | 'dataDir'> & { extraRoutes?: Route[]; startsAt?: Date } = {},
): Promise<TestServer> {
  const { extraRoutes, dataDir: givenDataDir, startsAt, ...config } = settings;
  const clock = startsAt ? clockStartingAt(startsAt) : undefined;
  const dataDir = givenDataDir ?? (await freshSeededDataDir('kh-test-', clock ? { clock } : {}));
  const server = await startLocalServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seedDemo: false,
    mode: 'local',
    ...config,
    testing: {
      checkResponse: recordContractViolation,
      ...(extraRoutes ? { extraRoutes } : {}),
      ...(clock ? { clock } : {}),
    },
  });
  return {
    ...server,
    dataDir,
    api: apiClient(server.url),
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A clock that shows `start` when it is made and then runs at the real clock's pace: a test that
 * depends on the day runs on a day of its own.
 */
export function clockStartingAt(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };
export type ApiClient = ReturnType<typeof apiClient>;

export function apiClient(baseUrl: string) {
  async function call<T = any>(
    as: string | null,
    method: string,
    path: string,
    options: {
      json?: unknown;
      raw?: string | Uint8Array;
      contentType?: string;
      ifMatch?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (as) headers['x-local-user'] = as;
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    let body: string | Blob | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.raw !== undefined) {
      body = typeof options.raw === 'string' ? options.raw : new Blob([options.raw as Uint8Array<ArrayBuffer>]);
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    }
    const response = await fetch(`${baseUrl}/api${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  return {
    call,
    get: <T = any>(as: string | null, path: string) => call<T>(as, 'GET', path),
    /** A demo procedure's detail, found by its code, as `as` sees it. */
    procedureByCode: async (code: string, as: string = people.coordinator) => {
      const list = await call(as, 'GET', '/procedures?limit=1000');
      const item = list.body.items.find((candidate: { code: string }) => candidate.code === code);
      expect(item, `demo procedure ${code}`).toBeDefined();
      return (await call(as, 'GET', `/procedures/${item.id}`)).body;
    },
    post: <T = any>(as: string, path: string, json: unknown, ifMatch?: string) =>
      call<T>(as, 'POST', path, { json, ...(ifMatch ? { ifMatch } : {}) }),
    upload: <T = any>(as: string, procedureId: string, fileName: string, bytes: Uint8Array | string, ifMatch: string) =>
      call<T>(as, 'PUT', `/procedures/${procedureId}/draft/file?fileName=${encodeURIComponent(fileName)}`, {
        raw: typeof bytes === 'string' ? bytes : Buffer.from(bytes),
        ifMatch,
      }),
  };
}

/** The demo people the tests act as (see functions/src/seed/demo-directory.ts). */
export const people = {
  coordinator: 'mette-kjaer',
  natureAuthor: 'peter-lund',
  natureLeader: 'anne-birk',
  natureCaseworker: 'karen-holt',
  environmentCaseworker: 'ida-nielsen',
  buildingAuthor: 'henrik-skov',
  director: 'lars-holm',
} as const;
