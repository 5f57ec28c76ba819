import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeltaResult, GraphClient } from './graph-client.js';
import { createListMirror, resolveListPaths } from './sharepoint-delta-mirror.js';

type Call = { listPath: string; deltaLink: string | undefined };

/** A GraphClient whose delta answers come from a script; everything else is unused here. */
function scriptedGraph(answers: DeltaResult[]): GraphClient & { calls: Call[]; gets: string[] } {
  const calls: Call[] = [];
  const gets: string[] = [];
  const unused = () => {
    throw new Error('not used');
  };
  return {
    calls,
    gets,
    async delta(listPath: string, deltaLink?: string) {
      calls.push({ listPath, deltaLink });
      const answer = answers.shift();
      if (!answer) throw new Error('no more answers');
      return answer as never;
    },
    async get<T>(url: string) {
      gets.push(url);
      return { id: `id-of-${url.split('/').pop()}` } as T;
    },
    request: unused,
    uploadLarge: unused,
    getAll: unused,
    batch: unused,
    meter: undefined as never,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kh-mirror-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('createListMirror', () => {
  it('enumerates first, keeps only the selected fields, then applies changes and deletions', async () => {
    const graph = scriptedGraph([
      {
        items: [
          { id: '1', eTag: 'e1', fields: { KhKey: 'a', Big: 'x'.repeat(100) } },
          { id: '2', eTag: 'e2', fields: { KhKey: 'b' } },
        ],
        deltaLink: 'link-1',
        resynced: false,
      },
      {
        items: [
          { id: '1', deleted: { state: 'deleted' } },
          { id: '3', eTag: 'e3', fields: { KhKey: 'c' } },
        ],
        deltaLink: 'link-2',
        resynced: false,
      },
    ]);
    const mirror = createListMirror({ graph, listPath: '/sites/s/lists/l', select: ['KhKey'] });
    expect(await mirror.refresh()).toEqual({ changes: 2, full: true });
    expect(graph.calls[0]?.deltaLink).toBe('/sites/s/lists/l/items/delta?$expand=fields($select=KhKey)');
    expect(mirror.items.get('1')).toEqual({ id: '1', eTag: 'e1', fields: { KhKey: 'a' } });
    expect(await mirror.refresh()).toEqual({ changes: 2, full: false });
    expect(graph.calls[1]?.deltaLink).toBe('link-1');
    expect([...mirror.items.keys()].sort()).toEqual(['2', '3']);
  });

  it('replaces its items when the token had expired (the client resynced)', async () => {
    const graph = scriptedGraph([
      { items: [{ id: '1', eTag: 'e1', fields: {} }], deltaLink: 'link-1', resynced: false },
      { items: [{ id: '2', eTag: 'e2', fields: {} }], deltaLink: 'link-2', resynced: true },
    ]);
    const mirror = createListMirror({ graph, listPath: '/l' });
    await mirror.refresh();
    expect(await mirror.refresh()).toEqual({ changes: 1, full: true });
    expect([...mirror.items.keys()]).toEqual(['2']);
  });

  it('keeps items and deltaLink together in its file, and starts over from a damaged one', async () => {
    const file = join(dir, 'snapshot', 'list.json');
    const first = scriptedGraph([
      { items: [{ id: '1', eTag: 'e1', fields: { KhKey: 'a' } }], deltaLink: 'link-1', resynced: false },
    ]);
    await createListMirror({ graph: first, listPath: '/l', file }).refresh();

    const second = scriptedGraph([{ items: [], deltaLink: 'link-2', resynced: false }]);
    const mirror = createListMirror({ graph: second, listPath: '/l', file });
    expect(await mirror.refresh()).toEqual({ changes: 0, full: false });
    expect(second.calls[0]?.deltaLink).toBe('link-1');
    expect(mirror.items.get('1')?.fields).toEqual({ KhKey: 'a' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ deltaLink: 'link-2' });

    await writeFile(file, '{ not json');
    const third = scriptedGraph([{ items: [], deltaLink: 'link-3', resynced: false }]);
    expect(await createListMirror({ graph: third, listPath: '/l', file }).refresh()).toEqual({
      changes: 0,
      full: true,
    });
    expect(third.calls[0]?.deltaLink).toBeUndefined();
  });
});

describe('resolveListPaths', () => {
  it('looks list ids up once and remembers them in its file', async () => {
    const file = join(dir, 'lists.json');
    const lists = [{ key: 'ledger', displayName: 'ReminderLedger' }];
    const graph = scriptedGraph([]);
    expect(await resolveListPaths(graph, 'site-1', lists, file)).toEqual(
      new Map([['ledger', '/sites/site-1/lists/id-of-ReminderLedger']]),
    );
    expect(await resolveListPaths(graph, 'site-1', lists, file)).toEqual(
      new Map([['ledger', '/sites/site-1/lists/id-of-ReminderLedger']]),
    );
    expect(graph.gets).toHaveLength(1);
  });
});
