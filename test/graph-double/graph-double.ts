import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FilterSyntaxError, matches, parseFilter } from './odata-filter.js';
import {
  columnJson,
  DoubleError,
  driveItemJson,
  fieldsJson,
  listItemJson,
  listJson,
  Tenant,
  type Drive,
  type List,
  type Site,
} from './tenant.js';

/**
 * A Microsoft Graph double on loopback (node:http, port 0) that behaves as documented for the
 * subset the SharePoint adapter uses. Each handler names the page whose shapes it follows.
 * It also keeps SharePoint's books: requests, writes and resource units per the cost table in
 * https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
 * (1 RU single item read or delta with a token or a download; 2 RU query, delta without token
 * or write), so tests can measure what a piece of code costs.
 */

export type Operation = {
  method: string;
  /** Path below the version root, with its query string. */
  path: string;
  status: number;
  units: number;
  viaBatch: boolean;
  /** The Authorization header it came with (a `$batch` sub-request: the envelope's). */
  authorization: string;
};

export type Counters = {
  /** Graph operations: top-level requests plus `$batch` sub-requests (the envelope itself is not one). */
  requests: number;
  reads: number;
  /** POST, PUT, PATCH and DELETE operations (a `$batch` envelope is not a write). */
  writes: number;
  resourceUnits: number;
  throttled: number;
  batches: number;
  /** Everything that reached the socket, envelopes, uploads and downloads included. */
  httpRequests: number;
  log: Operation[];
};

export type ThrottleRule = {
  /** How many matching operations get throttled before the rule runs out. */
  times: number;
  status?: 429 | 503;
  retryAfterSeconds?: number;
  /** 'subrequest' throttles only inside `$batch`, 'request' only outside it. */
  scope?: 'any' | 'request' | 'subrequest';
  match?: RegExp;
};

export type GraphDouble = {
  /** The version root, e.g. http://127.0.0.1:40123/v1.0 */
  baseUrl: string;
  tenant: Tenant;
  counters: Counters;
  resetCounters(): void;
  throttle(rule: ThrottleRule): void;
  addSite(hostname: string, path: string): Site;
  /** Fills a list directly (no requests counted): for lists past the 5,000-item view threshold. */
  seedItems(site: Site, list: string, count: number, fields: (index: number) => Record<string, unknown>): void;
  /** Makes every delta token of the list expire: the next delta call with one gets 410 Gone. */
  expireDeltaTokens(site: Site, list: string): void;
  stop(): Promise<void>;
};

type Answer = { status: number; headers?: Record<string, string>; body?: unknown };
type Op = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  raw: Uint8Array;
  viaBatch: boolean;
};
type Route = { units: number; run: () => Answer };

/** "The list view threshold": queries that scan more items than this fail unless they use an index. */
export const listViewThreshold = 5_000;
/** Simple upload "only supports files up to 4MB": https://learn.microsoft.com/en-us/graph/api/driveitem-put-content */
export const simpleUploadLimit = 4 * 1024 * 1024;
/** Upload session fragments must be multiples of 320 KiB: https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession */
export const uploadFragmentUnit = 320 * 1024;
const defaultPageSize = 200;

export async function startGraphDouble(options: { clock?: () => Date } = {}): Promise<GraphDouble> {
  const tenant = new Tenant(options.clock);
  const counters = emptyCounters();
  const rules: ThrottleRule[] = [];
  const sessions = new Map<string, UploadSession>();
  let origin = '';

  const server: Server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      send(response, { status: 500, body: errorBody(500, 'generalException', String(error)) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const baseUrl = `${origin}/v1.0`;

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    counters.httpRequests += 1;
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', origin);
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([key, value]) => [
        key,
        Array.isArray(value) ? value.join(', ') : (value ?? ''),
      ]),
    );
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith('/upload-sessions/'))
      return send(response, upload(path.slice('/upload-sessions/'.length), request.method ?? '', headers, raw));
    if (path.startsWith('/downloads/')) return send(response, download(path.slice('/downloads/'.length)));
    if (!path.startsWith('/v1.0/'))
      return send(response, failure(new DoubleError(400, 'BadRequest', `Invalid version: ${path}`)));
    if (!/^Bearer \S+/.test(headers['authorization'] ?? ''))
      return send(response, failure(new DoubleError(401, 'InvalidAuthenticationToken', 'Access token is empty.')));
    const type = headers['content-type'] ?? '';
    const body = type.includes('json') && raw.length > 0 ? JSON.parse(Buffer.from(raw).toString('utf8')) : undefined;
    const op: Op = {
      method: request.method ?? 'GET',
      path: path.slice('/v1.0'.length),
      query: url.searchParams,
      headers,
      body,
      raw,
      viaBatch: false,
    };
    if (op.method === 'POST' && op.path === '/$batch') return send(response, batch(op));
    send(response, dispatch(op));
  }

  /** One Graph operation: route, throttle, run, count. */
  function dispatch(op: Op): Answer {
    let route: Route;
    try {
      route = routeOf(op);
    } catch (error) {
      return record(op, failure(error), 0);
    }
    const rule = rules.find(
      (candidate) =>
        candidate.times > 0 &&
        (candidate.scope ?? 'any') !== (op.viaBatch ? 'request' : 'subrequest') &&
        (!candidate.match || candidate.match.test(op.path)),
    );
    if (rule) {
      rule.times -= 1;
      counters.throttled += 1;
      // Throttled requests count against the limits too. Shape: https://learn.microsoft.com/en-us/graph/throttling
      const status = rule.status ?? 429;
      return record(
        op,
        {
          status,
          headers: { 'Retry-After': String(rule.retryAfterSeconds ?? 1) },
          body: errorBody(
            status,
            status === 429 ? 'TooManyRequests' : 'serviceNotAvailable',
            'Please retry again later.',
          ),
        },
        route.units,
      );
    }
    let answer: Answer;
    try {
      answer = route.run();
    } catch (error) {
      answer = failure(error);
    }
    return record(op, answer, route.units);
  }

  function record(op: Op, answer: Answer, units: number): Answer {
    const query = op.query.toString();
    counters.requests += 1;
    if (op.method === 'GET') counters.reads += 1;
    else counters.writes += 1;
    counters.resourceUnits += units;
    counters.log.push({
      method: op.method,
      path: query ? `${op.path}?${query}` : op.path,
      status: answer.status,
      units,
      viaBatch: op.viaBatch,
      authorization: op.headers['authorization'] ?? '',
    });
    return answer;
  }

  /** JSON batching: https://learn.microsoft.com/en-us/graph/json-batching */
  function batch(envelope: Op): Answer {
    counters.batches += 1;
    const requests = (envelope.body as { requests?: BatchItem[] } | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0)
      return failure(new DoubleError(400, 'BadRequest', 'Invalid batch payload format.'));
    if (requests.length > 20)
      return failure(
        new DoubleError(400, 'BadRequest', 'Unable to deserialize content: Number of batch requests exceeds 20.'),
      );
    const ids = new Set(requests.map((item) => String(item.id).toLowerCase()));
    if (ids.size !== requests.length)
      return failure(new DoubleError(400, 'BadRequest', 'Batch request ids must be unique.'));
    const statusById = new Map<string, number>();
    const responses = requests.map((item) => {
      const failedDependency = (item.dependsOn ?? []).some((id) => (statusById.get(id) ?? 424) >= 400);
      const answer: Answer = failedDependency
        ? { status: 424, body: errorBody(424, 'FailedDependency', 'A request this one depends on failed.') }
        : dispatch(subOperation(envelope, item));
      statusById.set(item.id, answer.status);
      return {
        id: item.id,
        status: answer.status,
        headers: { 'Content-Type': 'application/json', ...answer.headers },
        ...(answer.body !== undefined ? { body: answer.body } : {}),
      };
    });
    return { status: 200, body: { responses } };
  }

  function subOperation(envelope: Op, item: BatchItem): Op {
    const url = new URL(`${origin}/v1.0/${String(item.url).replace(/^\/+/, '')}`);
    const headers = Object.fromEntries(
      Object.entries(item.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
    );
    return {
      method: String(item.method).toUpperCase(),
      path: decodeURIComponent(url.pathname).slice('/v1.0'.length),
      query: url.searchParams,
      headers: { authorization: envelope.headers['authorization'] ?? '', ...headers },
      body: item.body,
      raw: new Uint8Array(),
      viaBatch: true,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Routes. A route's units are what SharePoint charges for it.

  function routeOf(op: Op): Route {
    const { method, path } = op;
    const sites = /^\/sites\/(.+)$/.exec(path);
    if (sites) return siteRoute(op, sites[1]!);
    const drives = /^\/drives\/([^/]+)\/(?:items\/([^/:]+)|(root))(.*)$/.exec(path);
    if (drives) return driveRoute(op, tenant.drive(drives[1]!), drives[2] ?? 'root', drives[4]!);
    throw new DoubleError(400, 'BadRequest', `Resource not found for the segment in ${method} ${path}.`);
  }

  function siteRoute(op: Op, afterSites: string): Route {
    // /sites/{hostname}:/{path}[:/rest] or /sites/{site-id}[/rest]
    let site: Site;
    let rest: string;
    const byPath = /^([^/:]+):(\/[^:]*)(?::(\/.*))?$/.exec(afterSites);
    if (byPath) {
      site = tenant.siteByPath(byPath[1]!, byPath[2]!);
      rest = byPath[3] ?? '';
    } else {
      const slash = afterSites.indexOf('/');
      site = tenant.siteById(slash === -1 ? afterSites : afterSites.slice(0, slash));
      rest = slash === -1 ? '' : afterSites.slice(slash);
    }
    const { method } = op;
    const expand = expandOf(op.query);
    const body = (op.body ?? {}) as Record<string, unknown>;

    if (rest === '' && method === 'GET')
      // https://learn.microsoft.com/en-us/graph/api/site-getbypath
      return single(() => ok(200, siteJson(site)));
    if (rest === '/lists' && method === 'GET')
      // https://learn.microsoft.com/en-us/graph/api/list-list
      return query(() => ok(200, { value: site.lists.map((list) => listJson(site, list, false)) }));
    if (rest === '/lists' && method === 'POST')
      // https://learn.microsoft.com/en-us/graph/api/list-create: 201 Created and the list
      return write(() => ok(201, listJson(site, tenant.createList(site, body), true)));

    const listMatch = /^\/lists\/([^/]+)(\/.*)?$/.exec(rest);
    if (!listMatch) throw new DoubleError(400, 'BadRequest', `Unsupported site route ${method} ${rest}`);
    const list = () => tenant.list(site, listMatch[1]!);
    const below = listMatch[2] ?? '';

    if (below === '' && method === 'GET')
      // https://learn.microsoft.com/en-us/graph/api/list-get (by id or title, ?expand=columns)
      return single(() => ok(200, listJson(site, list(), expand.has('columns'))));
    if (below === '/columns' && method === 'GET')
      // https://learn.microsoft.com/en-us/graph/api/list-list-columns
      return query(() => ok(200, { value: list().columns.map(columnJson) }));
    if (below === '/columns' && method === 'POST')
      // https://learn.microsoft.com/en-us/graph/api/list-post-columns: 201 Created
      return write(() => ok(201, columnJson(tenant.createColumn(list(), body))));
    const column = /^\/columns\/([^/]+)$/.exec(below);
    if (column && method === 'PATCH')
      // https://learn.microsoft.com/en-us/graph/api/columndefinition-update
      return write(() => ok(200, columnJson(tenant.updateColumn(list(), column[1]!, body))));
    if (below === '/drive' && method === 'GET')
      // https://learn.microsoft.com/en-us/graph/api/drive-get ("the document library of a list")
      return single(() => {
        const driveId = list().driveId;
        if (!driveId) throw new DoubleError(404, 'itemNotFound', 'This list has no drive.');
        return ok(200, { id: driveId, driveType: 'documentLibrary', name: list().displayName });
      });
    if (below === '/items' && method === 'GET') return query(() => listItems(op, site, list()));
    if (below === '/items' && method === 'POST')
      // https://learn.microsoft.com/en-us/graph/api/listitem-create: { fields: {...} } → 201 listItem
      return write(() => {
        const fields = (body['fields'] as Record<string, unknown>) ?? {};
        // A new item has no value to clear: a null in the create's fieldValueSet is refused
        // (leave the field out instead).
        for (const [name, value] of Object.entries(fields))
          if (value === null)
            throw new DoubleError(
              400,
              'invalidRequest',
              `Field '${name}' is null; leave a field out to leave it empty.`,
            );
        const created = tenant.createItem(list(), fields);
        return ok(201, listItemJson(site, list(), created, true));
      });
    if (below === '/items/delta' && method === 'GET') {
      const token = op.query.get('token');
      return { units: token ? 1 : 2, run: () => delta(op, site, list()) };
    }
    const item = /^\/items\/([^/]+)(\/fields)?$/.exec(below);
    if (item && !item[2] && method === 'GET')
      // https://learn.microsoft.com/en-us/graph/api/listitem-get
      return single(() =>
        ok(
          200,
          listItemJson(site, list(), tenant.item(list(), item[1]!), expand.has('fields'), fieldSelectOf(op.query)),
        ),
      );
    if (item && item[2] && method === 'PATCH')
      // https://learn.microsoft.com/en-us/graph/api/listitem-update: 200 and the fieldValueSet; 412 when If-Match is stale
      return write(() => ok(200, fieldsJson(tenant.updateFields(list(), item[1]!, body, op.headers['if-match']))));
    if (item && !item[2] && method === 'DELETE')
      // https://learn.microsoft.com/en-us/graph/api/listitem-delete: 204 No Content
      return write(() => {
        tenant.deleteItem(list(), item[1]!, op.headers['if-match']);
        return { status: 204 };
      });
    throw new DoubleError(400, 'BadRequest', `Unsupported list route ${method} ${below}`);
  }

  /**
   * List items with $expand=fields, $filter on fields/X, $top and paging by @odata.nextLink.
   * https://learn.microsoft.com/en-us/graph/api/listitem-list: filtering on a column that is not
   * indexed is refused unless the request carries `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`;
   * with it, the query still fails once the list is past the 5,000-item view threshold
   * (422 notSupported / tooManyResources, "The request is unprocessable because it uses too
   * many resources", as reported in microsoftgraph/microsoft-graph-docs#13611).
   */
  function listItems(op: Op, site: Site, list: List): Answer {
    let items = [...list.items.values()];
    const source = op.query.get('$filter') ?? op.query.get('filter');
    if (source) {
      let filter;
      try {
        filter = parseFilter(source);
      } catch (error) {
        if (error instanceof FilterSyntaxError) throw new DoubleError(400, 'invalidRequest', error.message);
        throw error;
      }
      const honoursNonIndexed = /HonorNonIndexedQueriesWarningMayFailRandomly/i.test(op.headers['prefer'] ?? '');
      const indexedFields = new Set<string>();
      for (const { field } of filter.all) {
        const column = tenant.columnForField(list, field);
        if (!column) throw new DoubleError(400, 'invalidRequest', `Field '${field}' is not recognized`);
        if (column.indexed) {
          indexedFields.add(column.name);
          // "When filtering on indexed fields, the service can only filter one indexed field at a
          // time" (listitem-list). A range on one field (ge … and le …) is one field.
          if (indexedFields.size > 1)
            throw new DoubleError(
              400,
              'invalidRequest',
              `The query filters on more than one indexed field (${[...indexedFields].join(', ')}); only one indexed field can be filtered at a time.`,
            );
          continue;
        }
        if (!honoursNonIndexed)
          throw new DoubleError(
            400,
            'invalidRequest',
            `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
          );
        if (list.items.size > listViewThreshold)
          throw new DoubleError(
            422,
            'notSupported',
            'The request is unprocessable because it uses too many resources',
            'tooManyResources',
          );
      }
      items = items.filter((item) => matches(filter, fieldsJson(item)));
    }
    const top = Number(op.query.get('$top') ?? op.query.get('top') ?? defaultPageSize);
    const offset = Number(op.query.get('$skiptoken') ?? 0);
    const page = items.slice(offset, offset + top);
    const withFields = expandOf(op.query).has('fields');
    const select = fieldSelectOf(op.query);
    const next = offset + top < items.length ? linkWith(op, { $skiptoken: String(offset + top) }) : undefined;
    return ok(200, {
      value: page.map((item) => listItemJson(site, list, item, withFields, select)),
      ...(next ? { '@odata.nextLink': next } : {}),
    });
  }

  /**
   * listItem delta: https://learn.microsoft.com/en-us/graph/api/listitem-delta
   * Pages carry @odata.nextLink until the last, which carries @odata.deltaLink; a token from
   * before `expireDeltaTokens` gets 410 Gone with a Location that starts a fresh enumeration.
   */
  function delta(op: Op, site: Site, list: List): Answer {
    const raw = op.query.get('token');
    const top = Number(op.query.get('$top') ?? defaultPageSize);
    let position: DeltaPosition;
    if (raw === null) position = { epoch: list.deltaEpoch, since: -1, until: list.changeSeq, offset: 0 };
    else if (raw === 'latest')
      position = { epoch: list.deltaEpoch, since: list.changeSeq, until: list.changeSeq, offset: 0 };
    else {
      const decoded = decodeToken(raw);
      if (!decoded) throw new DoubleError(400, 'invalidRequest', 'Invalid delta token');
      if (decoded.epoch !== list.deltaEpoch)
        throw new DoubleError(
          410,
          'resyncRequired',
          'The delta token is no longer valid; start a new enumeration.',
          'resyncChangesApplyDifferences',
          { Location: linkWith(op, { token: null }) },
        );
      position = { ...decoded, until: decoded.until ?? list.changeSeq };
    }
    const fresh = position.since < 0;
    const changed = [...list.items.values()].filter(
      (item) => fresh || (item.changeSeq > position.since && item.changeSeq <= position.until),
    );
    const deleted = fresh
      ? []
      : list.tombstones.filter((tomb) => tomb.changeSeq > position.since && tomb.changeSeq <= position.until);
    const entries = [
      ...changed.map((item) => ({
        id: item.id,
        json: listItemJson(site, list, item, expandOf(op.query).has('fields'), fieldSelectOf(op.query)),
      })),
      ...deleted.map((tomb) => ({ id: tomb.id, json: { id: tomb.id, deleted: { state: 'deleted' } } })),
    ].sort((a, b) => Number(a.id) - Number(b.id));
    const page = raw === 'latest' ? [] : entries.slice(position.offset, position.offset + top);
    const more = raw !== 'latest' && position.offset + top < entries.length;
    const link = more
      ? { '@odata.nextLink': linkWith(op, { token: encodeToken({ ...position, offset: position.offset + top }) }) }
      : {
          '@odata.deltaLink': linkWith(op, {
            token: encodeToken({ epoch: list.deltaEpoch, since: position.until, until: null, offset: 0 }),
          }),
        };
    return ok(200, { value: page.map((entry) => entry.json), ...link });
  }

  function driveRoute(op: Op, drive: Drive, itemId: string, rest: string): Route {
    const { method } = op;
    const byName = /^:\/(.+?):\/(content|createUploadSession)$/.exec(rest);
    if (byName && byName[2] === 'content' && method === 'PUT')
      // https://learn.microsoft.com/en-us/graph/api/driveitem-put-content: new file 201, replaced 200
      return write(() => {
        if (op.raw.length > simpleUploadLimit)
          // The page says simple upload "only supports files up to 4MB"; 413 is the errors page's status for it.
          throw new DoubleError(413, 'requestEntityTooLarge', 'Use an upload session for files larger than 4 MB.');
        const { file, created } = tenant.putFile(
          drive,
          itemId,
          byName[1]!,
          op.raw,
          op.headers['content-type'] ?? 'application/octet-stream',
        );
        return ok(created ? 201 : 200, driveItemJson(drive, file));
      });
    if (byName && byName[2] === 'createUploadSession' && method === 'POST')
      // https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession: 200 { uploadUrl, expirationDateTime }
      return write(() => {
        const id = randomUUID();
        const expires = new Date(Date.parse(tenant.now()) + 15 * 60_000).toISOString();
        sessions.set(id, {
          driveId: drive.id,
          parentId: itemId,
          name: byName[1]!,
          received: [],
          next: 0,
          total: null,
          expires,
        });
        return ok(200, {
          uploadUrl: `${origin}/upload-sessions/${id}`,
          expirationDateTime: expires,
          nextExpectedRanges: ['0-'],
        });
      });
    if (rest === '/content' && method === 'GET')
      // https://learn.microsoft.com/en-us/graph/api/driveitem-get-content: 302 Found to a pre-authenticated URL
      return {
        units: 1,
        run: () => {
          tenant.driveItem(drive, itemId);
          return { status: 302, headers: { Location: `${origin}/downloads/${drive.id}/${itemId}` } };
        },
      };
    if (rest === '/children' && method === 'POST')
      // https://learn.microsoft.com/en-us/graph/api/driveitem-post-children: { name, folder: {} } → 201;
      // with "@microsoft.graph.conflictBehavior": "fail" an existing name is 409 nameAlreadyExists
      return write(() => {
        const body = (op.body ?? {}) as Record<string, unknown>;
        if (typeof body['name'] !== 'string' || body['folder'] === undefined)
          throw new DoubleError(400, 'invalidRequest', 'Only folders can be created here.');
        const behaviour = body['@microsoft.graph.conflictBehavior'] ?? 'fail';
        const exists = [...drive.items.values()].some((file) => file.parentId === itemId && file.name === body['name']);
        if (exists && behaviour === 'fail')
          throw new DoubleError(409, 'nameAlreadyExists', 'The specified item name already exists.');
        const { file } = tenant.putFolder(drive, itemId, body['name']);
        return ok(201, driveItemJson(drive, file));
      });
    if (rest === '/listItem' && method === 'GET')
      // driveItem's listItem relationship: https://learn.microsoft.com/en-us/graph/api/resources/driveitem
      return single(() => {
        const file = tenant.driveItem(drive, itemId);
        const list = tenant.listOfDrive(drive);
        const site = tenant.siteById(drive.siteId);
        return ok(200, listItemJson(site, list, tenant.item(list, file.listItemId), expandOf(op.query).has('fields')));
      });
    if (rest === '' && method === 'GET')
      return single(() => ok(200, driveItemJson(drive, tenant.driveItem(drive, itemId))));
    throw new DoubleError(400, 'BadRequest', `Unsupported drive route ${method} ${rest}`);
  }

  /** PUT to an uploadUrl: Content-Range fragments in order, multiples of 320 KiB; no Authorization header. */
  function upload(id: string, method: string, headers: Record<string, string>, raw: Uint8Array): Answer {
    const session = sessions.get(id);
    const op: Op = {
      method,
      path: `/upload-sessions/${id}`,
      query: new URLSearchParams(),
      headers,
      body: undefined,
      raw,
      viaBatch: false,
    };
    const answer = ((): Answer => {
      if (!session) return failure(new DoubleError(404, 'itemNotFound', 'The upload session was not found.'));
      if (method === 'DELETE') {
        sessions.delete(id);
        return { status: 204 };
      }
      if (headers['authorization'])
        // "If you include the Authorization header when issuing the PUT call, it may result in an HTTP 401 Unauthorized response."
        return failure(new DoubleError(401, 'unauthenticated', 'Do not send Authorization to the upload URL.'));
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(headers['content-range'] ?? '');
      if (!range) return failure(new DoubleError(400, 'invalidRange', 'Content-Range is required.'));
      const [from, to, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
      if (session.total !== null && session.total !== total)
        return failure(new DoubleError(400, 'invalidRange', 'The declared file size changed.'));
      if (from !== session.next || to - from + 1 !== raw.length)
        return failure(new DoubleError(416, 'invalidRange', 'Requested Range Not Satisfiable'));
      if (to + 1 < total && raw.length % uploadFragmentUnit !== 0)
        return failure(new DoubleError(400, 'invalidRange', 'Fragments must be a multiple of 320 KiB.'));
      if (raw.length >= 60 * 1024 * 1024)
        return failure(new DoubleError(413, 'requestEntityTooLarge', 'Fragment too large.'));
      session.total = total;
      session.received.push(raw);
      session.next = to + 1;
      if (session.next < total)
        return ok(202, { expirationDateTime: session.expires, nextExpectedRanges: [`${session.next}-`] });
      sessions.delete(id);
      const drive = tenant.drive(session.driveId);
      const bytes = Buffer.concat(session.received);
      const { file } = tenant.putFile(
        drive,
        session.parentId,
        session.name,
        new Uint8Array(bytes),
        'application/octet-stream',
      );
      return ok(201, driveItemJson(drive, file));
    })();
    return record(op, answer, 2);
  }

  function download(rest: string): Answer {
    try {
      const [driveId, itemId] = rest.split('/');
      const file = tenant.driveItem(tenant.drive(driveId!), itemId!);
      return { status: 200, headers: { 'Content-Type': file.mimeType }, body: file.bytes };
    } catch (error) {
      return failure(error);
    }
  }

  function linkWith(op: Op, params: Record<string, string | null>): string {
    const query = new URLSearchParams(op.query);
    for (const [key, value] of Object.entries(params)) {
      if (value === null) query.delete(key);
      else query.set(key, value);
    }
    const text = query.toString();
    return `${baseUrl}${op.path}${text ? `?${text}` : ''}`;
  }

  return {
    baseUrl,
    tenant,
    counters,
    resetCounters() {
      Object.assign(counters, emptyCounters());
    },
    throttle(rule) {
      rules.push({ ...rule });
    },
    addSite: (hostname, path) => tenant.addSite(hostname, path),
    seedItems(site, listName, count, fields) {
      const list = tenant.list(site, listName);
      for (let index = 0; index < count; index++) tenant.createItem(list, fields(index));
    },
    expireDeltaTokens(site, listName) {
      tenant.list(site, listName).deltaEpoch += 1;
    },
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

type BatchItem = {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
};
type UploadSession = {
  driveId: string;
  parentId: string;
  name: string;
  received: Uint8Array[];
  next: number;
  total: number | null;
  expires: string;
};
type DeltaPosition = { epoch: number; since: number; until: number; offset: number };

const single = (run: () => Answer): Route => ({ units: 1, run });
const query = (run: () => Answer): Route => ({ units: 2, run });
const write = (run: () => Answer): Route => ({ units: 2, run });
const ok = (status: number, body: unknown): Answer => ({ status, body });

function emptyCounters(): Counters {
  return { requests: 0, reads: 0, writes: 0, resourceUnits: 0, throttled: 0, batches: 0, httpRequests: 0, log: [] };
}

function expandOf(query: URLSearchParams): Set<string> {
  const value = query.get('$expand') ?? query.get('expand') ?? '';
  return new Set(
    value
      .split(',')
      .map((part) => part.replace(/\(.*$/, '').trim())
      .filter(Boolean),
  );
}

/**
 * The columns named by `$expand=fields($select=A,B)` (or `fields(select=A,B)`, as listitem-list
 * writes it), or null when the expansion selects nothing: then every field comes back.
 */
export function fieldSelectOf(query: URLSearchParams): Set<string> | null {
  const value = query.get('$expand') ?? query.get('expand') ?? '';
  const inner = /(?:^|,)\s*fields\s*\(([^)]*)\)/.exec(value)?.[1];
  if (!inner) return null;
  const select = /(?:^|;)\s*\$?select=([^;]*)/.exec(inner)?.[1];
  if (!select) return null;
  return new Set(
    select
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

function siteJson(site: Site): Record<string, unknown> {
  return {
    id: site.id,
    name: site.path.split('/').pop(),
    displayName: site.displayName,
    createdDateTime: site.createdDateTime,
    lastModifiedDateTime: site.createdDateTime,
    webUrl: `https://${site.hostname}${site.path}`,
  };
}

function errorBody(status: number, code: string, message: string, innerCode?: string): Record<string, unknown> {
  return {
    error: {
      code,
      message,
      innerError: {
        ...(innerCode ? { code: innerCode } : {}),
        date: new Date().toISOString().slice(0, 19),
        'request-id': randomUUID(),
        status,
      },
    },
  };
}

function failure(error: unknown): Answer {
  if (error instanceof DoubleError)
    return {
      status: error.status,
      headers: error.headers,
      body: errorBody(error.status, error.code, error.message, error.innerCode),
    };
  return { status: 500, body: errorBody(500, 'generalException', String(error)) };
}

function send(response: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = { 'request-id': randomUUID(), ...answer.headers };
  if (answer.body instanceof Uint8Array) {
    response.writeHead(answer.status, { 'Content-Type': 'application/octet-stream', ...headers });
    response.end(Buffer.from(answer.body));
    return;
  }
  if (answer.body === undefined) {
    response.writeHead(answer.status, headers);
    response.end();
    return;
  }
  response.writeHead(answer.status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(answer.body));
}

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function encodeToken(position: Omit<DeltaPosition, 'until'> & { until: number | null }): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodeToken(token: string): (Omit<DeltaPosition, 'until'> & { until: number | null }) | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as DeltaPosition;
    return typeof value.epoch === 'number' ? value : null;
  } catch {
    return null;
  }
}
