import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadFile, uploadFile } from '../../functions/src/adapters/sharepoint/drive-files.js';
import {
  createGraphClient,
  type GraphClient,
  type ListItem,
} from '../../functions/src/adapters/sharepoint/graph-client.js';
import { GraphError } from '../../functions/src/adapters/sharepoint/graph-errors.js';
import { createResourceUnitMeter } from '../../functions/src/adapters/sharepoint/resource-units.js';
import { startGraphDouble, type GraphDouble } from '../graph-double/graph-double.js';
import type { Site } from '../graph-double/tenant.js';

/** The Graph client preset against the loopback Graph double: the documented behaviours, end to end. */

let double: GraphDouble;
let site: Site;
let sleeps: number[];

beforeAll(async () => {
  double = await startGraphDouble();
  site = double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
});
afterAll(async () => double?.stop());
beforeEach(() => {
  sleeps = [];
  double.resetCounters();
});

function graph(options: { token?: string } = {}): GraphClient {
  return createGraphClient({
    tokens: async () => options.token ?? 'test-token',
    baseUrl: double.baseUrl,
    sleep: async (ms) => void sleeps.push(ms),
    meter: createResourceUnitMeter(),
  });
}

let listCounter = 0;
async function createList(client: GraphClient, columns: Record<string, unknown>[] = []) {
  const displayName = `Test list ${++listCounter}`;
  const response = await client.request<{ id: string }>({
    method: 'POST',
    url: `/sites/${site.id}/lists`,
    body: { displayName, columns, list: { template: 'genericList' } },
  });
  return { id: response.body.id, path: `/sites/${site.id}/lists/${response.body.id}`, displayName };
}

describe('the Graph client against the Graph double', () => {
  it('resolves a site by path and refuses requests without a token', async () => {
    const found = await graph().get<{ id: string }>('/sites/contoso.sharepoint.com:/sites/kvalitet');
    expect(found.id).toBe(site.id);
    const refused = await graph({ token: '' })
      .get('/sites/contoso.sharepoint.com:/sites/kvalitet')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphError);
    expect(refused).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    await expect(graph().get(`/sites/${site.id}/lists/Nope`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('updates fields with If-Match and refuses a stale eTag with CONFLICT, changing nothing', async () => {
    const client = graph();
    const list = await createList(client, [{ name: 'KhCode', text: {}, indexed: true }]);
    const created = await client.request<ListItem>({
      method: 'POST',
      url: `${list.path}/items`,
      body: { fields: { Title: 'A', KhCode: 'KH-1' } },
    });
    const first = created.body.eTag!;
    await client.request({
      method: 'PATCH',
      url: `${list.path}/items/${created.body.id}/fields`,
      body: { Title: 'B' },
      ifMatch: first,
    });
    const stale = await client
      .request({
        method: 'PATCH',
        url: `${list.path}/items/${created.body.id}/fields`,
        body: { Title: 'C' },
        ifMatch: first,
      })
      .catch((error: unknown) => error);
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { reason: 'stale' } });
    const item = await client.get<ListItem<{ Title: string }>>(`${list.path}/items/${created.body.id}?$expand=fields`);
    expect(item.fields!.Title).toBe('B');
  });

  it('filters on an indexed column and pages with $top and @odata.nextLink', async () => {
    const client = graph();
    const list = await createList(client, [
      { name: 'KhStatus', choice: { choices: ['draft', 'published'] }, indexed: true },
      { name: 'KhArea', text: {} },
    ]);
    for (let index = 0; index < 7; index++)
      await client.request({
        method: 'POST',
        url: `${list.path}/items`,
        body: { fields: { Title: `P${index}`, KhStatus: index % 2 ? 'draft' : 'published', KhArea: 'Miljø' } },
      });
    double.resetCounters();
    const filter = encodeURIComponent("fields/KhStatus eq 'published'");
    const items = await client.getAll<ListItem<{ Title: string }>>(
      `${list.path}/items?$expand=fields&$filter=${filter}&$top=2`,
    );
    expect(items.map((item) => item.fields!.Title)).toEqual(['P0', 'P2', 'P4', 'P6']);
    expect(double.counters.requests).toBe(2);
    expect(double.counters.resourceUnits).toBe(4);
  });

  it('refuses a filter on a column that is not indexed, and with Prefer fails past 5,000 items', async () => {
    const client = graph();
    const list = await createList(client, [{ name: 'KhArea', text: {} }]);
    const filter = encodeURIComponent("fields/KhArea eq 'Miljø'");
    const url = `${list.path}/items?$expand=fields&$filter=${filter}`;
    const plain = await client.get(url).catch((error: unknown) => error);
    expect(plain).toMatchObject({ status: 400, code: 'invalidRequest' });
    expect((plain as Error).message).toMatch(/not indexed/);
    const prefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    await expect(client.get(url, prefer)).resolves.toMatchObject({ value: [] });
    double.seedItems(site, list.displayName, 5_001, (index) => ({ Title: `I${index}`, KhArea: 'Miljø' }));
    const large = await client.get(url, prefer).catch((error: unknown) => error);
    expect(large).toBeInstanceOf(GraphError);
    expect(large).toMatchObject({ status: 422, code: 'notSupported', innerCode: 'tooManyResources' });
  });

  it('filters on one indexed field at a time (a range on one is one), and refuses two', async () => {
    const client = graph();
    const list = await createList(client, [
      { name: 'KhOwner', text: {}, indexed: true },
      { name: 'KhStatus', choice: { choices: ['draft', 'published'] }, indexed: true },
      { name: 'KhDue', dateTime: { format: 'dateOnly' }, indexed: true },
    ]);
    const items = (filter: string) =>
      client.get(`${list.path}/items?$expand=fields&$filter=${encodeURIComponent(filter)}`);
    await expect(items("fields/KhOwner eq 'ane'")).resolves.toMatchObject({ value: [] });
    await expect(items("fields/KhDue ge '2026-01-01' and fields/KhDue le '2026-12-31'")).resolves.toMatchObject({
      value: [],
    });
    const two = await items("fields/KhOwner eq 'ane' and fields/KhStatus eq 'published'").catch(
      (error: unknown) => error,
    );
    expect(two).toBeInstanceOf(GraphError);
    expect(two).toMatchObject({ status: 400, code: 'invalidRequest' });
    expect((two as Error).message).toMatch(/more than one indexed field/);
  });

  it('refuses null in a new item’s fields and clears a value with null on update', async () => {
    const client = graph();
    const list = await createList(client, [{ name: 'KhArea', text: {} }]);
    const refused = await client
      .request({ method: 'POST', url: `${list.path}/items`, body: { fields: { Title: 'A', KhArea: null } } })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 400, code: 'invalidRequest' });
    const created = await client.request<ListItem>({
      method: 'POST',
      url: `${list.path}/items`,
      body: { fields: { Title: 'A', KhArea: 'Miljø' } },
    });
    await client.request({
      method: 'PATCH',
      url: `${list.path}/items/${created.body.id}/fields`,
      body: { KhArea: null },
    });
    const item = await client.get<ListItem>(`${list.path}/items/${created.body.id}?$expand=fields`);
    expect(item.fields!['KhArea']).toBeNull();
  });

  it.each([409, 400, 500] as const)(
    'reports a duplicate in a unique column (compared case-insensitively) answered with %i as DUPLICATE',
    async (status) => {
      const client = graph();
      const list = await createList(client, [{ name: 'KhKey', text: {}, indexed: true, enforceUniqueValues: true }]);
      await client.request({
        method: 'POST',
        url: `${list.path}/items`,
        body: { fields: { Title: 'A', KhKey: 'abc' } },
      });
      double.tenant.duplicateStatus = status;
      try {
        const duplicate = await client
          .request({ method: 'POST', url: `${list.path}/items`, body: { fields: { Title: 'B', KhKey: 'ABC' } } })
          .catch((error: unknown) => error);
        expect(duplicate).toMatchObject({ code: 'DUPLICATE' });
        const [outcome] = await client.batch([
          { method: 'POST', url: `${list.path}/items`, body: { fields: { Title: 'C', KhKey: 'Abc' } } },
        ]);
        expect(outcome).toMatchObject({ ok: false, status, error: { code: 'DUPLICATE' } });
      } finally {
        double.tenant.duplicateStatus = 409;
      }
    },
  );

  it('honours $select inside $expand=fields(...)', async () => {
    const client = graph();
    const list = await createList(client, [
      { name: 'KhArea', text: {} },
      { name: 'KhCode', text: {} },
    ]);
    const created = await client.request<ListItem>({
      method: 'POST',
      url: `${list.path}/items`,
      body: { fields: { Title: 'A', KhArea: 'Miljø', KhCode: 'TM-1' } },
    });
    const [listed] = await client.getAll<ListItem>(`${list.path}/items?$expand=fields($select=Title,KhCode)`);
    expect(Object.keys(listed!.fields!).sort()).toEqual(['@odata.etag', 'KhCode', 'Title']);
    const one = await client.get<ListItem>(`${list.path}/items/${created.body.id}?expand=fields(select=KhArea)`);
    expect(one.fields).toEqual({ '@odata.etag': one.eTag, KhArea: 'Miljø' });
  });

  it('waits out a 429 with Retry-After and counts the throttled request in resource units', async () => {
    const client = graph();
    double.throttle({ times: 1, retryAfterSeconds: 3, scope: 'request' });
    await client.get(`/sites/${site.id}`);
    expect(sleeps).toEqual([3_000]);
    expect(double.counters).toMatchObject({ requests: 2, throttled: 1, resourceUnits: 2 });
    expect(client.meter.total).toBe(2);
  });

  it('batches in chunks of 20 and re-sends only the sub-requests Graph throttled', async () => {
    const client = graph();
    const list = await createList(client);
    double.resetCounters();
    const spentBefore = client.meter.total;
    double.throttle({ times: 2, retryAfterSeconds: 5, scope: 'subrequest' });
    const outcomes = await client.batch(
      Array.from({ length: 25 }, (_, index) => ({
        method: 'POST' as const,
        url: `${list.path}/items`,
        body: { fields: { Title: `B${index}` } },
      })),
    );
    expect(outcomes.every((outcome) => outcome.ok && outcome.status === 201)).toBe(true);
    expect(double.counters.batches).toBe(3);
    expect(double.counters.throttled).toBe(2);
    expect(double.counters.writes).toBe(27);
    expect(sleeps).toEqual([5_000]);
    const titles = (await client.getAll<ListItem<{ Title: string }>>(`${list.path}/items?$expand=fields`)).map(
      (item) => item.fields!.Title,
    );
    expect(titles).toHaveLength(25);
    expect(new Set(titles).size).toBe(25);
    expect(client.meter.total - spentBefore).toBe(double.counters.resourceUnits);
  });

  it('runs a sub-request marked afterTheOthers only after the rest of its envelope, and re-sends it behind a throttled one', async () => {
    const client = graph();
    const list = await createList(client);
    const post = (title: string, afterTheOthers = false) => ({
      method: 'POST' as const,
      url: `${list.path}/items`,
      body: { fields: { Title: title } },
      ...(afterTheOthers ? { afterTheOthers } : {}),
    });
    double.resetCounters();
    double.throttle({ times: 1, retryAfterSeconds: 2, scope: 'subrequest' });
    const outcomes = await client.batch([post('A'), post('B'), post('Last', true)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([201, 201, 201]);
    // A was throttled, so B and Last were not run (424) and went again with it, in order.
    expect(double.counters.batches).toBe(2);
    expect(sleeps).toEqual([2_000]);
    const titles = (await client.getAll<ListItem<{ Title: string }>>(`${list.path}/items?$expand=fields`)).map(
      (item) => item.fields!.Title,
    );
    expect(titles).toEqual(['A', 'B', 'Last']);

    // A failure before it: it is not run at all.
    const failed = await client.batch([
      { method: 'PATCH' as const, url: `${list.path}/items/9999/fields`, body: { Title: 'x' } },
      post('Never', true),
    ]);
    expect(failed.map((outcome) => outcome.status)).toEqual([404, 424]);
    const after = (await client.getAll<ListItem<{ Title: string }>>(`${list.path}/items?$expand=fields`)).map(
      (item) => item.fields!.Title,
    );
    expect(after).not.toContain('Never');
  });

  it('reads changes by delta, then only what changed, and resyncs when the token expired', async () => {
    const client = graph();
    const list = await createList(client);
    for (const title of ['a', 'b', 'c'])
      await client.request({ method: 'POST', url: `${list.path}/items`, body: { fields: { Title: title } } });
    const initial = await client.delta<{ Title: string }>(list.path);
    expect(initial.items.map((item) => item.fields!.Title)).toEqual(['a', 'b', 'c']);
    expect(initial.resynced).toBe(false);

    await client.request({ method: 'PATCH', url: `${list.path}/items/2/fields`, body: { Title: 'b2' } });
    await client.request({ method: 'DELETE', url: `${list.path}/items/3` });
    double.resetCounters();
    const changes = await client.delta<{ Title: string }>(list.path, initial.deltaLink);
    expect(changes.items).toEqual([
      expect.objectContaining({ id: '2', fields: expect.objectContaining({ Title: 'b2' }) }),
      { id: '3', deleted: { state: 'deleted' } },
    ]);
    expect(double.counters.resourceUnits).toBe(1);

    double.expireDeltaTokens(site, list.displayName);
    const resynced = await client.delta<{ Title: string }>(list.path, changes.deltaLink);
    expect(resynced.resynced).toBe(true);
    expect(resynced.items.map((item) => item.fields!.Title)).toEqual(['a', 'b2']);
    const quiet = await client.delta(list.path, resynced.deltaLink);
    expect(quiet.items).toEqual([]);
  });

  it('uploads small files in one PUT and large ones through an upload session, and reads them back', async () => {
    const client = graph();
    const library = await client.request<{ id: string }>({
      method: 'POST',
      url: `/sites/${site.id}/lists`,
      body: { displayName: 'Filer', list: { template: 'documentLibrary' } },
    });
    const drive = await client.get<{ id: string }>(`/sites/${site.id}/lists/${library.body.id}/drive`);
    const small = new TextEncoder().encode('# Procedure\n');
    const large = new Uint8Array(5 * 1024 * 1024 + 123).map((_, index) => index % 251);
    double.resetCounters();
    const smallItem = await uploadFile(
      client,
      { driveId: drive.id, fileName: 'KH-1.md', mediaType: 'text/markdown' },
      small,
    );
    const largeItem = await uploadFile(
      client,
      { driveId: drive.id, fileName: 'KH-2.pdf', mediaType: 'application/pdf' },
      large,
    );
    expect(double.counters.log.map((entry) => `${entry.method} ${entry.path.split('?')[0]}`)).toEqual([
      `PUT /drives/${drive.id}/items/root:/KH-1.md:/content`,
      `POST /drives/${drive.id}/items/root:/KH-2.pdf:/createUploadSession`,
      ...Array.from({ length: 2 }, () => expect.stringMatching(/^PUT \/upload-sessions\//)),
    ]);
    expect(largeItem.size).toBe(large.length);
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    expect(same(await downloadFile(client, drive.id, smallItem.id), small)).toBe(true);
    expect(same(await downloadFile(client, drive.id, largeItem.id), large)).toBe(true);
    const listItem = await client.get<ListItem<{ FileLeafRef: string }>>(
      `/drives/${drive.id}/items/${largeItem.id}/listItem?$expand=fields`,
    );
    expect(listItem.fields!.FileLeafRef).toBe('KH-2.pdf');
  });
});
