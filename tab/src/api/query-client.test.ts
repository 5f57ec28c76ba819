import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-error';
import { createQueryClient, queryKeyOf, shouldRetry } from './query-client';

const failure = (status: number, code: string) => new ApiRequestError({ status, code, message: code });

describe('the query client', () => {
  it('retries a read after a network failure or a 503, a limited number of times', () => {
    expect(shouldRetry(0, failure(0, 'NETWORK'))).toBe(true);
    expect(shouldRetry(1, failure(503, 'SERVICE_UNAVAILABLE'))).toBe(true);
    expect(shouldRetry(2, failure(0, 'NETWORK'))).toBe(false);
  });

  it('never retries a 4xx, a 500 or an error that is not from the API', () => {
    for (const [status, code] of [
      [400, 'VALIDATION'],
      [401, 'UNAUTHENTICATED'],
      [403, 'FORBIDDEN'],
      [404, 'NOT_FOUND'],
      [409, 'CONFLICT'],
      [429, 'RATE_LIMITED'],
      [500, 'INTERNAL'],
    ] as const) {
      expect(shouldRetry(0, failure(status, code)), code).toBe(false);
    }
    expect(shouldRetry(0, new TypeError('boom'))).toBe(false);
  });

  it('keeps an answer fresh for 30 s (writes invalidate what they change) and does not refetch on window focus', () => {
    const defaults = createQueryClient().getDefaultOptions().queries;
    expect(defaults?.staleTime).toBe(30_000);
    expect(defaults?.refetchOnWindowFocus).toBe(false);
  });

  it('derives keys from the route name, its params and its query, leaving absent values out', () => {
    expect(queryKeyOf('my-tasks')).toEqual(['my-tasks']);
    expect(queryKeyOf('procedures-get', { params: { id: 'p1' } })).toEqual([
      'procedures-get',
      { params: { id: 'p1' } },
    ]);
    expect(queryKeyOf('overview', { query: { scope: undefined } })).toEqual(['overview']);
    expect(queryKeyOf('procedures-list', { query: { status: 'review-due', area: undefined } })).toEqual([
      'procedures-list',
      { query: { status: 'review-due' } },
    ]);
  });

  it('invalidates by prefix: a route name reaches all its reads, params just one', async () => {
    const client = createQueryClient();
    const p1 = queryKeyOf('procedures-get', { params: { id: 'p1' } });
    const p2 = queryKeyOf('procedures-get', { params: { id: 'p2' } });
    const tasks = queryKeyOf('my-tasks');
    for (const key of [p1, p2, tasks]) client.setQueryData(key, { key });

    await client.invalidateQueries({ queryKey: p1 });
    expect(client.getQueryState(p1)?.isInvalidated).toBe(true);
    expect(client.getQueryState(p2)?.isInvalidated).toBe(false);
    expect(client.getQueryState(tasks)?.isInvalidated).toBe(false);

    await client.invalidateQueries({ queryKey: queryKeyOf('procedures-get') });
    expect(client.getQueryState(p2)?.isInvalidated).toBe(true);
    expect(client.getQueryState(tasks)?.isInvalidated).toBe(false);
  });
});
