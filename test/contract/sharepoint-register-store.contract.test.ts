import { describe, expect, it } from 'vitest';
import type { BatchRequest, GraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import { openSharePointQualityStore } from '../../functions/src/adapters/sharepoint/sharepoint-quality-store.js';
import {
  derivedFields,
  openSharePointRegisterStore,
} from '../../functions/src/adapters/sharepoint/sharepoint-register-store.js';
import { deadlineMapping, fromFields } from '../../functions/src/adapters/sharepoint/sharepoint-records.js';
import type { ListItem } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { backfillDeadlines } from '../../functions/src/adapters/sharepoint/backfill-deadlines.js';
import { registerDeadlineWrites } from '../../functions/src/app/deadline-index.js';
import { defaultRegisterSettings } from '../../functions/src/core/register-rules.js';
import { sharePointContractSite } from './contract-sites.js';
import { buildBareItem, buildItem, describeRegisterStoreContract } from './register-store-contract.js';

/** The RegisterStore contract on SharePoint lists, through the Graph double (a fresh site per test). */
describeRegisterStoreContract('SharePoint (Graph double)', async () => {
  const { graph, site, trail, close } = await sharePointContractSite();
  const quality = await openSharePointQualityStore(graph, site.id);
  return {
    store: await openSharePointRegisterStore(graph, site.id),
    trail,
    correctiveActions: () => quality.listCorrectiveActions(),
    async registerDeadlines() {
      const items = await graph.getAll<ListItem>(
        `/sites/${site.id}/lists/${deadlineMapping.list.displayName}/items?$expand=fields`,
      );
      return items
        .map((item) => fromFields(deadlineMapping, item.fields ?? {}))
        .filter((entry) => entry.kind === 'register-reply');
    },
    close,
  };
});

/**
 * Races the checks cannot see: another instance writes after this commit's `envelopes` first
 * `$batch` envelopes (the lookups: the KhKeys, then the new items' receipt numbers and tokens)
 * and before its writes.
 */
function racing(graph: GraphClient, envelopes: number, meanwhile: () => Promise<unknown>): GraphClient {
  let sent = 0;
  return {
    ...graph,
    async batch<T>(requests: BatchRequest[]) {
      const outcomes = await graph.batch<T>(requests);
      sent += 1;
      if (sent === envelopes) await meanwhile();
      return outcomes;
    },
  };
}

describe('the register on SharePoint when two instances race', () => {
  const used = { signatureHash: 'f'.repeat(64), expiresAt: '2026-03-02T09:30:00.000Z' };

  it('refuses a solution used by another instance after the lookup (unique KhKey) and undoes the item created with it', async () => {
    const { graph, site, trail, close } = await sharePointContractSite();
    try {
      const other = await openSharePointRegisterStore(graph, site.id);
      const store = await openSharePointRegisterStore(
        racing(graph, 2, () =>
          other.commit({ expect: [{ id: 'r1', etag: 0 }], items: [buildItem()], usedChallenge: used }),
        ),
        site.id,
      );
      const error = await store
        .commit({
          expect: [{ id: 'r2', etag: 0 }],
          items: [buildBareItem()],
          usedChallenge: used,
          trail: [
            {
              at: '2026-03-02T08:00:00.000Z',
              actorId: 'public',
              action: 'register.item-registered',
              procedureId: null,
              subjectId: 'r2',
              summary: 's',
              details: {},
            },
          ],
        })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'DUPLICATE', details: { field: 'altcha', reason: 'replayed' } });
      expect((await other.listItems()).map((item) => item.id)).toEqual(['r1']);
      expect(await trail()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('refuses a write over an item changed after the lookup (If-Match, 412) with CONFLICT and the stored version', async () => {
    const { graph, site, close } = await sharePointContractSite();
    try {
      const other = await openSharePointRegisterStore(graph, site.id);
      await other.commit({ expect: [{ id: 'r1', etag: 0 }], items: [buildItem()] });
      const theirs = buildItem({ status: 'open', etag: 2, updatedBy: 'bo', updatedAt: '2026-03-09T10:00:00.000Z' });
      const store = await openSharePointRegisterStore(
        racing(graph, 1, () => other.commit({ expect: [{ id: 'r1', etag: 1 }], items: [theirs] })),
        site.id,
      );
      const error = await store
        .commit({ expect: [{ id: 'r1', etag: 1 }], items: [buildItem({ status: 'closed', etag: 2 })] })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'stale', collection: 'registerItems', id: 'r1', etag: 2, updatedBy: 'bo' },
      });
      expect(await other.getItem('r1')).toEqual(theirs);
    } finally {
      await close();
    }
  });

  it('refuses a commit fenced by an item changed after the lookup, and undoes the item created with it', async () => {
    const { graph, site, close } = await sharePointContractSite();
    try {
      const other = await openSharePointRegisterStore(graph, site.id);
      await other.commit({ expect: [{ id: 'r1', etag: 0 }], items: [buildItem()] });
      const theirs = buildItem({ status: 'open', etag: 2, updatedBy: 'bo' });
      const store = await openSharePointRegisterStore(
        racing(graph, 2, () => other.commit({ expect: [{ id: 'r1', etag: 1 }], items: [theirs] })),
        site.id,
      );
      const error = await store
        .commit({ expect: [{ id: 'r1', etag: 1 }], items: [buildBareItem()] })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'CONFLICT', details: { collection: 'registerItems', id: 'r1', etag: 2 } });
      expect((await other.listItems()).map((item) => item.id)).toEqual(['r1']);
      expect(await other.getItem('r1')).toEqual(theirs);
    } finally {
      await close();
    }
  });

  it('refuses a receipt number taken by another instance after the lookup with DUPLICATE (receiptNumber)', async () => {
    const { graph, site, close } = await sharePointContractSite();
    try {
      const other = await openSharePointRegisterStore(graph, site.id);
      const store = await openSharePointRegisterStore(
        racing(graph, 2, () => other.commit({ expect: [{ id: 'r1', etag: 0 }], items: [buildItem()] })),
        site.id,
      );
      const error = await store
        .commit({ expect: [{ id: 'r2', etag: 0 }], items: [buildBareItem({ receiptNumber: '2026-AAAAAA' })] })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'DUPLICATE', details: { field: 'receiptNumber' } });
      expect((await other.listItems()).map((item) => item.id)).toEqual(['r1']);
    } finally {
      await close();
    }
  });
});

describe("the register items' derived columns on SharePoint", () => {
  // The queries filter on these, then check the exact condition on the records: a wrong value
  // would not add an item to an answer, only drop it or make the query read more than it needs.
  it('holds the open state, the reply deadline while unanswered, the closing day while contact is held, the e-mail', () => {
    expect(derivedFields(buildItem())).toEqual({
      KhOpenState: 'open',
      KhAwaitingReplyDueOn: '2026-03-16',
      KhContactClosedOn: null,
      KhContactEmail: 'bodil@example.dk',
    });
    const reply = { text: 'Svar', sentAt: '2026-03-09T10:00:00.000Z', sentBy: 'anne', deliveredBy: 'email' as const };
    expect(
      derivedFields(
        buildItem({ status: 'closed', closedOn: '2026-03-20' as LocalDate, reply: { ...reply, isLate: false } }),
      ),
    ).toEqual({
      KhOpenState: 'closed',
      KhAwaitingReplyDueOn: null,
      KhContactClosedOn: '2026-03-20',
      KhContactEmail: 'bodil@example.dk',
    });
    expect(derivedFields(buildBareItem({ status: 'closed', closedOn: '2026-03-20' as LocalDate }))).toEqual({
      KhOpenState: 'closed',
      KhAwaitingReplyDueOn: null,
      KhContactClosedOn: null,
      KhContactEmail: null,
    });
    expect(derivedFields(buildItem({ reply: { ...reply, isLate: true } }))).toMatchObject({
      KhAwaitingReplyDueOn: null,
    });
  });
});

describe('the register statistics on SharePoint', () => {
  it('read only the columns a row needs, filtered on the indexed received date', async () => {
    const { graph, site, close } = await sharePointContractSite();
    try {
      const urls: string[] = [];
      const spied: GraphClient = {
        ...graph,
        getAll<T>(url: string, headers?: Record<string, string>) {
          urls.push(decodeURIComponent(url));
          return graph.getAll<T>(url, headers);
        },
      };
      const store = await openSharePointRegisterStore(spied, site.id);
      await store.commit({ items: [buildItem(), buildBareItem()] });
      urls.length = 0;
      expect(await store.statisticsRows('2026-03-03' as LocalDate)).toHaveLength(1);
      expect(urls).toHaveLength(1);
      expect(urls[0]).toContain(
        '$expand=fields($select=KhKind,KhChannel,KhStatus,KhCategory,KhRootCauseCategory,KhUnitKeys,KhReceivedOn,' +
          'KhReportedByKey,KhContactEmail,KhReplyDueOn,KhReply)',
      );
      expect(urls[0]).toContain("$filter=fields/KhReceivedOn le '2026-03-04'");
    } finally {
      await close();
    }
  });
});

describe('what a register commit costs on SharePoint', () => {
  it('a public submission and a handling step are a few $batch envelopes, not a request per check', async () => {
    const { double, graph, site, close } = await sharePointContractSite();
    try {
      const store = await openSharePointRegisterStore(graph, site.id);
      const trail = {
        at: '2026-03-02T08:00:00.000Z',
        actorId: 'public',
        action: 'register.item-registered',
        procedureId: null,
        subjectId: 'r1',
        summary: 's',
        details: {},
      };
      const cost = async (work: () => Promise<unknown>) => {
        double.resetCounters();
        await work();
        const { httpRequests, batches, reads, writes } = double.counters;
        return { httpRequests, batches, reads, writes };
      };
      const submitted = await cost(() =>
        store.commit({
          expect: [{ id: 'r1', etag: 0 }],
          items: [buildItem()],
          usedChallenge: { signatureHash: 'e'.repeat(64), expiresAt: '2026-03-02T09:00:00.000Z' },
          trail: [trail],
        }),
      );
      const handled = await cost(() =>
        store.commit({ expect: [{ id: 'r1', etag: 1 }], items: [buildItem({ etag: 2 })], trail: [trail] }),
      );
      expect({ submitted, handled }).toEqual({
        // Lookups (item, solution, settings, deadline entry); receipt number and token; the two
        // guarded creates; the deadline entry's create with the trail entry in one envelope.
        submitted: { httpRequests: 4, batches: 4, reads: 6, writes: 4 },
        // The lookups (item, settings, deadline entry); its guarded PATCH; the trail entry (the
        // deadline entry is unchanged, so not rewritten).
        handled: { httpRequests: 3, batches: 2, reads: 3, writes: 2 },
      });
    } finally {
      await close();
    }
  });
});

describe('register items written before their deadline entries, on SharePoint', () => {
  it('get their entries from the provisioning backfill, which keeps the ones the store wrote', async () => {
    const { graph, site, close } = await sharePointContractSite();
    try {
      const store = await openSharePointRegisterStore(graph, site.id);
      const waiting = buildItem();
      await store.commit({ items: [waiting, buildBareItem()] });
      const deadlines = `/sites/${site.id}/lists/${deadlineMapping.list.displayName}/items`;
      const entries = async () =>
        (await graph.getAll<ListItem>(`${deadlines}?$expand=fields`)).map((item) => ({
          id: item.id,
          entry: fromFields(deadlineMapping, item.fields ?? {}),
        }));
      const expected = registerDeadlineWrites(waiting, defaultRegisterSettings('1970-01-01T00:00:00.000Z', 'system'));
      expect((await entries()).map(({ entry }) => entry)).toEqual(expected.upserts);

      // The store wrote it: nothing to do.
      expect(await backfillDeadlines(graph, site.id)).toEqual({ created: 0, updated: 0, deleted: 0 });
      // An item stored before the store wrote entries (here: its entry deleted) gets it back.
      const [stored] = await entries();
      await graph.request({ method: 'DELETE', url: `${deadlines}/${stored!.id}` });
      expect(await entries()).toEqual([]);
      expect(await backfillDeadlines(graph, site.id)).toEqual({ created: 1, updated: 0, deleted: 0 });
      expect((await entries()).map(({ entry }) => entry)).toEqual(expected.upserts);
    } finally {
      await close();
    }
  });
});
