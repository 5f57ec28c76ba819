import azureFunctions from '@azure/functions';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import { createEmbeddedApp, type EmbeddedApp } from '../../functions/src/compose.js';
import { loadConfig } from '../../functions/src/config.js';
import { startGraphDouble, type GraphDouble } from '../graph-double/graph-double.js';

const { HttpRequest, InvocationContext } = azureFunctions;

/*
 * The app is the only writer: with STORE=sharepoint a signed-in person's request reaches Graph
 * with the API app's own (client-credentials) token, never with the person's token or one
 * exchanged for it. @azure/identity is replaced by a recorder, so the real wiring in compose.ts
 * (credential, token provider, Graph client) runs against the Graph double.
 */
const identity = vi.hoisted(() => ({
  clientSecret: [] as { tenantId: string; clientId: string; secret: string }[],
  onBehalfOf: [] as unknown[],
  scopes: [] as string[][],
}));

vi.mock('@azure/identity', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>();
  class ClientSecretCredential {
    constructor(tenantId: string, clientId: string, secret: string) {
      identity.clientSecret.push({ tenantId, clientId, secret });
    }
    async getToken(scopes: string | string[]) {
      identity.scopes.push([scopes].flat());
      return { token: 'app-only-token', expiresOnTimestamp: Date.now() + 3_600_000 };
    }
  }
  class OnBehalfOfCredential {
    constructor(options: unknown) {
      identity.onBehalfOf.push(options);
    }
    async getToken() {
      return { token: 'on-behalf-of-token', expiresOnTimestamp: Date.now() + 3_600_000 };
    }
  }
  return { ...actual, ClientSecretCredential, OnBehalfOfCredential };
});

const clientId = '11111111-2222-4333-8444-555555555555';
const tenant = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const siteUrl = 'https://contoso.sharepoint.com/sites/kvalitet';

let double: GraphDouble;
let app: EmbeddedApp;
let dataDir: string;
let signingKey: CryptoKey;

beforeAll(async () => {
  double = await startGraphDouble();
  double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
  const provisioning = createGraphClient({
    tokens: async () => 'provisioning-token',
    baseUrl: double.baseUrl,
    sleep: async () => {},
  });
  await provision(provisioning, { siteUrl, dryRun: false });
  const keys = await generateKeyPair('RS256');
  signingKey = keys.privateKey;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  dataDir = await mkdtemp(join(tmpdir(), 'kh-sharepoint-app-only-'));
  const config = loadConfig({
    APP_MODE: 'production',
    STORE: 'sharepoint',
    SHAREPOINT_SITE_URL: siteUrl,
    ENTRA_CLIENT_ID: clientId,
    ENTRA_TENANT_IDS: tenant,
    ENTRA_CLIENT_SECRET: 'secret-value',
    PUBLIC_URL: 'https://kh.example.dk',
    DATA_DIR: dataDir,
  });
  app = await createEmbeddedApp(config, { jwks: createLocalJWKSet({ keys: [jwk] }), graphRoot: double.baseUrl });
});
afterAll(async () => {
  app?.close();
  await double?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});
beforeEach(() => double.resetCounters());

async function userToken(oid: string, roles: string[]): Promise<string> {
  return new SignJWT({
    iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
    aud: clientId,
    tid: tenant,
    oid,
    scp: 'access_as_user',
    ver: '2.0',
    name: 'Mette Kjær',
    preferred_username: 'mette.kjaer@eksempel-kommune.dk',
    roles,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'test-key' })
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime('1h')
    .sign(signingKey);
}

async function call(routeName: string, path: string, bearer: string) {
  const route = app.routes.find((candidate) => candidate.name === routeName)!;
  expect(route.access).toBe('signed-in');
  const request = new HttpRequest({
    method: 'GET',
    url: `https://kh.example.dk/api${path}`,
    headers: { authorization: `Bearer ${bearer}` },
  });
  return app.handlers.get(route)!(request, new InvocationContext({ functionName: routeName }));
}

describe('STORE=sharepoint: the app is the only writer', () => {
  it('calls Graph for a signed-in person with the app-only token, never with theirs or one exchanged for it', async () => {
    const bearer = await userToken('20000000-0000-4000-8000-000000000001', ['QualityCoordinator']);

    // The first sign-in writes the person to the site's People list; the list reads the site.
    const me = await call('me', '/me', bearer);
    expect(me.status).toBe(200);
    const list = await call('procedures-list', '/procedures?limit=10', bearer);
    expect(list.status).toBe(200);

    const log = double.counters.log;
    expect(log.length).toBeGreaterThan(0);
    expect(log.some((entry) => entry.method !== 'GET')).toBe(true);
    expect(new Set(log.map((entry) => entry.authorization))).toEqual(new Set(['Bearer app-only-token']));
    expect(log.some((entry) => entry.authorization.includes(bearer))).toBe(false);

    // One client-credentials credential, as the API app registration, for Graph's .default scope;
    // no on-behalf-of credential was ever made from a user's token.
    expect(identity.clientSecret).toEqual([{ tenantId: tenant, clientId, secret: 'secret-value' }]);
    expect(new Set(identity.scopes.map((scopes) => scopes.join(' ')))).toEqual(
      new Set(['https://graph.microsoft.com/.default']),
    );
    expect(identity.onBehalfOf).toEqual([]);
  });
});
