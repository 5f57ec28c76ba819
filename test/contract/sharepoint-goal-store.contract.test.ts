import { describe, expect, it } from 'vitest';
import type { BatchRequest, GraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { openSharePointGoalStore } from '../../functions/src/adapters/sharepoint/sharepoint-goal-store.js';
import { sharePointContractSite } from './contract-sites.js';
import { buildCases, describeGoalStoreContract } from './goal-store-contract.js';

/** The GoalStore contract on SharePoint lists, through the Graph double (a fresh site per test). */
describeGoalStoreContract('SharePoint (Graph double)', async () => {
  const { graph, site, trail, close } = await sharePointContractSite();
  return { store: await openSharePointGoalStore(graph, site.id), trail, close };
});

const imported = (subjectId: string) => ({
  at: '2026-03-02T08:00:00.000Z',
  actorId: 'mette-kjaer',
  action: 'case-data.imported',
  procedureId: null,
  subjectId,
  summary: 's',
  details: {},
});

describe('a large case import on SharePoint', () => {
  it('goes in $batch envelopes of at most 20, with one paged read of the source instead of a lookup per case', async () => {
    const { double, graph, site, trail, close } = await sharePointContractSite();
    try {
      const store = await openSharePointGoalStore(graph, site.id);
      const cost = async (work: () => Promise<unknown>) => {
        double.resetCounters();
        await work();
        const { httpRequests, batches, reads, writes } = double.counters;
        const subRequests = double.counters.log.filter((operation) => operation.viaBatch).length;
        return { httpRequests, batches, reads, writes, subRequests };
      };
      const cases = buildCases(2000);
      const first = await cost(() => store.commit({ caseRecords: cases, trail: [imported('src-bom')] }));
      const again = buildCases(2000, { pausedDays: 7 });
      const second = await cost(() => store.commit({ caseRecords: again, trail: [imported('src-bom')] }));
      // The double refuses an envelope of more than 20 (as Graph does); 2,000 cases are 100 of them.
      expect({ first, second }).toEqual({
        // The source read (one page: empty), 100 envelopes of creates, the trail entry on its own.
        first: { httpRequests: 102, batches: 100, reads: 1, writes: 2001, subRequests: 2000 },
        // Ten pages of 200 items, 100 envelopes of updates, the trail entry.
        second: { httpRequests: 111, batches: 100, reads: 10, writes: 2001, subRequests: 2000 },
      });
      expect(await store.listCaseRecords()).toEqual(again);
      expect(await trail()).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('leaves a failed import partly written and without its trail entry; the same import again repairs it', async () => {
    const { graph, site, trail, close } = await sharePointContractSite();
    try {
      const store = await openSharePointGoalStore(graph, site.id);
      // Twenty cases in the middle fail (their envelope answers with errors); the rest go through.
      const failing: GraphClient = {
        ...graph,
        batch<T>(requests: BatchRequest[]) {
          return graph.batch<T>(
            requests.map((request, index) =>
              request.method === 'POST' && index >= 500 && index < 520
                ? { ...request, url: `${request.url}/broken` }
                : request,
            ),
          );
        },
      };
      const broken = await openSharePointGoalStore(failing, site.id);
      const cases = buildCases(1000);
      await expect(broken.commit({ caseRecords: cases, trail: [imported('src-bom')] })).rejects.toThrow();
      const written = await store.listCaseRecords();
      expect(written).toHaveLength(980);
      expect(await trail()).toEqual([]);

      await store.commit({ caseRecords: cases, trail: [imported('src-bom')] });
      expect(await store.listCaseRecords()).toEqual(cases);
      expect(await trail()).toHaveLength(1);
    } finally {
      await close();
    }
  });
});
