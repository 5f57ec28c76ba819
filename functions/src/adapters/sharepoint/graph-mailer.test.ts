import { describe, expect, it } from 'vitest';
import type { GraphClient, GraphRequest } from './graph-client.js';
import { createGraphMailer } from './graph-mailer.js';

describe('createGraphMailer', () => {
  it('posts sendMail from the shared mailbox with a plain-text body', async () => {
    const requests: GraphRequest[] = [];
    const client = {
      request: async (request: GraphRequest) => {
        requests.push(request);
        return { status: 202, headers: new Headers(), body: undefined };
      },
    } as unknown as GraphClient;
    await createGraphMailer(client, 'kvalitet@kommune.dk').send({
      to: 'borger@example.dk',
      subject: 'Svar på din henvendelse 2026-K7Q4M2',
      text: 'Tak.',
    });
    expect(requests).toEqual([
      {
        method: 'POST',
        url: '/users/kvalitet%40kommune.dk/sendMail',
        body: {
          message: {
            subject: 'Svar på din henvendelse 2026-K7Q4M2',
            body: { contentType: 'Text', content: 'Tak.' },
            toRecipients: [{ emailAddress: { address: 'borger@example.dk' } }],
          },
          saveToSentItems: true,
        },
      },
    ]);
  });

  it('passes a failure on, so the reply is not recorded as sent', async () => {
    const client = {
      request: async () => Promise.reject(new Error('403 ErrorAccessDenied')),
    } as unknown as GraphClient;
    await expect(createGraphMailer(client, 'k@k.dk').send({ to: 'a@b.dk', subject: 's', text: 't' })).rejects.toThrow(
      'ErrorAccessDenied',
    );
  });
});
