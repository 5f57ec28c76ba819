import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../functions/src/app/ports.js';
import { seedBulk } from '../../bench/seed-bulk.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The search index is built without blocking the server and kept current in place: 5,000 more
 * procedures are indexed in chunks while other requests are answered, and a publication re-reads
 * only the procedure that changed.
 */

let server: TestServer;
let store: Store;
/** Every call of `store.listSearchSources` the search makes, with the ids it asked for. */
const sourceReads: (readonly string[] | undefined)[] = [];
let publishedIds: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  store = server.app.services.store;
  const read = store.listSearchSources.bind(store);
  store.listSearchSources = (ids) => {
    sourceReads.push(ids);
    return read(ids);
  };
  // The demo handbook's index (built in the background at start-up), then 5,000 more procedures.
  await search('tilsyn');
  const seeded = await seedBulk(server.app.services, server.app.db, {
    count: 5000,
    batchSize: 250,
    seed: 20_240_611,
    now: new Date(),
  });
  publishedIds = seeded.publishedIds;
}, 180_000);
afterAll(async () => server?.stop());

async function search(q: string, kinds = 'procedure', user: string = people.natureCaseworker) {
  const response = await server.api.get(user, `/search?q=${encodeURIComponent(q)}&kinds=${kinds}`);
  expect(response.status).toBe(200);
  return response.body as { total: number; hits: { id: string; code: string }[] };
}

describe('the search index of 5,000 procedures', () => {
  it('answers other requests while it indexes them, and the search when it is done', async () => {
    sourceReads.length = 0;
    let searching = true;
    // As the coordinator, across every kind: the seeded drafts are indexed too.
    const searched = search('miljøtilsyn', 'procedure,draft,corrective-action', people.coordinator).finally(
      () => (searching = false),
    );
    const health: { ms: number; duringBuild: boolean }[] = [];
    while (searching) {
      const started = performance.now();
      const response = await server.api.get(null, '/health');
      expect(response.status).toBe(200);
      health.push({ ms: performance.now() - started, duringBuild: searching });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const found = await searched;
    const during = health.filter((check) => check.duringBuild);
    console.log(
      `Index build of 5,000 procedures: ${during.length} health checks answered meanwhile, the slowest in ${Math.max(...health.map((check) => check.ms)).toFixed(0)} ms`,
    );
    expect(found.total).toBeGreaterThan(10);
    // The health checks were answered while the index was built, each well within a second.
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...health.map((check) => check.ms))).toBeLessThan(1000);
    // The 5,000 new procedures were read once, in one query (every published one had changed).
    expect(sourceReads).toEqual([undefined]);
  }, 120_000);

  it('re-reads only the procedure whose text a publication changed, and finds the new text', async () => {
    await search('miljøtilsyn');
    const procedureId = publishedIds[17]!;
    const procedure = (await store.getProcedure(procedureId))!;
    const current = (await store.getVersion(procedure.currentVersionId!))!;
    const newVersionId = `${current.id}-new`;
    sourceReads.length = 0;
    await store.commit({
      procedures: [{ ...procedure, currentVersionId: newVersionId, etag: procedure.etag + 1 }],
      versions: [
        { ...current, state: 'obsolete', supersededByVersionId: newVersionId },
        {
          ...current,
          id: newVersionId,
          minor: (current.minor ?? 0) + 1,
          text: `${current.text}\nBilag om quokkaovervågning i vådområder.`,
        },
      ],
    });
    const found = await search('quokkaovervågning');
    expect(found.hits.map((hit) => hit.id)).toEqual([procedureId]);
    expect(sourceReads).toEqual([[procedureId]]);

    // Nothing changed: no texts are read at all.
    sourceReads.length = 0;
    await search('quokkaovervågning');
    expect(sourceReads).toEqual([]);
  });
});
