import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import type { Services } from '../app/ports.js';
import type { Actor } from '../core/policies.js';

/**
 * A route is data: method, path, schemas, who may call it, and a thin handler that calls one
 * use case. Both hosts (Azure Functions and the local node:http host) and the OpenAPI
 * document are generated from the same table (routes.ts).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteInput<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  services: Services;
  request: HttpRequest;
  /** The ETag the client read (If-Match); throws PRECONDITION_REQUIRED when absent. */
  etag(): number;
};

export type RouteResult =
  | { kind: 'json'; status?: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'file'; bytes: Uint8Array; mediaType: string; fileName: string; inline: boolean };

export type Route<P = unknown, Q = unknown, B = unknown> = {
  /** The Azure Function name; unique, kebab-case. */
  name: string;
  method: HttpMethod;
  /** Path under /api with {param} placeholders, as Azure Functions and OpenAPI write them. */
  path: string;
  summary: string;
  tag: string;
  /** 'public' routes need no identity (health, OpenAPI). */
  access: 'public' | 'signed-in';
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** A zod schema for JSON bodies, or 'binary' for raw file uploads. */
  body?: z.ZodType<B> | 'binary';
  maxBodyBytes?: number;
  /** Routes without sign-in: requests a minute from one address, where the default does not fit. */
  rateLimitPerMinute?: number;
  /** Requires If-Match (documented in OpenAPI; enforced by `etag()`). */
  conditional?: boolean;
  response?: z.ZodType;
  successStatus?: number;
  handler: (input: RouteInput<P, Q, B>) => Promise<RouteResult>;
};

export function defineRoute<P = undefined, Q = undefined, B = undefined>(route: Route<P, Q, B>): Route {
  return route as unknown as Route;
}

export function json(body: unknown, status = 200): RouteResult {
  return { kind: 'json', status, body };
}
