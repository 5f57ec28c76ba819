import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../functions/src/adapters/sqlite/open-database.js';
import { migrations } from '../../functions/src/adapters/sqlite/migrations.js';
import { createSqliteQualityStore } from '../../functions/src/adapters/sqlite/sqlite-quality-store.js';
import { createSqliteStore } from '../../functions/src/adapters/sqlite/sqlite-store.js';
import { restoreDatabase } from '../support/sqlite-dump.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Existing data survives: the demo database as the main branch at 3a74b64 made it (dumped in
 * test/fixtures/sqlite/, see its README) opens with the current code, its migrations run, and its
 * records read through the stores and over the API.
 */
const dump = gunzipSync(readFileSync(new URL('../fixtures/sqlite/main-3a74b64.sql.gz', import.meta.url))).toString(
  'utf8',
);
const databaseName = 'kvalitetshaandbog.sqlite';

function restoredDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'kh-upgrade-'));
  restoreDatabase(dump, join(dataDir, databaseName));
  return dataDir;
}

describe('a database made by main at 3a74b64', () => {
  it('migrates to the current schema and reads through the stores', async () => {
    const dataDir = restoredDataDir();
    try {
      const db = openDatabase(join(dataDir, databaseName));
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      const store = createSqliteStore(db);
      const quality = createSqliteQualityStore(db);
      const procedure = await store.getProcedureByCode('K-01');
      expect(procedure).toBeDefined();
      const versions = await store.listVersions(procedure!.id);
      expect(versions.length).toBeGreaterThan(0);
      expect(
        versions.every((version) => version.procedureId === procedure!.id && version.file.sha256.length === 64),
      ).toBe(true);
      expect((await quality.listAudits()).length).toBe(12);
      const findings = await quality.listFindings();
      expect(findings.length).toBe(13);
      // Recorded before Finding.foundBy was kept: the migration leaves it empty.
      expect(findings.every((finding) => finding.foundBy === null)).toBe(true);
      expect((await quality.listCorrectiveActions()).length).toBe(8);
      expect((await store.listCompetences()).length).toBe(25);
      db.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the API on a database made by main at 3a74b64', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dataDir: restoredDataDir() });
  });
  afterAll(async () => server?.stop());

  it('lists and shows procedures, audits, findings, actions and competences', async () => {
    const list = await server.api.get(people.coordinator, '/procedures?limit=1000');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(44);
    const detail = await server.api.procedureByCode('K-01');
    expect(detail.versions.length).toBeGreaterThan(0);
    for (const path of [
      '/audits',
      '/findings?state=all',
      '/corrective-actions',
      '/competences',
      '/competence-matrix',
    ]) {
      const response = await server.api.get(people.coordinator, path);
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
    }
  });

  it('writes: a new procedure is created on the migrated database', async () => {
    const created = await server.api.post(people.coordinator, '/procedures', {
      code: 'K-901',
      title: 'Opgraderingsprøve',
      level: 'core',
      area: 'Natur',
      unitId: 'natur',
      ownerId: people.natureAuthor,
      approverId: people.natureLeader,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });
});
