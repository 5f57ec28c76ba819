import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  downloadFile,
  driveChildrenPath,
  uploadFile,
  uploadFragmentBytes,
} from '../../functions/src/adapters/sharepoint/drive-files.js';
import {
  createGraphClient,
  type GraphClient,
  type ListItem,
} from '../../functions/src/adapters/sharepoint/graph-client.js';
import { GraphError } from '../../functions/src/adapters/sharepoint/graph-errors.js';
import { createListMirror, resolveListPaths } from '../../functions/src/adapters/sharepoint/sharepoint-delta-mirror.js';
import { startGraphDouble, type GraphDouble } from '../graph-double/graph-double.js';
import type { Site } from '../graph-double/tenant.js';

/**
 * Record/replay: for each kind of request the SharePoint adapter makes, the example response
 * that Microsoft's Graph reference gives (test/fixtures/graph/, each with its `_source`) is
 * served by a tiny replay server, and the adapter must read it. The second half checks that
 * the Graph double answers with at least the properties those examples show, so the double
 * cannot drift from Graph's shapes.
 */

type Fixture = { status: number; headers: Record<string, string>; body: Record<string, unknown> };

const docsRoot = 'https://graph.microsoft.com/v1.0';
/** The hosts of the examples' upload and download URLs, served by the replay server too. */
const docsFileHosts = ['https://sn3302.up.1drv.com', 'https://b0mpua-by3301.files.1drv.com'];
/** What the replay server answers for a downloaded file. */
const downloadedBytes = new TextEncoder().encode('The contents of the file goes here.');

function fixture(name: string): Fixture {
  const raw = JSON.parse(readFileSync(new URL(`../fixtures/graph/${name}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(raw['_source']).toMatch(/^microsoftgraph\/microsoft-graph-docs-contrib \S+\.md \(commit [0-9a-f]{40}\)$/);
  const body = Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('_')));
  return { status: raw['_status'] as number, headers: (raw['_headers'] as Record<string, string>) ?? {}, body };
}

type Seen = { method: string; path: string; headers: Record<string, string | string[] | undefined>; bytes: number };
type Route = {
  method: string;
  path: RegExp;
  answer: string | (() => string);
  /** Fills in what the example cannot know (where the next fragment starts). */
  adjust?: (body: Record<string, unknown>, request: Seen) => Record<string, unknown>;
};

let server: Server;
let origin = '';
let routes: Route[] = [];
let seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', origin);
      const path = decodeURIComponent(url.pathname) + url.search;
      seen.push({
        method: request.method ?? '',
        path,
        headers: request.headers,
        bytes: Buffer.concat(chunks).length,
      });
      const route = routes.find((candidate) => candidate.method === request.method && candidate.path.test(path));
      if (!route) {
        response.writeHead(501, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'notReplayed', message: `${request.method} ${path}` } }));
        return;
      }
      if (route.answer === 'bytes') {
        response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        response.end(Buffer.from(downloadedBytes));
        return;
      }
      const {
        status,
        headers,
        body: example,
      } = fixture(typeof route.answer === 'string' ? route.answer : route.answer());
      const body = route.adjust ? route.adjust(example, seen.at(-1)!) : example;
      // Graph links to itself and to its file hosts: the documented hosts become the replay server.
      const local = (text: string) =>
        docsFileHosts.reduce((all, host) => all.replaceAll(host, origin), text.replaceAll(docsRoot, `${origin}/v1.0`));
      const answerHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, local(value)]));
      if (Object.keys(body).length === 0) {
        response.writeHead(status, answerHeaders);
        response.end();
        return;
      }
      response.writeHead(status, { 'Content-Type': 'application/json', ...answerHeaders });
      response.end(local(JSON.stringify(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  routes = [];
  seen = [];
});

function graph(): GraphClient {
  return createGraphClient({ tokens: async () => 'token', baseUrl: `${origin}/v1.0`, sleep: async () => {} });
}

const siteId = 'contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE';

describe('the adapter reads the example responses of the Graph reference', () => {
  it('site-getbypath: the site id', async () => {
    routes = [
      { method: 'GET', path: /^\/v1\.0\/sites\/contoso\.sharepoint\.com:\/sites\/kvalitet$/, answer: 'site-getbypath' },
    ];
    const site = await graph().get<{ id: string }>('/sites/contoso.sharepoint.com:/sites/kvalitet');
    expect(site.id).toBe(siteId);
  });

  it('list-get: list paths resolved by title', async () => {
    routes = [{ method: 'GET', path: /^\/v1\.0\/sites\/[^/]+\/lists\/People$/, answer: 'list-get' }];
    const paths = await resolveListPaths(graph(), siteId, [{ key: 'people', displayName: 'People' }]);
    expect(paths.get('people')).toBe(`/sites/${siteId}/lists/1234-112-112-4`);
  });

  it('list-create: the new list id', async () => {
    routes = [{ method: 'POST', path: /^\/v1\.0\/sites\/[^/]+\/lists$/, answer: 'list-create' }];
    const created = await graph().request<{ id: string }>({
      method: 'POST',
      url: `/sites/${siteId}/lists`,
      body: { displayName: 'Books', list: { template: 'genericList' } },
    });
    expect(created).toMatchObject({ status: 201, body: { id: '22e03ef3-6ef4-424d-a1d3-92a337807c30' } });
  });

  it('listitem-list: items with their fields', async () => {
    routes = [{ method: 'GET', path: /\/items\?/, answer: 'listitem-list' }];
    const items = await graph().getAll<ListItem>(`/sites/${siteId}/lists/l/items?$expand=fields`);
    expect(items.map((item) => [item.id, item.fields?.['Name']])).toEqual([
      ['2', 'Gadget'],
      ['4', 'Widget'],
      ['7', 'Gizmo'],
    ]);
  });

  it('listitem-create, listitem-update: the created item and the updated fieldValueSet', async () => {
    routes = [
      { method: 'POST', path: /\/items$/, answer: 'listitem-create' },
      { method: 'PATCH', path: /\/items\/20\/fields$/, answer: 'listitem-update' },
    ];
    const client = graph();
    const created = await client.request<ListItem>({
      method: 'POST',
      url: `/sites/${siteId}/lists/l/items`,
      body: { fields: { Title: 'Widget' } },
    });
    expect(created).toMatchObject({ status: 201, body: { id: '20' } });
    const updated = await client.request<Record<string, unknown>>({
      method: 'PATCH',
      url: `/sites/${siteId}/lists/l/items/20/fields`,
      body: { Color: 'Fuchsia', Quantity: 934 },
      ifMatch: '"{X},1"',
    });
    expect(updated.body).toEqual({ Name: 'Widget', Color: 'Fuchsia', Quantity: 934 });
    expect(seen[1]!.headers['if-match']).toBe('"{X},1"');
  });

  it('listitem-delta: a mirror follows nextLink to the deltaLink and drops the deleted item', async () => {
    routes = [
      { method: 'GET', path: /\/items\/delta\?.*token=/, answer: 'listitem-delta-last' },
      { method: 'GET', path: /\/items\/delta/, answer: 'listitem-delta-first' },
    ];
    const mirror = createListMirror({ graph: graph(), listPath: `/sites/${siteId}/lists/l` });
    await expect(mirror.refresh()).resolves.toEqual({ changes: 5, full: true });
    expect([...mirror.items.keys()].sort()).toEqual(['1', '2']);
    expect(mirror.items.get('1')!.eTag).toBe('"{12AD05BB-59B8-43AA-9456-77C44E9BC066},756"');
    expect(seen.map((request) => request.path.replace(/^.*\/items\//, ''))).toEqual([
      'delta?$expand=fields',
      'delta?token=1230919asd190410jlka',
    ]);
  });

  it('json-batching: outcomes by id, failures as errors with their status and code', async () => {
    routes = [{ method: 'POST', path: /^\/v1\.0\/\$batch$/, answer: 'json-batching' }];
    const outcomes = await graph().batch(
      ['/a', '/b', '/c', '/d', '/e'].map((url) => ({ method: 'GET' as const, url })),
    );
    expect(outcomes.map((outcome) => [outcome.ok, outcome.status])).toEqual([
      [true, 200],
      [false, 403],
      [false, 403],
      [false, 405],
      [true, 200],
    ]);
    expect(outcomes[0]).toMatchObject({ body: { value: [{ displayName: 'User Administrator' }] } });
    const denied = outcomes[2] as { error: GraphError };
    expect(denied.error).toBeInstanceOf(GraphError);
    expect(denied.error).toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
    expect((outcomes[1] as { error: GraphError }).error).toMatchObject({ status: 403, code: 'http403' });
  });

  it('driveitem-put-content: a small file in one PUT', async () => {
    routes = [{ method: 'PUT', path: /:\/FileB\.txt:\/content$/, answer: 'driveitem-put-content' }];
    const item = await uploadFile(
      graph(),
      { driveId: 'b!drive', fileName: 'FileB.txt', mediaType: 'text/plain' },
      new TextEncoder().encode('The contents of the file goes here.'),
    );
    expect(item).toMatchObject({ id: '0123456789abc', name: 'FileB.txt', size: 35 });
  });

  it('driveitem-createuploadsession: fragments to the uploadUrl without a token, the last answered with the item', async () => {
    let fragments = 0;
    routes = [
      { method: 'POST', path: /:\/large\.pdf:\/createUploadSession$/, answer: 'driveitem-createuploadsession' },
      {
        method: 'PUT',
        path: /^\/up\//,
        answer: () => (++fragments < 2 ? 'upload-fragment-accepted' : 'upload-completed'),
        // The example's "26-" continues its own 26-byte fragment; here it continues ours.
        adjust: (body, request) => {
          const end = /bytes \d+-(\d+)\//.exec(String(request.headers['content-range']))?.[1];
          return 'nextExpectedRanges' in body ? { ...body, nextExpectedRanges: [`${Number(end) + 1}-`] } : body;
        },
      },
    ];
    const bytes = new Uint8Array(uploadFragmentBytes + 1_000_000);
    const item = await uploadFile(
      graph(),
      { driveId: 'b!drive', fileName: 'large.pdf', mediaType: 'application/pdf' },
      bytes,
    );
    expect(item).toMatchObject({ id: '912310013A123', name: 'largefile.vhd' });
    const puts = seen.filter((request) => request.method === 'PUT');
    expect(puts.map((request) => [request.path, request.bytes, request.headers.authorization])).toEqual([
      ['/up/fe6987415ace7X4e1eF866337', uploadFragmentBytes, undefined],
      ['/up/fe6987415ace7X4e1eF866337', 1_000_000, undefined],
    ]);
  });

  it('list-post-columns, columndefinition-update: the column as created and as changed', async () => {
    routes = [
      { method: 'POST', path: /\/lists\/l\/columns$/, answer: 'list-post-columns' },
      { method: 'PATCH', path: /\/lists\/l\/columns\/[^/]+$/, answer: 'columndefinition-update' },
    ];
    const client = graph();
    const created = await client.request<{ id: string; indexed: boolean }>({
      method: 'POST',
      url: `/sites/${siteId}/lists/l/columns`,
      body: { name: 'Title', text: {} },
    });
    expect(created).toMatchObject({
      status: 201,
      body: { id: '99ddcf45-e2f7-4f17-82b0-6fba34445103', indexed: false },
    });
    const updated = await client.request<{ required: boolean }>({
      method: 'PATCH',
      url: `/sites/${siteId}/lists/l/columns/${created.body.id}`,
      body: { required: true },
    });
    expect(updated.body.required).toBe(true);
  });

  it('listitem-delete: 204 without a body', async () => {
    routes = [{ method: 'DELETE', path: /\/items\/20$/, answer: 'listitem-delete' }];
    const deleted = await graph().request({ method: 'DELETE', url: `/sites/${siteId}/lists/l/items/20`, ifMatch: '*' });
    expect(deleted.status).toBe(204);
  });

  it('drive-get: the library drive id', async () => {
    routes = [{ method: 'GET', path: /\/lists\/[^/]+\/drive$/, answer: 'drive-get' }];
    const drive = await graph().get<{ id: string }>(`/sites/${siteId}/lists/l/drive`);
    expect(drive.id).toBe('b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7');
  });

  it('driveitem-get-content: follows the 302 to the preauthenticated URL and reads the bytes', async () => {
    routes = [
      { method: 'GET', path: /\/items\/item-1\/content$/, answer: 'driveitem-get-content' },
      { method: 'GET', path: /^\/y23vmagahszhxzlcvhasdhasghasodfi$/, answer: 'bytes' },
    ];
    const bytes = await downloadFile(graph(), 'b!drive', 'item-1');
    expect(new TextDecoder().decode(bytes)).toBe('The contents of the file goes here.');
    expect(seen.map((request) => request.path)).toEqual([
      '/v1.0/drives/b!drive/items/item-1/content',
      '/y23vmagahszhxzlcvhasdhasghasodfi',
    ]);
  });

  it('driveitem-post-children: the new folder id', async () => {
    routes = [{ method: 'POST', path: /\/items\/root\/children$/, answer: 'driveitem-post-children' }];
    const folder = await graph().request<{ id: string }>({
      method: 'POST',
      url: driveChildrenPath('b!drive'),
      body: { name: 'New Folder', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
    });
    expect(folder.body.id).toBe('ACEA49D1-1444-45A9-A1CB-68B1B28AE491');
  });
});

/** Property paths of a JSON value ("value[].fields" for arrays), leaves included. */
function shapeOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((entry) => shapeOf(entry, `${prefix}[]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...shapeOf(inner, path)];
  });
}

/** What the example shows and the double's answer lacks (the examples' own column names aside). */
function missing(example: unknown, actual: unknown): string[] {
  const have = new Set(shapeOf(actual));
  return [...new Set(shapeOf(example))].filter((path) => !/(^|\.)fields\./.test(path) && !have.has(path));
}

describe('the Graph double answers with the shapes of the reference examples', () => {
  let double: GraphDouble;
  let site: Site;
  let client: GraphClient;

  beforeAll(async () => {
    double = await startGraphDouble();
    site = double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
    client = createGraphClient({ tokens: async () => 'token', baseUrl: double.baseUrl, sleep: async () => {} });
  });
  afterAll(async () => double?.stop());

  it('for sites, lists, items, delta, batches, folders and uploads', async () => {
    const siteJson = await client.get('/sites/contoso.sharepoint.com:/sites/kvalitet');
    expect(missing(fixture('site-getbypath').body, siteJson)).toEqual([]);

    const createdList = await client.request<{ id: string }>({
      method: 'POST',
      url: `/sites/${site.id}/lists`,
      body: { displayName: 'Books', columns: [{ name: 'Author', text: {} }], list: { template: 'genericList' } },
    });
    expect(missing(fixture('list-create').body, createdList.body)).toEqual([]);
    const listPath = `/sites/${site.id}/lists/${createdList.body.id}`;
    expect(missing(fixture('list-get').body, await client.get(listPath))).toEqual([]);

    const textFacet = {
      allowMultipleLines: false,
      appendChangesToExistingText: false,
      linesForEditing: 0,
      maxLength: 255,
    };
    const column = await client.request<{ id: string }>({
      method: 'POST',
      url: `${listPath}/columns`,
      body: { name: 'Subtitle', description: 'test', text: textFacet },
    });
    expect(missing(fixture('list-post-columns').body, column.body)).toEqual([]);
    const changed = await client.request({
      method: 'PATCH',
      url: `${listPath}/columns/${column.body.id}`,
      body: { required: true },
    });
    expect(missing(fixture('columndefinition-update').body, changed.body)).toEqual([]);

    const createdItem = await client.request<ListItem>({
      method: 'POST',
      url: `${listPath}/items`,
      body: { fields: { Title: 'Widget', Author: 'Ryan' } },
    });
    expect(missing(fixture('listitem-create').body, createdItem.body)).toEqual([]);
    const updated = await client.request({
      method: 'PATCH',
      url: `${listPath}/items/${createdItem.body.id}/fields`,
      body: { Author: 'Anne' },
    });
    expect(updated.body).toMatchObject({ Author: 'Anne' });
    expect(missing(fixture('listitem-list').body, await client.get(`${listPath}/items?$expand=fields`))).toEqual([]);

    await client.request({ method: 'POST', url: `${listPath}/items`, body: { fields: { Title: 'Gadget' } } });
    const first = await client.get<Record<string, unknown>>(`${listPath}/items/delta?$top=1`);
    expect(missing({ value: fixture('listitem-delta-first').body['value'] }, first)).toEqual([]);
    expect(first['@odata.nextLink']).toEqual(expect.any(String));

    const batch = await client.request<Record<string, unknown>>({
      method: 'POST',
      url: '/$batch',
      body: {
        requests: [
          { id: '1', method: 'GET', url: `${listPath}/items?$expand=fields` },
          { id: '2', method: 'GET', url: `${listPath}/items/999` },
        ],
      },
    });
    expect(
      missing(fixture('json-batching').body, batch.body).filter(
        // Bodies are the example's own requests; of the headers, each service sends its own.
        (path) => !path.includes('.body.') && !/\.headers\.(?!Content-Type$)/.test(path),
      ),
    ).toEqual([]);

    const library = await client.request<{ id: string }>({
      method: 'POST',
      url: `/sites/${site.id}/lists`,
      body: { displayName: 'Documents', list: { template: 'documentLibrary' } },
    });
    const drive = await client.get<{ id: string }>(`/sites/${site.id}/lists/${library.body.id}/drive`);
    const folder = await client.request({
      method: 'POST',
      url: driveChildrenPath(drive.id),
      body: { name: 'New Folder', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
    });
    expect(missing(fixture('driveitem-post-children').body, folder.body)).toEqual([]);
    const small = await uploadFile(
      client,
      { driveId: drive.id, fileName: 'FileB.txt', mediaType: 'text/plain' },
      new Uint8Array(35),
    );
    expect(missing(fixture('driveitem-put-content').body, small)).toEqual([]);
    const session = await client.request({
      method: 'POST',
      url: `/drives/${drive.id}/items/root:/large.pdf:/createUploadSession`,
      body: { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
    });
    expect(missing(fixture('driveitem-createuploadsession').body, session.body)).toEqual([]);
  });
});
