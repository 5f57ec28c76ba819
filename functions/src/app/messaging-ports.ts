import type { CardLocale } from '../bot/cards/card-types.js';

/**
 * Ports for chat: where a person can be reached, what the sweep has already sent, and how a
 * card reaches a person. Implemented by adapters/sqlite (records), adapters/outbox (local chat)
 * and, with bot credentials, the Teams SDK.
 */

/** Where the bot can message a person, stored when the app is installed for them. */
export type ConversationReference = {
  personId: string;
  conversationId: string;
  serviceUrl: string;
  tenantId: string | null;
  /** The Teams user's Entra object id (locally the person id): finds the person for an activity. */
  userAadObjectId: string;
  /**
   * The Teams user id (MRI, `29:…`, the activity's `from.id`), stored from the person's activities.
   * Cards' `refresh.userIds` must be MRIs; null until the person has talked to the bot.
   */
  userId: string | null;
  locale: CardLocale;
  installedAt: string;
};

/** What a reminder is about; the rule that decides it lives in core. */
export type { ReminderStage } from '../core/reminder-schedule.js';
import type { ReminderStage } from '../core/reminder-schedule.js';

export type LedgerEntry = {
  key: string;
  recipientId: string;
  stage: ReminderStage;
  subjectId: string;
  dueOn: string;
  state: 'claimed' | 'sent';
  runId: string;
  claimedAt: string;
  sentAt: string | null;
  messageId: string | null;
};

export type MessagingStore = {
  saveConversation(reference: ConversationReference): Promise<void>;
  getConversation(personId: string): Promise<ConversationReference | undefined>;
  /** Person whose Teams identity (aadObjectId) this is; in local mode the person id itself. */
  findPersonByAadObjectId(aadObjectId: string): Promise<string | undefined>;
  /**
   * Ledger claim, written before sending: inserts the entries that do not exist yet (state
   * 'claimed', this run) and returns the keys this run now owns: new ones, and ones claimed by
   * a run that is no longer alive (`staleRunIds`). A key already 'sent' is never returned.
   */
  claimReminders(
    entries: Omit<LedgerEntry, 'state' | 'sentAt' | 'messageId'>[],
    staleRunIds: string[],
  ): Promise<string[]>;
  markRemindersSent(keys: string[], messageId: string, sentAt: string): Promise<void>;
  listLedger(): Promise<LedgerEntry[]>;
  /** A lease so two sweeps never run at once; returns false when another live run holds it. */
  acquireSweepLease(
    runId: string,
    now: string,
    leaseSeconds: number,
  ): Promise<{ acquired: boolean; previousRunId: string | null }>;
  releaseSweepLease(runId: string): Promise<void>;
};

/** A card on its way to a person (proactive message) and what came of it. */
export type OutgoingCard = {
  recipientId: string;
  /** The Adaptive Card (schema 1.5) as JSON. */
  card: Record<string, unknown>;
  /** Plain-text summary for notifications and logs. */
  summary: string;
};

export type Notifier = {
  send(message: OutgoingCard): Promise<{ messageId: string }>;
};

/** Local chat: the outbox the tab's chat pane reads. */
export type OutboxMessage = OutgoingCard & { id: string; sentAt: string; updatedAt: string };

export type Outbox = Notifier & {
  list(recipientId: string): Promise<OutboxMessage[]>;
  /** Replaces a sent card (after an action the card shows its outcome). */
  update(messageId: string, card: Record<string, unknown>): Promise<void>;
};
