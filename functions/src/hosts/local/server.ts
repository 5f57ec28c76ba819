import azureFunctions, { type HttpResponseInit } from '@azure/functions';
import { randomUUID } from 'node:crypto';
import type { JWTVerifyGetKey } from 'jose';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { warmSearchIndexes } from '../../app/search-everything.js';
import { createEmbeddedApp, type EmbeddedApp } from '../../compose.js';
import { ConfigError, isLoopbackHost, loadConfig, type Config } from '../../config.js';
import { AppError } from '../../core/errors.js';
import { recordSocketAddress } from '../../http/client-address.js';
import { defaultMaxJsonBytes, errorResponse } from '../../http/handle-route.js';
import { isLoopbackAddress, markLoopback } from '../../http/loopback.js';
import { createRouteMatcher } from './match-route.js';
import { createStaticHandler, securityHeaders } from './serve-static.js';
import { localeOf, maxSurveyFormBytes, refusedPage, surveyPagePath } from '../../public/survey-page.js';
import { publicPagesPath } from '../../public/public-pages.js';
import { maxRegisterFormBytes, registerPagePath, registerRefusedPage } from '../../public/register-page.js';

// @azure/functions is CommonJS; its classes are reached through the default export under ESM.
const { HttpRequest, InvocationContext } = azureFunctions;

export type LocalServer = { url: string; app: EmbeddedApp; server: Server; close(): Promise<void> };

const defaultTabDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../tab/dist');

/**
 * The embedded default's single process: the REST API (the same route handlers Azure
 * Functions runs, fed with @azure/functions HttpRequest objects) and the built tab.
 */
export async function startLocalServer(
  options: Partial<Config> & {
    tabDir?: string;
    quiet?: boolean;
    jwks?: JWTVerifyGetKey;
    /** Tests: response checks, extra routes and a clock of their own (see createEmbeddedApp). */
    testing?: Pick<Parameters<typeof createEmbeddedApp>[1] & object, 'checkResponse' | 'extraRoutes' | 'clock'>;
  } = {},
): Promise<LocalServer> {
  const { jwks, testing, ...settings } = options;
  const config: Config = { ...loadConfig(), ...settings };
  // loadConfig refuses HOST off loopback in local mode; a host passed in here is checked again.
  if (config.mode === 'local' && !isLoopbackHost(config.host)) {
    throw new ConfigError([
      `HOST=${JSON.stringify(config.host)}: local mode has no real sign-in, so it listens on loopback only (127.0.0.1, ::1 or localhost); use APP_MODE=production to serve a network`,
    ]);
  }
  // The port is bound first, so that with port 0 the links in cards carry the real port.
  let app!: EmbeddedApp;
  let match!: ReturnType<typeof createRouteMatcher>;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const serveStatic = createStaticHandler(options.tabDir ?? defaultTabDir);
  const maxBody = Math.max(defaultMaxJsonBytes, config.maxUploadBytes);

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, errorResponse(error));
      else response.destroy();
    });
  });
  // An idle keep-alive connection stays open longer than clients keep theirs (browsers and
  // undici close theirs first), so the server never closes a socket a client is just reusing,
  // which the client would see as ECONNRESET (seen when a long synchronous task delayed the
  // server's own 5-second timer past a request already on its way).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    await ready;
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (surveyPagePath.test(url.pathname)) {
      await servePublicPage(request, response, url, 'survey');
      return;
    }
    if (registerPagePath.test(url.pathname)) {
      await servePublicPage(request, response, url, 'register');
      return;
    }
    if (publicPagesPath.test(url.pathname)) {
      await servePublicPages(request, response);
      return;
    }
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        send(response, { status: 405, jsonBody: { code: 'METHOD_NOT_ALLOWED', message: 'Only GET here.' } });
        return;
      }
      await serveStatic(request, response, url.pathname);
      return;
    }
    const path = url.pathname.slice('/api'.length);
    let matched: ReturnType<typeof match>;
    try {
      matched = match(request.method ?? 'GET', path);
    } catch {
      throw new AppError('VALIDATION', 'The path is not valid (bad percent-encoding).');
    }
    if (!matched.route) {
      request.resume();
      if (matched.allowed.length > 0) {
        send(response, {
          status: 405,
          jsonBody: { code: 'METHOD_NOT_ALLOWED', message: `Use ${matched.allowed.join(' or ')} for ${url.pathname}.` },
          headers: { allow: matched.allowed.join(', ') },
        });
      } else {
        send(response, {
          status: 404,
          jsonBody: { code: 'NOT_FOUND', message: `No API endpoint at ${url.pathname}.` },
        });
      }
      return;
    }
    const limit = matched.route.body === undefined ? 0 : (matched.route.maxBodyBytes ?? defaultMaxJsonBytes);
    const bytes = await readBody(request, Math.min(limit, maxBody));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || name.startsWith('x-kh-')) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const httpRequest = new HttpRequest({
      method: request.method ?? 'GET',
      url: `http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`,
      headers,
      params: matched.params,
      ...(bytes.byteLength > 0 ? { body: { bytes } } : {}),
    });
    recordSocketAddress(httpRequest, request.socket.remoteAddress);
    // Loopback is a fact of the socket, passed beside the request; no header carries it.
    if (isLoopbackAddress(request.socket.remoteAddress)) markLoopback(httpRequest);
    const context = new InvocationContext({ invocationId: randomUUID(), functionName: matched.route.name });
    const handler = app.handlers.get(matched.route);
    send(response, await handler!(httpRequest, context));
  }

  /**
   * The public pages without sign-in, the same handlers the Azure host registers: the survey
   * answer page (public/survey-page.ts) and the register's form and status page (public/register-page.ts).
   */
  async function servePublicPage(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    which: 'survey' | 'register',
  ): Promise<void> {
    let bytes: Uint8Array;
    const maxBytes = which === 'survey' ? maxSurveyFormBytes : maxRegisterFormBytes;
    try {
      bytes = await readBody(request, request.method === 'POST' ? maxBytes : 0);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const locale = localeOf(url.searchParams.get('lang'), request.headers['accept-language'] ?? null);
      const isTooLarge = error.code === 'PAYLOAD_TOO_LARGE';
      const refuse = which === 'survey' ? refusedPage : registerRefusedPage;
      send(response, refuse(locale, isTooLarge ? 'too-large' : 'unsupported', isTooLarge ? 413 : 400));
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || name.startsWith('x-kh-')) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const httpRequest = new HttpRequest({
      method: request.method ?? 'GET',
      url: `http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`,
      headers,
      ...(bytes.byteLength > 0 ? { body: { bytes } } : {}),
    });
    recordSocketAddress(httpRequest, request.socket.remoteAddress);
    send(response, await (which === 'survey' ? app.surveyPage : app.registerPage)(httpRequest));
  }

  /** The public handbook and yearly reports (GET only, no body): the handler the Azure host registers too. */
  async function servePublicPages(request: IncomingMessage, response: ServerResponse): Promise<void> {
    request.resume();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || name.startsWith('x-kh-')) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const httpRequest = new HttpRequest({
      method: request.method ?? 'GET',
      url: `http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`,
      headers,
    });
    recordSocketAddress(httpRequest, request.socket.remoteAddress);
    send(response, await app.publicPages(httpRequest));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host =
    config.host === '127.0.0.1' || config.host === '::1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  const url = `http://${options.port === 0 ? '127.0.0.1' : host}:${address.port}`;
  if (options.port === 0 && options.publicUrl === undefined) config.publicUrl = url;
  try {
    // Tests sign tokens with their own keys; everyone else gets Microsoft's (see compose.ts).
    app = await createEmbeddedApp(config, { ...testing, ...(jwks ? { jwks } : {}) });
    match = createRouteMatcher(app.routes);
  } catch (error) {
    server.close();
    throw error;
  }
  markReady();
  // The search indexes are built in the background, in chunks: requests are answered meanwhile.
  void warmSearchIndexes(app.services);
  return {
    url,
    app,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          app.close();
          resolve();
        });
      }),
  };
}

/** Reads a body up to `limit` bytes; past that, answers 413 without buffering the rest. */
function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > limit) {
      request.resume();
      reject(tooLarge(declared, limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(tooLarge(size, limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

function tooLarge(size: number, limit: number): AppError {
  return limit === 0
    ? new AppError('VALIDATION', 'This endpoint takes no request body.')
    : new AppError(
        'PAYLOAD_TOO_LARGE',
        `The request body is at least ${size} bytes; this endpoint accepts at most ${limit}.`,
        { limit },
      );
}

function send(response: ServerResponse, result: HttpResponseInit): void {
  const headers: Record<string, string> = { ...securityHeaders };
  for (const [name, value] of Object.entries((result.headers ?? {}) as Record<string, string>))
    headers[name.toLowerCase()] = value;
  let body: Uint8Array | string = '';
  if (result.jsonBody !== undefined) {
    body = JSON.stringify(result.jsonBody);
    headers['content-type'] = 'application/json; charset=utf-8';
  } else if (result.body instanceof Uint8Array) {
    body = result.body;
  } else if (typeof result.body === 'string') {
    body = result.body;
  }
  headers['content-length'] = String(Buffer.byteLength(body));
  response.writeHead(result.status ?? 200, headers);
  response.end(body);
}
