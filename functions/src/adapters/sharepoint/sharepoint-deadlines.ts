import { deadlineKey, type DeadlineEntry, type DeadlineWrites } from '../../app/deadline-index.js';
import type { BatchRequest, GraphClient, ListItem } from './graph-client.js';
import { createFields, deadlineMapping, fieldOf, fromFields, toFields } from './sharepoint-records.js';

/**
 * The deadline index (app/deadline-index.ts) on its SharePoint list, written by the stores as
 * the last of a ChangeSet's ordered record writes (before the trail): one `$batch` of indexed
 * KhKey lookups for the entries the commit touches, then one `$batch` of creates, updates and
 * deletes. Kept apart from the stores so the list repository that replaces them can call the
 * same two functions. Like the records written before it, a write that fails half-way is put
 * right by re-running the ChangeSet: entries are keyed by kind and subject and upserted.
 */
export type SharePointDeadlines = {
  /** The stored entries with these keys, for `deadlineWritesFor`'s carried values. */
  carried(keys: readonly string[]): Promise<Map<string, DeadlineEntry>>;
  write(writes: DeadlineWrites): Promise<void>;
};

type Item = { id: string; fields: Record<string, unknown> };

export function sharePointDeadlines(graph: GraphClient, listPath: string): SharePointDeadlines {
  const itemsPath = `${listPath}/items`;
  const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
  const keyQuery = (key: string) =>
    `${itemsPath}?$expand=fields&$filter=${encodeURIComponent(`fields/${fieldOf(deadlineMapping, 'key')} eq ${literal(key)}`)}`;

  async function lookUp(keys: readonly string[]): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    if (keys.length === 0) return found;
    const outcomes = await graph.batch<{ value?: ListItem[] }>(
      keys.map((key) => ({ method: 'GET', url: keyQuery(key) })),
    );
    outcomes.forEach((outcome, index) => {
      if (!outcome.ok) throw outcome.error;
      const first = outcome.body.value?.[0];
      if (first) found.set(keys[index]!, { id: first.id, fields: first.fields ?? {} });
    });
    return found;
  }

  return {
    async carried(keys) {
      const found = await lookUp(keys);
      return new Map([...found].map(([key, item]) => [key, fromFields(deadlineMapping, item.fields)]));
    },
    async write({ upserts, removals }) {
      const keys = [...upserts.map(deadlineKey), ...removals.map(deadlineKey)];
      const existing = await lookUp(keys);
      const requests: BatchRequest[] = [];
      for (const entry of upserts) {
        const fields = toFields(deadlineMapping, entry);
        const item = existing.get(deadlineKey(entry));
        requests.push(
          item
            ? { method: 'PATCH', url: `${itemsPath}/${item.id}/fields`, body: fields }
            : { method: 'POST', url: itemsPath, body: { fields: createFields(fields) } },
        );
      }
      for (const ref of removals) {
        const item = existing.get(deadlineKey(ref));
        if (item) requests.push({ method: 'DELETE', url: `${itemsPath}/${item.id}` });
      }
      if (requests.length === 0) return;
      const failure = (await graph.batch(requests)).find((outcome) => !outcome.ok);
      if (failure && !failure.ok) throw failure.error;
    },
  };
}
