import { ApiRequestError } from './api-error';
import { takeEarlyResponse } from './early-requests';

export type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Readonly<Record<string, QueryValue>>;
  /** A JSON body; objects are serialised. */
  json?: unknown;
  /** A raw body (file upload), sent as application/octet-stream. */
  raw?: Blob;
  /** The ETag the caller read; sent as If-Match for optimistic concurrency. */
  ifMatch?: string;
  signal?: AbortSignal;
};

export type HttpClient = {
  requestJson<T>(path: string, options?: RequestOptions): Promise<T>;
  requestBlob(path: string, options?: RequestOptions): Promise<Blob>;
};

/**
 * Headers that identify the user: X-Local-User in local mode, a bearer token in production.
 * When they cannot be had (no token), the request fails as UNAUTHENTICATED without being sent.
 */
export type IdentityHeaders = () => Promise<Record<string, string>> | Record<string, string>;

export function buildPath(path: string, query?: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function createHttpClient(input: {
  baseUrl: string;
  identityHeaders: IdentityHeaders;
  fetchImpl?: typeof fetch;
  /** A response already on its way for a GET (index.html's early requests), taken once. */
  earlyResponse?: (url: string, headers: Readonly<Record<string, string>>) => Promise<Response> | null;
}): HttpClient {
  const fetchImpl = input.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const earlyResponse =
    input.earlyResponse ??
    ((url: string, headers: Readonly<Record<string, string>>) => takeEarlyResponse(url, headers));

  async function identify(): Promise<Record<string, string>> {
    try {
      return await input.identityHeaders();
    } catch (error) {
      // Asking the server how to sign in may itself fail (offline): that error stands as it is.
      if (error instanceof ApiRequestError) throw error;
      throw new ApiRequestError({
        status: 0,
        code: 'UNAUTHENTICATED',
        message: `Could not sign in: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept, ...(await identify()) };
    let body: BodyInit | undefined;
    if (options.raw) {
      headers['Content-Type'] = 'application/octet-stream';
      body = options.raw;
    } else if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;

    const url = input.baseUrl + buildPath(path, options.query);
    const early = (options.method ?? 'GET') === 'GET' && body === undefined ? earlyResponse(url, headers) : null;
    // An early request that failed (network) is simply asked again.
    const earlyAnswer = early ? await early.catch(() => null) : null;
    if (earlyAnswer) {
      if (options.signal?.aborted) throw new DOMException('The request was aborted.', 'AbortError');
      if (!earlyAnswer.ok) throw await toApiError(earlyAnswer);
      return earlyAnswer;
    }

    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: options.method ?? 'GET',
        headers,
        body: body ?? null,
        signal: options.signal ?? null,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiRequestError({
        status: 0,
        code: 'NETWORK',
        message: error instanceof Error ? error.message : String(error),
      });
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  return {
    async requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
      const response = await send(path, options, 'application/json');
      if (response.status === 204) return undefined as T;
      return (await response.json()) as T;
    },
    async requestBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
      const response = await send(path, options, '*/*');
      return response.blob();
    },
  };
}

async function toApiError(response: Response): Promise<ApiRequestError> {
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  if (payload && typeof payload === 'object' && 'code' in payload && typeof payload.code === 'string') {
    const record = payload as { code: string; message?: unknown; details?: unknown };
    return new ApiRequestError({
      status: response.status,
      code: record.code,
      message: typeof record.message === 'string' ? record.message : response.statusText,
      details:
        record.details && typeof record.details === 'object' ? (record.details as Record<string, unknown>) : undefined,
    });
  }
  const fallbackCode =
    response.status === 413 ? 'PAYLOAD_TOO_LARGE' : response.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'UNKNOWN';
  return new ApiRequestError({
    status: response.status,
    code: fallbackCode,
    message: `HTTP ${response.status} ${response.statusText}`,
  });
}
