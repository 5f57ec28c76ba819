import azureFunctions from '@azure/functions';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTabFunction } from '../../functions/src/hosts/azure/tab-function.js';
import { startLocalServer, type LocalServer } from '../../functions/src/hosts/local/server.js';
import { chooseEncoding } from '../../functions/src/hosts/local/serve-static.js';

const { HttpRequest } = azureFunctions;

/*
 * Issue 12, speed: the built tab is served compressed (brotli, else gzip, by Accept-Encoding) and
 * hashed assets are cached for a year as immutable, index.html revalidated every time, by the local
 * host over HTTP and by the Azure host's static function.
 */
const tabDir = mkdtempSync(join(tmpdir(), 'kh-static-'));
const dataDir = mkdtempSync(join(tmpdir(), 'kh-static-data-'));
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `procedure-${i % 37}`))};\n`;
const html = `<!doctype html><html lang="da"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div>${' '.repeat(2000)}</body></html>`;
const image = Buffer.alloc(4096, 7);
let server: LocalServer;

beforeAll(async () => {
  mkdirSync(join(tabDir, 'assets'));
  writeFileSync(join(tabDir, 'index.html'), html);
  writeFileSync(join(tabDir, 'assets', 'index-Ab12Cd34.js'), script);
  writeFileSync(join(tabDir, 'assets', 'logo-Zz99Yy88.png'), image);
  server = await startLocalServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seedDemo: false,
    mode: 'local',
    quiet: true,
    tabDir,
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(tabDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** node:http, so the test (not fetch) decides Accept-Encoding and sees the bytes as sent. */
function get(path: string, acceptEncoding?: string, method = 'GET'): Promise<Raw> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.8', 'gzip'],
    ['*', 'br'],
    ['identity', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('the local host serves the built tab', () => {
  it('sends a hashed script as brotli when accepted, cached immutably for a year', async () => {
    const response = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toBe('Accept-Encoding');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(response.headers['content-length'])).toBe(response.body.byteLength);
    expect(response.body.byteLength).toBeLessThan(Buffer.byteLength(script) / 3);
    expect(brotliDecompressSync(response.body).toString('utf8')).toBe(script);
  });

  it('falls back to gzip, and to the plain bytes when nothing is accepted', async () => {
    const gzipped = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString('utf8')).toBe(script);

    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    expect(plain.body.toString('utf8')).toBe(script);
  });

  it('answers the same bytes from its cache on a second request', async () => {
    const first = await get('/assets/index-Ab12Cd34.js', 'br');
    const second = await get('/assets/index-Ab12Cd34.js', 'br');
    expect(second.body.equals(first.body)).toBe(true);
  });

  it('revalidates index.html (and client routes that fall back to it) on every visit, compressed', async () => {
    for (const path of ['/', '/handbog']) {
      const response = await get(path, 'br');
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(response.body).toString('utf8')).toBe(html);
    }
  });

  it('leaves images uncompressed and answers HEAD without a body', async () => {
    const png = await get('/assets/logo-Zz99Yy88.png', 'br, gzip');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.equals(image)).toBe(true);

    const head = await get('/assets/index-Ab12Cd34.js', 'br', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.byteLength).toBe(0);
  });

  it('still answers 404 for a missing asset', async () => {
    expect((await get('/assets/missing-00000000.js', 'br')).status).toBe(404);
  });
});

describe("the Azure host's static function", () => {
  const handler = createTabFunction(tabDir);
  const call = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    handler(new HttpRequest({ method, url: `http://localhost${path}`, headers }));
  const bytes = (body: unknown) => Buffer.from(body as Uint8Array);

  it('sends brotli or gzip by Accept-Encoding, with the immutable cache header for hashed assets', async () => {
    const br = await call('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      vary: 'Accept-Encoding',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(brotliDecompressSync(bytes(br.body)).toString('utf8')).toBe(script);

    const gz = await call('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers).toMatchObject({ 'content-encoding': 'gzip' });
    expect(gunzipSync(bytes(gz.body)).toString('utf8')).toBe(script);

    const plain = await call('/assets/index-Ab12Cd34.js');
    expect((plain.headers as Record<string, string>)['content-encoding']).toBeUndefined();
    expect(bytes(plain.body).toString('utf8')).toBe(script);
  });

  it('serves index.html with no-cache for client routes, and 404 for a missing asset', async () => {
    const page = await call('/handbog', { 'accept-encoding': 'gzip' });
    expect(page.headers).toMatchObject({ 'cache-control': 'no-cache', 'content-encoding': 'gzip' });
    expect(gunzipSync(bytes(page.body)).toString('utf8')).toBe(html);
    expect((await call('/assets/missing-00000000.js')).status).toBe(404);
  });

  it('answers HEAD with headers only', async () => {
    const head = await call('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeUndefined();
    expect(head.headers).toMatchObject({ 'content-encoding': 'br' });
  });
});
