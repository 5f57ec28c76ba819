import type { Clock } from '../../app/ports.js';
import { type AppError } from '../../core/errors.js';
import { graphFailure, type GraphError } from './graph-errors.js';
import { createResourceUnitMeter, resourceUnitCost, type ResourceUnitMeter } from './resource-units.js';

/**
 * The one configured Microsoft Graph client of the SharePoint adapter: a thin wrapper around
 * `fetch`, built from small behaviours that each add one cross-cutting concern (base URL,
 * bearer token, If-Match, traffic decoration, retry, resource-unit accounting) and are
 * composed once, in `createGraphClient` (the preset).
 *
 * Why not `@microsoft/microsoft-graph-client`: we use a dozen endpoints, the SDK's middleware
 * chain retries a `$batch` only as a whole (we must re-send just the throttled sub-requests),
 * it has no hook for SharePoint's resource-unit budget, and its CommonJS/ESM packaging adds
 * friction on Node 20 + NodeNext for little gain over `fetch`, which Node 20 has built in.
 */

export type TokenProvider = (scopes: string[]) => Promise<string>;

/** Graph's scope for app permissions and on-behalf-of exchanges alike. */
export const graphScopes = ['https://graph.microsoft.com/.default'];
export const graphRoot = 'https://graph.microsoft.com/v1.0';

export type GraphMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request as adapter code writes it. */
export type GraphRequest = {
  method: GraphMethod;
  /** Relative to the version root ("/sites/…"), or absolute (an @odata.nextLink, an upload URL). */
  url: string;
  headers?: Record<string, string>;
  /** A JSON-serialisable value, or raw bytes (file content). */
  body?: unknown;
  /** The eTag the target must still have; a 412 answer becomes CONFLICT (reason 'stale'). */
  ifMatch?: string;
  /** Send no Authorization header (upload session URLs are pre-authorised and may refuse one). */
  anonymous?: boolean;
  /** Read the answer as bytes instead of JSON. */
  expect?: 'json' | 'bytes';
};

export type GraphResponse<T = unknown> = { status: number; headers: Record<string, string>; body: T };

/** What travels through the behaviours: the request as fetch will see it. */
export type Outgoing = {
  request: GraphRequest;
  method: GraphMethod;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
};
export type Send = (outgoing: Outgoing) => Promise<Response>;
export type Behaviour = (next: Send) => Send;

export type RetryPolicy = {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Cap of the exponential backoff used when the answer has no Retry-After. */
  maxDelayMs: number;
  /** Cap of a server-given Retry-After (a bug or a block should not park a request for hours). */
  maxRetryAfterMs: number;
};

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 300_000,
};

/**
 * Throttled (429), busy (503) and gateway failures (502, 504): worth another try after a pause.
 * https://learn.microsoft.com/en-us/graph/throttling and the SharePoint throttling page name
 * 429 and 503 with Retry-After.
 */
export const transientStatuses: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** How long to wait before attempt `attempt + 1`: Retry-After when given, else capped exponential backoff. */
export function retryDelay(
  attempt: number,
  retryAfter: string | null | undefined,
  now: Date,
  policy: RetryPolicy = defaultRetryPolicy,
): number {
  if (retryAfter) {
    const trimmed = retryAfter.trim();
    // Retry-After is delay-seconds or an HTTP-date (RFC 9110 10.2.3).
    const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1_000 : Date.parse(trimmed) - now.getTime();
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), policy.maxRetryAfterMs);
  }
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

// ---------------------------------------------------------------------------------------------
// Behaviours. Each is `(next) => send`; the preset lists them outermost first.

/** Resolves relative URLs against the Graph version root. */
export function baseUrl(root: string): Behaviour {
  const base = root.replace(/\/+$/, '');
  return (next) => (outgoing) =>
    next(
      /^https?:\/\//i.test(outgoing.url)
        ? outgoing
        : { ...outgoing, url: `${base}/${outgoing.url.replace(/^\/+/, '')}` },
    );
}

/**
 * Names the app in User-Agent, as SharePoint asks ("decorate your traffic"); undecorated
 * traffic is throttled first.
 */
export function decorateTraffic(userAgent: string): Behaviour {
  return (next) => (outgoing) => next({ ...outgoing, headers: { 'User-Agent': userAgent, ...outgoing.headers } });
}

/** Optimistic concurrency on updates: the eTag that was read travels as If-Match. */
export function conditionalUpdates(): Behaviour {
  return (next) => (outgoing) =>
    outgoing.request.ifMatch === undefined
      ? next(outgoing)
      : next({ ...outgoing, headers: { ...outgoing.headers, 'If-Match': outgoing.request.ifMatch } });
}

/** Methods that can be sent twice without doing twice (RFC 9110 9.2.2); a lost connection retries only these. */
const idempotentMethods: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE']);

/**
 * Retries transient failures, honouring Retry-After, and idempotent requests whose connection
 * broke (a kept-alive socket the server had closed). Inside it, each attempt gets a fresh token
 * and is metered.
 */
export function retryTransient(policy: RetryPolicy, sleep: (ms: number) => Promise<void>, clock: Clock): Behaviour {
  return (next) => async (outgoing) => {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await next(outgoing);
      } catch (error) {
        if (!idempotentMethods.has(outgoing.method) || attempt >= policy.maxAttempts) throw error;
        await sleep(retryDelay(attempt, null, clock.now(), policy));
        continue;
      }
      if (!transientStatuses.has(response.status) || attempt >= policy.maxAttempts) return response;
      await response.body?.cancel();
      await sleep(retryDelay(attempt, response.headers.get('retry-after'), clock.now(), policy));
    }
  };
}

/** Adds `Authorization: Bearer …` from the token provider (which caches and renews). */
export function bearerToken(tokens: TokenProvider, scopes: string[] = graphScopes): Behaviour {
  return (next) => async (outgoing) =>
    outgoing.request.anonymous
      ? next(outgoing)
      : next({ ...outgoing, headers: { ...outgoing.headers, Authorization: `Bearer ${await tokens(scopes)}` } });
}

/**
 * Counts every request sent (retries included: throttled requests count against the budget)
 * in resource units; a `$batch` costs the sum of its sub-requests. With `pace`, waits before a
 * request that would overspend the per-minute budget instead of walking into a 429.
 */
export function meterResourceUnits(
  meter: ResourceUnitMeter,
  clock: Clock,
  options: { pace: boolean; sleep: (ms: number) => Promise<void> },
): Behaviour {
  return (next) => async (outgoing) => {
    const units = costOf(outgoing);
    if (options.pace) {
      const wait = meter.waitBefore(units, clock.now());
      if (wait > 0) await options.sleep(wait);
    }
    meter.record(units, clock.now());
    return next(outgoing);
  };
}

function costOf(outgoing: Outgoing): number {
  const requests = batchRequestsOf(outgoing.request);
  if (requests) return requests.reduce((sum, request) => sum + resourceUnitCost(request.method, request.url), 0);
  return resourceUnitCost(outgoing.method, outgoing.url);
}

function batchRequestsOf(request: GraphRequest): { method: string; url: string }[] | null {
  if (request.method !== 'POST' || !/\/\$batch$/.test(request.url.split('?')[0]!)) return null;
  const body = request.body as { requests?: { method: string; url: string }[] } | undefined;
  return body?.requests ?? [];
}

export function compose(behaviours: Behaviour[], send: Send): Send {
  return behaviours.reduceRight((next, behaviour) => behaviour(next), send);
}

// ---------------------------------------------------------------------------------------------
// The client.

export type ListItem<F = Record<string, unknown>> = {
  id: string;
  eTag?: string;
  fields?: F;
  deleted?: { state: string };
  [property: string]: unknown;
};

export type BatchRequest = {
  method: GraphMethod;
  /** Relative to the version root. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  ifMatch?: string;
};

export type BatchOutcome<T = unknown> =
  | { ok: true; status: number; headers: Record<string, string>; body: T }
  | { ok: false; status: number; error: AppError | GraphError };

export type DeltaResult<F = Record<string, unknown>> = {
  items: ListItem<F>[];
  /** Keep this and pass it to the next call. */
  deltaLink: string;
  /** True when the old token had expired (410) and `items` is a full enumeration: replace local state. */
  resynced: boolean;
};

export type GraphClient = {
  /** Sends one request; throws NOT_FOUND, CONFLICT (stale) or GraphError when it fails. */
  request<T = unknown>(request: GraphRequest): Promise<GraphResponse<T>>;
  get<T = unknown>(url: string, headers?: Record<string, string>): Promise<T>;
  /** The pages of a collection, following @odata.nextLink. */
  pages<T = unknown>(url: string, headers?: Record<string, string>): AsyncGenerator<T[]>;
  getAll<T = unknown>(url: string, headers?: Record<string, string>): Promise<T[]>;
  /**
   * Changes to a list's items since `deltaLink` (everything when absent), all pages read.
   * An expired token (410 Gone) restarts the enumeration once, from the Location Graph gives.
   */
  delta<F = Record<string, unknown>>(listPath: string, deltaLink?: string): Promise<DeltaResult<F>>;
  /**
   * JSON batching: chunks of 20, each sub-request throttled by Graph (429/503…) re-sent on its
   * own after its Retry-After. Outcomes come back in the order of `requests`.
   */
  batch<T = unknown>(requests: BatchRequest[]): Promise<BatchOutcome<T>[]>;
  readonly meter: ResourceUnitMeter;
};

export type GraphClientOptions = {
  tokens: TokenProvider;
  baseUrl?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  clock?: Clock;
  meter?: ResourceUnitMeter;
  retry?: Partial<RetryPolicy>;
  /** https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online */
  userAgent?: string;
  /** Wait rather than overspend the per-minute resource-unit budget (timer jobs; not for user calls). */
  paceToBudget?: boolean;
};

/** JSON batching allows up to 20 requests: https://learn.microsoft.com/en-us/graph/json-batching */
export const batchLimit = 20;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The preset: every Graph call of the adapter goes through the behaviours composed here. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const sleep = options.sleep ?? realSleep;
  const clock = options.clock ?? { now: () => new Date() };
  const meter = options.meter ?? createResourceUnitMeter();
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const fetchImpl = options.fetch ?? fetch;

  const send = compose(
    [
      baseUrl(options.baseUrl ?? graphRoot),
      decorateTraffic(options.userAgent ?? 'NONISV|Kvalitetshaandbog|Kvalitetshaandbog/0.1'),
      conditionalUpdates(),
      retryTransient(policy, sleep, clock),
      bearerToken(options.tokens),
      meterResourceUnits(meter, clock, { pace: options.paceToBudget ?? false, sleep }),
    ],
    // A Uint8Array is a valid fetch body; TS 5.9's lib types only admit ArrayBuffer-backed views.
    (outgoing) =>
      fetchImpl(outgoing.url, {
        method: outgoing.method,
        headers: outgoing.headers,
        body: outgoing.body as BodyInit | undefined,
      }),
  );

  type Settled = { status: number; headers: Record<string, string>; body: unknown; url: string };

  /** Sends and reads the answer; never throws for an HTTP status (a lost connection is status 0). */
  async function settle(request: GraphRequest): Promise<Settled> {
    const headers: Record<string, string> = { ...request.headers };
    let body: string | Uint8Array | undefined;
    if (request.body instanceof Uint8Array) body = request.body;
    else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
        headers['Content-Type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await send({ request, method: request.method, url: request.url, headers, body });
    } catch (error) {
      return { status: 0, headers: {}, body: (error as Error).message, url: request.url };
    }
    const responseHeaders = Object.fromEntries(response.headers.entries());
    const type = response.headers.get('content-type') ?? '';
    let parsed: unknown;
    if (request.expect === 'bytes' && response.ok) parsed = new Uint8Array(await response.arrayBuffer());
    else if (type.includes('json')) parsed = await response.json().catch(() => null);
    else parsed = await response.text();
    return { status: response.status, headers: responseHeaders, body: parsed, url: request.url };
  }

  function failed(request: GraphRequest, settled: Settled) {
    return graphFailure({
      method: request.method,
      url: settled.url,
      status: settled.status,
      headers: settled.headers,
      body: settled.body,
    });
  }

  /** The one place a failed request is thrown. */
  function ensureOk(request: GraphRequest, settled: Settled): Settled {
    if (settled.status === 0 || settled.status >= 400) throw failed(request, settled);
    return settled;
  }

  async function request<T>(request: GraphRequest): Promise<GraphResponse<T>> {
    const settled = ensureOk(request, await settle(request));
    return { status: settled.status, headers: settled.headers, body: settled.body as T };
  }

  async function* pages<T>(url: string, headers?: Record<string, string>): AsyncGenerator<T[]> {
    let next: string | undefined = url;
    while (next) {
      const page: { body: { value?: T[]; '@odata.nextLink'?: string } } = await request({
        method: 'GET',
        url: next,
        headers,
      });
      yield page.body.value ?? [];
      next = page.body['@odata.nextLink'];
    }
  }

  async function delta<F>(listPath: string, deltaLink?: string): Promise<DeltaResult<F>> {
    // https://learn.microsoft.com/en-us/graph/api/listitem-delta
    const fresh = `${listPath.replace(/\/+$/, '')}/items/delta?$expand=fields`;
    let url = deltaLink ?? fresh;
    let resynced = false;
    let items: ListItem<F>[] = [];
    for (;;) {
      const attempt: GraphRequest = { method: 'GET', url };
      const settled = await settle(attempt);
      if (settled.status === 410 && !resynced) {
        // resyncChangesApplyDifferences / resyncChangesUploadDifferences: start over from Location.
        resynced = true;
        items = [];
        url = settled.headers['location'] ?? fresh;
        continue;
      }
      const body = ensureOk(attempt, settled).body as {
        value?: ListItem<F>[];
        '@odata.nextLink'?: string;
        '@odata.deltaLink'?: string;
      };
      items.push(...(body.value ?? []));
      if (body['@odata.nextLink']) url = body['@odata.nextLink'];
      else if (body['@odata.deltaLink']) return { items, deltaLink: body['@odata.deltaLink'], resynced };
      else throw failed(attempt, { ...settled, status: 502, body: 'a delta page had neither nextLink nor deltaLink' });
    }
  }

  async function batch<T>(requests: BatchRequest[]): Promise<BatchOutcome<T>[]> {
    const outcomes: BatchOutcome<T>[] = new Array(requests.length);
    for (let start = 0; start < requests.length; start += batchLimit) {
      let pending = requests.slice(start, start + batchLimit).map((item, offset) => ({ item, index: start + offset }));
      for (let attempt = 1; pending.length > 0; attempt++) {
        const envelope = await request<{ responses: SubResponse[] }>({
          method: 'POST',
          url: '/$batch',
          body: { requests: pending.map(({ item, index }) => toWire(item, String(index + 1))) },
        });
        const byId = new Map(envelope.body.responses.map((response) => [response.id, response]));
        const again: typeof pending = [];
        let wait = 0;
        for (const entry of pending) {
          const response = byId.get(String(entry.index + 1));
          const status = response?.status ?? 0;
          const headers = lowerCaseKeys(response?.headers ?? {});
          if (transientStatuses.has(status) && attempt < policy.maxAttempts) {
            again.push(entry);
            wait = Math.max(wait, retryDelay(attempt, headers['retry-after'], clock.now(), policy));
            continue;
          }
          outcomes[entry.index] =
            status >= 200 && status < 400
              ? { ok: true, status, headers, body: response!.body as T }
              : {
                  ok: false,
                  status,
                  error: graphFailure({
                    method: entry.item.method,
                    url: entry.item.url,
                    status,
                    headers,
                    body: response?.body ?? 'no response for this sub-request',
                  }),
                };
        }
        if (again.length > 0) await sleep(wait);
        pending = again;
      }
    }
    return outcomes;
  }

  return {
    request,
    async get<T>(url: string, headers?: Record<string, string>) {
      return (await request<T>({ method: 'GET', url, headers })).body;
    },
    pages,
    async getAll<T>(url: string, headers?: Record<string, string>) {
      const all: T[] = [];
      for await (const page of pages<T>(url, headers)) all.push(...page);
      return all;
    },
    delta,
    batch,
    meter,
  };
}

type SubResponse = { id: string; status: number; headers?: Record<string, string>; body?: unknown };

function toWire(item: BatchRequest, id: string) {
  const headers: Record<string, string> = { ...item.headers };
  if (item.ifMatch !== undefined) headers['If-Match'] = item.ifMatch;
  // "When a body is included with the request, the headers object must contain a value for Content-Type."
  if (item.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
    headers['Content-Type'] = 'application/json';
  return {
    id,
    method: item.method,
    url: item.url.startsWith('/') ? item.url : `/${item.url}`,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(item.body !== undefined ? { body: item.body } : {}),
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}
