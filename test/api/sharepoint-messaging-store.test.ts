import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry, MessagingStore } from '../../functions/src/app/messaging-ports.js';
import { createGraphClient, type GraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import {
  ledgerKeyValue,
  openSharePointMessagingStore,
} from '../../functions/src/adapters/sharepoint/sharepoint-messaging-store.js';
import { personMapping, toFields } from '../../functions/src/adapters/sharepoint/sharepoint-records.js';
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

function entry(key: string, runId: string): Omit<LedgerEntry, 'state' | 'sentAt' | 'messageId'> {
  return {
    key,
    recipientId: 'anne-birk',
    stage: 'review-overdue',
    subjectId: 'p-1',
    dueOn: '2026-11-01',
    runId,
    claimedAt: '2026-11-23T11:00:00.000Z',
  };
}

describe('ledger claims', () => {
  it('two runs claiming the same keys at once: each key is owned by exactly one', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const keys = Array.from({ length: 30 }, (_, index) => `review:p-${index}:2026-11-01:review-overdue`);
    const [ownedA, ownedB] = await Promise.all([
      a.claimReminders(
        keys.map((key) => entry(key, 'run-a')),
        [],
      ),
      b.claimReminders(
        keys.map((key) => entry(key, 'run-b')),
        [],
      ),
    ]);
    expect([...ownedA, ...ownedB].sort()).toEqual([...keys].sort());
    expect(ownedA.filter((key) => ownedB.includes(key))).toEqual([]);
    expect(double.tenant.list(site, 'ReminderLedger').items.size).toBe(keys.length);
  });

  it('a sent key is never claimed again; a stale run’s claim is taken over', async () => {
    const store = await open();
    expect(await store.claimReminders([entry('k-sent', 'run-1'), entry('k-left', 'run-1')], [])).toEqual([
      'k-sent',
      'k-left',
    ]);
    await store.markRemindersSent(['k-sent'], 'm-1', '2026-11-23T11:01:00.000Z');

    const next = await open();
    await next.acquireSweepLease('run-2', '2026-11-24T11:00:00.000Z', 900);
    // run-1 is alive as far as run-2 knows: nothing changes hands.
    expect(await next.claimReminders([entry('k-sent', 'run-2'), entry('k-left', 'run-2')], [])).toEqual([]);
    // run-1 is stale: its unsent claim is taken over, the sent one stays sent.
    expect(await next.claimReminders([entry('k-sent', 'run-2'), entry('k-left', 'run-2')], ['run-1'])).toEqual([
      'k-left',
    ]);
    const ledger = await (await open()).listLedger();
    expect(ledger.map(({ key, state, runId, messageId }) => ({ key, state, runId, messageId }))).toEqual([
      { key: 'k-left', state: 'claimed', runId: 'run-2', messageId: null },
      { key: 'k-sent', state: 'sent', runId: 'run-1', messageId: 'm-1' },
    ]);
  });

  it('a claim Graph keeps refusing stops the run instead of dropping the reminder', async () => {
    const store = await open();
    const ledgerId = double.tenant.list(site, 'ReminderLedger').id;
    double.throttle({ times: 5, scope: 'subrequest', retryAfterSeconds: 1, match: new RegExp(ledgerId) });
    await expect(store.claimReminders([entry('k-throttled', 'run-1')], [])).rejects.toThrow(/k-throttled: 429/);
    expect(await store.claimReminders([entry('k-throttled', 'run-1')], [])).toEqual(['k-throttled']);
  });

  it('keys longer than the key column are stored hashed and read back whole', async () => {
    const long = `acknowledgement:${'v'.repeat(40)}:${'p'.repeat(40)}:2026-11-01:acknowledgement-outstanding`;
    const store = await open();
    expect(await store.claimReminders([entry(long, 'run-1')], [])).toEqual([long]);
    const [item] = [...double.tenant.list(site, 'ReminderLedger').items.values()];
    expect(item?.fields['KhKey']).toBe(ledgerKeyValue(long));
    expect((await store.listLedger()).map((row) => row.key)).toEqual([long]);
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
