import { isAppError } from '../../core/errors.js';
import { batchLimit, type BatchOutcome, type BatchRequest, type GraphClient, type ListItem } from './graph-client.js';
import { createFields, fieldOf, fromFields, toFields, type Fields, type RecordMapping } from './sharepoint-records.js';
import type { ListSpec } from './sharepoint-schema.js';

/**
 * The one SharePoint list repository: how every record kind of the adapter is read from and
 * written to its list. The stores (sharepoint-store.ts, sharepoint-quality-store.ts,
 * sharepoint-messaging-store.ts) say WHAT to read and write; this module is the only one that
 * knows HOW.
 *
 * Reads
 * - A record is found by KhKey, our id, an indexed column: `$filter=fields/KhKey eq '…'`.
 * - Every `$filter` names ONE indexed column ("When filtering on indexed fields, the service can
 *   only filter one indexed field at a time", listitem-list). Callers filter the rest in memory.
 * - Collections are read page by page with the SDK's PageIterator (`graph.getAll`).
 * - Many single-record lookups go out as `$batch` envelopes of 20 (`lookUp`).
 *
 * The commit algorithm (`commit` = `lookUp` + `check` + `write`), the same for every record kind:
 * 1. one `$batch` of KhKey lookups for every keyed record the commit writes, deletes or fences;
 * 2. the caller's `check` compares what was read with what it expected (etags): a mismatch
 *    throws before anything is written;
 * 3. the GUARDED writes (the records whose eTag the caller fenced: `guard: true`) go in one
 *    `$batch`, each with `If-Match` on the eTag read in step 1 (a new record relies on KhKey
 *    being unique). A 412 (someone wrote after our read) or a DUPLICATE (someone created the
 *    record first) is a lost race: every guarded write that did succeed is undone (fields
 *    restored from what step 1 read, a created item deleted, a deleted item re-created) and
 *    the commit fails with the caller's `lostRace` error (CONFLICT);
 * 4. the other writes are upserts keyed by KhKey (PATCH of the item found, or POST) and
 *    deletes, without If-Match (the last writer wins, as on SQLite), one `$batch` per phase
 *    (`phase`, ascending: e.g. a requirement's coverage decisions before the requirement);
 * 5. appends (records without a key: the audit trail, whose item id is its sequence) are
 *    POSTed one by one, in order; a single append instead joins the last envelope of step 4,
 *    with `dependsOn` on the others there (it runs only after they all succeeded).
 *
 * Creates never carry a null field (SharePoint refuses them; an absent field is empty);
 * updates clear a value with null, as documented for PATCH …/fields. A duplicate value in a
 * column with `enforceUniqueValues` comes back as 409, 400 or 500
 * (SPDuplicateValuesFoundException): graph-errors.ts maps each to DUPLICATE, and an upsert that
 * meets one in step 4 throws it.
 *
 * Limits (what this can and cannot promise):
 * - No transactions: SharePoint has none across items or lists. What is atomic is ONE item's
 *   write; what is fenced is the guarded set, as a whole only through the compensation of
 *   step 3. The compensation itself is not fenced: a third writer between our write and its
 *   undo would be overwritten.
 * - Between steps 3 and 5 a failure (throttled past the retries, a lost connection) leaves the
 *   guarded records written and the rest not. Everything keyed is upserted by KhKey, so
 *   running the same commit again converges; only an append could then be written twice,
 *   never lost.
 * - `$batch` holds at most 20 sub-requests (JSON batching); more are sent as further
 *   envelopes, and Graph may run the sub-requests of one envelope in any order, so writes that
 *   must follow others go in a later phase.
 * - Eventual consistency: readers can see the guarded records before the rest is written, and
 *   another instance's reads (a delta mirror, a search index) may lag behind a commit.
 *
 * The unit of a commit is a list of `ListWrite`s across any lists, so a record written
 * alongside the others (e.g. an index entry per dated record) is one more write in the same
 * commit.
 */

export type StoredItem = { id: string; eTag: string; fields: Fields };

/** Any mapping, for code that handles records of every kind. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMapping = RecordMapping<any>;

/** One write of a commit. `key` is the record's KhKey (for an upsert: `mapping.key(record)` unless given). */
export type ListWrite =
  | {
      kind: 'upsert';
      mapping: AnyMapping;
      record: unknown;
      key?: string;
      /** Fenced with If-Match and undone on a lost race (step 3). */
      guard?: boolean;
      /** Extra fields written with the record (derived columns). */
      extra?: Fields;
      phase?: number;
    }
  /** Created when no item has the key yet; an existing item is left as it is. */
  | { kind: 'insert'; mapping: AnyMapping; record: unknown; key?: string; phase?: number }
  /** Deleted when an item has the key. */
  | { kind: 'delete'; mapping: AnyMapping; key: string; guard?: boolean; phase?: number }
  /** A guarded no-op: these fields PATCHed with If-Match, so the commit is fenced by this record. */
  | { kind: 'fence'; mapping: AnyMapping; key: string; fields: Fields }
  /** A record without a key (the trail), POSTed after everything else, in order. */
  | { kind: 'append'; mapping: AnyMapping; record: unknown };

/** What step 1 read: the stored item of each (list, key), undefined when absent. */
export type Found = {
  get(mapping: AnyMapping, key: string): StoredItem | undefined;
  record<T>(mapping: RecordMapping<T>, key: string): T | undefined;
};

export type CommitOptions = {
  /** Step 2: throws (CONFLICT, NOT_FOUND…) when what was read is not what the caller expected. */
  check?: (found: Found) => void | Promise<void>;
  /** The error for a guarded write that lost its race (412 or DUPLICATE). */
  lostRace?: (write: ListWrite, found: Found) => Error | Promise<Error>;
  /**
   * Creates the item of a new record when a plain POST to the list cannot (a procedure is a
   * folder in the library): returns the new item, whose fields are then PATCHed.
   */
  create?: (mapping: AnyMapping, record: unknown) => Promise<StoredItem> | undefined;
};

export type ListRepository = {
  readonly sitePath: string;
  /** `/sites/{site}/lists/{id}` of a list the repository was opened with. */
  listPath(spec: ListSpec): string;
  itemsPath(mapping: AnyMapping): string;
  /** Items whose indexed `column` equals `value` (one indexed field per `$filter`). */
  query(mapping: AnyMapping, column: string, value: string | number, options?: { top?: number }): Promise<StoredItem[]>;
  /** Every item of the list. */
  all(mapping: AnyMapping): Promise<StoredItem[]>;
  /** Items matching a raw `$filter` (the caller keeps it to one indexed column). */
  filter(mapping: AnyMapping, filter: string | undefined): Promise<StoredItem[]>;
  find(mapping: AnyMapping, key: string): Promise<StoredItem | undefined>;
  get<T>(mapping: RecordMapping<T>, key: string): Promise<T | undefined>;
  records<T>(mapping: RecordMapping<T>, column: string, value: string): Promise<T[]>;
  /** Step 1 on its own: the stored items of many (list, key) in `$batch` envelopes of 20. */
  lookUp(targets: readonly { mapping: AnyMapping; key: string }[]): Promise<Found>;
  /** Steps 3 to 5 on what `lookUp` found. */
  write(writes: readonly ListWrite[], found: Found, options?: CommitOptions): Promise<void>;
  /** The whole algorithm: lookUp, check, write. */
  commit(writes: readonly ListWrite[], options?: CommitOptions): Promise<void>;
  /** `$batch` (nothing sent for no requests). */
  batch(requests: BatchRequest[]): Promise<BatchOutcome[]>;
  createRequest(mapping: AnyMapping, fields: Fields): BatchRequest;
  patchRequest(mapping: AnyMapping, item: Pick<StoredItem, 'id'>, fields: Fields, ifMatch?: string): BatchRequest;
  deleteRequest(mapping: AnyMapping, item: Pick<StoredItem, 'id'>, ifMatch?: string): BatchRequest;
};

/** A text literal of an OData `$filter`. */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

export const toStoredItem = (item: ListItem): StoredItem => ({
  id: item.id,
  eTag: item.eTag ?? '',
  fields: (item.fields ?? {}) as Fields,
});

/** A create refused because the unique KhKey exists (graph-errors.ts: 409, or 400/500 naming SPDuplicateValuesFoundException). */
export function isDuplicate(error: unknown): boolean {
  return isAppError(error) && error.code === 'DUPLICATE';
}

/** The KhKey a write addresses (none for an append). */
export const keyOfWrite = (write: ListWrite): string | undefined =>
  write.kind === 'append'
    ? undefined
    : write.kind === 'upsert' || write.kind === 'insert'
      ? (write.key ?? write.mapping.key!(write.record))
      : write.key;

/**
 * Looks the lists up by title once (one read each), then reads and writes them. `lists` are the
 * lists this repository serves; a mapping of another list is a programming error.
 */
export async function openListRepository(
  graph: GraphClient,
  siteId: string,
  lists: readonly ListSpec[],
): Promise<ListRepository> {
  const paths = new Map<string, string>();
  for (const spec of lists) {
    if (paths.has(spec.key)) continue;
    const list = await graph.get<{ id: string }>(`/sites/${siteId}/lists/${encodeURIComponent(spec.displayName)}`);
    paths.set(spec.key, `/sites/${siteId}/lists/${list.id}`);
  }
  return createListRepository(graph, siteId, paths);
}

/** The repository over lists already resolved: list key → `/sites/{site}/lists/{id}`. */
export function createListRepository(
  graph: GraphClient,
  siteId: string,
  paths: ReadonlyMap<string, string>,
): ListRepository {
  const sitePath = `/sites/${siteId}`;
  const listPath = (spec: ListSpec) => {
    const path = paths.get(spec.key);
    if (!path) throw new Error(`The list repository was not opened with the list ${spec.displayName}.`);
    return path;
  };
  const itemsPath = (mapping: AnyMapping) => `${listPath(mapping.list)}/items`;
  const filterUrl = (mapping: AnyMapping, filter: string | undefined, top?: number) =>
    `${itemsPath(mapping)}?$expand=fields${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}${top ? `&$top=${top}` : ''}`;
  const condition = (mapping: AnyMapping, column: string, value: string | number) =>
    `fields/${fieldOf(mapping, column)} eq ${typeof value === 'number' ? value : literal(value)}`;
  const keyUrl = (mapping: AnyMapping, key: string) => filterUrl(mapping, condition(mapping, 'key', key));
  const id = (mapping: AnyMapping, key: string) => `${mapping.list.key}\u0000${key}`;

  async function filter(mapping: AnyMapping, where: string | undefined, top?: number): Promise<StoredItem[]> {
    return (await graph.getAll<ListItem>(filterUrl(mapping, where, top))).map(toStoredItem);
  }

  const batch = (requests: BatchRequest[]) => (requests.length === 0 ? Promise.resolve([]) : graph.batch(requests));

  const createRequest = (mapping: AnyMapping, fields: Fields): BatchRequest => ({
    method: 'POST',
    url: itemsPath(mapping),
    body: { fields: createFields(fields) },
  });
  const patchRequest = (mapping: AnyMapping, item: Pick<StoredItem, 'id'>, fields: Fields, ifMatch?: string) => ({
    method: 'PATCH' as const,
    url: `${itemsPath(mapping)}/${item.id}/fields`,
    body: fields,
    ...(ifMatch !== undefined ? { ifMatch } : {}),
  });
  const deleteRequest = (mapping: AnyMapping, item: Pick<StoredItem, 'id'>, ifMatch?: string) => ({
    method: 'DELETE' as const,
    url: `${itemsPath(mapping)}/${item.id}`,
    ...(ifMatch !== undefined ? { ifMatch } : {}),
  });

  function foundOf(items: Map<string, StoredItem | undefined>): Found {
    return {
      get: (mapping, key) => items.get(id(mapping, key)),
      record: (mapping, key) => {
        const item = items.get(id(mapping, key));
        return item ? fromFields(mapping, item.fields) : undefined;
      },
    };
  }

  async function lookUp(targets: readonly { mapping: AnyMapping; key: string }[]): Promise<Found> {
    const unique = new Map<string, { mapping: AnyMapping; key: string }>();
    for (const target of targets) unique.set(id(target.mapping, target.key), target);
    const entries = [...unique.entries()];
    const outcomes = await batch(
      entries.map(([, target]) => ({ method: 'GET', url: keyUrl(target.mapping, target.key) })),
    );
    const items = new Map<string, StoredItem | undefined>();
    outcomes.forEach((outcome, index) => {
      if (!outcome.ok) throw outcome.error;
      const first = (outcome.body as { value?: ListItem[] }).value?.[0];
      items.set(entries[index]![0], first && toStoredItem(first));
    });
    return foundOf(items);
  }

  function fieldsOf(write: ListWrite & { kind: 'upsert' | 'insert' }): Fields {
    const fields = toFields(write.mapping, write.record);
    if (write.key !== undefined) fields[fieldOf(write.mapping, 'key')] = write.key;
    return write.kind === 'upsert' ? { ...fields, ...write.extra } : fields;
  }

  /** The request of one write, or null when there is nothing to do (a delete of nothing, an insert of what exists). */
  function requestFor(write: ListWrite, existing: StoredItem | undefined, fenced: boolean): BatchRequest | null {
    const ifMatch = fenced && existing ? existing.eTag : undefined;
    switch (write.kind) {
      case 'fence':
        return existing ? patchRequest(write.mapping, existing, write.fields, existing.eTag) : null;
      case 'delete':
        return existing ? deleteRequest(write.mapping, existing, ifMatch) : null;
      case 'insert':
        return existing ? null : createRequest(write.mapping, fieldsOf(write));
      case 'upsert':
        return existing
          ? patchRequest(write.mapping, existing, fieldsOf(write), ifMatch)
          : createRequest(write.mapping, fieldsOf(write));
      case 'append':
        return createRequest(write.mapping, toFields(write.mapping, write.record));
    }
  }

  /** Undoes a guarded write that succeeded, from what was read before it. */
  function undoFor(write: ListWrite, existing: StoredItem | undefined, outcome: BatchOutcome): BatchRequest | null {
    if (!outcome.ok || write.kind === 'fence' || write.kind === 'append') return null;
    if (!existing) {
      const created = outcome.body as { id?: string };
      return created.id ? deleteRequest(write.mapping, { id: created.id }) : null;
    }
    const before = toFields(write.mapping, fromFields(write.mapping, existing.fields));
    return write.kind === 'delete'
      ? createRequest(write.mapping, before)
      : patchRequest(write.mapping, existing, before);
  }

  /** Sends planned writes; a custom `create` runs first and turns the create into a PATCH of the new item. */
  async function send(
    planned: { write: ListWrite; existing: StoredItem | undefined }[],
    fenced: boolean,
    options: CommitOptions,
    append?: ListWrite,
  ): Promise<{ planned: typeof planned; outcomes: BatchOutcome[] }> {
    const ready: typeof planned = [];
    for (const entry of planned) {
      const { write } = entry;
      if (!entry.existing && write.kind === 'upsert' && options.create) {
        const created = await options.create(write.mapping, write.record);
        if (created) {
          ready.push({ write, existing: created });
          continue;
        }
      }
      ready.push(entry);
    }
    const requests = ready.map(({ write, existing }) => requestFor(write, existing, fenced));
    const sent = ready.filter((_, index) => requests[index] !== null);
    const sending = requests.filter((request): request is BatchRequest => request !== null);
    if (append) {
      sending.push({ ...requestFor(append, undefined, false)!, afterTheOthers: true });
      sent.push({ write: append, existing: undefined });
    }
    const outcomes = await batch(sending);
    return { planned: sent, outcomes };
  }

  async function write(writes: readonly ListWrite[], found: Found, options: CommitOptions = {}): Promise<void> {
    const plan = (write: ListWrite) => {
      const key = keyOfWrite(write);
      return { write, existing: key === undefined ? undefined : found.get(write.mapping, key) };
    };
    const isGuarded = (write: ListWrite) => write.kind === 'fence' || ('guard' in write && write.guard === true);

    // Step 3.
    const guarded = await send(writes.filter(isGuarded).map(plan), true, options);
    const failed = guarded.outcomes.findIndex((outcome) => !outcome.ok);
    if (failed >= 0) {
      const undo = guarded.planned
        .map(({ write, existing }, index) => undoFor(write, existing, guarded.outcomes[index]!))
        .filter((request): request is BatchRequest => request !== null);
      await batch(undo);
      const outcome = guarded.outcomes[failed] as BatchOutcome & { ok: false };
      const lostRace =
        isAppError(outcome.error) && (outcome.error.code === 'CONFLICT' || outcome.error.code === 'DUPLICATE');
      if (lostRace && options.lostRace) throw await options.lostRace(guarded.planned[failed]!.write, found);
      throw outcome.error;
    }

    // Step 4, phase by phase. A single append joins the last phase's envelope, run after all
    // its other sub-requests succeeded (`afterTheOthers`): one HTTP request less, same order.
    const rest = writes.filter((write) => !isGuarded(write) && write.kind !== 'append');
    const appends = writes.filter((write) => write.kind === 'append');
    const phaseOf = (write: ListWrite) => ('phase' in write ? (write.phase ?? 0) : 0);
    const phases = [...new Set(rest.map(phaseOf))].sort((a, b) => a - b);
    let appended = false;
    for (const [position, phase] of phases.entries()) {
      const planned = rest.filter((write) => phaseOf(write) === phase).map(plan);
      const last = position === phases.length - 1;
      const joined = last && appends.length === 1 && planned.length < batchLimit ? appends[0] : undefined;
      const { outcomes } = await send(planned, false, options, joined);
      appended ||= joined !== undefined;
      const failure = outcomes.find((outcome) => !outcome.ok);
      if (failure && !failure.ok) throw failure.error;
    }

    // Step 5: the appends, in order.
    if (!appended) for (const append of appends) await graph.request(requestFor(append, undefined, false)!);
  }

  async function commit(writes: readonly ListWrite[], options: CommitOptions = {}): Promise<void> {
    const targets = writes.flatMap((write) => {
      const key = keyOfWrite(write);
      return key === undefined ? [] : [{ mapping: write.mapping, key }];
    });
    const found = await lookUp(targets);
    await options.check?.(found);
    await write(writes, found, options);
  }

  return {
    sitePath,
    listPath,
    itemsPath,
    query: (mapping, column, value, options) => filter(mapping, condition(mapping, column, value), options?.top),
    all: (mapping) => filter(mapping, undefined),
    filter: (mapping, where) => filter(mapping, where),
    async find(mapping, key) {
      return (await filter(mapping, condition(mapping, 'key', key)))[0];
    },
    async get(mapping, key) {
      const item = (await filter(mapping, condition(mapping, 'key', key)))[0];
      return item ? fromFields(mapping, item.fields) : undefined;
    },
    async records(mapping, column, value) {
      return (await filter(mapping, condition(mapping, column, value))).map((item) => fromFields(mapping, item.fields));
    },
    lookUp,
    write,
    commit,
    batch,
    createRequest,
    patchRequest,
    deleteRequest,
  };
}
