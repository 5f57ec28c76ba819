import type { TranslationOf } from '../../texts.js';
import type { publicPage as source } from '../da/publicPage.js';

/** The public survey answer page in Norwegian bokmål. */
export const publicPage: TranslationOf<typeof source> = {
  languageName: 'Norsk bokmål',
  languageSwitch: 'Velg språk',
  required: '(må besvares)',
  optional: '(valgfritt)',
  scaleHint: '1 = {{low}}, {{max}} = {{high}}',
  textHint: 'Høyst {{max}} tegn.',
  anonymity:
    'Undersøkelsen handler om saksbehandlingen, ikke om vedtaket. Svaret ditt er anonymt: det lagres uten saksnummeret ditt, bare med sakstype og avdeling.',
  submit: 'Send svar',
  errorPrefix: 'Feil',
  errorSummaryTitle: 'Det er et problem',
  'errors.required': 'Svar på spørsmålet',
  'errors.out-of-scale': 'Velg et av tallene på skalaen',
  'errors.too-long': 'Teksten er for lang',
  'errors.control-characters': 'Teksten inneholder tegn som ikke kan brukes',
  invalidTitle: 'Lenken kan ikke brukes',
  invalidBody: 'Lenken er ikke gyldig eller er utløpt. Kontakt kommunen hvis du ønsker å svare på undersøkelsen.',
  answeredTitle: 'Undersøkelsen er allerede besvart',
  answeredBody: 'Det er allerede svart via denne lenken. Hver lenke kan bare brukes én gang.',
  thanksTitle: 'Takk for svaret ditt',
  thanksBody: 'Svaret ditt er mottatt. Vi bruker svarene til å forbedre saksbehandlingen.',
  refusedTitle: 'Svaret kunne ikke mottas',
  'refused.too-large': 'Svaret er for stort. Forkort teksten og prøv igjen.',
  'refused.rate-limited': 'Det er sendt for mange forespørsler. Vent et minutt og prøv igjen.',
  'refused.cross-site': 'Svaret må sendes fra undersøkelsens egen side.',
  'refused.unsupported': 'Svaret må sendes med skjemaet på undersøkelsens side.',
};
