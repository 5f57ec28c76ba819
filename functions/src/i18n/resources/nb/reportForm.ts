import type { TranslationOf } from '../../texts.js';
import type { reportForm as source } from '../da/reportForm.js';

/** The message extension's report form in Norwegian bokmål. */
export const reportForm: TranslationOf<typeof source> = {
  'heading.reportDeviation': 'Meld avvik',
  'heading.suggestImprovement': 'Foreslå forbedring',
  intro:
    'Meldingen er satt inn nedenfor. Rett teksten så den sier hva som skjedde eller kan bli bedre, og send. Den havner i avviksregisteret, der lederen din behandler den, og du får svar.',
  kindLabel: 'Hva vil du melde?',
  'kind.deviation': 'Avvik',
  'kind.suggestion': 'Forbedringsforslag',
  'kind.praise': 'Ros',
  kindError: 'Velg avvik, forbedringsforslag eller ros',
  titleLabel: 'Overskrift',
  titlePlaceholder: 'Kort: hva gjelder det?',
  titleError: 'Skriv en overskrift på høyst {{max}} tegn',
  descriptionLabel: 'Beskrivelse',
  descriptionPlaceholder: 'Hva skjedde, når, og hva gjorde du?',
  descriptionError: 'Skriv en beskrivelse på høyst {{max}} tegn',
  fromMessage: 'Fra meldingen',
  openMessage: 'Åpne meldingen i Teams',
  submit: 'Send',
  problemsTitle: 'Skjemaet ble ikke sendt. Rett dette:',
  'problem.kind': 'Velg hva du vil melde.',
  'problem.title': 'Overskriften mangler eller er for lang (høyst {{max}} tegn).',
  'problem.description': 'Beskrivelsen mangler eller er for lang (høyst {{max}} tegn).',
  'problem.messageLink': 'Lenken til meldingen er ikke en Teams-lenke.',
  'problem.form': 'Skjemaets data kunne ikke leses. Lukk det og åpne det på nytt fra meldingen.',
  received: 'Takk. {{kind}} er registrert som {{number}}. Du kan følge den under Register i Kvalitetshåndboken.',
  unknownPerson: 'Du er ikke registrert i kvalitetshåndboken. Kontakt kvalitetskoordinatoren.',
  unknownCommand: 'Kvalitetshåndboken kjenner ikke denne handlingen.',
};
