import { describe, expect, it } from 'vitest';
import type { DeadlineEntry } from '../../functions/src/app/deadline-index.js';
import type { BatchRequest, GraphClient, ListItem } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { openSharePointAccessRequestStore } from '../../functions/src/adapters/sharepoint/sharepoint-access-request-store.js';
import { deadlineMapping, fromFields } from '../../functions/src/adapters/sharepoint/sharepoint-records.js';
import { buildAccessRequest, describeAccessRequestStoreContract } from './access-request-store-contract.js';
import { sharePointContractSite } from './contract-sites.js';

/** The AccessRequestStore contract on SharePoint lists, through the Graph double (a fresh site per test). */
async function openSite() {
  const site = await sharePointContractSite();
  const deadlines = async (): Promise<DeadlineEntry[]> => {
    const items = await site.graph.getAll<ListItem>(
      `/sites/${site.site.id}/lists/${deadlineMapping.list.displayName}/items?$expand=fields`,
    );
    return items
      .map((item) => fromFields(deadlineMapping, item.fields ?? {}))
      .filter((entry) => entry.kind === 'access-request');
  };
  return { ...site, deadlines };
}

describeAccessRequestStoreContract('SharePoint (Graph double)', async () => {
  const { graph, site, trail, deadlines, close } = await openSite();
  return { store: await openSharePointAccessRequestStore(graph, site.id), trail, deadlines, close };
});

const created = {
  at: '2026-03-02T08:00:00.000Z',
  actorId: 'mette-kjaer',
  action: 'access-request.created',
  procedureId: null,
  subjectId: 'ar-1',
  summary: 's',
  details: {},
};

describe('an access request on SharePoint', () => {
  it('is saved in two HTTP requests: the lookups, then request, deadline and trail in one ordered envelope', async () => {
    const { double, graph, site, close } = await openSite();
    try {
      const store = await openSharePointAccessRequestStore(graph, site.id);
      double.resetCounters();
      await store.saveAccessRequest(buildAccessRequest(), 0, created);
      expect({ httpRequests: double.counters.httpRequests, batches: double.counters.batches }).toEqual({
        httpRequests: 2,
        batches: 2,
      });
    } finally {
      await close();
    }
  });

  it('puts the request and its deadline back as they were when a later part of the save fails, and writes no trail entry', async () => {
    const { graph, site, trail, deadlines, close } = await openSite();
    try {
      const store = await openSharePointAccessRequestStore(graph, site.id);
      await store.saveAccessRequest(buildAccessRequest(), 0, created);
      // The Deadlines sub-request fails (its envelope answers with an error); the request was written.
      const failing: GraphClient = {
        ...graph,
        batch<T>(requests: BatchRequest[]) {
          return graph.batch<T>(
            requests.map((request) =>
              request.url.includes(`/items/`) && request.method === 'PATCH' && request.afterTheOthers
                ? { ...request, url: `${request.url}/broken` }
                : request,
            ),
          );
        },
      };
      const broken = await openSharePointAccessRequestStore(failing, site.id);
      const answered = buildAccessRequest({ deadlineOn: '2026-04-01' as never, subject: 'Ændret', etag: 2 });
      await expect(broken.saveAccessRequest(answered, 1, { ...created, action: 'x' })).rejects.toThrow();
      expect(await store.getAccessRequest('ar-1')).toEqual(buildAccessRequest());
      expect((await deadlines()).map((entry) => entry.dueOn)).toEqual(['2026-03-11']);
      expect((await trail()).map((entry) => entry.action)).toEqual(['access-request.created']);

      // Answering: the request is written and its deadline deleted, then the trail entry fails.
      const trailFails = openSharePointAccessRequestStore(
        {
          ...graph,
          batch<T>(requests: BatchRequest[]) {
            return graph.batch<T>(
              requests.map((request) =>
                request.method === 'POST' && request.afterTheOthers
                  ? { ...request, url: `${request.url}/broken` }
                  : request,
              ),
            );
          },
        },
        site.id,
      );
      const answer = buildAccessRequest({
        state: 'answered',
        answer: { decision: 'refused', text: 'Afslag.', answeredOn: '2026-03-05' as never, answeredBy: 'mette-kjaer' },
        etag: 2,
      });
      await expect((await trailFails).saveAccessRequest(answer, 1, created)).rejects.toThrow();
      expect(await store.getAccessRequest('ar-1')).toEqual(buildAccessRequest());
      expect((await deadlines()).map((entry) => entry.dueOn)).toEqual(['2026-03-11']);
      expect((await trail()).map((entry) => entry.action)).toEqual(['access-request.created']);

      // And the same saves through the working client go through.
      await store.saveAccessRequest(answered, 1, created);
      expect(await store.getAccessRequest('ar-1')).toEqual(answered);
      await store.saveAccessRequest({ ...answer, etag: 3 }, 2, created);
      expect(await deadlines()).toEqual([]);
    } finally {
      await close();
    }
  });
});
