import type { Locale } from '../core/locale.js';
import { App } from '@microsoft/teams.apps';
import type { ConversationReference as SdkConversationReference } from '@microsoft/teams.api';
import type { ILogger } from '@microsoft/teams.common';
import { createPacedSender } from '../adapters/teams/paced-sender.js';
import type { ConversationReference, MessagingStore, Notifier, OutgoingCard, Outbox } from '../app/messaging-ports.js';
import type { Services } from '../app/ports.js';
import type { Actor } from '../core/policies.js';
import { answerMessage, type ChatReply } from './answer-message.js';
import type { AdaptiveCard } from './cards/card-types.js';
import { CapturedHttpAdapter } from './captured-http-adapter.js';
import { withoutMentions } from './chat-commands.js';
import { handleCardAction, type CardActionResult } from './handle-card-action.js';
import { answerExtensionQuery, type ExtensionQuery } from './message-extension.js';
import {
  answerReportFetchTask,
  answerReportSubmit,
  type ExtensionAction,
  type FileTeamsReport,
} from './report-from-message.js';
export type BotRequest = { body: unknown; headers: Record<string, string | string[]> };
export type BotResponse = { status: number; body?: unknown };

export type Bot = {
  /** POST /api/messages, from either host. */
  handle(request: BotRequest, options: { isLoopback: boolean }): Promise<BotResponse>;
  /** Proactive cards: through Teams with a bot registration, else into the local outbox. */
  notifier: Notifier;
  isAuthenticated: boolean;
};

export type BotOptions = {
  services: Services;
  messaging: MessagingStore;
  outbox: Outbox;
  credentials: { clientId: string; clientSecret: string; tenantId: string | null } | null;
  publicUrl: string;
  /** The Teams app's id, for deep links into the tab (see `tabLink` in approval-view.ts). */
  teamsAppId?: string | null | undefined;
  /** Production never accepts an unauthenticated activity, loopback or not. */
  mode: 'local' | 'production';
  /** The register's report use case, for the message extension's "Meld afvigelse" (compose.ts). */
  fileTeamsReport?: FileTeamsReport | undefined;
};

const cardContentType = 'application/vnd.microsoft.card.adaptive';

/**
 * The bot on the Teams SDK v2. With a bot registration every inbound request's Bot Framework
 * token is validated by the SDK; without one the SDK accepts unauthenticated activities, so
 * `handle` then accepts only requests that came over loopback in local mode (the chat pane, the
 * Agents Playground), and refuses every activity in production (503: nothing to authenticate
 * them with; the hosts say so at start-up, see `startupWarnings` in config.ts).
 */
/**
 * The Teams SDK's App, with one addition: sending to a conversation at the service URL saved for
 * it. (`App.send` always uses the SDK's global service URL, which is wrong for a person whose
 * Teams is served from another region's Bot Connector.)
 */
class ProductApp extends App {
  async sendAt(reference: SdkConversationReference, activity: Record<string, unknown>): Promise<{ id: string }> {
    return (await this.activitySender.send(activity as never, reference)) as { id: string };
  }
}

/** The proactive send: to the saved conversation, at its saved service URL. */
export function conversationReferenceFor(
  conversation: Pick<ConversationReference, 'conversationId' | 'serviceUrl' | 'tenantId'>,
  botId: string,
): SdkConversationReference {
  return {
    channelId: 'msteams',
    serviceUrl: conversation.serviceUrl,
    bot: { id: botId, role: 'bot', name: 'Kvalitetshåndbog' },
    conversation: {
      id: conversation.conversationId,
      conversationType: 'personal',
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
    },
  } as SdkConversationReference;
}

type ActivityAccount = { id: string; aadObjectId?: string | null };
type InboundActivity = {
  from: ActivityAccount;
  recipient: ActivityAccount;
  conversation: { id: string; tenantId?: string | null; conversationType?: unknown };
  serviceUrl?: string | null;
  locale?: string | null;
  entities?: unknown[] | null;
};

/**
 * The bot on the Teams SDK v2. With a bot registration every inbound request's Bot Framework
 * token is validated by the SDK; without one the SDK accepts unauthenticated activities, so
 * `handle` then accepts only requests that came over loopback in local mode (the chat pane, the
 * Agents Playground), and refuses every activity in production (503: nothing to authenticate
 * them with; the hosts say so at start-up, see `startupWarnings` in config.ts).
 */
export async function createBot(options: BotOptions): Promise<Bot> {
  const { services, messaging, outbox, credentials, mode } = options;
  const unregisteredInProduction = credentials === null && mode === 'production';
  const adapter = new CapturedHttpAdapter();
  const app = new ProductApp({
    // Empty strings, not undefined: the SDK would otherwise read CLIENT_ID etc. from the environment.
    clientId: credentials?.clientId ?? '',
    clientSecret: credentials?.clientSecret ?? '',
    tenantId: credentials?.tenantId ?? '',
    dangerouslyAllowUnauthenticatedRequests: credentials === null && mode === 'local',
    httpServerAdapter: adapter,
    messagingEndpoint: '/api/messages',
    logger: quietLogger,
  });
  const answerDeps = { services, publicUrl: options.publicUrl };

  /**
   * Who sent the activity, and where to reach them: every activity from a known person stores
   * their Teams user id (MRI, `from.id`, what cards' refresh.userIds name) and, from their
   * personal chat with the bot, the conversation, its service URL and their language. Written
   * only when something changed.
   */
  const remember = async (activity: InboundActivity): Promise<Actor | null> => {
    const aadObjectId = activity.from.aadObjectId ?? activity.from.id;
    const personId = await messaging.findPersonByAadObjectId(aadObjectId);
    const person = personId ? await services.store.getPerson(personId) : undefined;
    if (!person) return null;
    const existing = await messaging.getConversation(person.id);
    const personal = isPersonal(activity);
    const next: ConversationReference | null = personal
      ? {
          personId: person.id,
          conversationId: activity.conversation.id,
          serviceUrl: activity.serviceUrl ?? existing?.serviceUrl ?? '',
          tenantId: activity.conversation.tenantId ?? null,
          userAadObjectId: aadObjectId,
          userId: activity.from.id,
          locale: toCardLocale(activity.locale ?? undefined),
          installedAt: existing?.installedAt ?? services.clock.now().toISOString(),
        }
      : existing
        ? { ...existing, userId: activity.from.id }
        : null;
    if (next && JSON.stringify(next) !== JSON.stringify(existing)) await messaging.saveConversation(next);
    return { id: person.id, unitId: person.unitId, roles: person.roles };
  };

  /**
   * Answers go back into the conversation the message came from. Without a bot registration
   * (local mode) there is no Bot Connector: answers to the chat pane and to loopback tests go to
   * the local outbox, and only a local client with its own connector (the Agents Playground, on
   * another loopback port) gets them through the SDK.
   */
  const deliver = async (
    send: (activity: Record<string, unknown>) => Promise<unknown>,
    activity: InboundActivity,
    actor: Actor | null,
    reply: ChatReply,
  ) => {
    if (credentials === null && !isLocalConnector(activity.serviceUrl, options.publicUrl)) {
      if (!actor) return;
      for (const card of reply.cards) await outbox.send({ recipientId: actor.id, card, summary: reply.text });
      return;
    }
    await send({
      type: 'message',
      text: reply.text,
      // A list (cards stacked), not a carousel: the Agents Playground does not show carousels.
      attachmentLayout: 'list',
      attachments: reply.cards.map((card) => ({ contentType: cardContentType, content: card })),
    });
  };

  app.on('install.add', async ({ activity }) => void (await remember(activity)));
  app.on('conversationUpdate', async ({ activity }) => {
    const botId = activity.recipient.id;
    if ((activity.membersAdded ?? []).some((member) => member.id === botId)) await remember(activity);
  });
  app.on('message', async ({ activity, send }) => {
    const actor = await remember(activity);
    const locale = toCardLocale(activity.locale);
    const submitted = submittedAction(activity.value);
    if (submitted) {
      // An older Teams client pressed the Action.Submit fallback of an Action.Execute.
      const result = await handleCardAction(
        { services, messaging, outbox, publicUrl: options.publicUrl },
        {
          aadObjectId: activity.from.aadObjectId ?? activity.from.id,
          locale,
          action: submitted,
          replyToId: activity.replyToId ?? null,
        },
      );
      if (result.kind !== 'card') return;
      // With an id the SDK updates that message: the card is replaced by its outcome, as Execute does.
      await deliverCard((a) => send(a as never), activity, result.card, activity.replyToId ?? null);
      return;
    }
    const personal = isPersonal(activity);
    if (!personal && !mentionsBot(activity)) return;
    const reply = await answerMessage(answerDeps, { actor, text: withoutMentions(activity.text ?? ''), locale });
    await deliver((a) => send(a as never), activity, actor, reply);
  });
  app.on('message.ext.query', async ({ activity }) => {
    const actor = await remember(activity);
    return answerExtensionQuery(answerDeps, {
      actor,
      query: (activity.value ?? {}) as ExtensionQuery,
      locale: toCardLocale(activity.locale),
    }) as never;
  });
  // "Meld afvigelse" / "Foreslå forbedring" on a message: the form, then the report (report-from-message.ts).
  app.on('message.ext.open', async ({ activity }) => {
    const actor = await remember(activity);
    return answerReportFetchTask({
      actor,
      value: (activity.value ?? {}) as ExtensionAction,
      locale: toCardLocale(activity.locale),
    }) as never;
  });
  app.on('message.ext.submit', async ({ activity }) => {
    const actor = await remember(activity);
    const fileReport: FileTeamsReport =
      options.fileTeamsReport ??
      (() => Promise.reject(new Error('The register is not wired into the bot (compose.ts fileTeamsReport).')));
    return (await answerReportSubmit(
      { fileReport },
      { actor, value: (activity.value ?? {}) as ExtensionAction, locale: toCardLocale(activity.locale) },
    )) as never;
  });
  app.on('card.action', async ({ activity }) => {
    await remember(activity);
    const result: CardActionResult = await handleCardAction(
      { services, messaging, outbox, publicUrl: options.publicUrl, teamsAppId: options.teamsAppId },
      {
        aadObjectId: activity.from.aadObjectId ?? activity.from.id,
        locale: toCardLocale(activity.locale),
        action: activity.value.action,
        replyToId: activity.replyToId ?? null,
      },
    );
    return cardActionResponse(result, options.publicUrl) as never;
  });
  await app.initialize();

  const deliverCard = async (
    send: (activity: Record<string, unknown>) => Promise<unknown>,
    activity: InboundActivity,
    card: AdaptiveCard,
    replaceId: string | null,
  ) => {
    if (credentials === null && !isLocalConnector(activity.serviceUrl, options.publicUrl)) return; // the outbox was updated
    await send({
      type: 'message',
      ...(replaceId ? { id: replaceId } : {}),
      attachments: [{ contentType: cardContentType, content: card }],
    });
  };

  // At most 25 bot operations a second; 429/412/502/503/504 retried honouring Retry-After.
  const teamsNotifier: Notifier = {
    send: createPacedSender(async (message: OutgoingCard) => {
      const conversation = await messaging.getConversation(message.recipientId);
      if (!conversation)
        throw new Error(`No conversation with ${message.recipientId}: the app is not installed for them.`);
      const sent = await app.sendAt(conversationReferenceFor(conversation, app.id ?? credentials?.clientId ?? ''), {
        type: 'message',
        summary: message.summary,
        attachments: [{ contentType: cardContentType, content: message.card }],
      });
      return { messageId: sent.id };
    }),
  };

  return {
    isAuthenticated: credentials !== null,
    notifier: credentials === null ? outbox : teamsNotifier,
    async handle(request, { isLoopback }) {
      if (unregisteredInProduction) {
        return {
          status: 503,
          body: {
            code: 'SERVICE_UNAVAILABLE',
            message:
              'This server has no bot registration (BOT_CLIENT_ID, BOT_CLIENT_SECRET), so it accepts no chat activities.',
          },
        };
      }
      if (credentials === null && !isLoopback) {
        return {
          status: 401,
          body: { code: 'UNAUTHENTICATED', message: 'The bot has no registration; only local requests are accepted.' },
        };
      }
      const response = await adapter.handle({ body: request.body, headers: lowerCaseKeys(request.headers) });
      return { status: response.status, body: response.body };
    },
  };
}

/**
 * The invoke response of the Universal Actions model: a card (200), or an error whose type
 * matches its status. 401 (the Teams user is not a person in the handbook) is a `loginRequest`
 * with a sign-in card that opens the handbook, the type the model defines for 401; other
 * errors are `application/vnd.microsoft.error`.
 */
export function cardActionResponse(result: CardActionResult, publicUrl: string): Record<string, unknown> {
  if (result.kind === 'card') return { statusCode: 200, type: cardContentType, value: result.card };
  if (result.statusCode === 401) {
    return {
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: {
        text: result.message,
        connectionName: '',
        buttons: [{ type: 'signin', title: 'Kvalitetshåndbog', text: 'Kvalitetshåndbog', value: `${publicUrl}/` }],
      },
    };
  }
  return {
    statusCode: result.statusCode,
    type: 'application/vnd.microsoft.error',
    value: {
      code: result.code,
      message: result.message,
      innerHttpError: { statusCode: result.statusCode, body: { message: result.message } },
    },
  };
}

/** An Action.Submit fallback's `value`: the verb and the data of the Action.Execute it stands in for. */
function submittedAction(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { verb, ...data } = value as Record<string, unknown>;
  if (typeof verb !== 'string') return null;
  return { type: 'Action.Execute', verb, data };
}

function isPersonal(activity: InboundActivity): boolean {
  const type = activity.conversation.conversationType;
  return type === undefined || type === null || type === 'personal';
}

/** In group chats and channels the bot answers only when mentioned (Teams sends a mention entity). */
function mentionsBot(activity: InboundActivity): boolean {
  return (activity.entities ?? []).some((entity) => {
    const mention = entity as { type?: unknown; mentioned?: { id?: unknown } };
    return mention.type === 'mention' && mention.mentioned?.id === activity.recipient.id;
  });
}

/**
 * Local mode only: is the activity's service URL a local connector other than this product (the
 * Agents Playground serves one on its own loopback port)? The chat pane names this product's
 * own origin, and tests name Teams' URL; both are answered through the outbox.
 */
function isLocalConnector(serviceUrl: string | null | undefined, publicUrl: string): boolean {
  if (!serviceUrl) return false;
  try {
    const url = new URL(serviceUrl);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return loopback && url.origin !== new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

export function toCardLocale(locale: string | undefined): Locale {
  const language = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  if (language === 'nb' || language === 'nn' || language === 'no') return 'nb';
  if (language === 'en') return 'en';
  return 'da';
}

function lowerCaseKeys(headers: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** The SDK logs every activity at debug level; keep warnings and errors only. */
const quietLogger: ILogger = {
  debug: () => undefined,
  info: () => undefined,
  log: () => undefined,
  trace: () => undefined,
  warn: (...message: unknown[]) => {
    // Local mode chooses unauthenticated activities on purpose (loopback only; see `handle`).
    if (String(message[0]).includes('dangerouslyAllowUnauthenticatedRequests is enabled')) return;
    console.warn('[bot]', ...message);
  },
  error: (...message: unknown[]) => console.error('[bot]', ...message),
  child: () => quietLogger,
} as unknown as ILogger;
