import azureFunctions, { type HttpFunctionOptions } from '@azure/functions';
import { rmSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTeamsUsers } from '../../functions/src/adapters/sqlite/sqlite-store.js';
import { createEmbeddedApp, type EmbeddedApp } from '../../functions/src/compose.js';
import { loadConfig, startupWarnings, type Config } from '../../functions/src/config.js';
import { registerHttpFunctions } from '../../functions/src/hosts/azure/register-functions.js';
import { cardActionInvoke } from '../support/activities.js';
import { freshSeededDataDir } from '../support/seeded-template.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * Issue 10, item 1: whether an activity came over loopback is a fact of the socket, never of a
 * header a client can send; and production never accepts an unauthenticated activity.
 */
const { HttpRequest, InvocationContext } = azureFunctions;

const leaderOid = '20000000-0000-4000-8000-000000000001';
const entra = {
  clientId: '6f1c2b9e-3d4a-4c8b-9e2f-1a2b3c4d5e6f',
  appIdUri: 'api://kh.example.dk/6f1c2b9e-3d4a-4c8b-9e2f-1a2b3c4d5e6f',
  tenantIds: ['0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'],
  jwksUrl: 'https://invalid.example/keys',
  defaultUnitId: 'natur',
};

type Registered = { app: EmbeddedApp; dataDir: string; functions: Map<string, HttpFunctionOptions> };

async function registeredApp(settings: Partial<Config>): Promise<Registered> {
  const dataDir = await freshSeededDataDir('kh-bot-trust-');
  const keys = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k', alg: 'RS256', use: 'sig' };
  const app = await createEmbeddedApp(
    { ...loadConfig({}), dataDir, seedDemo: false, ...settings },
    { jwks: createLocalJWKSet({ keys: [jwk] }) },
  );
  const functions = new Map<string, HttpFunctionOptions>();
  registerHttpFunctions({ http: (name, options) => functions.set(name, options) }, app.routes, async (route) =>
    app.handlers.get(route)!,
  );
  return { app, dataDir, functions };
}

/** K-16 waits for its approver in the demo municipality. */
async function pendingApproval(app: EmbeddedApp) {
  const procedure = (await app.services.store.getProcedureByCode('K-16'))!;
  const approval = (await app.services.store.listApprovals(procedure.id)).find((a) => a.decision === null)!;
  expect(approval).toBeDefined();
  return approval;
}

/** What a refused approval must leave untouched. */
async function snapshot(app: EmbeddedApp, approvalId: string) {
  const approval = (await app.services.store.getApproval(approvalId))!;
  const procedure = await app.services.store.getProcedure(approval.procedureId);
  const versions = await app.services.store.listVersions(approval.procedureId);
  const trail = await app.services.store.listTrail(approval.procedureId);
  return { approval, procedure, versions, trail };
}

function approveActivity(aadObjectId: string, approvalId: string) {
  return cardActionInvoke(aadObjectId, 'approve', { approvalId }, { name: 'Anne Birk' });
}

async function postThroughAzure(registered: Registered, activity: unknown, headers: Record<string, string> = {}) {
  const request = new HttpRequest({
    method: 'POST',
    url: 'https://kh.example.dk/api/messages',
    headers: { 'content-type': 'application/json', ...headers },
    body: { string: JSON.stringify(activity) },
  });
  const response = await registered.functions
    .get('bot-messages')!
    .handler(request, new InvocationContext({ functionName: 'bot-messages' }));
  return response as { status: number; jsonBody?: { code: string; message: string } };
}

describe('the bot endpoint through the registered Azure handlers, local mode, no bot registration', () => {
  let registered: Registered;
  beforeAll(async () => {
    registered = await registeredApp({ mode: 'local' });
  });
  afterAll(() => {
    registered?.app.close();
    if (registered) rmSync(registered.dataDir, { recursive: true, force: true });
  });

  it('a forged x-kh-loopback header approves nothing: 401, the approval stays pending', async () => {
    const { app } = registered;
    const approval = await pendingApproval(app);
    const before = await snapshot(app, approval.id);
    const response = await postThroughAzure(registered, approveActivity(approval.approverId, approval.id), {
      'x-kh-loopback': '1',
    });
    expect(response.status).toBe(401);
    expect(response.jsonBody).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String) });
    expect(await snapshot(app, approval.id)).toEqual(before);
    expect(before.approval.decision).toBeNull();
  });
});

describe('the bot endpoint in production without a bot registration', () => {
  let registered: Registered;
  beforeAll(async () => {
    registered = await registeredApp({ mode: 'production', entra, bot: null });
    const approval = await pendingApproval(registered.app);
    linkTeamsUsers(registered.app.db, { [leaderOid]: approval.approverId });
  });
  afterAll(() => {
    registered?.app.close();
    if (registered) rmSync(registered.dataDir, { recursive: true, force: true });
  });

  it('is what the hosts say at start-up', () => {
    expect(startupWarnings(registered.app.config).join('\n')).toMatch(
      /\/api\/messages .*503.*BOT_CLIENT_ID|BOT_CLIENT_ID.*\/api\/messages/s,
    );
  });

  it.each<{ name: string; headers: Record<string, string> }>([
    { name: 'with a forged x-kh-loopback header', headers: { 'x-kh-loopback': '1' } },
    { name: 'without headers', headers: {} },
  ])('refuses every activity $name: 503, the approval stays pending', async ({ headers }) => {
    const { app } = registered;
    const approval = await pendingApproval(app);
    const before = await snapshot(app, approval.id);
    const response = await postThroughAzure(registered, approveActivity(leaderOid, approval.id), headers);
    expect(response.status).toBe(503);
    expect(response.jsonBody).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/BOT_/) });
    expect(await snapshot(app, approval.id)).toEqual(before);
  });

  it('takes the Bot Connector’s serviceUrl over https only: http is a 400 at the edge', async () => {
    const approval = await pendingApproval(registered.app);
    const before = await snapshot(registered.app, approval.id);
    const activity = { ...approveActivity(leaderOid, approval.id), serviceUrl: 'http://smba.trafficmanager.net/emea/' };
    const response = await postThroughAzure(registered, activity);
    expect(response.status).toBe(400);
    expect(response.jsonBody).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('serviceUrl') });
    expect(await snapshot(registered.app, approval.id)).toEqual(before);
  });

  it('refuses an activity that reaches it over loopback too (the bot itself, not only the route)', async () => {
    const approval = await pendingApproval(registered.app);
    const before = await snapshot(registered.app, approval.id);
    const response = await registered.app.bot.handle(
      { body: approveActivity(leaderOid, approval.id), headers: {} },
      { isLoopback: true },
    );
    expect(response.status).toBeGreaterThanOrEqual(401);
    expect(await snapshot(registered.app, approval.id)).toEqual(before);
  });
});

describe('the local host decides loopback from the socket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  /** Feeds one request to the host as if it came from `remoteAddress` (a real socket cannot be faked otherwise). */
  async function requestFrom(remoteAddress: string, body: unknown, headers: Record<string, string>) {
    const socket = new Socket();
    Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress });
    const request = new IncomingMessage(socket);
    const text = JSON.stringify(body);
    request.method = 'POST';
    request.url = '/api/messages';
    request.headers = {
      host: 'kh.example.dk',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    };
    const response = new ServerResponse(request);
    const answered = new Promise<{ status: number; body: string }>((resolve) => {
      let status = 0;
      response.writeHead = ((code: number) => {
        status = code;
        return response;
      }) as never;
      response.end = ((chunk?: unknown) => {
        resolve({ status, body: String(chunk ?? '') });
        return response;
      }) as never;
    });
    server.server.emit('request', request, response);
    request.push(text);
    request.push(null);
    return answered;
  }

  it('a client off loopback with x-kh-loopback: 1 is refused, and the approval stays pending', async () => {
    const approval = await pendingApproval(server.app);
    const before = await snapshot(server.app, approval.id);
    const response = await requestFrom('203.0.113.7', approveActivity(approval.approverId, approval.id), {
      'x-kh-loopback': '1',
    });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await snapshot(server.app, approval.id)).toEqual(before);
  });

  it('a real loopback request still decides (local mode)', async () => {
    const approval = await pendingApproval(server.app);
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(approveActivity(approval.approverId, approval.id)),
    });
    expect(response.status).toBe(200);
    expect((await server.app.services.store.getApproval(approval.id))?.decision).toBe('approved');
  });
});
