import { randomUUID } from 'node:crypto';

/**
 * Bot Framework activities as Teams sends them to `/api/messages`, from a person's personal chat
 * with the bot (the shapes Microsoft documents for messages, `adaptiveCard/action` and
 * `composeExtension/query`). Tests and benches override what they need through `extra`.
 */
export function teamsActivity(
  personId: string,
  extra: Record<string, unknown> = {},
  options: { userId?: string; name?: string } = {},
): Record<string, any> {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: options.userId ?? `29:${personId}`, aadObjectId: personId, name: options.name ?? personId },
    recipient: { id: '28:kvalitetshaandbog', name: 'Kvalitetshåndbog' },
    conversation: { id: `a:${personId}`, conversationType: 'personal', tenantId: 'local' },
    channelData: { tenant: { id: 'local' } },
    locale: 'da-DK',
    ...extra,
  };
}

/** The `Action.Execute` invoke a Teams client sends when a person presses a card button. */
export function cardActionInvoke(
  personId: string,
  verb: string,
  data: Record<string, unknown>,
  options: { name?: string; userId?: string; replyToId?: string } = {},
): Record<string, any> {
  return teamsActivity(
    personId,
    {
      type: 'invoke',
      name: 'adaptiveCard/action',
      ...(options.replyToId ? { replyToId: options.replyToId } : {}),
      value: { action: { type: 'Action.Execute', id: verb, verb, data }, trigger: 'manual' },
    },
    options,
  );
}

/** Posts an activity to the local host's bot endpoint (loopback, as the local chat pane does). */
export async function postActivity(baseUrl: string, activity: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
