import { AppError } from '../../core/errors.js';

/**
 * Every failed Graph request becomes an error here, and only here: the client throws what
 * `graphFailure` returns, and `$batch` sub-responses go through the same function.
 *
 * - 404 is NOT_FOUND, 412 (a stale `If-Match`) is CONFLICT with `reason: 'stale'`, and a taken
 *   unique value (409, or 400/500 naming SPDuplicateValuesFoundException) is DUPLICATE: all are
 *   AppErrors because the use cases already explain them to people.
 * - Everything else is a GraphError with the status, Graph's error code and the request id
 *   (what Microsoft support asks for). Error body shape:
 *   https://learn.microsoft.com/en-us/graph/errors
 */
export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly innerCode: string | null;
  readonly requestId: string | null;
  readonly method: string;
  readonly url: string;

  constructor(input: {
    status: number;
    code: string;
    innerCode: string | null;
    message: string;
    requestId: string | null;
    method: string;
    url: string;
  }) {
    super(
      `Graph ${input.method} ${input.url} failed: ${input.status} ${input.code}${input.innerCode ? `/${input.innerCode}` : ''}: ${input.message}` +
        (input.requestId ? ` (request-id ${input.requestId})` : ''),
    );
    this.name = 'GraphError';
    this.status = input.status;
    this.code = input.code;
    this.innerCode = input.innerCode;
    this.requestId = input.requestId;
    this.method = input.method;
    this.url = input.url;
  }
}

export function isGraphError(error: unknown): error is GraphError {
  return error instanceof GraphError;
}

type ErrorBody = {
  error?: { code?: string; message?: string; innerError?: Record<string, unknown> & { code?: string } };
};

/** The error for a failed response (status >= 400) or a request that never got one (status 0). */
export function graphFailure(input: {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}): AppError | GraphError {
  const error = (typeof input.body === 'object' && input.body !== null ? (input.body as ErrorBody) : {}).error ?? {};
  const inner = error.innerError ?? {};
  const requestId =
    header(input.headers, 'request-id') ??
    header(input.headers, 'client-request-id') ??
    (typeof inner['request-id'] === 'string' ? inner['request-id'] : null);
  const code = error.code || (input.status === 0 ? 'networkError' : `http${input.status}`);
  const message = error.message || (typeof input.body === 'string' && input.body ? input.body : 'no message');
  const where = `${input.method} ${stripQuery(input.url)}`;
  // The request's path names the site, list and item ids: it goes to the log, never to the caller.
  if (input.status === 404) {
    console.warn(`Graph 404 ${where} (request ${requestId ?? 'unknown'}): ${code}`);
    return new AppError('NOT_FOUND', 'The record was not found in the SharePoint site.', {
      graphCode: code,
      requestId,
    });
  }
  if (input.status === 412) {
    console.warn(`Graph 412 ${where} (request ${requestId ?? 'unknown'}): ${code}`);
    return new AppError(
      'CONFLICT',
      'The SharePoint item changed since it was read. Reload to see the change, then try again.',
      { reason: 'stale', graphCode: code, requestId },
    );
  }
  if (isDuplicateAnswer(input.status, code, message)) {
    console.warn(`Graph ${input.status} ${where} (request ${requestId ?? 'unknown'}): duplicate value`);
    return new AppError('DUPLICATE', 'A record with this unique value already exists in the SharePoint site.', {
      graphCode: code,
      requestId,
    });
  }
  return new GraphError({
    status: input.status,
    code,
    innerCode: typeof inner.code === 'string' ? inner.code : null,
    message,
    requestId,
    method: input.method,
    url: stripQuery(input.url),
  });
}

/**
 * A write refused because a unique value is taken. SharePoint raises SPDuplicateValuesFoundException
 * ("duplicate values were found") for a column with enforceUniqueValues, and Graph has been seen
 * to pass it on as 409, 400 and 500; a 409 is also how Graph refuses a name that exists
 * (nameAlreadyExists: a folder, a list). Each is DUPLICATE.
 */
function isDuplicateAnswer(status: number, code: string, message: string): boolean {
  if (status === 409) return true;
  if (status !== 400 && status !== 500) return false;
  return /SPDuplicateValuesFoundException|duplicate values were found/i.test(`${code} ${message}`);
}

function header(headers: Record<string, string>, name: string): string | null {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return null;
}

/** Query strings can carry filter values (people's names, codes); logs get the path only. */
function stripQuery(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? url : url.slice(0, at);
}
