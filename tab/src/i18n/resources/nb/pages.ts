import type { TranslationOf } from '../../../../../functions/src/i18n/texts';
import type { pages as source } from '../da/pages';

/** The tab's "pages" texts in Norwegian bokmål: exactly the Danish keys. */
export const pages: TranslationOf<typeof source> = {
  'configure.title': 'Sett opp fanen',
  'configure.intro': 'Velg hva fanen skal vise i kanalen eller gruppechatten.',
  'configure.choiceLabel': 'Fanen viser',
  'configure.choiceHint': 'Fanen åpner håndboken filtrert etter valget ditt. Filteret kan fjernes i fanen.',
  'configure.choicePlaceholder': 'Velg …',
  'configure.wholeHandbook': 'Hele håndboken',
  'configure.wholeLevel': '{{level}} – hele nivået',
  'configure.tabName': 'Håndbok',
  'configure.areasFailed': 'Prosessnivåer og områder kunne ikke hentes, så fanen kan bare vise hele håndboken.',
  'configure.chosen': 'Foreslått navn på fanen: {{name}}',
  'configure.unsupported': 'Denne versjonen av Teams kan ikke sette opp fanen. Prøv igjen i en nyere versjon av Teams.',
  'configure.outsideTeams':
    'Denne siden brukes når kvalitetshåndboken legges til som fane i en kanal eller en gruppechat i Microsoft Teams. Her velger man om fanen skal vise hele håndboken eller ett prosessnivå eller område.',
  'privacy.title': 'Personvernerklæring',
  'privacy.intro':
    'Kvalitetshåndboken er kommunens app for prosedyrer og dokumentstyring i Microsoft Teams. Her kan du lese hvilke opplysninger appen lagrer, hvor de ligger, og hvem som har ansvaret for dem.',
  'privacy.dataHeading': 'Hvilke opplysninger appen lagrer',
  'privacy.dataIntro': 'Appen lagrer opplysningene som trengs for å styre kommunens prosedyrer:',
  'privacy.dataProcedures': 'Prosedyrene og versjonene deres, også dokumentene som lastes opp.',
  'privacy.dataApprovals':
    'Godkjenninger og avvisninger: hvem som har godkjent eller avvist et utkast, når og med hvilken kommentar.',
  'privacy.dataReviews': 'Periodiske gjennomganger av prosedyrene og resultatet av dem.',
  'privacy.dataAcknowledgements': 'Bekreftelser på lest og forstått: hvem som har bekreftet hvilken versjon, og når.',
  'privacy.dataAudit': 'En revisjonslogg over hvem som har gjort hva i appen, og når.',
  'privacy.dataPeople':
    'Navn, e-postadresse og roller for de ansatte som bruker appen. Opplysningene kommer fra kommunens Microsoft Entra ID.',
  'privacy.dataChat':
    'Referanser til appens chat med hver enkelt ansatt i Teams, slik at appen kan sende godkjenninger og påminnelser der.',
  'privacy.browser':
    'I nettleseren din lagrer appen bare språkvalget ditt (og i demoen hvilken demoperson du er logget inn som).',
  'privacy.whereHeading': 'Hvor opplysningene ligger',
  'privacy.whereProduction':
    'Når kommunen bruker appen, ligger opplysningene på kommunens eget SharePoint-nettsted i kommunens Microsoft 365.',
  'privacy.whereDemo': 'I den lokale demoen ligger opplysningene i en SQLite-fil på datamaskinen som kjører demoen.',
  'privacy.controllerHeading': 'Hvem som har ansvaret',
  'privacy.controller':
    'Kommunen er behandlingsansvarlig for opplysningene i appen og bruker dem bare i sitt arbeid med kvalitet og prosedyrer.',
  'privacy.retentionHeading': 'Hvor lenge opplysningene lagres',
  'privacy.retention': 'Opplysningene lagres og slettes etter kommunens regler for arkivering.',
  'privacy.contactHeading': 'Kontakt',
  'privacy.contact':
    'Har du spørsmål om hvilke opplysninger appen har om deg, kan du kontakte kommunens kvalitetskoordinator.',
  'terms.title': 'Vilkår for bruk',
  'terms.intro': 'Kvalitetshåndboken er til intern bruk for kommunens ansatte.',
  'terms.useHeading': 'Hvem som kan bruke appen',
  'terms.use':
    'Appen kan brukes av kommunens ansatte i arbeidet med kommunens prosedyrer. Du logger inn med jobbkontoen din, og hva du kan se og gjøre, avhenger av rollene kommunen har gitt deg.',
  'terms.contentHeading': 'Prosedyrene',
  'terms.content':
    'Prosedyrene tilhører kommunen. Det er den gjeldende versjonen i håndboken som gjelder; utkast og tidligere versjoner er bare til orientering.',
  'terms.warrantyHeading': 'Ansvar',
  'terms.warranty': 'Appen stilles til rådighet som den er, uten garanti.',
  'terms.privacyHeading': 'Personvern',
  'terms.privacy': 'Hvilke opplysninger appen lagrer, og hvem som har ansvaret for dem, står i personvernerklæringen.',
  'terms.privacyLink': 'Les personvernerklæringen',
  'terms.contactHeading': 'Kontakt',
  'terms.contact': 'Spørsmål om appen og prosedyrene kan rettes til kommunens kvalitetskoordinator.',
};
