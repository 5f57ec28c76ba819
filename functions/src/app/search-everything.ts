import type { SearchHit, SearchKind, SearchResult } from '../contract/schemas.js';
import { canReadDraft, type Actor } from '../core/policies.js';
import { createSearchIndex, type IndexInput, type SearchIndex } from '../core/search-index.js';
import { parseQuery } from '../core/search-text.js';
import type { QualityStore } from './quality-ports.js';
import { draftIndex } from './search-drafts.js';
import { createSlicer, keepCurrent } from './search-slices.js';
import type { ProcedureSearchSource, Services, Store } from './ports.js';

export type SearchInput = { q: string; limit: number; offset: number; kinds?: readonly SearchKind[] | undefined };

/**
 * Search across what a person may see, for the tab's header, the bot ("søg …") and the message
 * extension: published procedures first (readable by everyone signed in), then the open drafts
 * of those who may read them (`canReadDraft`; kind `draft`, the tab's "Kladde"), then corrective
 * actions, audits and findings, then competences (the quality year and the competence catalogue
 * are read by everyone signed in, see `core/policies.ts`). Each hit is labelled with its kind and
 * carries a snippet around the matched words; `total` counts every hit, `offset`/`limit` page.
 *
 * One index implementation (`core/search-index.ts`) for every store, kept in memory and brought up
 * to date in place when a store's search stamp moves (see `procedureIndex`, `draftIndex` and
 * `recordIndex`).
 */
export async function searchEverything(services: Services, actor: Actor, input: SearchInput): Promise<SearchResult> {
  const page = { limit: input.limit, offset: input.offset };
  const empty: SearchResult = { query: input.q, total: 0, limit: input.limit, offset: input.offset, hits: [] };
  const parsed = parseQuery(input.q);
  if (parsed.words.length === 0 && parsed.code === null) return empty;
  const wanted = new Set<SearchKind>(input.kinds && input.kinds.length > 0 ? input.kinds : allKinds);

  const hits: SearchHit[] = [];
  let total = 0;
  if (wanted.has('procedure')) {
    const { index, byId } = await procedureIndex(services.store);
    const found = index.query(parsed, page);
    total += found.total;
    for (const hit of found.hits) {
      const source = byId.get(hit.key)!;
      hits.push({
        kind: 'procedure',
        id: source.procedureId,
        procedureId: source.procedureId,
        auditId: null,
        code: source.code,
        title: source.title,
        snippet: hit.snippet,
      });
    }
  }
  if (wanted.has('draft')) {
    const drafts = await draftIndex(services);
    // Drafts follow the published procedures, and only those who may read a draft find it.
    const offset = Math.max(0, input.offset - total);
    const found = drafts.index.query(parsed, { offset, limit: input.limit - hits.length }, (key) =>
      canReadDraft(actor, drafts.entries.get(key)!.context),
    );
    total += found.total;
    for (const hit of found.hits) {
      const entry = drafts.entries.get(hit.key)!;
      hits.push({
        kind: 'draft',
        id: entry.procedureId,
        procedureId: entry.procedureId,
        auditId: null,
        code: entry.code,
        title: entry.title,
        snippet: hit.snippet,
      });
    }
  }
  const recordKinds = allRecordKinds.filter((kind) => wanted.has(kind));
  if (recordKinds.length > 0) {
    const records = await recordIndex(services, recordKinds);
    // The records follow the procedures: this page's rest comes from their first hits.
    const offset = Math.max(0, input.offset - total);
    const found = records.index.query(parsed, { offset, limit: input.limit - hits.length });
    total += found.total;
    for (const hit of found.hits) hits.push({ ...records.byKey.get(hit.key)!, snippet: hit.snippet });
  }
  return { ...empty, total, hits };
}

const allKinds: readonly SearchKind[] = ['procedure', 'draft', 'corrective-action', 'audit', 'finding', 'competence'];
type RecordKind = Exclude<SearchKind, 'procedure' | 'draft'>;
const allRecordKinds: readonly RecordKind[] = ['corrective-action', 'audit', 'finding', 'competence'];

/**
 * Starts building the search indexes in the background (at start-up), so that the first search
 * does not wait for 5,000 procedures to be read; failures are left for that search to meet.
 */
export function warmSearchIndexes(services: Services): Promise<void> {
  return Promise.all([
    procedureIndex(services.store),
    draftIndex(services),
    recordIndex(services, allRecordKinds),
  ]).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * One index per store, kept current in place: when the store's stamp moves, the revisions of the
 * published procedures say which ones changed, and only those are read and re-indexed (and the
 * unpublished ones removed). The first build and large changes go in chunks that yield to the
 * event loop, so other requests are answered meanwhile; searches wait for the update in progress.
 */
type ProcedureIndex = {
  index: SearchIndex;
  /** The stamp the index is current for (null: not built yet). */
  stamp: string | null;
  revisions: Map<string, string>;
  byId: Map<string, { procedureId: string; code: string; title: string }>;
  update: Promise<void> | null;
};
const procedureIndexes = new WeakMap<Store, ProcedureIndex>();

async function procedureIndex(store: Store): Promise<ProcedureIndex> {
  let state = procedureIndexes.get(store);
  if (!state) {
    state = {
      index: createSearchIndex([], procedureOptions),
      stamp: null,
      revisions: new Map(),
      byId: new Map(),
      update: null,
    };
    procedureIndexes.set(store, state);
  }
  const current = state;
  return keepCurrent(
    current,
    () => store.searchStamp(),
    (stamp) => updateProcedureIndex(store, current, stamp),
  );
}

async function updateProcedureIndex(store: Store, state: ProcedureIndex, stamp: string): Promise<void> {
  const slicer = createSlicer();
  const revisions = await store.listSearchRevisions();
  const current = new Set<string>();
  const changed: string[] = [];
  for (const { procedureId, revision } of revisions) {
    current.add(procedureId);
    if (state.revisions.get(procedureId) !== revision) changed.push(procedureId);
  }
  for (const procedureId of state.revisions.keys()) if (!current.has(procedureId)) forget(procedureId);
  if (changed.length > 0) {
    await slicer.pause();
    // Most of them changed (the first build): one read of all is cheaper than naming them.
    const readAll = changed.length > revisions.length / 2;
    const sources = await store.listSearchSources(readAll ? undefined : changed);
    const read = new Set<string>();
    for (const source of sources) {
      read.add(source.procedureId);
      if (state.revisions.get(source.procedureId) === source.revision) continue;
      await slicer.pause();
      state.index.upsert(procedureIndexInput(source));
      state.byId.set(source.procedureId, { procedureId: source.procedureId, code: source.code, title: source.title });
      state.revisions.set(source.procedureId, source.revision);
    }
    // Unpublished between the two reads.
    for (const procedureId of changed) if (!read.has(procedureId)) forget(procedureId);
  }
  state.stamp = stamp;

  function forget(procedureId: string): void {
    state.index.remove(procedureId);
    state.byId.delete(procedureId);
    state.revisions.delete(procedureId);
  }
}

/** A published procedure as the index takes it: its code and its weighted texts. */
export function procedureIndexInput(source: ProcedureSearchSource): IndexInput {
  return {
    key: source.procedureId,
    code: source.code,
    fields: { code: source.code, title: source.title, metadata: source.metadata, body: source.body },
  };
}

/** The procedures' fields, their weights and where snippets come from. */
export const procedureOptions = {
  fields: [
    { name: 'code', weight: 3 },
    { name: 'title', weight: 5 },
    { name: 'metadata', weight: 2 },
    { name: 'body', weight: 1 },
  ],
  snippetFields: ['body', 'metadata', 'title'],
};
const recordOptions = {
  fields: [
    { name: 'title', weight: 5 },
    { name: 'text', weight: 1 },
  ],
  snippetFields: ['text', 'title'],
};
const groupOf: Record<RecordKind, number> = {
  'corrective-action': 1,
  audit: 2,
  finding: 2,
  competence: 3,
};

type RecordHit = Omit<SearchHit, 'snippet'>;
type RecordEntry = { input: IndexInput; hit: RecordHit };
type RecordIndex = { stamp: string | null; index: SearchIndex; byKey: Map<string, RecordHit> };
/**
 * The quality records and competences, read again only when the quality store's or the store's
 * stamp moved (a commit; on SharePoint also every 30 seconds for other instances' writes): a
 * search with nothing changed reads nothing. One index per combination of kinds asked for, each
 * brought up to date in place (a record whose texts did not change is not read again).
 */
type RecordIndexes = {
  stamp: string | null;
  entries: RecordEntry[];
  byKey: Map<string, RecordHit>;
  /** Each index with the hits of its keys, replaced together (synchronously) when it is updated. */
  byKinds: Map<string, RecordIndex>;
  read: Promise<void> | null;
};
const recordIndexes = new WeakMap<QualityStore, WeakMap<Store, RecordIndexes>>();

async function recordIndex(services: Services, kinds: readonly SearchKind[]): Promise<RecordIndex> {
  let byStore = recordIndexes.get(services.quality);
  if (!byStore) recordIndexes.set(services.quality, (byStore = new WeakMap()));
  let state = byStore.get(services.store);
  if (!state)
    byStore.set(
      services.store,
      (state = { stamp: null, entries: [], byKey: new Map(), byKinds: new Map(), read: null }),
    );
  for (;;) {
    if (state.read) {
      await state.read;
      continue;
    }
    const [qualityStamp, storeStamp] = await Promise.all([
      services.quality.searchStamp(),
      services.store.searchStamp(),
    ]);
    const stamp = `${qualityStamp}|${storeStamp}`;
    if (state.stamp === stamp) break;
    if (state.read) continue;
    const read = readRecords(services, state, stamp);
    state.read = read;
    try {
      await read;
    } finally {
      state.read = null;
    }
    break;
  }
  const key = kinds.join(',');
  let indexed = state.byKinds.get(key);
  if (!indexed)
    state.byKinds.set(key, (indexed = { stamp: null, index: createSearchIndex([], recordOptions), byKey: new Map() }));
  if (indexed.stamp !== state.stamp) {
    const present = new Set<string>();
    for (const entry of state.entries) {
      if (!kinds.includes(entry.hit.kind)) continue;
      indexed.index.upsert(entry.input);
      present.add(entry.input.key);
    }
    for (const old of [...indexed.index.keys()]) if (!present.has(old)) indexed.index.remove(old);
    indexed.byKey = state.byKey;
    indexed.stamp = state.stamp;
  }
  return indexed;
}

async function readRecords(services: Services, state: RecordIndexes, stamp: string): Promise<void> {
  const [actions, audits, findings, competences] = await Promise.all([
    services.quality.listCorrectiveActions(),
    services.quality.listAudits(),
    services.quality.listFindings(),
    services.store.listCompetences(),
  ]);
  const entries: RecordEntry[] = [];
  const add = (kind: RecordKind, id: string, title: string, text: string[], auditId: string | null) => {
    const key = `${kind}:${id}`;
    entries.push({
      input: { key, code: null, group: groupOf[kind], fields: { title, text: text.filter(Boolean).join('\n') } },
      hit: { kind, id, procedureId: null, auditId, code: null, title },
    });
  };
  for (const action of actions)
    add(
      'corrective-action',
      action.id,
      action.title,
      [action.correction ?? '', action.rootCause ?? '', action.plan ?? ''],
      null,
    );
  for (const audit of audits)
    add(
      'audit',
      audit.id,
      audit.title,
      [
        audit.scope,
        audit.criteria,
        audit.report?.summary ?? '',
        audit.report?.conclusion ?? '',
        ...audit.checklist.flatMap((line) => [line.question, line.note]),
      ],
      audit.id,
    );
  for (const finding of findings)
    add('finding', finding.id, shorten(finding.description, 90), [finding.description], finding.auditId);
  for (const competence of competences)
    add('competence', competence.id, competence.name, [competence.category, competence.description], null);
  state.entries = entries;
  state.byKey = new Map(entries.map((entry) => [entry.input.key, entry.hit]));
  state.stamp = stamp;
}

/** At most `max` characters, cut at a word boundary, "…" when cut. */
function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')} …`;
}
