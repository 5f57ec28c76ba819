import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GraphClient, ListItem } from './graph-client.js';
import type { Fields } from './sharepoint-records.js';

/**
 * A local copy of one SharePoint list, kept current by listItem delta
 * (https://learn.microsoft.com/en-us/graph/api/listitem-delta): the first refresh enumerates
 * the whole list (paged, 2 RU for the first page, 1 RU per nextLink page); every later
 * refresh sends the stored @odata.deltaLink and gets only what changed (1 RU per page, one
 * page on a normal day). A 410 Gone (token expired) is handled by the client, which restarts
 * the enumeration; the mirror then replaces its items instead of merging.
 *
 * The items and the deltaLink are one unit: a token is only meaningful for the state it was
 * handed out with. With `file`, both are written together (temporary file + rename, so a
 * crash leaves the old pair or the new one, never a mix) and read back on the first refresh.
 * Losing the file costs one full enumeration, nothing more, and so does a change of `select`
 * (the snapshot records the columns it holds).
 */

export type MirrorItem = { id: string; eTag: string; fields: Fields };

export type ListMirror = {
  readonly listPath: string;
  /** Items by SharePoint item id. */
  readonly items: ReadonlyMap<string, MirrorItem>;
  /** True once a refresh has run (or the snapshot file was read and refreshed). */
  readonly loaded: boolean;
  /** How many refreshes have run (readers sharing a mirror see whether another one refreshed it). */
  readonly refreshCount: number;
  /** Applies the changes since the last refresh; `full` when it was a full enumeration. */
  refresh(): Promise<{ changes: number; full: boolean }>;
  /** Records an item this process just wrote (the write's answer), before the next delta shows it. */
  put(item: MirrorItem): void;
};

type SnapshotFile = {
  format: 1;
  listPath: string;
  /** The columns the items hold; a snapshot taken with other columns is not used. */
  select?: string[];
  deltaLink: string;
  items: [string, string, Fields][];
};

export function createListMirror(options: {
  graph: GraphClient;
  listPath: string;
  /**
   * The fields the reader needs: asked for with `$expand=fields($select=…)` (smaller pages) and
   * the only ones kept in the snapshot. All fields when absent.
   */
  select?: readonly string[];
  /** Where the snapshot and its deltaLink are kept between processes; memory only when absent. */
  file?: string;
}): ListMirror {
  const { graph, listPath, file } = options;
  const select = options.select;
  const project = select
    ? (fields: Fields) =>
        Object.fromEntries(select.filter((name) => name in fields).map((name) => [name, fields[name]]))
    : (fields: Fields) => fields;
  // listItem delta takes $select/$expand like a list read (https://learn.microsoft.com/en-us/graph/api/listitem-delta).
  const firstLink = select
    ? `${listPath}/items/delta?$expand=fields($select=${select.map(encodeURIComponent).join(',')})`
    : undefined;
  const items = new Map<string, MirrorItem>();
  let deltaLink: string | undefined;
  let loaded = false;
  let fileRead = false;
  let refreshCount = 0;

  async function readSnapshot(): Promise<void> {
    fileRead = true;
    if (!file) return;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return;
    }
    try {
      const snapshot = JSON.parse(text) as SnapshotFile;
      if (snapshot.format !== 1 || snapshot.listPath !== listPath || typeof snapshot.deltaLink !== 'string') return;
      // A reader that now wants more columns (a new release) would never get them for items the
      // delta does not bring again: start over with a full enumeration instead.
      if ((snapshot.select ?? []).join(',') !== (select ?? []).join(',')) return;
      for (const [id, eTag, fields] of snapshot.items) items.set(id, { id, eTag, fields });
      deltaLink = snapshot.deltaLink;
    } catch {
      // A damaged snapshot is ignored: the refresh falls back to a full enumeration.
      items.clear();
      deltaLink = undefined;
    }
  }

  async function writeSnapshot(): Promise<void> {
    if (!file || deltaLink === undefined) return;
    const snapshot: SnapshotFile = {
      format: 1,
      listPath,
      ...(select ? { select: [...select] } : {}),
      deltaLink,
      items: [...items.values()].map((item) => [item.id, item.eTag, item.fields]),
    };
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temporary, JSON.stringify(snapshot));
    await rename(temporary, file);
  }

  function apply(item: ListItem): void {
    if (item.deleted) {
      items.delete(item.id);
      return;
    }
    // The feed shows an item's latest state; the same item may come twice, the last one wins.
    items.set(item.id, { id: item.id, eTag: item.eTag ?? '', fields: project(item.fields ?? {}) });
  }

  return {
    listPath,
    items,
    get loaded() {
      return loaded;
    },
    get refreshCount() {
      return refreshCount;
    },
    async refresh() {
      if (!fileRead) await readSnapshot();
      const full = deltaLink === undefined;
      const result = await graph.delta(listPath, deltaLink ?? firstLink);
      if (full || result.resynced) items.clear();
      for (const item of result.items) apply(item);
      deltaLink = result.deltaLink;
      loaded = true;
      refreshCount++;
      await writeSnapshot();
      return { changes: result.items.length, full: full || result.resynced };
    },
    put(item) {
      items.set(item.id, { ...item, fields: project(item.fields) });
    },
  };
}

/**
 * The lists' ids by schema key, looked up by title once (1 RU each) and remembered in
 * `file`, so a daily run with a snapshot spends nothing on finding its lists.
 */
export async function resolveListPaths(
  graph: GraphClient,
  siteId: string,
  lists: { key: string; displayName: string }[],
  file?: string,
): Promise<Map<string, string>> {
  const sitePath = `/sites/${siteId}`;
  let known: Record<string, string> = {};
  if (file) {
    try {
      known = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    } catch {
      known = {};
    }
  }
  const paths = new Map<string, string>();
  let changed = false;
  for (const list of lists) {
    const cacheKey = `${siteId}/${list.key}`;
    let id = known[cacheKey];
    if (id === undefined) {
      id = (await graph.get<{ id: string }>(`${sitePath}/lists/${encodeURIComponent(list.displayName)}`)).id;
      known[cacheKey] = id;
      changed = true;
    }
    paths.set(list.key, `${sitePath}/lists/${id}`);
  }
  if (file && changed) {
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temporary, JSON.stringify(known));
    await rename(temporary, file);
  }
  return paths;
}
