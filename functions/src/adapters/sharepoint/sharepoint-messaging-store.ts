import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ConversationReference, LedgerEntry, MessagingStore } from '../../app/messaging-ports.js';
import { isAppError } from '../../core/errors.js';
import type { BatchRequest, GraphClient, ListItem } from './graph-client.js';
import { createListRepository, isDuplicate as isDuplicateValue } from './sharepoint-list-repository.js';
import { createListMirror, resolveListPaths, type ListMirror, type MirrorItem } from './sharepoint-delta-mirror.js';
import {
  conversationMapping,
  fieldOf,
  fromFields,
  ledgerEntryMapping,
  personMapping,
  sweepLeaseMapping,
  toFields,
  type Fields,
} from './sharepoint-records.js';
import { recordLists } from './sharepoint-schema.js';

/**
 * The MessagingStore port on SharePoint lists (NOT wired into compose yet):
 *
 * - **Conversations**: one item per person (KhKey = person id). Read from a delta mirror, so
 *   the sweep's `getConversation` per recipient costs nothing.
 * - **ReminderLedger**: one item per reminder. SharePoint has no transactions, so the claim is
 *   made race-safe by the list itself: KhKey is an indexed column with
 *   `enforceUniqueValues: true` (columnDefinition, https://learn.microsoft.com/en-us/graph/api/resources/columndefinition;
 *   the provisioner sets both, CSOM's Field.EnforceUniqueValues documents that a unique column
 *   must be indexed). Creating an item whose KhKey exists fails, so of two runs that create
 *   the same key exactly one gets 201; the other's 409 (SharePoint's "duplicate values were
 *   found" error; some tenants answer 400, treated the same) means "already claimed". Taking
 *   over a stale run's claim is a PATCH with If-Match on the eTag the ledger mirror holds: a
 *   412 means another run changed it first. Claims and sent-marks go out as `$batch` (20 per
 *   envelope, https://learn.microsoft.com/en-us/graph/json-batching); a sub-request throttled
 *   inside the batch is re-sent by the client after its Retry-After.
 *   The ledger itself is mirrored by delta, so keys already in it (sent, or claimed by a live
 *   run) are skipped locally instead of being re-created every day.
 * - **SweepLease**: one item (KhKey "sweep") holding runId and expiresAt. Taking it is a PATCH
 *   with If-Match on the eTag just read: of two runs that read the same free lease, the second
 *   PATCH gets 412 and that run reports the lease as held.
 *
 * Keys longer than KhKey's 100 characters are stored as `sha256:<hex>` (uniqueness is kept);
 * the full key is the item's Title.
 */

export type SharePointMessagingStoreOptions = {
  /** Where the ledger and conversation snapshots (with their delta tokens) are kept; memory only when absent. */
  dataDir?: string;
  /** As in the SQLite store: local mode lets a person id stand in for the Entra object id. */
  allowPersonIdAsAadObjectId?: boolean;
  /** How old the conversation mirror may be before `getConversation` refreshes it (default 60 s). */
  maxAgeMs?: number;
  now?: () => number;
};

const leaseName = 'sweep';
const releasedAt = '1970-01-01T00:00:00.000Z';
const keyColumnLength = 100;

export function ledgerKeyValue(key: string): string {
  return key.length <= keyColumnLength ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

const specsOf = (...keys: string[]) =>
  keys.map((key) => {
    const spec = recordLists.find((candidate) => candidate.key === key);
    if (!spec) throw new Error(`No list ${key} in the SharePoint schema`);
    return spec;
  });

export async function openSharePointMessagingStore(
  graph: GraphClient,
  siteId: string,
  options: SharePointMessagingStoreOptions = {},
): Promise<MessagingStore> {
  const allowPersonId = options.allowPersonIdAsAadObjectId ?? true;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const now = options.now ?? Date.now;
  const dir = options.dataDir ? join(options.dataDir, 'sharepoint', siteId) : undefined;
  const paths = await resolveListPaths(
    graph,
    siteId,
    specsOf('reminderLedger', 'conversations', 'people', 'sweepLease'),
    dir && join(dir, 'messaging-lists.json'),
  );
  const ledgerPath = paths.get('reminderLedger')!;
  const conversationsPath = paths.get('conversations')!;
  const leasePath = paths.get('sweepLease')!;
  const lists = createListRepository(graph, siteId, paths);

  const ledger = createListMirror({ graph, listPath: ledgerPath, file: dir && join(dir, 'ledger.json') });
  const conversations = createListMirror({
    graph,
    listPath: conversationsPath,
    file: dir && join(dir, 'conversations.json'),
  });
  let conversationsAt = 0;

  const ledgerField = (column: string) => fieldOf(ledgerEntryMapping, column);
  const keyOf = (item: MirrorItem) =>
    (item.fields[ledgerField('title')] as string | undefined) ?? (item.fields[ledgerField('key')] as string);

  function ledgerByKey(): Map<string, MirrorItem> {
    return new Map([...ledger.items.values()].map((item) => [keyOf(item), item]));
  }

  async function refreshConversations(): Promise<void> {
    await conversations.refresh();
    conversationsAt = now();
  }

  function conversationItem(personId: string): MirrorItem | undefined {
    const column = fieldOf(conversationMapping, 'key');
    for (const item of conversations.items.values()) if (item.fields[column] === personId) return item;
    return undefined;
  }

  /** A PATCH …/fields answer is the fieldValueSet; its @odata.etag is the item's new eTag. */
  function afterPatch(mirror: ListMirror, previous: MirrorItem, body: unknown): void {
    const fields = (body ?? {}) as Fields;
    mirror.put({
      id: previous.id,
      eTag: (fields['@odata.etag'] as string | undefined) ?? previous.eTag,
      fields: { ...previous.fields, ...fields },
    });
  }

  function afterCreate(mirror: ListMirror, body: unknown): void {
    const item = body as ListItem | undefined;
    if (item?.id) mirror.put({ id: item.id, eTag: item.eTag ?? '', fields: item.fields ?? {} });
  }

  // The lease item, as last read or written by this process.
  let lease: { id: string; eTag: string; runId: string; expiresAt: string } | null = null;

  async function readLease(): Promise<typeof lease> {
    const items = lease
      ? [await graph.get<ListItem>(`${leasePath}/items/${lease.id}?$expand=fields`).catch(notFoundAsNull)]
      : await lists.query(sweepLeaseMapping, 'key', leaseName);
    const item = items.find((candidate) => candidate !== null && candidate !== undefined);
    if (!item) return null;
    const record = fromFields(sweepLeaseMapping, item.fields ?? {});
    return { id: item.id, eTag: item.eTag ?? '', runId: record.runId ?? '', expiresAt: record.expiresAt ?? releasedAt };
  }

  async function writeLease(runId: string, expiresAt: string): Promise<boolean> {
    if (!lease) return false;
    try {
      const answer = await graph.request<Fields>(
        lists.patchRequest(
          sweepLeaseMapping,
          lease,
          {
            [fieldOf(sweepLeaseMapping, 'runId')]: runId,
            [fieldOf(sweepLeaseMapping, 'expiresAt')]: expiresAt,
          },
          lease.eTag,
        ),
      );
      lease = { ...lease, eTag: (answer.body['@odata.etag'] as string | undefined) ?? lease.eTag, runId, expiresAt };
      return true;
    } catch (error) {
      // 412: someone wrote the lease after we read it.
      if (isAppError(error) && error.code === 'CONFLICT') {
        lease = null;
        return false;
      }
      throw error;
    }
  }

  return {
    async saveConversation(reference) {
      if (!conversations.loaded) await refreshConversations();
      const fields = toFields(conversationMapping, reference);
      let existing = conversationItem(reference.personId);
      if (!existing) {
        try {
          const created = await graph.request<ListItem>(lists.createRequest(conversationMapping, fields));
          afterCreate(conversations, created.body);
          return;
        } catch (error) {
          if (!isDuplicate(error)) throw error;
          await refreshConversations();
          existing = conversationItem(reference.personId);
          if (!existing) throw error;
        }
      }
      const answer = await graph.request<Fields>(lists.patchRequest(conversationMapping, existing, fields));
      afterPatch(conversations, existing, answer.body);
    },

    async getConversation(personId) {
      if (!conversations.loaded || now() - conversationsAt > maxAgeMs) await refreshConversations();
      const item = conversationItem(personId);
      return item ? fromFields<ConversationReference>(conversationMapping, item.fields) : undefined;
    },

    async findPersonByAadObjectId(aadObjectId) {
      // Both columns are indexed: a query each, 2 RU (not on the sweep's path).
      const find = async (column: string) => {
        const items = await lists.query(personMapping, column, aadObjectId, { top: 1 });
        return items[0]?.fields[fieldOf(personMapping, 'key')] as string | undefined;
      };
      const byAad = await find('aadObjectId');
      if (byAad !== undefined || !allowPersonId) return byAad;
      return find('key');
    },

    async claimReminders(entries, staleRunIds) {
      if (!ledger.loaded) await ledger.refresh();
      const known = ledgerByKey();
      const stale = new Set(staleRunIds);
      const requests: BatchRequest[] = [];
      const targets: { key: string; previous: MirrorItem | null }[] = [];
      for (const entry of entries) {
        const existing = known.get(entry.key);
        if (!existing) {
          const fields = toFields(ledgerEntryMapping, { ...entry, state: 'claimed', sentAt: null, messageId: null });
          fields[ledgerField('key')] = ledgerKeyValue(entry.key);
          requests.push(lists.createRequest(ledgerEntryMapping, fields));
          targets.push({ key: entry.key, previous: null });
          continue;
        }
        const current = fromFields<LedgerEntry>(ledgerEntryMapping, existing.fields);
        // Sent is final; a live run's claim is that run's.
        if (current.state !== 'claimed' || (current.runId !== entry.runId && !stale.has(current.runId))) continue;
        requests.push(
          lists.patchRequest(
            ledgerEntryMapping,
            existing,
            {
              [ledgerField('runId')]: entry.runId,
              [ledgerField('claimedAt')]: entry.claimedAt,
              [ledgerField('recipientKey')]: entry.recipientId,
            },
            existing.eTag,
          ),
        );
        targets.push({ key: entry.key, previous: existing });
      }
      const outcomes = await lists.batch(requests);
      const owned: string[] = [];
      const failures: string[] = [];
      outcomes.forEach((outcome, index) => {
        const target = targets[index]!;
        if (outcome.ok) {
          if (target.previous) afterPatch(ledger, target.previous, outcome.body);
          else afterCreate(ledger, outcome.body);
          owned.push(target.key);
          return;
        }
        // The key exists (another run created it) or another run changed the claim first
        // (412): not ours, and nothing is wrong.
        if (target.previous ? outcome.status === 412 : isDuplicate(outcome.error)) return;
        failures.push(`${target.key}: ${outcome.status}`);
      });
      // Anything else (throttled past every retry, a broken column) stops the run rather than
      // dropping reminders silently; the claims made so far are this run's, and the next run
      // takes them over (previousRunId).
      if (failures.length > 0) throw new Error(`Could not claim reminders: ${failures.join(', ')}`);
      return owned;
    },

    async markRemindersSent(keys, messageId, sentAt) {
      const known = ledgerByKey();
      const items = keys
        .map((key) => known.get(key))
        .filter((item): item is MirrorItem => item !== undefined && item.fields[ledgerField('state')] === 'claimed');
      // No If-Match: the message has gone out, so "sent" is true whoever holds the claim now.
      const outcomes = await lists.batch(
        items.map((item) =>
          lists.patchRequest(ledgerEntryMapping, item, {
            [ledgerField('state')]: 'sent',
            [ledgerField('sentAt')]: sentAt,
            [ledgerField('messageId')]: messageId,
          }),
        ),
      );
      const failures: string[] = [];
      outcomes.forEach((outcome, index) => {
        if (outcome.ok) afterPatch(ledger, items[index]!, outcome.body);
        else failures.push(`${keyOf(items[index]!)}: ${outcome.status}`);
      });
      if (failures.length > 0) throw new Error(`Could not mark reminders sent: ${failures.join(', ')}`);
    },

    async listLedger() {
      await ledger.refresh();
      return [...ledger.items.values()]
        .map((item) => ({ ...fromFields<LedgerEntry>(ledgerEntryMapping, item.fields), key: keyOf(item) }))
        .sort((a, b) => a.claimedAt.localeCompare(b.claimedAt) || a.key.localeCompare(b.key));
    },

    async acquireSweepLease(runId, at, leaseSeconds) {
      const heldBefore = lease?.runId === runId;
      lease = await readLease();
      const expiresAt = new Date(Date.parse(at) + leaseSeconds * 1000).toISOString();
      if (!lease) {
        const fields = toFields(sweepLeaseMapping, { name: leaseName, runId, expiresAt });
        try {
          const created = await graph.request<ListItem>(lists.createRequest(sweepLeaseMapping, fields));
          lease = { id: created.body.id, eTag: created.body.eTag ?? '', runId, expiresAt };
        } catch (error) {
          // Another run created the lease item at the same moment (KhKey is unique).
          if (isDuplicate(error)) return { acquired: false, previousRunId: null };
          throw error;
        }
      } else {
        const heldBy = lease.runId;
        if (heldBy !== '' && heldBy !== runId && lease.expiresAt > at) return { acquired: false, previousRunId: null };
        if (!(await writeLease(runId, expiresAt))) return { acquired: false, previousRunId: null };
        if (heldBy !== '' && heldBy !== runId) {
          await Promise.all([ledger.refresh(), refreshConversations()]);
          return { acquired: true, previousRunId: heldBy };
        }
      }
      // A new run starts from what the lists say now (one delta each, 1 RU when nothing changed).
      if (!heldBefore) await Promise.all([ledger.refresh(), refreshConversations()]);
      return { acquired: true, previousRunId: null };
    },

    async releaseSweepLease(runId) {
      if (!lease || lease.runId !== runId) lease = await readLease();
      if (!lease || lease.runId !== runId) return;
      await writeLease(runId, releasedAt);
    },
  };
}

/** A create refused because the unique KhKey exists (DUPLICATE; a CONFLICT is the same lost race). */
function isDuplicate(error: unknown): boolean {
  return isDuplicateValue(error) || (isAppError(error) && error.code === 'CONFLICT');
}

function notFoundAsNull(error: unknown): null {
  if (isAppError(error) && error.code === 'NOT_FOUND') return null;
  throw error;
}
