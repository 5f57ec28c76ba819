import type { TranslationOf } from '../../../../../functions/src/i18n/texts';
import type { yearlyReport as source } from '../da/yearlyReport';

/** The tab's "yearlyReport" texts in Norwegian bokmål: exactly the Danish keys. */
export const yearlyReport: TranslationOf<typeof source> = {
  'yearlyReport.title': 'Årsrapport',
  'yearlyReport.intro':
    'Kvalitetsrapporten publiseres én gang i året: kvalitetshåndbokens oppbygning, kvalitetspolitikken og målene, brukerundersøkelser, ros, klager, forslag og avvik, revisjoner og sertifikat, ledelsens gjennomgåelse og den politiske behandlingen. Når den er publisert, lagres den slik den var, og kan bare rettes med en begrunnelse.',
  'yearlyReport.published': 'Publiserte rapporter',
  'yearlyReport.noneYet': 'Ingen rapporter er publisert ennå.',
  'yearlyReport.reportOf': 'Kvalitetsrapport {{year}}',
  'yearlyReport.publishedLine': 'publisert {{date}} av {{name}} (utgave {{revision}})',
  'yearlyReport.correctionLine': 'Rettelse: {{reason}}',
  'yearlyReport.handbookLink': 'Den offentlige kvalitetshåndboken, som kommunen kan lenke til eller bygge inn:',
  'yearlyReport.previewHeading': 'Forhåndsvisning av årsrapport {{year}}',
  'yearlyReport.previousYear': 'Forrige år ({{year}})',
  'yearlyReport.nextYear': 'Neste år ({{year}})',
  'yearlyReport.previewNote':
    'Tallene er opptalt {{date}} fra gjeldende data. Kvalitetshåndbokens oppbygning er håndboken slik den var {{date}}: versjonene som var publisert da, ikke senere godkjente. Ved publisering lagres rapporten slik den er nå.',
  'yearlyReport.facts.procedures': 'Gjeldende prosedyrer',
  'yearlyReport.facts.policy': 'Kvalitetspolitikk publisert',
  'yearlyReport.facts.goals': 'Kvalitetsmål',
  'yearlyReport.facts.surveys': 'Brukerundersøkelser',
  'yearlyReport.facts.audits': 'Revisjoner i året',
  'yearlyReport.facts.register': 'Ros, klager, forslag og avvik mottatt',
  'yearlyReport.facts.certificate': 'Sertifikat',
  'yearlyReport.facts.evaluation': 'Ledelsens gjennomgåelse holdt',
  'yearlyReport.facts.committee': 'Politisk behandling',
  'yearlyReport.yes': 'Ja',
  'yearlyReport.no': 'Nei',
  'yearlyReport.notHeld': 'Ikke holdt',
  'yearlyReport.notTreated': 'Ikke behandlet',
  'yearlyReport.pdfDanish': 'Last ned PDF (dansk)',
  'yearlyReport.pdfNorwegian': 'Last ned PDF (norsk)',
  'yearlyReport.publish': 'Publiser årsrapport {{year}}',
  'yearlyReport.publishedNow': 'Årsrapport {{year}} er publisert (utgave {{revision}}).',
  'yearlyReport.lockedLine':
    'Årsrapport {{year}} ble publisert {{date}} av {{name}} og er låst. En rettelse publiseres som en ny utgave med begrunnelse; den tidligere utgaven lagres.',
  'yearlyReport.correctionReason': 'Begrunnelse for rettelsen',
  'yearlyReport.correctionHint': 'F.eks. «Feil sertifikatnummer i avsnittet om revisjon».',
  'yearlyReport.publishCorrection': 'Publiser rettelse',
};
