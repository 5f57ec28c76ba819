import type { register as da } from '../da/register.js';
import type { TranslationOf } from '../../texts.js';

export const register: TranslationOf<typeof da> = {
  'reply.subject': 'Reply to your message {{receiptNumber}}',
  'reply.intro': 'Thank you for your message (receipt number {{receiptNumber}}). Here is our reply:',
  'interim.subject': 'Interim reply to your message {{receiptNumber}}',
  'interim.intro': 'We have not yet been able to finish handling your message (receipt number {{receiptNumber}}).',
  'interim.waitingFor': 'It is waiting for: {{waitingFor}}',
  'interim.expectedOn': 'You can expect a reply by {{expectedOn}}.',
  signature: 'Kind regards\n{{organisation}}',
  noReply:
    'Please do not reply to this e-mail. Use your status link or contact the municipality, quoting the receipt number.',
  'channel.public': 'Public form',
  'channel.tab': 'Quality handbook',
  'channel.teams': 'Teams',
  'channel.audit': 'Audit',
};
