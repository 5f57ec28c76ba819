import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ConversationReference, LedgerMessage, MessagingStore } from '../../app/messaging-ports.js';
import type { LedgerItem, LedgerMessageKeys } from '../../records/messaging.js';
import { isAppError } from '../../core/errors.js';
import type { BatchRequest, GraphClient, ListItem } from './graph-client.js';
import { createListRepository, isDuplicate as isDuplicateValue } from './sharepoint-list-repository.js';
import { createListMirror, resolveListPaths, type ListMirror, type MirrorItem } from './sharepoint-delta-mirror.js';
import {
  conversationMapping,
  fieldOf,
  fromFields,
  ledgerItemMapping,
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
 * - **ReminderLedger**: its cost does not grow with the reminders. A run claims ALL its
 *   messages before sending in one item per chunk of ~40,000 characters (`claim:<run>:<uuid>`,
 *   state claimed, `messages` = JSON [{recipientId, keys}]; one item on a normal day), and
 *   writes one item per message once it is sent (`sent:<run>:<recipient>`, state sent, its
 *   keys, messageId). So a day costs 2 RU for the claim and 2 RU per message (not per
 *   reminder), plus one delta of the ledger (1 RU), which keeps the set of claimed and sent
 *   keys in a local snapshot (only the ledger's own columns). A key is owned by a run when no
 *   sent item holds it and its latest claim (claimedAt, then item id) is unclaimed, the run's
 *   own, or a stale run's (`staleRunIds`): a dead run's or failed send's claims are taken over
 *   by the next run, exactly as before. Two sweeps never claim at once (the sweep lease);
 *   KhKey stays unique, so a repeated sent-mark is refused and ignored. Items of the earlier
 *   design (one per reminder, the key in Title, no `messages`) read as single-key messages.
 *   Limit: without a transaction or a unique key per reminder, a publication's inline sends
 *   and a sweep that claim the same acknowledgement request within the same moment could
 *   both send it (SQLite claims per key in one transaction and cannot).
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
  /**
   * The Conversations mirror to share (the reminder source's, so a sweep reads the list once);
   * the store keeps its own when absent.
   */
  conversations?: ListMirror;
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

  const ledgerField = (column: string) => fieldOf(ledgerItemMapping, column);
  const ledger = createListMirror({
    graph,
    listPath: ledgerPath,
    select: ['title', 'key', 'recipientKey', 'messages', 'state', 'runId', 'claimedAt', 'sentAt', 'messageId'].map(
      ledgerField,
    ),
    file: dir && join(dir, 'ledger-messages.json'),
  });
  const conversations =
    options.conversations ??
    createListMirror({ graph, listPath: conversationsPath, file: dir && join(dir, 'conversations.json') });
  let conversationsAt = 0;
  let conversationsSeen = -1;

  async function refreshConversations(): Promise<void> {
    await conversations.refresh();
    conversationsAt = now();
  }

  /** What this process claimed, by run and recipient: the keys its sent item records. */
  const claimed = new Map<string, string[]>();
  const messageName = (runId: string, recipientId: string) => `${runId}\u0000${recipientId}`;

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
      // A shared mirror refreshed by its other reader counts as fresh.
      if (conversations.loaded && conversations.refreshCount !== conversationsSeen) {
        conversationsSeen = conversations.refreshCount;
        conversationsAt = now();
      }
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

    async claimMessages(messages, run, staleRunIds) {
      if (!ledger.loaded) await ledger.refresh();
      const { sent, latest } = keyStates(ledgerItems(ledger));
      const stale = new Set(staleRunIds);
      const owned: LedgerMessageKeys[] = [];
      for (const message of messages) {
        const keys = message.reminders
          .map((reminder) => reminder.key)
          .filter((key) => {
            if (sent.has(key)) return false;
            const holder = latest.get(key);
            return holder === undefined || holder.runId === run.runId || stale.has(holder.runId);
          });
        if (keys.length > 0) owned.push({ recipientId: message.recipientId, keys });
      }
      const requests: BatchRequest[] = chunksOf(owned).map((chunk) => {
        const item: LedgerItem = {
          key: ledgerKeyValue(`claim:${run.runId}:${randomUUID()}`),
          runId: run.runId,
          recipientId: null,
          messages: chunk,
          state: 'claimed',
          claimedAt: run.claimedAt,
          sentAt: null,
          messageId: null,
        };
        return lists.createRequest(ledgerItemMapping, toFields(ledgerItemMapping, item));
      });
      const outcomes = await lists.batch(requests);
      const failures: string[] = [];
      outcomes.forEach((outcome) => {
        if (outcome.ok) afterCreate(ledger, outcome.body);
        else failures.push(String(outcome.status));
      });
      // Anything refused (throttled past every retry, a broken column) stops the run rather than
      // sending unclaimed; what was claimed is this run's, and the next run takes it over.
      if (failures.length > 0) {
        const keys = owned.flatMap((message) => message.keys);
        const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? `, … (${keys.length} keys)` : '');
        throw new Error(`Could not claim reminders (${failures.join(', ')}): ${shown}`);
      }
      for (const message of owned) claimed.set(messageName(run.runId, message.recipientId), message.keys);
      return owned;
    },

    async markMessageSent(runId, recipientId, messageId, sentAt) {
      let keys = claimed.get(messageName(runId, recipientId));
      if (!keys) {
        if (!ledger.loaded) await ledger.refresh();
        const item = ledgerItems(ledger).find(
          (candidate) => candidate.state === 'claimed' && candidate.runId === runId,
        );
        keys = item?.messages?.find((message) => message.recipientId === recipientId)?.keys;
      }
      if (!keys) return;
      const item: LedgerItem = {
        key: ledgerKeyValue(`sent:${runId}:${recipientId}`),
        runId,
        recipientId,
        messages: [{ recipientId, keys }],
        state: 'sent',
        claimedAt: sentAt,
        sentAt,
        messageId,
      };
      try {
        const created = await graph.request<ListItem>(
          lists.createRequest(ledgerItemMapping, toFields(ledgerItemMapping, item)),
        );
        afterCreate(ledger, created.body);
      } catch (error) {
        // Marked before (KhKey is unique): a sent message stays as it is.
        if (!isDuplicate(error)) throw error;
      }
    },

    async listLedger() {
      await ledger.refresh();
      const items = ledgerItems(ledger);
      const sentMessages = new Set(
        items
          .filter((item) => item.state === 'sent' && !item.legacy)
          .map((item) => messageName(item.runId, item.recipientId ?? '')),
      );
      const messages: LedgerMessage[] = [];
      for (const item of items) {
        if (item.state === 'sent' && item.recipientId !== null && !item.legacy) {
          const claim = items.find(
            (candidate) =>
              candidate.state === 'claimed' &&
              candidate.runId === item.runId &&
              candidate.messages?.some((message) => message.recipientId === item.recipientId),
          );
          messages.push({
            runId: item.runId,
            recipientId: item.recipientId,
            keys: item.messages?.flatMap((message) => message.keys) ?? [],
            state: 'sent',
            claimedAt: claim?.claimedAt ?? item.claimedAt,
            sentAt: item.sentAt,
            messageId: item.messageId,
          });
          continue;
        }
        for (const message of item.messages ?? []) {
          if (
            item.state === 'claimed' &&
            !item.legacy &&
            sentMessages.has(messageName(item.runId, message.recipientId))
          )
            continue;
          messages.push({
            runId: item.runId,
            recipientId: message.recipientId,
            keys: message.keys,
            state: item.state,
            claimedAt: item.claimedAt,
            sentAt: item.sentAt,
            messageId: item.messageId,
          });
        }
      }
      return messages.sort(
        (a, b) => a.claimedAt.localeCompare(b.claimedAt) || (a.keys[0] ?? '').localeCompare(b.keys[0] ?? ''),
      );
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
          await ledger.refresh();
          return { acquired: true, previousRunId: heldBy };
        }
      }
      // A new run starts from what the ledger says now (one delta, 1 RU when nothing changed);
      // the conversations are refreshed when first asked for (or by the reminder source sharing them).
      if (!heldBefore) await ledger.refresh();
      return { acquired: true, previousRunId: null };
    },

    async releaseSweepLease(runId) {
      if (!lease || lease.runId !== runId) lease = await readLease();
      if (!lease || lease.runId !== runId) return;
      await writeLease(runId, releasedAt);
    },
  };
}

type ReadItem = LedgerItem & { order: number; legacy: boolean };

/** The ledger's items as records; an item of the earlier design (one per key) as a single-key message. */
function ledgerItems(mirror: ListMirror): ReadItem[] {
  const titleField = fieldOf(ledgerItemMapping, 'title');
  return [...mirror.items.values()].flatMap((item: MirrorItem): ReadItem[] => {
    try {
      const record = fromFields<LedgerItem>(ledgerItemMapping, item.fields);
      const order = Number(item.id) || 0;
      if (record.messages !== null) return [{ ...record, order, legacy: false }];
      const key = (item.fields[titleField] as string | undefined) ?? record.key;
      const messages = [{ recipientId: record.recipientId ?? '', keys: [key] }];
      return [{ ...record, messages, order, legacy: true }];
    } catch {
      return [];
    }
  });
}

/** Which keys a message has sent, and each key's latest claim (claimedAt, then item id). */
function keyStates(items: ReadItem[]) {
  const sent = new Set<string>();
  const latest = new Map<string, { runId: string; claimedAt: string; order: number }>();
  for (const item of items) {
    for (const key of (item.messages ?? []).flatMap((message) => message.keys)) {
      if (item.state === 'sent') {
        sent.add(key);
        continue;
      }
      const before = latest.get(key);
      if (
        !before ||
        before.claimedAt < item.claimedAt ||
        (before.claimedAt === item.claimedAt && before.order < item.order)
      )
        latest.set(key, { runId: item.runId, claimedAt: item.claimedAt, order: item.order });
    }
  }
  return { sent, latest };
}

/** Claimed messages in items of at most ~40,000 characters of JSON (a multi-line text column holds 63,999). */
function chunksOf(messages: LedgerMessageKeys[]): LedgerMessageKeys[][] {
  const limit = 40_000;
  const chunks: LedgerMessageKeys[][] = [];
  let chunk: LedgerMessageKeys[] = [];
  let size = 2;
  for (const message of messages) {
    // A digest whose keys alone pass the limit is split into several entries for the same recipient.
    const parts: LedgerMessageKeys[] = [];
    let part: string[] = [];
    let partSize = 0;
    for (const key of message.keys) {
      if (part.length > 0 && partSize + key.length + 3 > limit / 2) {
        parts.push({ recipientId: message.recipientId, keys: part });
        part = [];
        partSize = 0;
      }
      part.push(key);
      partSize += key.length + 3;
    }
    if (part.length > 0) parts.push({ recipientId: message.recipientId, keys: part });
    for (const piece of parts) {
      const length = JSON.stringify(piece).length + 1;
      if (chunk.length > 0 && size + length > limit) {
        chunks.push(chunk);
        chunk = [];
        size = 2;
      }
      chunk.push(piece);
      size += length;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** A create refused because the unique KhKey exists (DUPLICATE; a CONFLICT is the same lost race). */
function isDuplicate(error: unknown): boolean {
  return isDuplicateValue(error) || (isAppError(error) && error.code === 'CONFLICT');
}

function notFoundAsNull(error: unknown): null {
  if (isAppError(error) && error.code === 'NOT_FOUND') return null;
  throw error;
}
