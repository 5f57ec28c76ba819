import { describe, expect, it } from 'vitest';
import { buildCardActionActivity, readCardActionResponse, refreshActionFor, toLocalIsoString } from './card-invoke';

const actor = { personId: 'mette-lund', name: 'Mette Lund' };

describe('buildCardActionActivity', () => {
  it('builds the invoke the Teams client sends for Action.Execute', () => {
    const activity = buildCardActionActivity({
      actor,
      messageId: 'message-1',
      action: { id: 'approve', verb: 'approve', data: { approvalId: 'a-1', comment: 'Fint' } },
      trigger: 'manual',
      locale: 'nb',
      origin: 'http://localhost:3978',
      now: new Date('2026-03-01T09:15:00.000Z'),
      activityId: 'activity-1',
    });
    expect(activity).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'activity-1',
      timestamp: '2026-03-01T09:15:00.000Z',
      channelId: 'msteams',
      serviceUrl: 'http://localhost:3978/',
      from: { id: '29:mette-lund', aadObjectId: 'mette-lund', name: 'Mette Lund' },
      recipient: { id: '28:kvalitetshaandbog', name: 'Kvalitetshåndbog' },
      conversation: { id: 'local:mette-lund', conversationType: 'personal', tenantId: 'local' },
      locale: 'nb-NO',
      replyToId: 'message-1',
      channelData: { tenant: { id: 'local' }, source: { name: 'message' } },
      value: {
        action: {
          type: 'Action.Execute',
          id: 'approve',
          verb: 'approve',
          data: { approvalId: 'a-1', comment: 'Fint' },
        },
        trigger: 'manual',
      },
    });
    expect(new Date(activity.localTimestamp).getTime()).toBe(new Date(activity.timestamp).getTime());
  });

  it('writes the local timestamp with the machine offset', () => {
    expect(toLocalIsoString(new Date('2026-03-01T09:15:00.000Z'))).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/,
    );
  });
});

describe('refreshActionFor', () => {
  const card = (refresh: unknown) => ({ type: 'AdaptiveCard', version: '1.5', refresh, body: [] });
  const action = { type: 'Action.Execute', id: 'refresh', verb: 'refresh', data: { approvalId: 'a-1' } };

  it.each([
    ['listed by Teams user id (MRI)', card({ action, userIds: ['29:mette-lund'] }), true],
    [
      'listed by person (Entra object) id only: Teams does not match it',
      card({ action, userIds: ['mette-lund'] }),
      false,
    ],
    ['not listed', card({ action, userIds: ['29:anne-birk'] }), false],
    ['no userIds: everyone in the (personal) chat', card({ action }), true],
    ['empty userIds: manual refresh only', card({ action, userIds: [] }), false],
    ['not Action.Execute', card({ action: { ...action, type: 'Action.Submit' }, userIds: ['29:mette-lund'] }), false],
    ['no refresh', card(undefined), false],
  ])('%s', (_name, input, expected) => {
    const result = refreshActionFor(input, 'mette-lund');
    expect(result).toEqual(expected ? { id: 'refresh', verb: 'refresh', data: { approvalId: 'a-1' } } : null);
  });
});

describe('readCardActionResponse', () => {
  it.each([
    [
      'a new card',
      { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard' } },
      { kind: 'card', card: { type: 'AdaptiveCard' } },
    ],
    [
      'a message',
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Tak' },
      { kind: 'message', text: 'Tak' },
    ],
    [
      'an error',
      {
        statusCode: 409,
        type: 'application/vnd.microsoft.error',
        value: { code: 'ALREADY_DECIDED', message: 'Allerede godkendt' },
      },
      { kind: 'error', code: 'ALREADY_DECIDED', message: 'Allerede godkendt' },
    ],
  ])('reads %s', (_name, response, expected) => {
    expect(readCardActionResponse(response)).toEqual(expected);
  });

  it('treats anything else as an error', () => {
    expect(readCardActionResponse({ statusCode: 200 })).toMatchObject({ kind: 'error', code: 'UNKNOWN' });
    expect(readCardActionResponse(undefined)).toMatchObject({ kind: 'error' });
  });
});
