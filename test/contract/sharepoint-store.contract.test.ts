import { describe, expect, it } from 'vitest';
import { createGraphClient, type GraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import { openSharePointDocumentStore } from '../../functions/src/adapters/sharepoint/sharepoint-document-store.js';
import {
  createFields,
  personMapping,
  toFields,
  unitMapping,
} from '../../functions/src/adapters/sharepoint/sharepoint-records.js';
import { openSharePointStore } from '../../functions/src/adapters/sharepoint/sharepoint-store.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import { startGraphDouble, type GraphDouble } from '../graph-double/graph-double.js';
import {
  buildApproval,
  buildProcedure,
  buildVersion,
  describeStoreContract,
  people,
  units,
  type Directory,
} from './store-contract.js';

/**
 * The Store contract on SharePoint lists, through the Graph double: a fresh provisioned site per
 * test, units and people written as list items (as a directory sync would).
 */

async function provisionedSite() {
  const double = await startGraphDouble();
  const site = double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
  const graph = createGraphClient({ tokens: async () => 'token', baseUrl: double.baseUrl, sleep: async () => {} });
  await provision(graph, { siteUrl: 'https://contoso.sharepoint.com/sites/kvalitet', dryRun: false });
  return { double, site, graph };
}

async function seed(graph: GraphClient, siteId: string, directory: Directory): Promise<void> {
  const post = (list: string, fields: Record<string, unknown>) =>
    graph.request({
      method: 'POST',
      url: `/sites/${siteId}/lists/${list}/items`,
      body: { fields: createFields(fields) },
    });
  for (const unit of directory.units) await post(unitMapping.list.displayName, toFields(unitMapping, unit));
  for (const person of directory.people) await post(personMapping.list.displayName, toFields(personMapping, person));
}

describeStoreContract('SharePoint (Graph double)', async () => {
  const { double, site, graph } = await provisionedSite();
  return {
    store: await openSharePointStore(graph, site.id),
    seed: (directory) => seed(graph, site.id, directory),
    close: () => double.stop(),
  };
});

describe('the SharePoint store: what a typical submit and approve costs', () => {
  it('counts requests and resource units of submit + approve', async () => {
    const { double, site, graph } = await provisionedSite();
    try {
      await seed(graph, site.id, { units, people });
      const store = await openSharePointStore(graph, site.id);
      await store.commit({ procedures: [buildProcedure({ draftVersionId: 'v-1' })], versions: [buildVersion()] });

      double.resetCounters();
      await store.commit({
        expect: { procedureId: 'p-1', etag: 1 },
        procedures: [buildProcedure({ draftVersionId: 'v-1', etag: 2 })],
        versions: [buildVersion({ state: 'pending', changeSummary: 'Første udgave' })],
        approvals: [buildApproval()],
        trail: [
          {
            at: 't',
            actorId: 'peter-lund',
            action: 'draft.submitted',
            procedureId: 'p-1',
            subjectId: 'v-1',
            summary: 's',
            details: {},
          },
        ],
      });
      const submit = { ...double.counters };
      double.resetCounters();
      await store.commit({
        expect: { procedureId: 'p-1', etag: 2 },
        procedures: [buildProcedure({ currentVersionId: 'v-1', etag: 3 })],
        versions: [
          buildVersion({
            state: 'published',
            major: 1,
            minor: 0,
            kind: 'major',
            approvedBy: 'anne-birk',
            publishedAt: 't2',
            makerIds: ['peter-lund', 'anne-birk'],
          }),
        ],
        approvals: [buildApproval({ decision: 'approved', decidedBy: 'anne-birk', decidedAt: 't2' })],
        trail: [
          {
            at: 't2',
            actorId: 'anne-birk',
            action: 'version.approved',
            procedureId: 'p-1',
            subjectId: 'v-1',
            summary: 's',
            details: {},
          },
        ],
      });
      const approve = { ...double.counters };
      // Submit: guard read, procedure PATCH, version lookup + PATCH, approval lookup + POST, the
      // deadline index's review and approval entries (a lookup and a write each, as sub-requests
      // of the commit's own envelopes), trail POST.
      expect({ requests: submit.requests, writes: submit.writes, resourceUnits: submit.resourceUnits }).toEqual({
        requests: 11,
        writes: 6,
        resourceUnits: 22,
      });
      // Approve: the same; no acknowledgement request per reader (the version records its makers).
      // In the deadline index the review entry is rewritten, the approval's removed and ONE
      // acknowledgement entry for the version written (a lookup and a write each).
      expect({ requests: approve.requests, writes: approve.writes, resourceUnits: approve.resourceUnits }).toEqual({
        requests: 13,
        writes: 7,
        resourceUnits: 26,
      });
      const cost = async (read: () => Promise<unknown>) => {
        double.resetCounters();
        await read();
        return { requests: double.counters.requests, resourceUnits: double.counters.resourceUnits };
      };
      const viewer = { id: 'ole-sorensen', isCoordinator: false };
      // Reads: the handbook list is two indexed queries (published, unpublished), the search
      // index's sources three (published procedures, units, people) and its stamp none, open
      // acknowledgements four (stored requests, acknowledgements, published procedures, the person).
      expect({
        list: await cost(() =>
          store.listProcedures({
            viewer,
            today: '2026-01-01' as LocalDate,
            sort: 'code',
            order: 'asc',
            limit: 50,
            offset: 0,
          }),
        ),
        searchSources: await cost(() => store.listSearchSources()),
        searchStamp: await cost(() => store.searchStamp()),
        openApprovals: await cost(() => store.listOpenApprovalsFor('anne-birk')),
        openAcknowledgements: await cost(() => store.listOpenAcknowledgementsFor('ole-sorensen')),
      }).toEqual({
        list: { requests: 2, resourceUnits: 4 },
        searchSources: { requests: 3, resourceUnits: 6 },
        searchStamp: { requests: 0, resourceUnits: 0 },
        openApprovals: { requests: 1, resourceUnits: 2 },
        openAcknowledgements: { requests: 4, resourceUnits: 8 },
      });
      expect((await store.listSearchSources()).map((source) => source.title)).toHaveLength(1);
    } finally {
      await double.stop();
    }
  });
});

describe('the SharePoint document store', () => {
  it('stores bytes content-addressed in the library and reads them back', async () => {
    const provisioned = await provisionedSite();
    const double: GraphDouble = provisioned.double;
    try {
      const documents = await openSharePointDocumentStore(provisioned.graph, provisioned.site.id);
      const bytes = new TextEncoder().encode('Procedure ÆØÅ');
      const first = await documents.put(bytes);
      const again = await documents.put(bytes);
      expect(again).toEqual(first);
      expect(first).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: bytes.byteLength });
      expect(await documents.get(first.ref)).toEqual(bytes);
      const other = await documents.put(new TextEncoder().encode('Andet'));
      expect(other.ref).not.toBe(first.ref);
      const large = new Uint8Array(5 * 1024 * 1024).map((_, index) => index % 251);
      const big = await documents.put(large);
      // Compared as buffers: a deep equality over 5 million elements takes many seconds.
      expect(Buffer.from(await documents.get(big.ref)).equals(Buffer.from(large))).toBe(true);
      await expect(documents.get('../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(documents.get('01NOSUCHITEM')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await double.stop();
    }
  });
});
