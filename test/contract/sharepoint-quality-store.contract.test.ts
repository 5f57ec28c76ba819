import { describe, expect, it } from 'vitest';
import {
  createGraphClient,
  type BatchRequest,
  type GraphClient,
  type ListItem,
} from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import { openSharePointQualityStore } from '../../functions/src/adapters/sharepoint/sharepoint-quality-store.js';
import { createJsonFiles } from '../../functions/src/adapters/sharepoint/sharepoint-json-files.js';
import {
  correctiveActionMapping,
  findingMapping,
  fieldOf,
  frozenRecordMapping,
  fromFields,
  toFields,
  trailMapping,
} from '../../functions/src/adapters/sharepoint/sharepoint-records.js';
import { frozenRecordOf } from '../../functions/src/core/frozen-records.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import { startGraphDouble } from '../graph-double/graph-double.js';
import {
  buildAction,
  buildAudit,
  buildFinding,
  buildLargePack,
  buildOccurrence,
  describeQualityStoreContract,
} from './quality-store-contract.js';

/**
 * The QualityStore contract on SharePoint lists, through the Graph double: a fresh provisioned
 * site per test; the trail is read from the AuditTrail list (item id order).
 */
export async function provisionedQualitySite() {
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
  return { double, site, graph, trail };
}

describeQualityStoreContract('SharePoint (Graph double)', async () => {
  const { double, site, graph, trail } = await provisionedQualitySite();
  return {
    store: await openSharePointQualityStore(graph, site.id),
    trail,
    close: () => double.stop(),
  };
});

describe('the SharePoint quality store: races and costs', () => {
  it('undoes the guarded writes that succeeded when another guarded write loses a race, and says CONFLICT', async () => {
    const { double, site, graph, trail } = await provisionedQualitySite();
    try {
      const store = await openSharePointQualityStore(graph, site.id);
      await store.commit({ findings: [buildFinding({ correctiveActionId: null })], audits: [buildAudit()] });
      // Someone else writes the finding after our lookup batch and before our guarded writes.
      let lookups = 0;
      const racing: GraphClient = {
        ...graph,
        async batch<T>(requests: BatchRequest[]) {
          const outcomes = await graph.batch<T>(requests);
          if (requests.every((request) => request.method === 'GET') && lookups++ === 0) {
            const [item] = await graph.getAll<ListItem>(
              `/sites/${site.id}/lists/${findingMapping.list.displayName}/items?$expand=fields`,
            );
            await graph.request({
              method: 'PATCH',
              url: `/sites/${site.id}/lists/${findingMapping.list.displayName}/items/${item!.id}/fields`,
              body: toFields(findingMapping, buildFinding({ grade: 'minor', etag: 2, updatedBy: 'peter-lund' })),
            });
          }
          return outcomes;
        },
      };
      const raced = await openSharePointQualityStore(racing, site.id);
      const before = await Promise.all([store.listAudits(), store.listCorrectiveActions()]);
      const error = await raced
        .commit({
          expect: [
            { collection: 'audits', id: 'audit-1', etag: 1 },
            { collection: 'correctiveActions', id: 'ca-1', etag: 0 },
            { collection: 'findings', id: 'f-1', etag: 1 },
          ],
          audits: [buildAudit({ status: 'in-progress', etag: 2 })],
          correctiveActions: [buildAction()],
          findings: [buildFinding({ etag: 2 })],
          occurrences: [buildOccurrence()],
          trail: [
            {
              at: 't',
              actorId: 'anne-birk',
              action: 'action.created',
              procedureId: null,
              subjectId: 'ca-1',
              summary: 's',
              details: {},
            },
          ],
        })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        details: { collection: 'findings', id: 'f-1', etag: 2, updatedBy: 'peter-lund' },
      });
      expect(await Promise.all([store.listAudits(), store.listCorrectiveActions()])).toEqual(before);
      expect(await store.listFindings()).toEqual([buildFinding({ grade: 'minor', etag: 2, updatedBy: 'peter-lund' })]);
      expect(await store.listOccurrences()).toEqual([]);
      expect(await trail()).toEqual([]);
    } finally {
      await double.stop();
    }
  });

  it('counts the requests of typical commits and reads', async () => {
    const { double, site, graph } = await provisionedQualitySite();
    try {
      const store = await openSharePointQualityStore(graph, site.id);
      await store.commit({ audits: [buildAudit()], findings: [buildFinding({ correctiveActionId: null })] });
      const entry = { at: 't', actorId: 'anne-birk', procedureId: null, summary: 's', details: {} };
      const cost = async (work: () => Promise<unknown>) => {
        double.resetCounters();
        await work();
        const { httpRequests, requests, writes, resourceUnits } = double.counters;
        return { httpRequests, requests, writes, resourceUnits };
      };
      const counts = {
        // Record a finding's corrective action: the action (new) and the finding, both fenced.
        createAction: await cost(() =>
          store.commit({
            expect: [
              { collection: 'findings', id: 'f-1', etag: 1 },
              { collection: 'correctiveActions', id: 'ca-1', etag: 0 },
            ],
            findings: [buildFinding({ etag: 2 })],
            correctiveActions: [buildAction()],
            trail: [{ ...entry, action: 'action.created', subjectId: 'ca-1' }],
          }),
        ),
        // Regenerate a year's årshjul: 12 occurrences, unfenced; the one trail entry rides in their
        // envelope, after them (two HTTP requests: the lookups and the writes).
        regenerateYearWheel: await cost(() =>
          store.commit({
            occurrences: Array.from({ length: 12 }, (_, index) =>
              buildOccurrence({
                id: `occ-${index}`,
                dueOn: `2026-${String(index + 1).padStart(2, '0')}-01` as LocalDate,
              }),
            ),
            trail: [{ ...entry, action: 'yearwheel.generated', subjectId: '2026' }],
          }),
        ),
        listFindingsOfAudit: await cost(() => store.listFindings({ auditId: 'audit-1' })),
        listOccurrencesOfYear: await cost(() =>
          store.listOccurrences({ from: '2026-01-01' as LocalDate, to: '2026-12-31' as LocalDate }),
        ),
      };
      expect(counts).toEqual({
        // The deadline index's entries are sub-requests of the commit's own envelopes: the action's
        // entry (a lookup and a write); the regenerated occurrences' entries (completed ones have
        // none, so only lookups and deletes of absent items) add envelopes past 20 sub-requests.
        createAction: { httpRequests: 3, requests: 7, writes: 4, resourceUnits: 14 },
        regenerateYearWheel: { httpRequests: 4, requests: 37, writes: 13, resourceUnits: 74 },
        listFindingsOfAudit: { httpRequests: 1, requests: 1, writes: 0, resourceUnits: 2 },
        listOccurrencesOfYear: { httpRequests: 1, requests: 1, writes: 0, resourceUnits: 2 },
      });
    } finally {
      await double.stop();
    }
  });
});

describe('corrective actions written before the segregation-of-duties columns existed', () => {
  it('read back with implementedBy null and involvedIds [] (issue 10, item 4)', () => {
    const fields = toFields(correctiveActionMapping, buildAction());
    const implementedBy = fieldOf(correctiveActionMapping, 'implementedBy');
    const involved = fieldOf(correctiveActionMapping, 'involvedKeys');
    expect(fields[involved]).toBe(JSON.stringify(buildAction().involvedIds));
    const { [implementedBy]: _by, [involved]: _involved, ...legacy } = fields;
    expect(fromFields(correctiveActionMapping, legacy)).toEqual(buildAction({ implementedBy: null, involvedIds: [] }));
  });
});

describe('a frozen pack longer than a multi-line column holds (issue 16)', () => {
  it('is kept as a hash-checked JSON file in the library’s drive, the item holding a pointer to it', async () => {
    const { double, site, graph } = await provisionedQualitySite();
    try {
      const frozen = frozenRecordOf('management-evaluation', 'me-2026', {
        asOf: '2026-03-12' as LocalDate,
        payload: buildLargePack(220_000),
        at: '2026-03-12T14:00:00.000Z',
        by: 'mette-kjaer',
      });
      // Written inline, the double refuses the item as SharePoint does (more than 63,999 characters).
      const inline = await openSharePointQualityStore(graph, site.id, {
        jsonFiles: createJsonFiles(() => Promise.reject(new Error('unused')), Number.MAX_SAFE_INTEGER),
      });
      await expect(inline.commit({ frozenRecords: [frozen] })).rejects.toThrow(/at most 63999 characters/);

      const store = await openSharePointQualityStore(graph, site.id);
      await store.commit({ frozenRecords: [frozen] });
      const list = double.tenant.list(site, frozenRecordMapping.list.displayName);
      const [item] = [...list.items.values()];
      const column = String(item!.fields[fieldOf(frozenRecordMapping, 'payload')]);
      expect(column.length).toBeLessThan(1_000);
      const pointer = JSON.parse(column) as { khJsonFile: { ref: string; sha256: string; size: number } };
      expect(pointer.khJsonFile.size).toBeGreaterThan(200_000);
      const library = site.lists.find((candidate) => candidate.displayName === 'Procedurer')!;
      const file = double.tenant.drive(library.driveId!).items.get(pointer.khJsonFile.ref)!;
      expect(file.name).toBe(pointer.khJsonFile.sha256);
      expect(await store.getFrozenRecord('management-evaluation', 'me-2026')).toEqual(frozen);

      // A file changed behind the app's back is refused, never shown as the record.
      file.bytes = new TextEncoder().encode(JSON.stringify(buildLargePack(220_000, 'Manipuleret')));
      await expect(store.getFrozenRecord('management-evaluation', 'me-2026')).rejects.toMatchObject({
        code: 'INTERNAL',
      });
    } finally {
      await double.stop();
    }
  });
});
