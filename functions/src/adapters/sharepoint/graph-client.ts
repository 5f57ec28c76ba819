import {
  BatchRequestContent,
  BatchResponseContent,
  Client,
  GraphClientError,
  HTTPMessageHandler,
  LargeFileUploadTask,
  PageIterator,
  ResponseType,
  type Context,
  type Middleware,
  type MiddlewareOptions,
  type PageCollection,
} from '@microsoft/microsoft-graph-client';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { Clock } from '../../app/ports.js';
import { type AppError } from '../../core/errors.js';
import { graphFailure, isGraphError, type GraphError } from './graph-errors.js';
import { createResourceUnitMeter, resourceUnitCost, type ResourceUnitMeter } from './resource-units.js';

/**
 * The one configured Microsoft Graph client of the SharePoint adapter, built on
 * `@microsoft/microsoft-graph-client` (`Client.initWithMiddleware`). Every Graph request of the
 * adapter goes through the middleware chain composed once in `createGraphClient`:
 *
 *   decorate traffic → map failures → retry (Retry-After) → bearer token → resource units → fetch
 *
 * so each attempt of a retried request gets a fresh token and is metered, and every failure
 * becomes the adapter's error (NOT_FOUND, CONFLICT 'stale' for a 412, DUPLICATE, GraphError) in
 * one place (`graph-errors.ts`), including the requests the SDK's own tasks send: paging with
 * `PageIterator`, upload sessions with `LargeFileUploadTask`, `$batch` built with
 * `BatchRequestContent` and read with `BatchResponseContent`.
 *
 * Where the SDK cannot serve as it is, and what this file does instead:
 * - `GraphRequest` recognises an absolute URL only when it starts with `https://`; an `http://`
 *   link (the Graph double and the replay server on loopback) would be read as a path below the
 *   version root. So URLs are routed here (`target`): a link below the configured root becomes
 *   a relative path of the Graph client; any other absolute URL (an upload session's
 *   `uploadUrl`) goes to a client for that origin with an empty version. The SDK's tasks get
 *   this router as their `client` (they only call `api()`). Shown by the replay and double
 *   tests (test/api/sharepoint-graph-replay.test.ts, test/api/sharepoint-graph-client.test.ts).
 * - The SDK's `RetryHandler` retries a `$batch` only as a whole; Graph throttles sub-requests
 *   one by one, so `batch` re-sends just the throttled ones after their Retry-After (the
 *   'batches in chunks of 20 and re-sends only the throttled sub-requests' tests).
 * - An error thrown inside the chain is rewrapped by `GraphRequest` unless it is a
 *   `GraphClientError`; the failure middleware therefore carries the adapter's error in
 *   `customError`, and `unwrap` throws that.
 */

export type TokenProvider = (scopes: string[]) => Promise<string>;

/** Graph's scope for application permissions (client credentials: the permissions consented to the app). */
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
  /**
   * Send no Authorization header. URLs outside the Graph root (upload session URLs, which are
   * pre-authorised and may refuse one) never get one anyway.
   */
  anonymous?: boolean;
  /** Read the answer as bytes instead of JSON. */
  expect?: 'json' | 'bytes';
};

export type GraphResponse<T = unknown> = { status: number; headers: Record<string, string>; body: T };

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
// Middleware. Each handles one concern and hands the context on; the preset lists them in order.

/** The base of the SDK's Middleware: the link to the next one. */
abstract class Link implements Middleware {
  private next: Middleware | undefined;
  setNext(next: Middleware): void {
    this.next = next;
  }
  protected forward(context: Context): Promise<void> {
    if (!this.next) throw new Error('A Graph middleware is last in the chain; the fetch handler must end it.');
    return this.next.execute(context);
  }
  abstract execute(context: Context): Promise<void>;
}

function urlOf(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

function headersOf(context: Context): Record<string, string> {
  context.options ??= {};
  const headers = context.options.headers;
  if (headers === undefined || headers instanceof Headers || Array.isArray(headers)) {
    const plain: Record<string, string> = {};
    new Headers(headers).forEach((value, key) => (plain[key] = value));
    context.options.headers = plain;
    return plain;
  }
  return headers as Record<string, string>;
}

function setHeader(context: Context, name: string, value: string): void {
  const headers = headersOf(context);
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  headers[name] = value;
}

function hasHeader(context: Context, name: string): boolean {
  return Object.keys(headersOf(context)).some((key) => key.toLowerCase() === name.toLowerCase());
}

/**
 * Names the app in User-Agent, as SharePoint asks ("decorate your traffic"); undecorated
 * traffic is throttled first.
 */
class DecorateTraffic extends Link {
  constructor(private readonly userAgent: string) {
    super();
  }
  execute(context: Context): Promise<void> {
    if (!hasHeader(context, 'User-Agent')) setHeader(context, 'User-Agent', this.userAgent);
    return this.forward(context);
  }
}

/** Per request: statuses the caller reads itself (a delta's 410 Gone) instead of failing. */
export class ExpectedStatuses implements MiddlewareOptions {
  constructor(readonly statuses: ReadonlySet<number>) {}
}

/**
 * Every failed answer (status >= 400) or lost connection becomes the adapter's error here
 * (`graphFailure`), carried through the SDK in a GraphClientError's `customError`.
 */
class MapFailures extends Link {
  async execute(context: Context): Promise<void> {
    const method = context.options?.method ?? 'GET';
    try {
      await this.forward(context);
    } catch (error) {
      if (error instanceof GraphClientError) throw error;
      throw carry(
        graphFailure({ method, url: urlOf(context), status: 0, headers: {}, body: (error as Error).message }),
      );
    }
    const response = context.response!;
    const expected = context.middlewareControl?.getMiddlewareOptions(ExpectedStatuses) as ExpectedStatuses | undefined;
    if (response.status < 400 || expected?.statuses.has(response.status)) return;
    const type = response.headers.get('content-type') ?? '';
    const body: unknown = type.includes('json')
      ? await response.json().catch(() => null)
      : await response.text().catch(() => '');
    throw carry(
      graphFailure({
        method,
        url: response.url || urlOf(context),
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body,
      }),
    );
  }
}

function carry(error: AppError | GraphError): GraphClientError {
  const carrier = new GraphClientError(error.message);
  carrier.customError = error;
  return carrier;
}

/** The adapter's error out of the SDK's wrapping. */
function unwrap(error: unknown): never {
  if (error instanceof GraphClientError && error.customError instanceof Error) throw error.customError;
  throw error;
}

/** Methods that can be sent twice without doing twice (RFC 9110 9.2.2); a lost connection retries only these. */
const idempotentMethods: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE']);

/**
 * Retries transient failures, honouring Retry-After, and idempotent requests whose connection
 * broke (a kept-alive socket the server had closed). Inside it, each attempt gets a fresh token
 * and is metered.
 */
class RetryTransient extends Link {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly clock: Clock,
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const method = (context.options?.method ?? 'GET').toUpperCase();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.forward(context);
      } catch (error) {
        if (!idempotentMethods.has(method) || attempt >= this.policy.maxAttempts) throw error;
        await this.sleep(retryDelay(attempt, null, this.clock.now(), this.policy));
        continue;
      }
      const response = context.response!;
      if (!transientStatuses.has(response.status) || attempt >= this.policy.maxAttempts) return;
      await response.body?.cancel();
      await this.sleep(retryDelay(attempt, response.headers.get('retry-after'), this.clock.now(), this.policy));
    }
  }
}

/** Per request: send no Authorization header. */
export class Anonymous implements MiddlewareOptions {}

/**
 * Adds `Authorization: Bearer …` from the token provider (which caches and renews), app-only
 * or on behalf of the user as the provider decides, to requests below the Graph root only.
 */
class BearerToken extends Link {
  constructor(
    private readonly tokens: TokenProvider,
    private readonly root: string,
    private readonly scopes: string[] = graphScopes,
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const anonymous = context.middlewareControl?.getMiddlewareOptions(Anonymous) !== undefined;
    if (!anonymous && urlOf(context).startsWith(`${this.root}/`))
      setHeader(context, 'Authorization', `Bearer ${await this.tokens(this.scopes)}`);
    return this.forward(context);
  }
}

/**
 * Counts every request sent (retries included: throttled requests count against the budget)
 * in resource units; a `$batch` costs the sum of its sub-requests. With `pace`, waits before a
 * request that would overspend the per-minute budget instead of walking into a 429.
 */
class MeterResourceUnits extends Link {
  constructor(
    private readonly meter: ResourceUnitMeter,
    private readonly clock: Clock,
    private readonly options: { pace: boolean; sleep: (ms: number) => Promise<void> },
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const units = costOf(context);
    if (this.options.pace) {
      const wait = this.meter.waitBefore(units, this.clock.now());
      if (wait > 0) await this.options.sleep(wait);
    }
    this.meter.record(units, this.clock.now());
    return this.forward(context);
  }
}

function costOf(context: Context): number {
  const url = urlOf(context);
  const method = (context.options?.method ?? 'GET').toUpperCase();
  if (method === 'POST' && /\/\$batch$/.test(url.split('?')[0]!)) {
    const body = context.options?.body;
    const requests =
      typeof body === 'string'
        ? ((JSON.parse(body) as { requests?: { method: string; url: string }[] }).requests ?? [])
        : [];
    return requests.reduce((sum, request) => sum + resourceUnitCost(request.method, request.url), 0);
  }
  return resourceUnitCost(method, url);
}

/** The end of the chain when a test gives its own fetch (the SDK's HTTPMessageHandler uses the global one). */
class FetchWith implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch) {}
  async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(context.request, context.options);
  }
}

// ---------------------------------------------------------------------------------------------
// The client.

/** A list item as Graph gives it (microsoft-graph-types), its fields typed by the reader. */
export type ListItem<F = Record<string, unknown>> = Omit<MicrosoftGraph.ListItem, 'fields'> & {
  id: string;
  fields?: F;
  /** In a delta feed: the item was deleted. */
  deleted?: MicrosoftGraph.Deleted;
};

export type BatchRequest = {
  method: GraphMethod;
  /** Relative to the version root. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  ifMatch?: string;
  /**
   * Runs only after every earlier sub-request of its envelope succeeded: the envelope is sent
   * serial (JSON batching's `dependsOn`, each sub-request on the one before); after a failure the
   * rest are not run and answer 424 Failed Dependency.
   */
  afterTheOthers?: boolean;
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
  /** Sends one request; throws NOT_FOUND, CONFLICT (stale), DUPLICATE or GraphError when it fails. */
  request<T = unknown>(request: GraphRequest): Promise<GraphResponse<T>>;
  get<T = unknown>(url: string, headers?: Record<string, string>): Promise<T>;
  /** Every item of a collection, following @odata.nextLink (the SDK's PageIterator). */
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
  /**
   * A file through an upload session (the SDK's LargeFileUploadTask), in fragments of
   * `fragmentBytes` (a multiple of 320 KiB); the answer to the last fragment is the item.
   */
  uploadLarge<T = MicrosoftGraph.DriveItem>(
    sessionUrl: string,
    sessionBody: unknown,
    bytes: Uint8Array,
    fileName: string,
    fragmentBytes: number,
  ): Promise<T>;
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

/** What the SDK's tasks need of a Client: `api()`. */
type Router = Pick<Client, 'api'>;

/** The preset: every Graph call of the adapter goes through the middleware composed here. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const sleep = options.sleep ?? realSleep;
  const clock = options.clock ?? { now: () => new Date() };
  const meter = options.meter ?? createResourceUnitMeter();
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const root = (options.baseUrl ?? graphRoot).replace(/\/+$/, '');
  const rootUrl = new URL(root);
  const version = rootUrl.pathname.replace(/^\/+/, '');

  const middleware: Middleware[] = [
    new DecorateTraffic(options.userAgent ?? 'NONISV|Kvalitetshaandbog|Kvalitetshaandbog/0.1'),
    new MapFailures(),
    new RetryTransient(policy, sleep, clock),
    new BearerToken(options.tokens, root),
    new MeterResourceUnits(meter, clock, { pace: options.paceToBudget ?? false, sleep }),
    options.fetch ? new FetchWith(options.fetch) : new HTTPMessageHandler(),
  ];
  const clients = new Map<string, Client>();
  /** One SDK Client per origin and version root, all on the same middleware chain. */
  function clientFor(origin: string, defaultVersion: string): Client {
    const key = `${origin}|${defaultVersion}`;
    let client = clients.get(key);
    if (!client) {
      client = Client.initWithMiddleware({ middleware, baseUrl: origin, defaultVersion });
      clients.set(key, client);
    }
    return client;
  }
  /** Routes a URL to the SDK (see the module comment: `http://` links). */
  const router: Router = {
    api(url: string) {
      if (!/^https?:\/\//i.test(url)) return clientFor(rootUrl.origin, version).api(url);
      if (url.startsWith(`${root}/`) || url.startsWith(`${root}?`))
        return clientFor(rootUrl.origin, version).api(url.slice(root.length));
      const absolute = new URL(url);
      return clientFor(absolute.origin, '').api(`${absolute.pathname}${absolute.search}`);
    },
  };

  async function send(request: GraphRequest, expected?: ReadonlySet<number>): Promise<Response> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.ifMatch !== undefined) headers['If-Match'] = request.ifMatch;
    const controls: MiddlewareOptions[] = [];
    if (request.anonymous) controls.push(new Anonymous());
    if (expected) controls.push(new ExpectedStatuses(expected));
    let body: unknown = request.body;
    // A Uint8Array view is sent as its own bytes (the SDK would send the whole underlying buffer).
    if (body instanceof Uint8Array) body = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const call = router.api(request.url).headers(headers).middlewareOptions(controls).responseType(ResponseType.RAW);
    try {
      switch (request.method) {
        case 'GET':
          return (await call.get()) as Response;
        case 'DELETE':
          return (await call.delete()) as Response;
        case 'POST':
          return (await call.post(body ?? {})) as Response;
        case 'PUT':
          return (await call.put(body)) as Response;
        case 'PATCH':
          return (await call.patch(body)) as Response;
      }
    } catch (error) {
      return unwrap(error);
    }
  }

  async function read<T>(request: GraphRequest, response: Response): Promise<GraphResponse<T>> {
    const headers = Object.fromEntries(response.headers.entries());
    const type = response.headers.get('content-type') ?? '';
    let body: unknown;
    if (request.expect === 'bytes' && response.ok) body = new Uint8Array(await response.arrayBuffer());
    else if (type.includes('json')) body = await response.json().catch(() => null);
    else body = await response.text();
    return { status: response.status, headers, body: body as T };
  }

  async function request<T>(request: GraphRequest): Promise<GraphResponse<T>> {
    return read<T>(request, await send(request));
  }

  async function get<T>(url: string, headers?: Record<string, string>): Promise<T> {
    return (await request<T>({ method: 'GET', url, headers })).body;
  }

  /** Every item from `first` on, following @odata.nextLink with the SDK's PageIterator. */
  async function iterate<T>(
    first: PageCollection,
    headers?: Record<string, string>,
  ): Promise<{ items: T[]; deltaLink?: string }> {
    const items: T[] = [];
    const pages = new PageIterator(router as Client, first, (item: T) => (items.push(item), true), {
      headers: headers ?? {},
    });
    try {
      await pages.iterate();
    } catch (error) {
      unwrap(error);
    }
    return { items, deltaLink: pages.getDeltaLink() };
  }

  async function getAll<T>(url: string, headers?: Record<string, string>): Promise<T[]> {
    return (await iterate<T>(await get<PageCollection>(url, headers), headers)).items;
  }

  async function delta<F>(listPath: string, deltaLink?: string): Promise<DeltaResult<F>> {
    // https://learn.microsoft.com/en-us/graph/api/listitem-delta
    const fresh = `${listPath.replace(/\/+$/, '')}/items/delta?$expand=fields`;
    let url = deltaLink ?? fresh;
    let resynced = false;
    for (;;) {
      const attempt: GraphRequest = { method: 'GET', url };
      const response = await send(attempt, new Set([410]));
      if (response.status === 410) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (resynced)
          throw graphFailure({ method: 'GET', url, status: 410, headers: {}, body: 'the delta token expired twice' });
        // resyncChangesApplyDifferences / resyncChangesUploadDifferences: start over from Location.
        resynced = true;
        url = location ?? fresh;
        continue;
      }
      const first = (await read<PageCollection>(attempt, response)).body;
      let pages: { items: ListItem<F>[]; deltaLink?: string };
      try {
        pages = await iterate<ListItem<F>>(first);
      } catch (error) {
        // A token that expired between two pages: the PageIterator's request got 410 Gone.
        if (resynced || !isGraphError(error) || error.status !== 410) throw error;
        resynced = true;
        url = fresh;
        continue;
      }
      const { items, deltaLink: next } = pages;
      if (!next)
        throw graphFailure({
          method: 'GET',
          url,
          status: 502,
          headers: {},
          body: 'a delta page had neither nextLink nor deltaLink',
        });
      return { items, deltaLink: next, resynced };
    }
  }

  async function batch<T>(requests: BatchRequest[]): Promise<BatchOutcome<T>[]> {
    const outcomes: BatchOutcome<T>[] = new Array(requests.length);
    for (let start = 0; start < requests.length; start += batchLimit) {
      let pending = requests.slice(start, start + batchLimit).map((item, offset) => ({ item, index: start + offset }));
      for (let attempt = 1; pending.length > 0; attempt++) {
        // The SDK accepts parallel, serial or same-dependency envelopes; one that holds a
        // sub-request to run after the others is made serial (each after the one before).
        const serial = pending.some(({ item }) => item.afterTheOthers);
        const content = new BatchRequestContent(
          pending.map(({ item, index }, position) => ({
            id: String(index + 1),
            request: toRequest(item),
            ...(serial && position > 0 ? { dependsOn: [String(pending[position - 1]!.index + 1)] } : {}),
          })),
        );
        const envelope = await request<{ responses: SubResponse[] }>({
          method: 'POST',
          url: '/$batch',
          body: await content.getContent(),
        });
        const answers = new BatchResponseContent(
          envelope.body as ConstructorParameters<typeof BatchResponseContent>[0],
        );
        const again: typeof pending = [];
        let wait = 0;
        for (const entry of pending) {
          const id = String(entry.index + 1);
          const response = answers.getResponseById(id) as Response | undefined;
          const raw = envelope.body.responses.find((candidate) => candidate.id === id);
          const status = response?.status ?? 0;
          const headers = response ? Object.fromEntries(response.headers.entries()) : {};
          // Throttled, or not run because a throttled one it depends on was not: sent again.
          const waitsForRetried = status === 424 && again.length > 0;
          if ((transientStatuses.has(status) || waitsForRetried) && attempt < policy.maxAttempts) {
            again.push(entry);
            wait = Math.max(wait, retryDelay(attempt, headers['retry-after'], clock.now(), policy));
            continue;
          }
          outcomes[entry.index] =
            status >= 200 && status < 400
              ? { ok: true, status, headers, body: raw?.body as T }
              : {
                  ok: false,
                  status,
                  error: graphFailure({
                    method: entry.item.method,
                    url: entry.item.url,
                    status,
                    headers,
                    body: raw?.body ?? 'no response for this sub-request',
                  }),
                };
        }
        if (again.length > 0) await sleep(wait);
        pending = again;
      }
    }
    return outcomes;
  }

  async function uploadLarge<T>(
    sessionUrl: string,
    sessionBody: unknown,
    bytes: Uint8Array,
    fileName: string,
    fragmentBytes: number,
  ): Promise<T> {
    // https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession
    try {
      const session = await LargeFileUploadTask.createUploadSession(router as Client, sessionUrl, sessionBody);
      const file = {
        content: bytes,
        name: fileName,
        size: bytes.length,
        // A copy of the range: the SDK sends a view's whole underlying buffer.
        sliceFile: (range: { minValue: number; maxValue: number }) => bytes.slice(range.minValue, range.maxValue + 1),
      };
      const task = new LargeFileUploadTask(router as Client, file, session, { rangeSize: fragmentBytes });
      const result = await task.upload();
      return result.responseBody as T;
    } catch (error) {
      return unwrap(error);
    }
  }

  return { request, get, getAll, delta, batch, uploadLarge, meter };
}

type SubResponse = { id: string; status: number; headers?: Record<string, string>; body?: unknown };

/** A sub-request as the SDK's BatchRequestContent takes it: a fetch Request relative to the version root. */
function toRequest(item: BatchRequest): Request {
  const headers = new Headers(item.headers);
  if (item.ifMatch !== undefined) headers.set('If-Match', item.ifMatch);
  // "When a body is included with the request, the headers object must contain a value for Content-Type."
  if (item.body !== undefined && !headers.has('content-type')) headers.set('Content-Type', 'application/json');
  return new Request(`https://batch.invalid${item.url.startsWith('/') ? item.url : `/${item.url}`}`, {
    method: item.method,
    headers,
    ...(item.body !== undefined ? { body: JSON.stringify(item.body) } : {}),
  });
}
