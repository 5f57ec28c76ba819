import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from './api-error';
import { createHttpClient } from './http-client';

describe('createHttpClient: identity', () => {
  it('sends the identity headers with every request', async () => {
    const fetchImpl = vi.fn(
      async () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }),
    );
    const http = createHttpClient({
      baseUrl: '',
      identityHeaders: async () => ({ Authorization: 'Bearer t' }),
      fetchImpl,
    });
    await http.requestJson('/api/me');
    expect(fetchImpl).toHaveBeenCalledWith(
      '/api/me',
      expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer t' }) }),
    );
  });

  it('fails as UNAUTHENTICATED, without sending, when no token can be had', async () => {
    const fetchImpl = vi.fn();
    const http = createHttpClient({
      baseUrl: '',
      identityHeaders: async () => {
        throw new Error('consent_required');
      },
      fetchImpl,
    });
    const error = await http.requestJson('/api/me').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('consent_required') });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('keeps an API error from asking how to sign in as it is', async () => {
    const offline = new ApiRequestError({ status: 0, code: 'NETWORK', message: 'Failed to fetch' });
    const http = createHttpClient({
      baseUrl: '',
      identityHeaders: async () => {
        throw offline;
      },
      fetchImpl: vi.fn(),
    });
    await expect(http.requestJson('/api/me')).rejects.toBe(offline);
  });
});
