import type { HttpClient, QueryValue, RequestOptions } from './http-client';
import { apiRoutes, type ApiRouteTypes } from './routes.generated';

/**
 * The API as the route table declares it: a call names its route, and its params, query, body
 * and response are the types of that route's own contract schemas (routes.generated.ts, derived
 * from functions/src/http/*routes.ts). A wrong route name, param or body field is a type error.
 */
export type RouteName = keyof ApiRouteTypes;

/** Routes that answer with a file (download them); all others answer with JSON (call them). */
export type FileRouteName = { [N in RouteName]: ApiRouteTypes[N] extends { file: true } ? N : never }[RouteName];
export type JsonRouteName = Exclude<RouteName, FileRouteName>;

export type RouteResponse<N extends RouteName> = ApiRouteTypes[N]['response'];

/** What a call sends: each part exactly when the route declares it; If-Match on conditional routes. */
export type CallInput<N extends RouteName> = (ApiRouteTypes[N] extends { params: infer P }
  ? { params: P }
  : { params?: never }) &
  (ApiRouteTypes[N] extends { query: infer Q }
    ? Partial<Q> extends Q
      ? { query?: Q }
      : { query: Q }
    : { query?: never }) &
  (ApiRouteTypes[N] extends { body: infer B } ? { body: B } : { body?: never }) &
  (ApiRouteTypes[N] extends { conditional: true }
    ? { /** The ETag the caller read. */ ifMatch: string | undefined }
    : { ifMatch?: never }) & { signal?: AbortSignal | undefined };

/** The input may be left out when a route needs none of it. */
type CallArgs<N extends RouteName> =
  Partial<CallInput<N>> extends CallInput<N> ? [input?: CallInput<N>] : [input: CallInput<N>];

/** How any call is sent, once its types have been checked. */
type UntypedInput = {
  params?: Readonly<Record<string, string | number>>;
  query?: Readonly<Record<string, unknown>>;
  body?: unknown;
  ifMatch?: string | undefined;
  signal?: AbortSignal | undefined;
};

export type TypedClient = {
  call<N extends JsonRouteName>(name: N, ...args: CallArgs<N>): Promise<RouteResponse<N>>;
  download<N extends FileRouteName>(name: N, ...args: CallArgs<N>): Promise<Blob>;
};

type HttpMethod = NonNullable<RequestOptions['method']>;
const methods: Record<HttpMethod, true> = { GET: true, POST: true, PUT: true, PATCH: true, DELETE: true };
const isMethod = (value: string): value is HttpMethod => Object.hasOwn(methods, value);

/** The route's method ("GET /procedures/{id}" → GET). */
export function routeMethod(name: RouteName): HttpMethod {
  const method = apiRoutes[name].slice(0, apiRoutes[name].indexOf(' '));
  if (!isMethod(method)) throw new Error(`Route ${name} has no HTTP method.`);
  return method;
}

/** `/api` + the route's path with its {placeholders} filled in (encoded). */
export function routeUrl(name: RouteName, params: UntypedInput['params'] = {}): string {
  const path = apiRoutes[name].slice(apiRoutes[name].indexOf(' ') + 1).replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined || value === '') throw new Error(`Route ${name} needs the path parameter ${key}.`);
    return encodeURIComponent(String(value));
  });
  return `/api${path}`;
}

/** Query values as the server reads them (one string per name); empty and absent values are left out. */
function queryOf(query: UntypedInput['query']): Record<string, QueryValue> {
  const values: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = value;
    else if (value !== undefined && value !== null) throw new Error(`Query parameter ${key} must be a scalar.`);
  }
  return values;
}

function isInput(value: unknown): value is UntypedInput {
  return typeof value === 'object' && value !== null;
}

function inputOf([input]: unknown[]): UntypedInput {
  if (input === undefined) return {};
  if (!isInput(input)) throw new Error('A call takes { params, query, body, ifMatch, signal }.');
  return input;
}

export function createTypedClient(http: HttpClient): TypedClient {
  function options(name: RouteName, input: UntypedInput) {
    const body = input.body;
    return {
      method: routeMethod(name),
      query: queryOf(input.query),
      ...(body instanceof Blob ? { raw: body } : body !== undefined ? { json: body } : {}),
      ...(input.ifMatch !== undefined ? { ifMatch: input.ifMatch } : {}),
      signal: input.signal,
    };
  }
  // Generic per route outside (TypedClient); inside, the already checked input is plain data.
  function call<N extends JsonRouteName>(name: N, ...args: CallArgs<N>): Promise<RouteResponse<N>>;
  function call(name: JsonRouteName, ...args: unknown[]): Promise<unknown> {
    const input = inputOf(args);
    return http.requestJson(routeUrl(name, input.params), options(name, input));
  }
  function download<N extends FileRouteName>(name: N, ...args: CallArgs<N>): Promise<Blob>;
  function download(name: FileRouteName, ...args: unknown[]): Promise<Blob> {
    const input = inputOf(args);
    return http.requestBlob(routeUrl(name, input.params), options(name, input));
  }
  return { call, download };
}
