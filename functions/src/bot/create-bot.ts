import { App } from '@microsoft/teams.apps';
import type { ILogger } from '@microsoft/teams.common';
import { createPacedSender } from '../adapters/teams/paced-sender.js';
import type { MessagingStore, Notifier, OutgoingCard, Outbox } from '../app/messaging-ports.js';
import type { Services } from '../app/ports.js';
import type { CardLocale } from './cards/card-types.js';
import { CapturedHttpAdapter } from './captured-http-adapter.js';
import { handleCardAction, type CardActionResult } from './handle-card-action.js';

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
};

const cardContentType = 'application/vnd.microsoft.card.adaptive';

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
  const app = new App({
    // Empty strings, not undefined: the SDK would otherwise read CLIENT_ID etc. from the environment.
    clientId: credentials?.clientId ?? '',
    clientSecret: credentials?.clientSecret ?? '',
    tenantId: credentials?.tenantId ?? '',
    dangerouslyAllowUnauthenticatedRequests: credentials === null && mode === 'local',
    httpServerAdapter: adapter,
    messagingEndpoint: '/api/messages',
    logger: quietLogger,
  });

  const remember = async (activity: {
    from: { id: string; aadObjectId?: string };
    conversation: { id: string; tenantId?: string };
    serviceUrl?: string;
    locale?: string;
  }) => {
    const aadObjectId = activity.from.aadObjectId ?? activity.from.id;
    const personId = await messaging.findPersonByAadObjectId(aadObjectId);
    if (!personId) return;
    await messaging.saveConversation({
      personId,
      conversationId: activity.conversation.id,
      serviceUrl: activity.serviceUrl ?? '',
      tenantId: activity.conversation.tenantId ?? null,
      userAadObjectId: aadObjectId,
      locale: toCardLocale(activity.locale),
      installedAt: services.clock.now().toISOString(),
    });
  };

  app.on('install.add', async ({ activity }) => remember(activity));
  app.on('conversationUpdate', async ({ activity }) => {
    const botId = activity.recipient.id;
    if ((activity.membersAdded ?? []).some((member) => member.id === botId)) await remember(activity);
  });
  app.on('card.action', async ({ activity }) => {
    const result: CardActionResult = await handleCardAction(
      { services, messaging, outbox, publicUrl: options.publicUrl, teamsAppId: options.teamsAppId },
      {
        aadObjectId: activity.from.aadObjectId ?? activity.from.id,
        locale: toCardLocale(activity.locale),
        action: activity.value.action,
        replyToId: activity.replyToId ?? null,
      },
    );
    return result.kind === 'card'
      ? { statusCode: 200 as const, type: cardContentType, value: result.card as never }
      : ({
          statusCode: result.statusCode,
          type: 'application/vnd.microsoft.error' as const,
          value: {
            code: result.code,
            message: result.message,
            innerHttpError: { statusCode: result.statusCode, body: { message: result.message } },
          },
        } as never);
  });
  await app.initialize();

  // At most 25 bot operations a second; 429/412/502/503/504 retried honouring Retry-After.
  const teamsNotifier: Notifier = {
    send: createPacedSender(async (message: OutgoingCard) => {
      const conversation = await messaging.getConversation(message.recipientId);
      if (!conversation)
        throw new Error(`No conversation with ${message.recipientId}: the app is not installed for them.`);
      const sent = await app.send(conversation.conversationId, {
        type: 'message',
        summary: message.summary,
        attachments: [{ contentType: cardContentType, content: message.card }],
      } as never);
      return { messageId: (sent as { id: string }).id };
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

export function toCardLocale(locale: string | undefined): CardLocale {
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
