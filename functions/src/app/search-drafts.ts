import type { ProcedureContext } from '../core/policies.js';
import { createSearchIndex, type SearchIndex } from '../core/search-index.js';
import { loadDraftContext, today } from './procedure-context.js';
import type { Services, Store } from './ports.js';
import { createSlicer, keepCurrent } from './search-slices.js';

/**
 * The open drafts, searchable for those who may read them (`canReadDraft`, asked per hit by the
 * caller with the context kept here). Drafts are few: when the store's search stamp moves, the
 * list of drafts is read again (one query), and a draft is read again (its text, approvals and
 * trail, for its context) only when its procedure's etag, draft, state or approver moved; every
 * write to a draft touches its procedure. A search with nothing changed reads nothing.
 */
export type DraftEntry = {
  revision: string;
  context: ProcedureContext;
  procedureId: string;
  code: string;
  title: string;
};
export type DraftIndex = { index: SearchIndex; entries: Map<string, DraftEntry> };

type State = DraftIndex & { stamp: string | null; update: Promise<void> | null };
const states = new WeakMap<Store, State>();

const draftOptions = {
  fields: [
    { name: 'code', weight: 3 },
    { name: 'title', weight: 5 },
    { name: 'body', weight: 1 },
  ],
  snippetFields: ['body', 'title'],
};

export async function draftIndex(services: Services): Promise<DraftIndex> {
  const { store } = services;
  let state = states.get(store);
  if (!state) {
    state = { index: createSearchIndex([], draftOptions), entries: new Map(), stamp: null, update: null };
    states.set(store, state);
  }
  const current = state;
  return keepCurrent(
    current,
    () => store.searchStamp(),
    (stamp) => updateDrafts(services, current, stamp),
  );
}

async function updateDrafts(services: Services, state: State, stamp: string): Promise<void> {
  const { store } = services;
  const slicer = createSlicer();
  // Every draft there is: the coordinator's view of the list sees them all.
  const [{ items }, units] = await Promise.all([
    store.listProcedures({
      viewer: { id: '', isCoordinator: true },
      today: today(services),
      status: 'draft',
      sort: 'code',
      order: 'asc',
      limit: 100_000,
      offset: 0,
    }),
    store.listUnits(),
  ]);
  const present = new Set<string>();
  for (const row of items) {
    const draftVersionId = row.draftVersionId;
    if (draftVersionId === null) continue;
    const revision = [row.etag, draftVersionId, row.draftState, row.pendingApproverId].join(':');
    const known = state.entries.get(row.id);
    if (known?.revision === revision) {
      known.context = { ...known.context, units };
      present.add(row.id);
      continue;
    }
    await slicer.pause();
    const draft = await store.getVersion(draftVersionId);
    if (!draft) continue;
    present.add(row.id);
    const context: ProcedureContext = {
      procedure: row,
      draft,
      ...(await loadDraftContext(store, row.id, draft)),
      units,
    };
    state.index.upsert({ key: row.id, code: row.code, fields: { code: row.code, title: row.title, body: draft.text } });
    state.entries.set(row.id, { revision, context, procedureId: row.id, code: row.code, title: row.title });
  }
  for (const procedureId of [...state.entries.keys()]) {
    if (present.has(procedureId)) continue;
    state.index.remove(procedureId);
    state.entries.delete(procedureId);
  }
  state.stamp = stamp;
}
