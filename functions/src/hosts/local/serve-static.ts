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
    "connect-src 'self' https://login.microsoftonline.com https://graph.microsoft.com",
    `frame-ancestors ${frameAncestors}`,
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * Serves the built tab. Unknown paths get index.html (the tab routes on the client); hashed
 * assets are cached for a year, index.html never, so a new build shows at once.
 */
export function createStaticHandler(root: string) {
  return async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> => {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(root, relative);
    if (!file.startsWith(root + sep) && file !== root) file = join(root, 'index.html');
    let info = await stat(file).catch(() => null);
    const isAsset = relative.startsWith('assets/');
    if (!info?.isFile()) {
      if (isAsset || extname(relative) !== '') {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders }).end('Not found');
        return;
      }
      file = join(root, 'index.html');
      info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        response
          .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
          .end('The tab has not been built. Run `npm start` (it builds the tab first) or `npm run build:tab`.');
        return;
      }
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'content-length': String(info.size),
      'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders,
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  };
}
