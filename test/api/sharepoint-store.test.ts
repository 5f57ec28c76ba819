import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import { openSharePointStore, type SharePointStore } from '../../functions/src/adapters/sharepoint/sharepoint-store.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import type { Approval, Procedure, ProcedureVersion } from '../../functions/src/core/types.js';
import { startGraphDouble, type GraphDouble } from '../graph-double/graph-double.js';
import type { Site } from '../graph-double/tenant.js';

/** The SharePoint store's write path against a provisioned Graph double (the rest: test/contract/). */

let double: GraphDouble;
let store: SharePointStore;
let siteOf: Site;

beforeAll(async () => {
  double = await startGraphDouble();
  const site = double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
  siteOf = site;
  const graph = createGraphClient({ tokens: async () => 'token', baseUrl: double.baseUrl, sleep: async () => {} });
  await provision(graph, { siteUrl: 'https://contoso.sharepoint.com/sites/kvalitet', dryRun: false });
  store = await openSharePointStore(graph, site.id);
});
afterAll(async () => double?.stop());
beforeEach(() => double.resetCounters());

function buildProcedure(overrides: Partial<Procedure> = {}): Procedure {
  return {
    id: 'p-1',
    code: 'TM-01-01',
    title: 'Tilsyn med virksomheder',
    level: 'core',
    area: 'Miljøtilsyn',
    unitId: 'u-miljo',
    ownerId: 'peter-lund',
    approverId: 'anne-birk',
    approverDesignatedBy: null,
    audience: { unitIds: ['u-miljo'], roles: ['caseworker'] },
    reviewIntervalMonths: 12,
    standards: [{ standard: 'ISO 9001', clauses: ['7.5'] }],
    legalBasis: ['Miljøbeskyttelsesloven § 65'],
    currentVersionId: null,
    draftVersionId: 'v-1',
    approvedOn: null,
    lastReviewedOn: null,
    nextReviewOn: '2026-03-01' as LocalDate,
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    updatedBy: 'peter-lund',
    etag: 1,
    ...overrides,
  };
}

const draft: ProcedureVersion = {
  id: 'v-1',
  procedureId: 'p-1',
  state: 'draft',
  major: null,
  minor: null,
  kind: null,
  authorId: 'peter-lund',
  file: {
    ref: 'sha-abc',
    name: 'tilsyn.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    size: 1234,
    sha256: 'abc',
  },
  text: 'Tilsyn',
  html: '<p>Tilsyn</p>',
  changeSummary: null,
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-01T09:00:00.000Z',
  publishedAt: null,
  approvedBy: null,
  supersededByVersionId: null,
  obsoleteAt: null,
  makerIds: null,
};

const trail = (action: string, at: string) => ({
  at,
  actorId: 'peter-lund',
  action,
  procedureId: 'p-1',
  subjectId: 'p-1',
  summary: action,
  details: { by: 'test' },
});

describe('the SharePoint store', () => {
  it('writes a new procedure with its draft and trail, and reads every record back as it was', async () => {
    await store.commit({
      procedures: [buildProcedure()],
      versions: [draft],
      trail: [trail('procedure.created', '2025-03-01T09:00:00.000Z')],
    });
    expect(await store.getProcedure('p-1')).toEqual(buildProcedure());
    expect(await store.getProcedureByCode('TM-01-01')).toEqual(buildProcedure());
    expect(await store.listVersions('p-1')).toEqual([draft]);
    expect(await store.listTrail('p-1')).toEqual([
      { seq: expect.any(Number), ...trail('procedure.created', '2025-03-01T09:00:00.000Z') },
    ]);
  });

  it('applies a ChangeSet with the procedure first, fenced by its eTag', async () => {
    const approval: Approval = {
      id: 'a-1',
      procedureId: 'p-1',
      versionId: 'v-1',
      requestedBy: 'peter-lund',
      requestedAt: '2025-03-02T09:00:00.000Z',
      approverId: 'anne-birk',
      changeSummary: 'Første udgave',
      kind: 'major',
      decision: null,
      decidedBy: null,
      decidedAt: null,
      comment: null,
    };
    await store.commit({
      expect: { procedureId: 'p-1', etag: 1 },
      procedures: [buildProcedure({ etag: 2, updatedAt: '2025-03-02T09:00:00.000Z' })],
      versions: [{ ...draft, state: 'pending', changeSummary: 'Første udgave' }],
      approvals: [approval],
      trail: [trail('draft.submitted', '2025-03-02T09:00:00.000Z')],
    });
    const writes = double.counters.log.filter((entry) => entry.method !== 'GET');
    expect(writes[0]).toMatchObject({ method: 'PATCH', status: 200 });
    // Guard read, procedure PATCH, then a key lookup and a write per version and approval, the
    // deadline index (a $batch of lookups of the procedure's review entry and the approval's, and
    // one of their two writes), and the trail: 11 requests.
    expect(double.counters).toMatchObject({ requests: 11, writes: 6, resourceUnits: 22 });
    expect((await store.getProcedure('p-1'))?.etag).toBe(2);
    expect(await store.listOpenApprovalsFor('anne-birk')).toEqual([approval]);
    expect((await store.getVersion('v-1'))?.state).toBe('pending');
    // The deadline index holds the procedure's review entry and the open approval's, as on SQLite.
    const deadlines = [...double.tenant.list(siteOf, 'Deadlines').items.values()].map((item) => item.fields);
    expect(deadlines.map((fields) => fields['KhKey']).sort()).toEqual(['approval:a-1', 'review:p-1']);
    expect(deadlines.find((fields) => fields['KhKey'] === 'approval:a-1')).toMatchObject({
      KhKind: 'approval',
      KhSubjectKey: 'a-1',
      KhResponsibleKey: 'anne-birk',
      KhDueOn: '2025-03-02',
    });
  });

  it('refuses a stale etag with CONFLICT and writes nothing', async () => {
    const refused = await store
      .commit({
        expect: { procedureId: 'p-1', etag: 1 },
        procedures: [buildProcedure({ etag: 2, title: 'Ændret' })],
        trail: [trail('metadata.updated', '2025-03-03T09:00:00.000Z')],
      })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'stale', changedBy: 'peter-lund' } });
    expect(double.counters.writes).toBe(0);
  });

  it('lets one of two concurrent writers through: the other gets CONFLICT from If-Match before writing anything', async () => {
    const attempt = (title: string) =>
      store.commit({
        expect: { procedureId: 'p-1', etag: 2 },
        procedures: [buildProcedure({ etag: 3, title })],
        trail: [trail(`renamed to ${title}`, '2025-03-04T09:00:00.000Z')],
      });
    const outcomes = await Promise.allSettled([attempt('Første'), attempt('Anden')]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT', details: { reason: 'stale' } });
    const actions = (await store.listTrail('p-1')).map((entry) => entry.action);
    expect(actions.filter((action) => action.startsWith('renamed to'))).toHaveLength(1);
    expect(actions.at(-1)).toBe(`renamed to ${(await store.getProcedure('p-1'))!.title}`);
  });

  it('refuses a second procedure with the same code as DUPLICATE', async () => {
    await expect(store.commit({ procedures: [buildProcedure({ id: 'p-2' })] })).rejects.toMatchObject({
      code: 'DUPLICATE',
      details: { field: 'code' },
    });
  });
});
