/** Danish, the source of the tab's "pages" texts. Generated from tab/src/i18n/da.ts by scripts/split-tab-texts.ts. */
export const pages = {
  'configure.title': 'Opsæt fanen',
  'configure.intro': 'Vælg, hvad fanen skal vise i kanalen eller gruppechatten.',
  'configure.choiceLabel': 'Fanen viser',
  'configure.choiceHint': 'Fanen åbner håndbogen filtreret efter dit valg. Filteret kan fjernes i fanen.',
  'configure.choicePlaceholder': 'Vælg …',
  'configure.wholeHandbook': 'Hele håndbogen',
  'configure.wholeLevel': '{{level}} – hele niveauet',
  'configure.tabName': 'Håndbog',
  'configure.areasFailed': 'Procesniveauer og områder kunne ikke hentes, så fanen kan kun vise hele håndbogen.',
  'configure.chosen': 'Foreslået navn på fanen: {{name}}',
  'configure.unsupported': 'Denne version af Teams kan ikke opsætte fanen. Prøv igen i en nyere version af Teams.',
  'configure.outsideTeams':
    'Denne side bruges, når kvalitetshåndbogen tilføjes som fane i en kanal eller en gruppechat i Microsoft Teams. Her vælger man, om fanen skal vise hele håndbogen eller ét procesniveau eller område.',
  'privacy.title': 'Privatlivspolitik',
  'privacy.intro':
    'Kvalitetshåndbogen er kommunens app til procedurer og dokumentstyring i Microsoft Teams. Her kan du læse, hvilke oplysninger appen gemmer, hvor de ligger, og hvem der har ansvaret for dem.',
  'privacy.dataHeading': 'Hvilke oplysninger appen gemmer',
  'privacy.dataIntro': 'Appen gemmer de oplysninger, der skal til for at styre kommunens procedurer:',
  'privacy.dataProcedures': 'Procedurerne og deres versioner, herunder de dokumenter, der bliver lagt op.',
  'privacy.dataApprovals':
    'Godkendelser og afvisninger: hvem der har godkendt eller afvist en kladde, hvornår og med hvilken kommentar.',
  'privacy.dataReviews': 'Periodiske gennemgange af procedurerne og deres resultat.',
  'privacy.dataAcknowledgements':
    'Kvitteringer for læst og forstået: hvem der har bekræftet hvilken version, og hvornår.',
  'privacy.dataAudit': 'En revisionslog over, hvem der har gjort hvad i appen, og hvornår.',
  'privacy.dataPeople':
    'Navn, e-mailadresse og roller for de medarbejdere, der bruger appen. Oplysningerne kommer fra kommunens Microsoft Entra ID.',
  'privacy.dataChat':
    'Referencer til appens chat med den enkelte medarbejder i Teams, så appen kan sende godkendelser og påmindelser dér.',
  'privacy.browser':
    'I din browser gemmer appen kun dit valg af sprog (og i demoen, hvilken demoperson du er logget ind som).',
  'privacy.whereHeading': 'Hvor oplysningerne ligger',
  'privacy.whereProduction':
    'Når kommunen bruger appen, ligger oplysningerne på kommunens eget SharePoint-websted i kommunens Microsoft 365.',
  'privacy.whereDemo': 'I den lokale demo ligger oplysningerne i en SQLite-fil på den computer, der kører demoen.',
  'privacy.controllerHeading': 'Hvem der har ansvaret',
  'privacy.controller':
    'Kommunen er dataansvarlig for oplysningerne i appen og bruger dem kun til sit arbejde med kvalitet og procedurer.',
  'privacy.retentionHeading': 'Hvor længe oplysningerne gemmes',
  'privacy.retention': 'Oplysningerne gemmes og slettes efter kommunens regler for arkivering.',
  'privacy.contactHeading': 'Kontakt',
  'privacy.contact':
    'Har du spørgsmål til, hvilke oplysninger appen har om dig, så kontakt kommunens kvalitetskoordinator.',
  'terms.title': 'Vilkår for brug',
  'terms.intro': 'Kvalitetshåndbogen er til intern brug for kommunens medarbejdere.',
  'terms.useHeading': 'Hvem må bruge appen',
  'terms.use':
    'Appen må bruges af kommunens medarbejdere i deres arbejde med kommunens procedurer. Du logger ind med din arbejdskonto, og det, du kan se og gøre, afhænger af de roller, kommunen har givet dig.',
  'terms.contentHeading': 'Procedurerne',
  'terms.content':
    'Procedurerne tilhører kommunen. Det er den gældende version i håndbogen, der gælder; kladder og tidligere versioner er kun til orientering.',
  'terms.warrantyHeading': 'Ansvar',
  'terms.warranty': 'Appen stilles til rådighed, som den er, uden garanti.',
  'terms.privacyHeading': 'Privatliv',
  'terms.privacy': 'Hvilke oplysninger appen gemmer, og hvem der har ansvaret for dem, står i privatlivspolitikken.',
  'terms.privacyLink': 'Læs privatlivspolitikken',
  'terms.contactHeading': 'Kontakt',
  'terms.contact': 'Spørgsmål om appen og procedurerne kan stilles til kommunens kvalitetskoordinator.',
};
