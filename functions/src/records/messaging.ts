import { z } from 'zod';
import type { ConversationReference } from '../app/messaging-ports.js';
import { declareRecord, type Same } from './declare.js';
import { id, instantText } from './fields.js';
import { reminderStages } from '../core/reminder-schedule.js';
import { choice, column, date, instant, json, recordKey, singleLine, title } from './sharepoint-columns.js';

/** The bot's records: where it can message each person, the reminder ledger and the sweep's lease. */

export const conversationSchema = z.object({
  personId: id,
  conversationId: z.string().min(1),
  serviceUrl: z.string().min(1),
  tenantId: z.string().nullable(),
  userAadObjectId: z.string().min(1),
  userId: z.string().nullable(),
  locale: z.enum(['da', 'nb', 'en']),
  installedAt: instantText,
});
export const conversationRecord = declareRecord(conversationSchema, {
  kind: 'conversation',
  sqlite: {
    table: 'conversations',
    primaryKey: ['person_id'],
    write: 'upsert',
    columns: [
      ['personId', 'person_id', 'text'],
      ['conversationId', 'conversation_id', 'text'],
      ['serviceUrl', 'service_url', 'text'],
      ['tenantId', 'tenant_id', 'text'],
      ['userAadObjectId', 'user_aad_object_id', 'text'],
      ['userId', 'user_id', 'text'],
      ['locale', 'locale', 'text'],
      ['installedAt', 'installed_at', 'text'],
    ],
  },
  sharepoint: {
    list: {
      key: 'conversations',
      displayName: 'Conversations',
      description: 'Where the bot can message each person.',
      template: 'genericList',
    },
    key: (reference) => reference.personId,
    title: (reference) => reference.personId,
    columns: [
      [null, null, title('Person name.')],
      ['personId', 'text', recordKey('The person id.')],
      ['conversationId', 'text', column('conversationId', 'Teams conversation id.', singleLine())],
      ['serviceUrl', 'text', column('serviceUrl', 'Bot Framework service URL.', singleLine())],
      ['tenantId', 'text', column('tenantId', 'Entra tenant id.', singleLine(64))],
      [
        'userAadObjectId',
        'text',
        column('userAadObjectId', "The person's Entra object id.", singleLine(64), { indexed: true }),
      ],
      ['userId', 'text', column('userId', 'Teams user id (MRI, 29:…) for card refresh.', singleLine())],
      ['locale', 'text', column('locale', 'Card language.', choice(['da', 'nb', 'en']))],
      ['installedAt', 'instant', column('installedAt', 'App installed for the person.', instant)],
    ],
  },
});

/**
 * The reminder ledger: one item per outgoing message (a person's card or digest), with the
 * reminder keys it carries as a JSON list of `{ recipientId, keys }`. On SQLite every row is
 * one message (key `<runId>/<recipientId>`); the keys' index is the `reminder_ledger` table.
 * On SharePoint a run claims all its messages in one item per chunk (`claim:…`, state
 * claimed, recipientId null) and writes one item per message when it is sent (`sent:…`); see
 * sharepoint-messaging-store.ts. Items written before this design (one per reminder key, the
 * key in Title, `messages` empty) still count as a claimed or sent single-key message.
 */
export const ledgerMessageKeysSchema = z.object({ recipientId: id, keys: z.array(z.string().min(1)) });
export type LedgerMessageKeys = z.output<typeof ledgerMessageKeysSchema>;
export const ledgerItemSchema = z.object({
  key: z.string().min(1),
  runId: z.string().min(1),
  recipientId: z.string().nullable(),
  messages: z.array(ledgerMessageKeysSchema).nullable(),
  state: z.enum(['claimed', 'sent']),
  claimedAt: instantText,
  sentAt: instantText.nullable(),
  messageId: z.string().nullable(),
});
export type LedgerItem = z.output<typeof ledgerItemSchema>;
export const ledgerItemRecord = declareRecord(ledgerItemSchema, {
  kind: 'ledger message',
  sqlite: {
    table: 'reminder_messages',
    primaryKey: ['key'],
    write: 'insert-or-ignore',
    columns: [
      ['key', 'key', 'text'],
      ['runId', 'run_id', 'text'],
      ['recipientId', 'recipient_id', 'text'],
      ['messages', 'messages', 'json'],
      ['state', 'state', 'text'],
      ['claimedAt', 'claimed_at', 'text'],
      ['sentAt', 'sent_at', 'text'],
      ['messageId', 'message_id', 'text'],
    ],
  },
  sharepoint: {
    list: {
      key: 'reminderLedger',
      displayName: 'ReminderLedger',
      description:
        'One item per outgoing reminder message (and one per run claiming its messages), written before sending.',
      template: 'genericList',
    },
    key: (item) => item.key,
    title: (item) => item.key,
    columns: [
      [null, null, title('Ledger item key (an older item: the reminder key).')],
      ['key', 'text', recordKey('The ledger key.')],
      ['recipientId', 'text', column('recipientKey', 'Recipient (KhKey in People).', singleLine(100))],
      // The per-key design's columns, kept so sites provisioned with it keep them (and their items' values).
      [null, null, column('stage', 'Reminder stage (an item of the per-key design).', choice(reminderStages))],
      [
        null,
        null,
        column('subjectKey', 'What the reminder is about (an item of the per-key design).', singleLine(100)),
      ],
      [null, null, column('dueOn', 'Due date (an item of the per-key design).', date)],
      [
        'messages',
        'json',
        column('messages', 'The messages and their reminder keys: JSON [{recipientId, keys}].', json),
      ],
      ['state', 'text', column('state', 'claimed or sent.', choice(['claimed', 'sent']), { indexed: true })],
      ['runId', 'text', column('runId', 'The sweep run that claimed it.', singleLine(100), { indexed: true })],
      ['claimedAt', 'instant', column('claimedAt', 'Claimed.', instant)],
      ['sentAt', 'instant', column('sentAt', 'Sent.', instant)],
      ['messageId', 'text', column('messageId', 'The chat message.', singleLine())],
    ],
  },
});

export const sweepLeaseSchema = z.object({ name: z.string().min(1), runId: z.string().min(1), expiresAt: instantText });
export type SweepLeaseRecord = z.output<typeof sweepLeaseSchema>;
export const sweepLeaseRecord = declareRecord(sweepLeaseSchema, {
  kind: 'sweep lease',
  sqlite: {
    // One row (id 1, which is the only lease there is); the lease's name is not kept.
    table: 'sweep_lease',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['runId', 'run_id', 'text'],
      ['expiresAt', 'expires_at', 'text'],
    ],
  },
  sharepoint: {
    // One item (KhKey "sweep"): the reminder sweep's lease, taken and released with If-Match.
    list: {
      key: 'sweepLease',
      displayName: 'SweepLease',
      description: 'The reminder sweep lease: which run holds it and until when.',
      template: 'genericList',
    },
    key: (lease) => lease.name,
    title: (lease) => lease.name,
    columns: [
      [null, null, title('Lease name.')],
      ['name', 'text', recordKey('The lease name.')],
      ['runId', 'text', column('runId', 'The sweep run holding the lease.', singleLine(100))],
      ['expiresAt', 'instant', column('expiresAt', 'The lease holds until.', instant)],
    ],
  },
  unstored: { sqlite: ['name'] },
});

export const messagingTypesMatch: [Same<z.output<typeof conversationSchema>, ConversationReference>] = [true];
