/**
 * The local chat's wire shapes: the outbox the chat pane reads, and the Bot Framework invoke
 * the Teams client sends for an Adaptive Card's Action.Execute (which the pane imitates).
 * Types only, like contract.ts.
 */

/** An Adaptive Card (schema 1.5) as JSON. */
export type CardJson = Record<string, unknown>;

/** A bot message in the signed-in person's local chat. */
export type ChatMessage = {
  id: string;
  /** Plain text: what a Teams notification would say. */
  summary: string;
  card: CardJson;
  sentAt: string;
  updatedAt: string;
};

export type ChatMessages = { messages: ChatMessage[] };

/** What `adaptiveCard/action` carries in `value`. */
export type CardActionInvokeValue = {
  action: { type: 'Action.Execute'; id: string; verb: string; data: Record<string, unknown> };
  trigger: 'manual' | 'automatic';
};

export type ChannelAccount = { id: string; name: string; aadObjectId?: string };

export type CardActionActivity = {
  type: 'invoke';
  name: 'adaptiveCard/action';
  id: string;
  timestamp: string;
  localTimestamp: string;
  channelId: 'msteams';
  serviceUrl: string;
  from: ChannelAccount;
  recipient: ChannelAccount;
  conversation: { id: string; conversationType: 'personal'; tenantId: string };
  locale: string;
  replyToId: string;
  channelData: { tenant: { id: string }; source: { name: 'message' } };
  value: CardActionInvokeValue;
};

/** The invoke response in the HTTP body: a new card, a message, or an error. */
export type CardActionResponse =
  | { statusCode: number; type: 'application/vnd.microsoft.card.adaptive'; value: CardJson }
  | { statusCode: number; type: 'application/vnd.microsoft.activity.message'; value: string }
  | { statusCode: number; type: 'application/vnd.microsoft.error'; value: { code?: string; message?: string } };
