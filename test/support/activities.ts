import { randomUUID } from 'node:crypto';

/**
 * The `Action.Execute` invoke a Teams client sends when a person presses a card button: the shape
 * Microsoft documents for Universal Actions (`adaptiveCard/action`), from a personal chat with the
 * bot. Tests and benches change what they need on the returned object.
 */
export function cardActionInvoke(
  personId: string,
  verb: string,
  data: Record<string, unknown>,
  options: { name?: string } = {},
): Record<string, any> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: `29:${personId}`, aadObjectId: personId, ...(options.name ? { name: options.name } : {}) },
    recipient: { id: '28:kvalitetshaandbog', name: 'Kvalitetshåndbog' },
    conversation: { id: `a:${personId}`, conversationType: 'personal', tenantId: 'local' },
    locale: 'da-DK',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
