import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Teams loads the tab in an iframe from these hosts; nobody else may frame it. */
export const frameAncestors =
  "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com";

/** The Content-Security-Policy; `inlineScripts` are the hashes of the page's own inline scripts. */
export function contentSecurityPolicy(inlineScripts: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self' https://res.cdn.office.net", ...inlineScripts.map((hash) => `'${hash}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "frame-src 'self' blob:",
    "object-src 'self'",
    "connect-src 'self' https://login.microsoftonline.com",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export const securityHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * CSP hashes ('sha256-…') of the inline scripts of an HTML page (index.html's early requests),
 * so they run under `script-src 'self'` while injected scripts still do not.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(match[1] ?? '') || !match[2]) continue;
    hashes.push(`sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}`);
  }
  return hashes;
}

/** Hashes per HTML file version (path, size, modification time): index.html is read once per build. */
const htmlHashCache = new Map<string, Promise<string[]>>();

function htmlScriptHashes(file: string, size: number, mtimeMs: number): Promise<string[]> {
  const key = `${file}:${size}:${mtimeMs}`;
  let cached = htmlHashCache.get(key);
  if (!cached) {
    cached = readFile(file, 'utf8').then(inlineScriptHashes);
    cached.catch(() => htmlHashCache.delete(key));
    htmlHashCache.set(key, cached);
  }
  return cached;
}

export type StaticFile =
  | { status: 200; file: string; size: number; mtimeMs: number; headers: Record<string, string> }
  | { status: 404 | 503; message: string };

/**
 * Finds the file of the built tab for a path, for either host. Unknown paths get index.html
 * (the tab routes on the client); hashed assets are cached for a year, index.html never, so a
 * new build shows at once. Paths cannot leave the tab's folder.
 */
export async function resolveStaticFile(root: string, pathname: string): Promise<StaticFile> {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    return { status: 404, message: 'Not found' };
  }
  let file = join(root, relative);
  if (!file.startsWith(root + sep) && file !== root) file = join(root, 'index.html');
  let info = await stat(file).catch(() => null);
  const isAsset = relative.startsWith('assets/');
  if (!info?.isFile()) {
    if (isAsset || extname(relative) !== '') return { status: 404, message: 'Not found' };
    file = join(root, 'index.html');
    info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      return {
        status: 503,
        message: 'The tab has not been built. Run `npm start` (it builds the tab first) or `npm run build:tab`.',
      };
    }
  }
  const scriptHashes = extname(file) === '.html' ? await htmlScriptHashes(file, info.size, info.mtimeMs) : [];
  return {
    status: 200,
    file,
    size: info.size,
    mtimeMs: info.mtimeMs,
    headers: {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders,
      'content-security-policy': contentSecurityPolicy(scriptHashes),
    },
  };
}

/** Text formats worth compressing; images and fonts are compressed already. */
const compressible = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);
/** Below this size the encoding headers cost more than they save. */
const minimumCompressBytes = 1024;

export type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to answer with for an Accept-Encoding header: brotli when the client takes it,
 * else gzip, else none. A q=0 weight refuses that encoding.
 */
export function chooseEncoding(acceptEncoding: string | null | undefined): ContentEncoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? (accepted.get('*') || 0);
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compressed bodies, computed once per file version (path, size, modification time) and
 * encoding. The built tab is a few dozen files, so the cache stays small; a rebuild changes the
 * modification time and so the key.
 */
const compressedCache = new Map<string, Promise<Buffer>>();

function compressedBody(file: string, size: number, mtimeMs: number, encoding: ContentEncoding): Promise<Buffer> {
  const key = `${encoding}:${file}:${size}:${mtimeMs}`;
  let cached = compressedCache.get(key);
  if (!cached) {
    cached = readFile(file).then((bytes) =>
      encoding === 'br'
        ? brotli(bytes, {
            params: {
              [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
            },
          })
        : gzipAsync(bytes, { level: 9 }),
    );
    // A failed read must not poison the cache.
    cached.catch(() => compressedCache.delete(key));
    compressedCache.set(key, cached);
  }
  return cached;
}

export type StaticBody = {
  headers: Record<string, string>;
  /** The compressed bytes, or null when the file is sent as it is (stream `file`). */
  body: Buffer | null;
};

/**
 * The response headers and, when the client accepts brotli or gzip and the file is text, the
 * compressed body, for either host. `Vary: Accept-Encoding` tells caches that the body differs.
 */
export async function staticBody(
  found: Extract<StaticFile, { status: 200 }>,
  acceptEncoding: string | null | undefined,
): Promise<StaticBody> {
  const worthIt = compressible.has(extname(found.file)) && found.size >= minimumCompressBytes;
  const encoding = worthIt ? chooseEncoding(acceptEncoding) : null;
  if (!encoding) {
    const vary: Record<string, string> = worthIt ? { vary: 'Accept-Encoding' } : {};
    return { headers: { ...found.headers, ...vary, 'content-length': String(found.size) }, body: null };
  }
  const body = await compressedBody(found.file, found.size, found.mtimeMs, encoding);
  return {
    headers: {
      ...found.headers,
      'content-encoding': encoding,
      vary: 'Accept-Encoding',
      'content-length': String(body.byteLength),
    },
    body,
  };
}

/** The local host's static handler: the compressed body from the cache, or the file streamed. */
export function createStaticHandler(root: string) {
  return async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> => {
    const found = await resolveStaticFile(root, pathname);
    if (found.status !== 200) {
      response
        .writeHead(found.status, { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders })
        .end(found.message);
      return;
    }
    const { headers, body } = await staticBody(found, request.headers['accept-encoding']);
    response.writeHead(200, headers);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    if (body) response.end(body);
    else createReadStream(found.file).pipe(response);
  };
}
