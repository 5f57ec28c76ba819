import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import { createEmbeddedApp, type EmbeddedApp } from '../../functions/src/compose.js';
import { loadConfig } from '../../functions/src/config.js';
import { sweepEmbeddedApp } from '../../functions/src/jobs/sweep-embedded-app.js';
import { startGraphDouble, type GraphDouble } from '../graph-double/graph-double.js';
import { buildProcedure } from './store-contract.js';

/** STORE=sharepoint wired by compose, against a provisioned site in the Graph double. */

let double: GraphDouble;
let app: EmbeddedApp;
let dataDir: string;

beforeAll(async () => {
  double = await startGraphDouble();
  double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
  const graph = createGraphClient({ tokens: async () => 'token', baseUrl: double.baseUrl, sleep: async () => {} });
  await provision(graph, { siteUrl: 'https://contoso.sharepoint.com/sites/kvalitet', dryRun: false });
  dataDir = await mkdtemp(join(tmpdir(), 'kh-sharepoint-compose-'));
  const config = loadConfig({
    APP_MODE: 'production',
    STORE: 'sharepoint',
    SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/kvalitet',
    ENTRA_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
    ENTRA_TENANT_IDS: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    ENTRA_CLIENT_SECRET: 'secret-value',
    DATA_DIR: dataDir,
  });
  app = await createEmbeddedApp(config, { graph });
});
afterAll(async () => {
  app?.close();
  await double?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('compose with STORE=sharepoint', () => {
  it('puts the store and the files in the site, and the default unit in its Units list', async () => {
    expect(await app.services.store.listUnits()).toEqual([
      { id: 'teknik-miljo', name: 'Eksempel Kommune · Teknik og Miljø', parentId: null },
    ]);
    await app.services.store.commit({ procedures: [buildProcedure()] });
    expect(await app.services.store.getProcedureByCode('TM-01-01')).toEqual(buildProcedure());
    const file = await app.services.documents.put(new TextEncoder().encode('fil'));
    expect(new TextDecoder().decode(await app.services.documents.get(file.ref))).toBe('fil');
  });

  it('keeps conversations and the reminder ledger in the site, and sweeps from it', async () => {
    const writesBefore = double.counters.writes;
    await app.messaging.saveConversation({
      personId: 'peter-lund',
      conversationId: 'a:peter',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      tenantId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      userAadObjectId: '99999999-2222-4333-8444-555555555555',
      locale: 'da',
      installedAt: new Date().toISOString(),
    });
    expect(double.counters.writes).toBeGreaterThan(writesBefore);
    expect((await app.messaging.getConversation('peter-lund'))?.conversationId).toBe('a:peter');
    const result = await sweepEmbeddedApp(app);
    expect(result.status).toBe('completed');
  });
});
