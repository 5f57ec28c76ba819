import type { Mailer } from '../../app/register-ports.js';
import type { GraphClient } from './graph-client.js';

/**
 * Register replies through Microsoft Graph, from the register's shared mailbox:
 * `POST /users/{mailbox}/sendMail` (https://learn.microsoft.com/en-us/graph/api/user-sendmail),
 * plain text, saved to the mailbox's Sent Items; Graph answers 202 Accepted. The app needs the
 * application permission Mail.Send, limited to this mailbox by an application access policy
 * (docs/deploy.md); a failed send throws, and the reply is then not recorded.
 */
export function createGraphMailer(client: GraphClient, mailbox: string): Mailer {
  return {
    async send(mail) {
      await client.request({
        method: 'POST',
        url: `/users/${encodeURIComponent(mailbox)}/sendMail`,
        body: {
          message: {
            subject: mail.subject,
            body: { contentType: 'Text', content: mail.text },
            toRecipients: [{ emailAddress: { address: mail.to } }],
          },
          saveToSentItems: true,
        },
      });
    },
  };
}
