import type { TranslationOf } from '../../../../../functions/src/i18n/texts';
import type { chat as source } from '../da/chat';

/** The tab's "chat" texts in English: exactly the Danish keys. */
export const chat: TranslationOf<typeof source> = {
  'chat.title': 'Chat',
  'chat.intro':
    'The quality handbook’s messages to {{name}}, as they look in the chat in Teams. The buttons on the cards work here as they do in Teams.',
  'chat.inTeams': 'In Teams, the quality handbook’s messages are in the chat with the app.',
  'chat.messages': 'Messages',
  'chat.empty': 'You have no messages yet.',
  'chat.sentAt': 'Sent {{time}}',
  'chat.updatedAt': 'updated {{time}}',
  'chat.cardUpdated': 'The card has been updated',
  'chat.sending': 'Sending …',
  'chat.actionFailed': 'The action was not carried out',
  'chat.cardUnavailable': 'The card cannot be shown.',
  'chat.submitUnsupported': 'This button only works in Teams.',
};
