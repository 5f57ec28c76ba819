import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { readFile } from 'node:fs/promises';
import { resolveStaticFile, staticBody } from '../local/serve-static.js';

/**
 * The Azure host's static function for the built tab: the same file resolution, cache headers
 * and brotli/gzip negotiation as the local host (serve-static.ts), the compressed bodies cached
 * in memory per file version so a warm instance compresses each asset once.
 */
export function createTabFunction(tabDir: string) {
  return async (request: HttpRequest): Promise<HttpResponseInit> => {
    const found = await resolveStaticFile(tabDir, new URL(request.url).pathname);
    if (found.status !== 200)
      return { status: found.status, body: found.message, headers: { 'content-type': 'text/plain; charset=utf-8' } };
    const { headers, body } = await staticBody(found, request.headers.get('accept-encoding'));
    if (request.method === 'HEAD') return { status: 200, headers };
    return { status: 200, body: body ?? (await readFile(found.file)), headers };
  };
}
