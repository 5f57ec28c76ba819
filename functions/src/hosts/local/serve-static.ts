import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

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

export const securityHeaders: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self' https://res.cdn.office.net",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "frame-src 'self' blob:",
    "object-src 'self'",
    "connect-src 'self' https://login.microsoftonline.com",
    `frame-ancestors ${frameAncestors}`,
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export type StaticFile =
  { status: 200; file: string; size: number; headers: Record<string, string> } | { status: 404 | 503; message: string };

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
  return {
    status: 200,
    file,
    size: info.size,
    headers: {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders,
    },
  };
}

/** The local host's static handler: streams the resolved file. */
export function createStaticHandler(root: string) {
  return async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> => {
    const found = await resolveStaticFile(root, pathname);
    if (found.status !== 200) {
      response
        .writeHead(found.status, { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders })
        .end(found.message);
      return;
    }
    response.writeHead(200, { ...found.headers, 'content-length': String(found.size) });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(found.file).pipe(response);
  };
}
