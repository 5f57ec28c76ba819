import type { Outbox } from '../../app/messaging-ports.js';
import type { Mailer } from '../../app/register-ports.js';

/**
 * Local e-mail: a mail to a sender is stored in the outbox under the recipient `mailto:<address>`
 * (card: subject and text), where tests and the local host can read it. Production sends through
 * Graph instead (graph-mailer.ts).
 */
export function createOutboxMailer(outbox: Outbox): Mailer {
  return {
    async send(mail) {
      await outbox.send({
        recipientId: `mailto:${mail.to.toLowerCase()}`,
        card: { kind: 'mail', subject: mail.subject, text: mail.text },
        summary: mail.subject,
      });
    },
  };
}

/** Until the host wires a mailer: refuses, so nothing pretends to have been sent. */
export const unwiredMailer: Mailer = {
  async send() {
    throw new Error('No mailer is wired on this host.');
  },
};
