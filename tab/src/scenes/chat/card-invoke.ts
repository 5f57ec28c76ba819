import type { CardActionActivity, CardJson } from '../../api/chat-contract';
import { intlTags, type Locale } from '../../../../functions/src/core/locale';

/** The parts of an Action.Execute the bot needs: which button, its verb, its data with inputs. */
export type ExecuteRequest = { id: string; verb: string; data: Record<string, unknown> };

export type CardActor = { personId: string; name: string };

/** The locale the Teams client sends, from the UI language. */

export const botAccount = { id: '28:kvalitetshaandbog', name: 'Kvalitetshåndbog' } as const;

/**
 * The `adaptiveCard/action` invoke the Teams client sends when a person presses an
 * Action.Execute button (`manual`) or a card with `refresh` is shown to them (`automatic`).
 * The clock and the activity id are passed in.
 */
export function buildCardActionActivity(input: {
  actor: CardActor;
  messageId: string;
  action: ExecuteRequest;
  trigger: 'manual' | 'automatic';
  locale: Locale;
  origin: string;
  now: Date;
  activityId: string;
}): CardActionActivity {
  const { actor } = input;
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: input.activityId,
    timestamp: input.now.toISOString(),
    localTimestamp: toLocalIsoString(input.now),
    channelId: 'msteams',
    serviceUrl: `${input.origin}/`,
    from: { id: `29:${actor.personId}`, aadObjectId: actor.personId, name: actor.name },
    recipient: { ...botAccount },
    conversation: { id: `local:${actor.personId}`, conversationType: 'personal', tenantId: 'local' },
    locale: intlTags[input.locale],
    replyToId: input.messageId,
    channelData: { tenant: { id: 'local' }, source: { name: 'message' } },
    value: {
      action: { type: 'Action.Execute', id: input.action.id, verb: input.action.verb, data: input.action.data },
      trigger: input.trigger,
    },
  };
}

/** "2026-03-01T10:15:00.000+01:00": the instant in the machine's own offset, as Teams sends it. */
export function toLocalIsoString(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  const minutes = String(absolute % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/**
 * The card's automatic refresh for this person, as Teams decides it: only when the card has
 * `refresh.action` of type Action.Execute, and `refresh.userIds` lists the person's Teams user id
 * (MRI, `29:<person id>` locally; Teams does not match Entra object ids) or is absent (Teams then
 * refreshes for everyone in a chat of up to 60; this chat is personal). An empty list means
 * manual refresh only. `null` means the card is shown as sent.
 */
export function refreshActionFor(card: CardJson, personId: string): ExecuteRequest | null {
  const refresh = asRecord(card['refresh']);
  const action = asRecord(refresh?.['action']);
  if (!refresh || !action || action['type'] !== 'Action.Execute') return null;
  const userIds = refresh['userIds'];
  if (userIds !== undefined && (!Array.isArray(userIds) || !userIds.includes(`29:${personId}`))) return null;
  return {
    id: typeof action['id'] === 'string' ? action['id'] : '',
    verb: typeof action['verb'] === 'string' ? action['verb'] : '',
    data: asRecord(action['data']) ?? {},
  };
}

/** What came of an invoke, read from the invoke response in the HTTP body. */
export type CardActionOutcome =
  | { kind: 'card'; card: CardJson }
  | { kind: 'message'; text: string }
  | { kind: 'error'; code: string; message: string };

export function readCardActionResponse(response: unknown): CardActionOutcome {
  const body = asRecord(response);
  const statusCode = typeof body?.['statusCode'] === 'number' ? body['statusCode'] : 0;
  const type = body?.['type'];
  const value = body?.['value'];
  if (statusCode >= 200 && statusCode < 300) {
    const card = asRecord(value);
    if (type === 'application/vnd.microsoft.card.adaptive' && card) return { kind: 'card', card };
    if (type === 'application/vnd.microsoft.activity.message' && typeof value === 'string') {
      return { kind: 'message', text: value };
    }
  }
  const error = asRecord(value);
  return {
    kind: 'error',
    code: typeof error?.['code'] === 'string' ? error['code'] : 'UNKNOWN',
    message:
      typeof error?.['message'] === 'string'
        ? error['message']
        : `Unexpected invoke response (statusCode ${statusCode}, type ${String(type)})`,
  };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
