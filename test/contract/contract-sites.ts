import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraphClient, type ListItem } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import { fromFields, trailMapping } from '../../functions/src/adapters/sharepoint/sharepoint-records.js';
import { openDatabase } from '../../functions/src/adapters/sqlite/open-database.js';
import type { TrailEntry } from '../../functions/src/core/types.js';
import { startGraphDouble } from '../graph-double/graph-double.js';

/**
 * Where the contract suites of the goal, survey and FOKUS ports run: a fresh SQLite file, or a
 * fresh provisioned site in the Graph double. `trail()` reads the entries appended with
 * procedureId null, oldest first (the ports have no reader for them).
 */
export type TrailWithoutSeq = Omit<TrailEntry, 'seq'>;

export async function sqliteContractSite() {
  const dir = await mkdtemp(join(tmpdir(), 'kh-contract-'));
  const db = openDatabase(join(dir, 'store.sqlite'));
  const rows = db.prepare('SELECT * FROM audit_trail WHERE procedure_id IS NULL ORDER BY seq');
  return {
    db,
    trail: async () =>
      (rows.all() as Record<string, unknown>[]).map((row): TrailWithoutSeq => ({
        at: row['at'] as string,
        actorId: row['actor_id'] as string,
        action: row['action'] as string,
        procedureId: row['procedure_id'] as string | null,
        subjectId: row['subject_id'] as string,
        summary: row['summary'] as string,
        details: JSON.parse(row['details'] as string) as Record<string, unknown>,
      })),
    close: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function sharePointContractSite() {
  const double = await startGraphDouble();
  const site = double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
  const graph = createGraphClient({ tokens: async () => 'token', baseUrl: double.baseUrl, sleep: async () => {} });
  await provision(graph, { siteUrl: 'https://contoso.sharepoint.com/sites/kvalitet', dryRun: false });
  const trail = async () => {
    const items = await graph.getAll<ListItem>(
      `/sites/${site.id}/lists/${trailMapping.list.displayName}/items?$expand=fields`,
    );
    return items
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((item) => fromFields(trailMapping, item.fields ?? {}))
      .filter((entry) => entry.procedureId === null);
  };
  return { double, site, graph, trail, close: () => double.stop() };
}
