import type { SearchHit, SearchKind, SearchResult } from '../contract/schemas.js';
import type { Actor } from '../core/policies.js';
import { createSearchIndex, type IndexInput, type SearchIndex } from '../core/search-index.js';
import { parseQuery } from '../core/search-text.js';
import type { QualityStore } from './quality-ports.js';
import type { Services, Store } from './ports.js';

export type SearchInput = { q: string; limit: number; offset: number; kinds?: readonly SearchKind[] | undefined };

/**
 * Search across what a person may see, for the tab's header, the bot ("søg …") and the message
 * extension: published procedures first (readable by everyone signed in), then corrective
 * actions, audits and findings, then competences (the quality year and the competence catalogue
 * are read by everyone signed in, see `core/policies.ts`). Each hit is labelled with its kind and
 * carries a snippet around the matched words; `total` counts every hit, `offset`/`limit` page.
 *
 * One index implementation (`core/search-index.ts`) for every store: the procedures' index is
 * rebuilt when the store's search stamp moves; the quality records' one when they change.
 */
export async function searchEverything(services: Services, _actor: Actor, input: SearchInput): Promise<SearchResult> {
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
  const recordKinds = allKinds.filter((kind) => kind !== 'procedure' && wanted.has(kind));
  if (recordKinds.length > 0) {
    const { index, byKey } = await recordIndex(services, recordKinds);
    // The records follow the procedures: this page's rest comes from their first hits.
    const offset = Math.max(0, input.offset - total);
    const found = index.query(parsed, { offset, limit: input.limit - hits.length });
    total += found.total;
    for (const hit of found.hits) hits.push({ ...byKey.get(hit.key)!, snippet: hit.snippet });
  }
  return { ...empty, total, hits };
}

const allKinds: readonly SearchKind[] = ['procedure', 'corrective-action', 'audit', 'finding', 'competence'];

type ProcedureIndex = {
  stamp: string;
  index: SearchIndex;
  byId: Map<string, { procedureId: string; code: string; title: string }>;
};
const procedureIndexes = new WeakMap<Store, ProcedureIndex>();
const procedureIndexBuilds = new WeakMap<Store, Promise<ProcedureIndex>>();

async function procedureIndex(store: Store): Promise<ProcedureIndex> {
  const stamp = await store.searchStamp();
  const cached = procedureIndexes.get(store);
  if (cached?.stamp === stamp) return cached;
  // Requests that arrive while the index is rebuilt share the one build.
  const pending = procedureIndexBuilds.get(store);
  if (pending) {
    const built = await pending;
    if (built.stamp === stamp) return built;
  }
  const build = (async (): Promise<ProcedureIndex> => {
    const sources = await store.listSearchSources();
    const index = createSearchIndex(
      sources.map((source) => ({
        key: source.procedureId,
        code: source.code,
        fields: { code: source.code, title: source.title, metadata: source.metadata, body: source.body },
      })),
      { fields: procedureFields, snippetFields: ['body', 'metadata', 'title'] },
      procedureIndexes.get(store)?.index,
    );
    const byId = new Map(sources.map((source) => [source.procedureId, source]));
    return { stamp, index, byId };
  })();
  procedureIndexBuilds.set(store, build);
  try {
    const built = await build;
    procedureIndexes.set(store, built);
    return built;
  } finally {
    if (procedureIndexBuilds.get(store) === build) procedureIndexBuilds.delete(store);
  }
}

const procedureFields = [
  { name: 'code', weight: 3 },
  { name: 'title', weight: 5 },
  { name: 'metadata', weight: 2 },
  { name: 'body', weight: 1 },
];
const recordFields = [
  { name: 'title', weight: 5 },
  { name: 'text', weight: 1 },
];
const groupOf: Record<Exclude<SearchKind, 'procedure'>, number> = {
  'corrective-action': 1,
  audit: 2,
  finding: 2,
  competence: 3,
};

type RecordHit = Omit<SearchHit, 'snippet'>;
type RecordIndex = { fingerprint: string; index: SearchIndex; byKey: Map<string, RecordHit> };
const recordIndexes = new WeakMap<QualityStore, Map<string, RecordIndex>>();

async function recordIndex(services: Services, kinds: readonly SearchKind[]): Promise<RecordIndex> {
  const has = (kind: SearchKind) => kinds.includes(kind);
  const [actions, audits, findings, competences] = await Promise.all([
    has('corrective-action') ? services.quality.listCorrectiveActions() : [],
    has('audit') ? services.quality.listAudits() : [],
    has('finding') ? services.quality.listFindings() : [],
    has('competence') ? services.store.listCompetences() : [],
  ]);
  const entries: { input: IndexInput; hit: RecordHit }[] = [];
  const add = (
    kind: Exclude<SearchKind, 'procedure'>,
    id: string,
    title: string,
    text: string[],
    auditId: string | null,
  ) => {
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

  const fingerprint = [
    kinds.join(','),
    ...actions.map((action) => `${action.id}@${action.etag}`),
    ...audits.map((audit) => `${audit.id}@${audit.etag}`),
    ...findings.map((finding) => `${finding.id}@${finding.etag}`),
    JSON.stringify(competences),
  ].join('|');
  let byKinds = recordIndexes.get(services.quality);
  if (!byKinds) recordIndexes.set(services.quality, (byKinds = new Map()));
  const cached = byKinds.get(kinds.join(','));
  if (cached?.fingerprint === fingerprint) return cached;
  const built: RecordIndex = {
    fingerprint,
    index: createSearchIndex(
      entries.map((entry) => entry.input),
      { fields: recordFields, snippetFields: ['text', 'title'] },
    ),
    byKey: new Map(entries.map((entry) => [entry.input.key, entry.hit])),
  };
  byKinds.set(kinds.join(','), built);
  return built;
}

/** At most `max` characters, cut at a word boundary, "…" when cut. */
function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')} …`;
}
