import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { type z } from 'zod';
import type { Services } from '../app/ports.js';
import { AppError, errorCatalogue, isAppError } from '../core/errors.js';
import type { Actor } from '../core/policies.js';
import type { Authenticate } from './authenticate.js';
import { clientAddress } from './client-address.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import type { Route } from './route.js';

export const defaultMaxJsonBytes = 64 * 1024;
const anonymous: Actor = { id: '', unitId: '', roles: [] };

export type RouteHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/** A JSON response that does not match its route's declared `response` schema. */
export type ContractViolation = { route: string; method: string; path: string; issues: string[] };

/**
 * Tests pass this to have every successful JSON response checked against its route's `response`
 * schema (as the client receives it, after JSON): a handler that drifts from its contract then
 * answers 500 with the header `x-contract-violation` and the violation is reported here.
 */
export type ResponseContractCheck = (violation: ContractViolation) => void;
export const contractViolationHeader = 'x-contract-violation';

/** Adapts one route to an Azure Functions HTTP handler: parse, authenticate, call, present. */
export function createRouteHandler(
  route: Route,
  services: Services,
  authenticate: Authenticate,
  limiter: RateLimiter = createRateLimiter(),
  checkResponse?: ResponseContractCheck,
): RouteHandler {
  return async (request, context) => {
    try {
      const actor = await identify(route, request, authenticate, limiter);
      const params = parse(route.params, { ...request.params }, 'path');
      const query = parse(route.query, Object.fromEntries(request.query.entries()), 'query');
      const body = await readBody(route, request);
      const result = await route.handler({
        params,
        query,
        body,
        actor,
        services,
        request,
        etag: () => parseIfMatch(request.headers.get('if-match')),
      });
      if (result.kind === 'file') {
        return {
          status: 200,
          body: result.bytes,
          headers: {
            'content-type': result.mediaType,
            'content-length': String(result.bytes.byteLength),
            'content-disposition': contentDisposition(result.fileName, result.inline),
            'x-content-type-options': 'nosniff',
            'cache-control': 'private, no-store',
          },
        };
      }
      const status = result.status ?? route.successStatus ?? 200;
      if (checkResponse) {
        const drift = contractViolation(route, status, result.body);
        if (drift) {
          checkResponse(drift);
          return driftResponse(drift);
        }
      }
      const headers: Record<string, string> = { 'cache-control': 'no-store', ...result.headers };
      const etag = etagHeader((result.body as { etag?: unknown } | null)?.etag);
      if (etag !== undefined) headers['etag'] = etag;
      return { status, jsonBody: result.body, headers };
    } catch (error) {
      return errorResponse(error, context);
    }
  };
}

/** The body as the client will read it (after JSON), checked against the route's response schema. */
function contractViolation(route: Route, status: number, body: unknown): ContractViolation | undefined {
  if (!route.response || status < 200 || status > 299) return undefined;
  const received: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  const result = route.response.safeParse(received);
  if (result.success) return undefined;
  return {
    route: route.name,
    method: route.method,
    path: route.path,
    issues: result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
  };
}

function driftResponse(drift: ContractViolation): HttpResponseInit {
  const headers: Record<string, string> = { 'cache-control': 'no-store', [contractViolationHeader]: drift.route };
  const message = `The response of ${drift.route} drifted from its contract: ${drift.issues.join('; ')}`;
  return { status: 500, jsonBody: { code: 'INTERNAL', message }, headers };
}

/**
 * Who is calling, within the limits: routes without sign-in count per address; the others
 * authenticate (an address that keeps failing to sign in is made to wait) and count per person.
 */
async function identify(
  route: Route,
  request: HttpRequest,
  authenticate: Authenticate,
  limiter: RateLimiter,
): Promise<Actor> {
  const address = clientAddress(request);
  if (route.access === 'public') {
    await limiter.address(address, route.rateLimitPerMinute);
    return anonymous;
  }
  await limiter.ensureSignInAllowed(address);
  let actor: Actor;
  try {
    actor = await authenticate(request);
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHENTICATED') await limiter.signInFailed(address);
    throw error;
  }
  await limiter.person(actor.id);
  return actor;
}

export function errorResponse(error: unknown, context?: InvocationContext): HttpResponseInit {
  if (isAppError(error)) {
    const body = { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    const retryAfter = error.details?.['retryAfterSeconds'];
    if (error.code === 'RATE_LIMITED' && typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
    return { status: errorCatalogue[error.code].status, jsonBody: body, headers };
  }
  const correlationId = context?.invocationId ?? 'unknown';
  (context ?? console).error?.(`Unhandled error (${correlationId})`, error);
  return {
    status: 500,
    jsonBody: { code: 'INTERNAL', message: `Something went wrong on our side (reference ${correlationId}).` },
    headers: { 'cache-control': 'no-store' },
  };
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: 'path' | 'query' | 'body'): T {
  if (!schema) {
    if (where === 'query' && value && Object.keys(value).length > 0) {
      throw new AppError('VALIDATION', `This endpoint takes no query parameters: ${Object.keys(value).join(', ')}.`, {
        in: where,
      });
    }
    return undefined as T;
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
  throw new AppError('VALIDATION', `Invalid ${where}: ${summary}`, { in: where, issues });
}

async function readBody(route: Route, request: HttpRequest): Promise<unknown> {
  if (route.body === undefined) return undefined;
  const limit = route.maxBodyBytes ?? defaultMaxJsonBytes;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge(declared, limit);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) throw tooLarge(bytes.byteLength, limit);
  if (route.body === 'binary') return bytes;
  const type = request.headers.get('content-type') ?? 'application/json';
  if (bytes.byteLength > 0 && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send JSON (Content-Type: application/json), not ${type}.`);
  }
  let value: unknown = {};
  if (bytes.byteLength > 0) {
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw new AppError('BAD_JSON', 'The request body is not valid JSON.');
    }
  }
  return parse(route.body, value, 'body');
}

function tooLarge(size: number, limit: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The request body is ${size} bytes; this endpoint accepts at most ${limit}.`,
    {
      size,
      limit,
    },
  );
}

/**
 * The ETag header of a resource whose body carries its etag: records of the quality year keep it
 * as a number in the body, procedures as a quoted string; the header is always a strong,
 * quoted entity tag ("7"), as RFC 9110 writes it.
 */
export function etagHeader(etag: unknown): string | undefined {
  if (typeof etag === 'number' && Number.isSafeInteger(etag) && etag >= 0) return `"${etag}"`;
  if (typeof etag === 'string' && /^(?:W\/)?"?\d{1,12}"?$/.test(etag)) return `"${/\d+/.exec(etag)![0]}"`;
  return undefined;
}

/** Accepts "7", W/"7" and 7. */
export function parseIfMatch(header: string | null): number {
  if (header === null || header.trim() === '') {
    throw new AppError(
      'PRECONDITION_REQUIRED',
      'Send If-Match with the ETag of the procedure you read, so changes are not overwritten.',
    );
  }
  const match = /^(?:W\/)?"?(\d{1,12})"?$/.exec(header.trim());
  if (!match)
    throw new AppError('VALIDATION', `If-Match must be an ETag such as "7", not ${header}.`, { in: 'header' });
  return Number(match[1]);
}

/** RFC 6266 with an RFC 5987 UTF-8 name, so "Håndbog.docx" downloads with its Danish letters. */
export function contentDisposition(fileName: string, inline: boolean): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
