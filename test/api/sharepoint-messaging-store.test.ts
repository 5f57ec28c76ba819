import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessagingStore } from '../../functions/src/app/messaging-ports.js';
import { createGraphClient, type GraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import {
  ledgerKeyValue,
  openSharePointMessagingStore,
} from '../../functions/src/adapters/sharepoint/sharepoint-messaging-store.js';
import {
  fieldOf,
  ledgerItemMapping,
  personMapping,
  toFields,
} from '../../functions/src/adapters/sharepoint/sharepoint-records.js';
import { startGraphDouble, type GraphDouble } from '../graph-double/graph-double.js';
import type { Site } from '../graph-double/tenant.js';

/** The SharePoint MessagingStore (not wired yet) on the Graph double: the ledger claim and the lease without transactions. */

let double: GraphDouble;
let site: Site;
let graph: GraphClient;

beforeAll(async () => {
  double = await startGraphDouble();
  site = double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
  graph = createGraphClient({ tokens: async () => 'token', baseUrl: double.baseUrl, sleep: async () => {} });
  await provision(graph, { siteUrl: 'https://contoso.sharepoint.com/sites/kvalitet', dryRun: false });
  double.seedItems(site, 'People', 1, () =>
    toFields(personMapping, {
      id: 'anne-birk',
      name: 'Anne Birk',
      email: 'anne@kommune.dk',
      title: 'Leder',
      unitId: 'u-1',
      roles: ['leader'],
      leaderId: null,
      aadObjectId: 'aad-anne',
    }),
  );
});
afterAll(async () => double?.stop());
beforeEach(() => {
  for (const name of ['ReminderLedger', 'SweepLease']) {
    const list = double.tenant.list(site, name);
    for (const id of [...list.items.keys()]) double.tenant.deleteItem(list, id, undefined);
  }
});

const open = () => openSharePointMessagingStore(graph, site.id);

/** One message to `recipientId` carrying `keys`, claimed by `runId`. */
function claim(
  store: MessagingStore,
  runId: string,
  keys: string[],
  staleRunIds: string[] = [],
  recipientId = 'anne-birk',
) {
  return store.claimMessages(
    [
      {
        recipientId,
        reminders: keys.map((key) => ({
          key,
          stage: 'review-overdue' as const,
          subjectId: 'p-1',
          dueOn: '2026-11-01',
        })),
      },
    ],
    { runId, claimedAt: '2026-11-23T11:00:00.000Z' },
    staleRunIds,
  );
}
const keysOf = async (owned: Promise<{ keys: string[] }[]>) => (await owned).flatMap((message) => message.keys);
const ledgerItems = () => [...double.tenant.list(site, 'ReminderLedger').items.values()];

describe('ledger claims', () => {
  it('claims all of a run’s messages in one item and writes one item per sent message, whatever the keys', async () => {
    const store = await open();
    const keys = Array.from({ length: 30 }, (_, index) => `review:p-${index}:2026-11-01:review-overdue`);
    const owned = await store.claimMessages(
      [
        {
          recipientId: 'anne-birk',
          reminders: keys
            .slice(0, 20)
            .map((key) => ({ key, stage: 'review-overdue', subjectId: 'p', dueOn: '2026-11-01' })),
        },
        {
          recipientId: 'bo-holm',
          reminders: keys
            .slice(20)
            .map((key) => ({ key, stage: 'review-overdue', subjectId: 'p', dueOn: '2026-11-01' })),
        },
      ],
      { runId: 'run-1', claimedAt: '2026-11-23T11:00:00.000Z' },
      [],
    );
    expect(owned.map((message) => message.keys.length)).toEqual([20, 10]);
    expect(ledgerItems()).toHaveLength(1);
    await store.markMessageSent('run-1', 'anne-birk', 'm-1', '2026-11-23T11:01:00.000Z');
    await store.markMessageSent('run-1', 'anne-birk', 'm-again', '2026-11-23T11:02:00.000Z');
    expect(ledgerItems()).toHaveLength(2);
    const ledger = await (await open()).listLedger();
    expect(
      ledger.map(({ recipientId, keys, state, messageId }) => [recipientId, keys.length, state, messageId]),
    ).toEqual([
      ['anne-birk', 20, 'sent', 'm-1'],
      ['bo-holm', 10, 'claimed', null],
    ]);
    // Another process (the next run) does not claim sent keys, nor a live run's.
    const next = await open();
    expect(await keysOf(claim(next, 'run-2', keys))).toEqual([]);
    // run-1 is stale: its unsent message's keys are taken over, the sent ones stay sent.
    expect(await keysOf(claim(next, 'run-2', keys, ['run-1']))).toEqual(keys.slice(20));
    // And a run after run-2 sees run-2 as the holder now.
    expect(await keysOf(claim(await open(), 'run-3', keys, ['run-1']))).toEqual([]);
    expect(await keysOf(claim(await open(), 'run-3', keys, ['run-2']))).toEqual(keys.slice(20));
  });

  it('a claim Graph keeps refusing stops the run instead of sending unclaimed', async () => {
    const store = await open();
    const ledgerId = double.tenant.list(site, 'ReminderLedger').id;
    double.throttle({ times: 5, scope: 'subrequest', retryAfterSeconds: 1, match: new RegExp(ledgerId) });
    await expect(claim(store, 'run-1', ['k-throttled'])).rejects.toThrow(/429.*k-throttled/);
    expect(await keysOf(claim(store, 'run-1', ['k-throttled']))).toEqual(['k-throttled']);
  });

  it('items of the earlier design (one per reminder key) still count as sent or claimed', async () => {
    const long = `acknowledgement:${'v'.repeat(40)}:${'p'.repeat(40)}:2026-11-01:acknowledgement-outstanding`;
    const field = (key: string) => fieldOf(ledgerItemMapping, key);
    const old = [
      { title: long, key: ledgerKeyValue(long), state: 'sent', messageId: 'm-old' },
      { title: 'k-left', key: 'k-left', state: 'claimed', messageId: undefined },
    ];
    double.seedItems(site, 'ReminderLedger', old.length, (index) => ({
      Title: old[index]!.title,
      [field('key')]: old[index]!.key,
      [field('recipientKey')]: 'anne-birk',
      [field('state')]: old[index]!.state,
      [field('runId')]: 'old-run',
      [field('claimedAt')]: '2026-11-01T05:00:00.000Z',
      ...(old[index]!.messageId ? { [field('messageId')]: old[index]!.messageId } : {}),
    }));
    const store = await open();
    expect((await store.listLedger()).map(({ keys, state }) => [keys, state])).toEqual([
      [[long], 'sent'],
      [['k-left'], 'claimed'],
    ]);
    expect(await keysOf(claim(store, 'run-1', [long, 'k-left', 'k-new']))).toEqual(['k-new']);
    expect(await keysOf(claim(store, 'run-2', [long, 'k-left'], ['old-run']))).toEqual(['k-left']);
  });
});

describe('the sweep lease', () => {
  it('of two runs starting at once, one gets the lease; the other sees it held', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    await a.acquireSweepLease('run-0', '2026-11-23T10:00:00.000Z', 60);
    await a.releaseSweepLease('run-0');
    const results = await Promise.all([
      a.acquireSweepLease('run-a', '2026-11-23T11:00:00.000Z', 900),
      b.acquireSweepLease('run-b', '2026-11-23T11:00:00.000Z', 900),
    ]);
    expect(results.filter((result) => result.acquired)).toHaveLength(1);
    expect(results.find((result) => result.acquired)?.previousRunId).toBe('run-0');
  });

  it('is held until released or expired, and renewals keep it', async () => {
    const a: MessagingStore = await open();
    const b: MessagingStore = await open();
    expect(await a.acquireSweepLease('run-a', '2026-11-23T11:00:00.000Z', 900)).toEqual({
      acquired: true,
      previousRunId: null,
    });
    expect((await b.acquireSweepLease('run-b', '2026-11-23T11:05:00.000Z', 900)).acquired).toBe(false);
    expect(await a.acquireSweepLease('run-a', '2026-11-23T11:06:00.000Z', 900)).toEqual({
      acquired: true,
      previousRunId: null,
    });
    // Expired: run-b takes over and learns whose claims are stale.
    expect(await b.acquireSweepLease('run-b', '2026-11-23T11:30:00.000Z', 900)).toEqual({
      acquired: true,
      previousRunId: 'run-a',
    });
    await a.releaseSweepLease('run-a'); // not a's any more: changes nothing
    expect((await a.acquireSweepLease('run-c', '2026-11-23T11:31:00.000Z', 900)).acquired).toBe(false);
    await b.releaseSweepLease('run-b');
    expect((await a.acquireSweepLease('run-c', '2026-11-23T11:32:00.000Z', 900)).acquired).toBe(true);
  });
});

describe('conversations and people', () => {
  it('saves, replaces and finds a conversation reference; finds people by Entra id', async () => {
    const store = await open();
    const reference = {
      personId: 'anne-birk',
      conversationId: 'c-1',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      tenantId: 't-1',
      userAadObjectId: 'aad-anne',
      userId: null,
      locale: 'da' as const,
      installedAt: '2026-11-23T10:00:00.000Z',
    };
    await store.saveConversation(reference);
    await store.saveConversation({ ...reference, conversationId: 'c-2', locale: 'en', userId: '29:1xAnne' });
    expect(await (await open()).getConversation('anne-birk')).toEqual({
      ...reference,
      userId: '29:1xAnne',
      conversationId: 'c-2',
      locale: 'en',
    });
    expect(double.tenant.list(site, 'Conversations').items.size).toBe(1);
    expect(await store.getConversation('nobody')).toBeUndefined();
    expect(await store.findPersonByAadObjectId('aad-anne')).toBe('anne-birk');
    expect(await store.findPersonByAadObjectId('anne-birk')).toBe('anne-birk');
    const strict = await openSharePointMessagingStore(graph, site.id, { allowPersonIdAsAadObjectId: false });
    expect(await strict.findPersonByAadObjectId('anne-birk')).toBeUndefined();
  });
});
