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
  locale: Locale;
  installedAt: string;
};

/** What a reminder is about; the rule that decides it lives in core. */
export type { ReminderStage } from '../core/reminder-schedule.js';
import type { Locale } from '../core/locale.js';
import type { ReminderStage } from '../core/reminder-schedule.js';

/** One reminder a message carries: its ledger key (kind:subject:due:stage) and what it is about. */
export type ReminderClaim = { key: string; stage: ReminderStage; subjectId: string; dueOn: string };

/** An outgoing message (a person's card or digest) as the ledger records it. */
export type LedgerMessage = {
  runId: string;
  recipientId: string;
  /** The reminder keys the message carries. */
  keys: string[];
  state: 'claimed' | 'sent';
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
   * The ledger claim, written before sending: one message per recipient (at most one per
   * recipient and run), each with the reminders it would carry. A reminder is this run's when
   * no message has sent it and its latest claim is unclaimed, this run's, or a run's that is no
   * longer alive (`staleRunIds`). Returns the messages with the keys this run now owns (a
   * message left with none is not claimed), in the order given.
   */
  claimMessages(
    messages: { recipientId: string; reminders: ReminderClaim[] }[],
    run: { runId: string; claimedAt: string },
    staleRunIds: string[],
  ): Promise<{ recipientId: string; keys: string[] }[]>;
  /** After the send: the run's message to the recipient is sent (a sent message stays as it is). */
  markMessageSent(runId: string, recipientId: string, messageId: string, sentAt: string): Promise<void>;
  /** One entry per message, oldest claim first. */
  listLedger(): Promise<LedgerMessage[]>;
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
