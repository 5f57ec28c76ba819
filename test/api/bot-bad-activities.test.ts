import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardActionInvoke } from '../support/activities.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * Issue 10, item 10: an activity the product cannot read is refused at the edge with
 * 400 VALIDATION and the { code, message, details } contract, never a 500, and decides nothing.
 * Each case below malforms an otherwise valid approval from the approver of K-16's pending draft.
 */
let server: TestServer;
let approvalId: string;
let approverId: string;
beforeAll(async () => {
  server = await startTestServer();
  const procedure = (await server.app.services.store.getProcedureByCode('K-16'))!;
  const approval = (await server.app.services.store.listApprovals(procedure.id)).find((a) => a.decision === null)!;
  approvalId = approval.id;
  approverId = approval.approverId;
});
afterAll(async () => server?.stop());

function validActivity(): Record<string, any> {
  return cardActionInvoke(approverId, 'approve', { approvalId }, { name: 'Anne Birk' });
}

function malformed(change: (activity: Record<string, any>) => unknown): () => unknown {
  return () => {
    const activity = validActivity();
    const result = change(activity);
    return result === undefined ? activity : result;
  };
}

async function postRaw(body: unknown) {
  const response = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

describe('malformed activities on POST /api/messages', () => {
  it.each([
    ['from.aadObjectId is not a string', malformed((a) => void (a['from'].aadObjectId = true))],
    ['serviceUrl is a number', malformed((a) => void (a['serviceUrl'] = 123))],
    ['serviceUrl is not a URL', malformed((a) => void (a['serviceUrl'] = 'javascript:alert(1)'))],
    ['from is missing', malformed((a) => void delete a['from'])],
    ['from is a string', malformed((a) => void (a['from'] = approverId))],
    ['from has no id', malformed((a) => void (a['from'] = { aadObjectId: approverId }))],
    ['from.name is 10 000 characters', malformed((a) => void (a['from'].name = 'x'.repeat(10_000)))],
    ['conversation is null', malformed((a) => void (a['conversation'] = null))],
    ['conversation.id is empty', malformed((a) => void (a['conversation'].id = ''))],
    ['recipient is missing', malformed((a) => void delete a['recipient'])],
    ['type is a number', malformed((a) => void (a['type'] = 42))],
    ['type is missing', malformed((a) => void delete a['type'])],
    ['channelId is an object', malformed((a) => void (a['channelId'] = { id: 'msteams' }))],
    ['locale is an object', malformed((a) => void (a['locale'] = {}))],
    ['replyToId is a number', malformed((a) => void (a['replyToId'] = 5))],
    ['text is 100 000 characters', malformed((a) => void (a['text'] = 'x'.repeat(100_000)))],
    ['value is a string', malformed((a) => void (a['value'] = 'approve'))],
    ['value is an array', malformed((a) => void (a['value'] = [a['value']]))],
    ['a card action without value', malformed((a) => void delete a['value'])],
    ['a card action whose value.action is a string', malformed((a) => void (a['value'] = { action: 'approve' }))],
    ['membersAdded is a string', malformed((a) => void (a['membersAdded'] = 'everyone'))],
    ['membersAdded holds a number', malformed((a) => void (a['membersAdded'] = [7]))],
    ['the body is an array of activities', malformed((a) => [a])],
    ['the body is a JSON string', malformed(() => 'approve')],
    ['the body is JSON null', malformed(() => null)],
  ])('%s: 400 VALIDATION with the error contract, nothing decided', async (_name, build) => {
    const response = await postRaw(build());
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Invalid body: /),
      details: {
        in: 'body',
        issues: expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]),
      },
    });
    expect((await server.app.services.store.getApproval(approvalId))?.decision).toBeNull();
  });

  it('the same activity, well formed, decides (the table above malforms a valid request)', async () => {
    const response = await postRaw({ ...validActivity(), unknownExtra: { kept: true } });
    expect(response.status).toBe(200);
    expect((await server.app.services.store.getApproval(approvalId))?.decision).toBe('approved');
  });
});
