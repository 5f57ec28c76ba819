import type { AccessRequestStore } from '../../app/access-request-ports.js';
import { accessRequestDeadlineWrites, deadlineKey } from '../../app/deadline-index.js';
import type { AccessExport, AccessRequest } from '../../core/access-request.js';
import { AppError } from '../../core/errors.js';
import type { TrailEntry } from '../../core/types.js';
import { accessRequestRecord } from '../../records/access-requests.js';
import type { BatchOutcome, BatchRequest, GraphClient } from './graph-client.js';
import { openSharePointDocumentStore } from './sharepoint-document-store.js';
import { createJsonFiles, type JsonFiles } from './sharepoint-json-files.js';
import { isDuplicate, openListRepository, type ListRepository, type StoredItem } from './sharepoint-list-repository.js';
import { deadlineMapping, fromFields, mappingOf, toFields, trailMapping } from './sharepoint-records.js';

const requestMapping = mappingOf(accessRequestRecord);

/**
 * The AccessRequestStore port on SharePoint: the AccessRequests list (records/access-requests.ts),
 * its entry in the Deadlines list (app/deadline-index.ts `accessRequestDeadlineWrites`: open, the
 * coordinators' deadline; answered, removed) and the trail entry.
 *
 * A save is two HTTP requests:
 * 1. one `$batch` of two KhKey lookups: the request's item and its Deadlines item; the stored
 *    etag is compared with the expected one (CONFLICT before anything is written);
 * 2. one `$batch` envelope, run in order (`dependsOn`, each sub-request after the one before):
 *    the request (PATCH with If-Match on the eTag read, or POST relying on the unique KhKey),
 *    then its Deadlines item (PATCH, POST or DELETE), then the trail entry. A 412 or a duplicate
 *    key on the first (someone wrote in between) leaves the others unrun (424): the save is the
 *    port's CONFLICT and nothing is written. Should the Deadlines item or the trail entry fail
 *    after the request was written, the request and a written Deadlines item are put back as
 *    they were read (fields restored, a created item deleted, a deleted one re-created) and the
 *    error is thrown; that undo is not fenced (SharePoint has no transaction), as in the list
 *    repository's own compensation.
 *
 * The kept exports: each export's zip is put in the document store before the save
 * (app/access-requests.ts), so on this store it is a file in the procedure library's drive; the
 * `exports` column holds what was handed out, file by file with hashes, and is kept as a JSON
 * file in the drive when it outgrows a multi-line column (sharepoint-json-files.ts).
 *
 * Reads: a handful of requests a year, so the list is read whole and sorted here as the SQLite
 * store's ORDER BY does.
 */
export async function openSharePointAccessRequestStore(
  graph: GraphClient,
  siteId: string,
  options: { jsonFiles?: JsonFiles } = {},
): Promise<AccessRequestStore> {
  const lists = await openListRepository(graph, siteId, [requestMapping.list, deadlineMapping.list, trailMapping.list]);
  let documents: ReturnType<typeof openSharePointDocumentStore> | undefined;
  const jsonFiles =
    options.jsonFiles ?? createJsonFiles(() => (documents ??= openSharePointDocumentStore(graph, siteId)));
  return createAccessRequestStore(lists, jsonFiles);
}

function createAccessRequestStore(lists: ListRepository, jsonFiles: JsonFiles): AccessRequestStore {
  async function recordOf(item: StoredItem): Promise<AccessRequest> {
    const stored = fromFields(requestMapping, item.fields);
    return { ...stored, exports: await jsonFiles.inline<AccessExport[]>(stored.exports) };
  }

  async function fieldsOf(request: AccessRequest) {
    const outlined = { ...request, exports: (await jsonFiles.outline(request.exports)) as AccessExport[] };
    return toFields(requestMapping, outlined);
  }

  function stale(id: string, stored: AccessRequest | undefined): AppError {
    return new AppError('CONFLICT', `The request ${id} changed after you read it. Reload and try again.`, {
      reason: 'stale',
      collection: 'accessRequests',
      id,
      etag: stored?.etag ?? 0,
      updatedBy: stored?.updatedBy ?? null,
      updatedAt: stored?.updatedAt ?? null,
    });
  }

  async function save(request: AccessRequest, expectedEtag: number, trail: Omit<TrailEntry, 'seq'>): Promise<void> {
    const deadlineWrites = accessRequestDeadlineWrites(request);
    const entry = deadlineWrites.upserts[0];
    const deadlineRef = entry ?? deadlineWrites.removals[0]!;
    const found = await lists.lookUp([
      { mapping: requestMapping, key: request.id },
      { mapping: deadlineMapping, key: deadlineKey(deadlineRef) },
    ]);
    const existing = found.get(requestMapping, request.id);
    const storedRecord = found.record(requestMapping, request.id);
    if ((storedRecord?.etag ?? 0) !== expectedEtag) throw stale(request.id, storedRecord);

    const fields = await fieldsOf(request);
    const deadlineItem = found.get(deadlineMapping, deadlineKey(deadlineRef));
    const deadlineRequest: BatchRequest | null = entry
      ? deadlineItem
        ? lists.patchRequest(deadlineMapping, deadlineItem, toFields(deadlineMapping, entry))
        : lists.createRequest(deadlineMapping, toFields(deadlineMapping, entry))
      : deadlineItem
        ? lists.deleteRequest(deadlineMapping, deadlineItem)
        : null;
    const requests: BatchRequest[] = [
      existing
        ? lists.patchRequest(requestMapping, existing, fields, existing.eTag)
        : lists.createRequest(requestMapping, fields),
      ...(deadlineRequest ? [{ ...deadlineRequest, afterTheOthers: true }] : []),
      { ...lists.createRequest(trailMapping, toFields(trailMapping, trail)), afterTheOthers: true },
    ];
    const outcomes = await lists.batch(requests);
    const [written, ...rest] = outcomes as [BatchOutcome, ...BatchOutcome[]];
    if (!written.ok) {
      const error = written.error;
      const lostRace = isDuplicate(error) || (error instanceof AppError && error.code === 'CONFLICT');
      if (lostRace) throw stale(request.id, await getAccessRequest(request.id));
      throw error;
    }
    const failure = rest.find((outcome) => !outcome.ok);
    if (failure && !failure.ok) {
      // The request was written and the trail entry not: put the request (and its deadline, if
      // that was written) back as read.
      const created = (written.body as { id?: string }).id;
      const undo: BatchRequest[] = [
        existing
          ? lists.patchRequest(
              requestMapping,
              existing,
              toFields(requestMapping, fromFields(requestMapping, existing.fields)),
            )
          : lists.deleteRequest(requestMapping, { id: created ?? '' }),
      ];
      const deadlineOutcome = deadlineRequest ? rest[0] : undefined;
      if (deadlineRequest && deadlineOutcome?.ok) {
        const before = deadlineItem && toFields(deadlineMapping, fromFields(deadlineMapping, deadlineItem.fields));
        if (deadlineRequest.method === 'POST')
          undo.push(lists.deleteRequest(deadlineMapping, { id: (deadlineOutcome.body as { id?: string }).id ?? '' }));
        else if (deadlineItem && deadlineRequest.method === 'PATCH')
          undo.push(lists.patchRequest(deadlineMapping, deadlineItem, before!));
        else if (deadlineItem) undo.push(lists.createRequest(deadlineMapping, before!));
      }
      await lists.batch(undo);
      throw failure.error;
    }
  }

  async function getAccessRequest(id: string): Promise<AccessRequest | undefined> {
    const item = await lists.find(requestMapping, id);
    return item ? recordOf(item) : undefined;
  }

  return {
    async listAccessRequests() {
      const requests = await Promise.all((await lists.all(requestMapping)).map(recordOf));
      return requests.sort(byListOrder);
    },
    getAccessRequest,
    saveAccessRequest: save,
  };
}

/** As the SQLite store: open ones first by deadline, then newest received first, then by id. */
function byListOrder(a: AccessRequest, b: AccessRequest): number {
  const answered = Number(a.state === 'answered') - Number(b.state === 'answered');
  if (answered !== 0) return answered;
  if (a.state === 'open') {
    const deadline = byText(a.deadlineOn, b.deadlineOn);
    if (deadline !== 0) return deadline;
  }
  return byText(b.receivedOn, a.receivedOn) || byText(a.id, b.id);
}

/** Code-point order, as SQLite's ORDER BY on text sorts. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
