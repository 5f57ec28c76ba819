import type { TranslationOf } from '../../../../../functions/src/i18n/texts';
import type { chat as source } from '../da/chat';

/** The tab's "chat" texts in Norwegian bokmål: exactly the Danish keys. */
export const chat: TranslationOf<typeof source> = {
  'chat.title': 'Chat',
  'chat.intro':
    'Kvalitetshåndbokens meldinger til {{name}}, slik de ser ut i chatten i Teams. Knappene på kortene virker her som i Teams.',
  'chat.inTeams': 'I Teams finner du Kvalitetshåndbokens meldinger i chatten med appen.',
  'chat.messages': 'Meldinger',
  'chat.empty': 'Du har ingen meldinger ennå.',
  'chat.sentAt': 'Sendt {{time}}',
  'chat.updatedAt': 'oppdatert {{time}}',
  'chat.cardUpdated': 'Kortet er oppdatert',
  'chat.sending': 'Sender …',
  'chat.actionFailed': 'Handlingen ble ikke utført',
  'chat.cardUnavailable': 'Kortet kan ikke vises.',
  'chat.submitUnsupported': 'Denne knappen virker bare i Teams.',
};
