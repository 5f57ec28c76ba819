/** Danish, the source of the tab's "chat" texts. Generated from tab/src/i18n/da.ts by scripts/split-tab-texts.ts. */
export const chat = {
  'chat.title': 'Chat',
  'chat.intro':
    'Kvalitetshåndbogens beskeder til {{name}}, som de ser ud i chatten i Teams. Knapperne på kortene virker her som i Teams.',
  'chat.inTeams': 'I Teams finder du Kvalitetshåndbogens beskeder i chatten med appen.',
  'chat.messages': 'Beskeder',
  'chat.empty': 'Du har ingen beskeder endnu.',
  'chat.sentAt': 'Sendt {{time}}',
  'chat.updatedAt': 'opdateret {{time}}',
  'chat.cardUpdated': 'Kortet er opdateret',
  'chat.sending': 'Sender …',
  'chat.actionFailed': 'Handlingen blev ikke udført',
  'chat.cardUnavailable': 'Kortet kan ikke vises.',
  'chat.submitUnsupported': 'Denne knap virker kun i Teams.',
};
