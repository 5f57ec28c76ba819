/**
 * What the bot says when people write to it, and what the search message extension shows, in
 * the product's three languages (Danish first). Kept apart from `card-text.ts` (the texts of the
 * notification cards); the same rules apply: functions receive pieces that are already card text.
 */
export type ChatText = {
  helpTitle: string;
  helpIntro: string;
  /** The commands as the help card lists them: what to write, and what it does. */
  helpCommands: { command: string; meaning: string }[];
  helpInGroups: string;
  unknownPerson: string;
  searchNoQuery: string;
  searchNoHits: (query: string) => string;
  searchHits: (count: number, query: string) => string;
  procedureKicker: string;
  area: string;
  unit: string;
  owner: string;
  nextReview: string;
  notPublished: string;
  tasksTitle: string;
  tasksNone: string;
  tasksApprovals: string;
  tasksAcknowledgements: string;
  tasksReviews: string;
  tasksDrafts: string;
  tasksMore: (count: number) => string;
  openTasks: string;
  extensionNoQuery: string;
};

const da: ChatText = {
  helpTitle: 'Kvalitetshåndbogen i chatten',
  helpIntro: 'Skriv en af disse beskeder til mig:',
  helpCommands: [
    { command: 'søg …', meaning: 'finder procedurer i håndbogen, fx "søg dispensation"' },
    { command: 'mine opgaver', meaning: 'viser godkendelser, kvitteringer, gennemgange og kladder der venter på dig' },
    { command: 'hjælp', meaning: 'viser denne hjælp' },
  ],
  helpInGroups: 'I gruppechats og kanaler svarer jeg, når du nævner mig.',
  unknownPerson: 'Du er ikke oprettet i kvalitetshåndbogen. Kontakt kvalitetskoordinatoren.',
  searchNoQuery: 'Skriv hvad du leder efter, fx "søg dispensation".',
  searchNoHits: (query) => `Ingen procedurer matcher »${query}«.`,
  searchHits: (count, query) =>
    count === 1 ? `1 procedure matcher »${query}«` : `${count} procedurer matcher »${query}«`,
  procedureKicker: 'Procedure',
  area: 'Område',
  unit: 'Enhed',
  owner: 'Ejer',
  nextReview: 'Næste gennemgang',
  notPublished: 'Ikke udgivet',
  tasksTitle: 'Mine opgaver',
  tasksNone: 'Du har ingen opgaver lige nu.',
  tasksApprovals: 'Godkendelser',
  tasksAcknowledgements: 'Læst og forstået',
  tasksReviews: 'Periodisk gennemgang',
  tasksDrafts: 'Kladder',
  tasksMore: (count) => `… og ${count} mere`,
  openTasks: 'Åbn mine opgaver',
  extensionNoQuery: 'Skriv et søgeord for at finde en procedure.',
};

const nb: ChatText = {
  helpTitle: 'Kvalitetshåndboken i chatten',
  helpIntro: 'Skriv en av disse meldingene til meg:',
  helpCommands: [
    { command: 'søk …', meaning: 'finner prosedyrer i håndboken, f.eks. "søk dispensasjon"' },
    {
      command: 'mine oppgaver',
      meaning: 'viser godkjenninger, kvitteringer, gjennomganger og utkast som venter på deg',
    },
    { command: 'hjelp', meaning: 'viser denne hjelpen' },
  ],
  helpInGroups: 'I gruppechatter og kanaler svarer jeg når du nevner meg.',
  unknownPerson: 'Du er ikke registrert i kvalitetshåndboken. Kontakt kvalitetskoordinatoren.',
  searchNoQuery: 'Skriv hva du leter etter, f.eks. "søk dispensasjon".',
  searchNoHits: (query) => `Ingen prosedyrer samsvarer med «${query}».`,
  searchHits: (count, query) =>
    count === 1 ? `1 prosedyre samsvarer med «${query}»` : `${count} prosedyrer samsvarer med «${query}»`,
  procedureKicker: 'Prosedyre',
  area: 'Område',
  unit: 'Enhet',
  owner: 'Eier',
  nextReview: 'Neste gjennomgang',
  notPublished: 'Ikke publisert',
  tasksTitle: 'Mine oppgaver',
  tasksNone: 'Du har ingen oppgaver akkurat nå.',
  tasksApprovals: 'Godkjenninger',
  tasksAcknowledgements: 'Lest og forstått',
  tasksReviews: 'Periodisk gjennomgang',
  tasksDrafts: 'Utkast',
  tasksMore: (count) => `… og ${count} til`,
  openTasks: 'Åpne mine oppgaver',
  extensionNoQuery: 'Skriv et søkeord for å finne en prosedyre.',
};

const en: ChatText = {
  helpTitle: 'The quality handbook in chat',
  helpIntro: 'Send me one of these messages:',
  helpCommands: [
    { command: 'search …', meaning: 'finds procedures in the handbook, e.g. "search dispensation"' },
    { command: 'my tasks', meaning: 'shows approvals, acknowledgements, reviews and drafts waiting for you' },
    { command: 'help', meaning: 'shows this help' },
  ],
  helpInGroups: 'In group chats and channels I answer when you mention me.',
  unknownPerson: 'You are not registered in the quality handbook. Please contact the quality coordinator.',
  searchNoQuery: 'Write what you are looking for, e.g. "search dispensation".',
  searchNoHits: (query) => `No procedures match “${query}”.`,
  searchHits: (count, query) =>
    count === 1 ? `1 procedure matches “${query}”` : `${count} procedures match “${query}”`,
  procedureKicker: 'Procedure',
  area: 'Area',
  unit: 'Unit',
  owner: 'Owner',
  nextReview: 'Next review',
  notPublished: 'Not published',
  tasksTitle: 'My tasks',
  tasksNone: 'You have no tasks right now.',
  tasksApprovals: 'Approvals',
  tasksAcknowledgements: 'Read and understood',
  tasksReviews: 'Periodic review',
  tasksDrafts: 'Drafts',
  tasksMore: (count) => `… and ${count} more`,
  openTasks: 'Open my tasks',
  extensionNoQuery: 'Type a search word to find a procedure.',
};

const catalogues: Record<Locale, ChatText> = { da, nb, en };

export function chatText(locale: Locale): ChatText {
  return catalogues[locale];
}
import type { Locale } from '../../core/locale.js';
