import type { AnswerErrorCode } from '../core/survey-answers.js';
import type { SurveyLocale } from '../core/survey-types.js';

/**
 * Every text of the public answer page, in one typed catalogue per locale (Danish first). Kept in
 * this one module so it can move to the server's i18next resources as a whole; the type makes a
 * missing text in any language a compile error.
 */
export type SurveyPageText = {
  /** The language's own name, for the switch. */
  languageName: string;
  languageSwitch: string;
  required: string;
  optional: string;
  scaleHint: (low: string, high: string, max: number) => string;
  textHint: (max: number) => string;
  anonymity: string;
  submit: string;
  errorPrefix: string;
  errorSummaryTitle: string;
  errors: Record<AnswerErrorCode, string>;
  invalidTitle: string;
  invalidBody: string;
  answeredTitle: string;
  answeredBody: string;
  thanksTitle: string;
  thanksBody: string;
  refusedTitle: string;
  /** Keyed by why a request was refused before the survey was looked at. */
  refused: Record<'too-large' | 'rate-limited' | 'cross-site' | 'unsupported', string>;
};

export const surveyPageText: Record<SurveyLocale, SurveyPageText> = {
  da: {
    languageName: 'Dansk',
    languageSwitch: 'Vælg sprog',
    required: '(skal besvares)',
    optional: '(valgfrit)',
    scaleHint: (low, high, max) => `1 = ${low}, ${max} = ${high}`,
    textHint: (max) => `Højst ${max} tegn.`,
    anonymity:
      'Undersøgelsen handler om sagsbehandlingen, ikke om afgørelsen. Dit svar er anonymt: det gemmes uden dit sagsnummer, kun med sagstype og afdeling.',
    submit: 'Send svar',
    errorPrefix: 'Fejl',
    errorSummaryTitle: 'Der er et problem',
    errors: {
      required: 'Besvar spørgsmålet',
      'out-of-scale': 'Vælg et af tallene på skalaen',
      'too-long': 'Teksten er for lang',
      'control-characters': 'Teksten indeholder tegn, der ikke kan bruges',
    },
    invalidTitle: 'Linket kan ikke bruges',
    invalidBody: 'Linket er ikke gyldigt eller er udløbet. Kontakt kommunen, hvis du gerne vil svare på undersøgelsen.',
    answeredTitle: 'Undersøgelsen er allerede besvaret',
    answeredBody: 'Der er allerede svaret via dette link. Hvert link kan kun bruges én gang.',
    thanksTitle: 'Tak for dit svar',
    thanksBody: 'Dit svar er modtaget. Vi bruger svarene til at forbedre sagsbehandlingen.',
    refusedTitle: 'Svaret kunne ikke modtages',
    refused: {
      'too-large': 'Svaret er for stort. Forkort teksten og prøv igen.',
      'rate-limited': 'Der er sendt for mange forespørgsler. Vent et minut og prøv igen.',
      'cross-site': 'Svaret skal sendes fra undersøgelsens egen side.',
      unsupported: 'Svaret skal sendes med formularen på undersøgelsens side.',
    },
  },
  nb: {
    languageName: 'Norsk bokmål',
    languageSwitch: 'Velg språk',
    required: '(må besvares)',
    optional: '(valgfritt)',
    scaleHint: (low, high, max) => `1 = ${low}, ${max} = ${high}`,
    textHint: (max) => `Høyst ${max} tegn.`,
    anonymity:
      'Undersøkelsen handler om saksbehandlingen, ikke om vedtaket. Svaret ditt er anonymt: det lagres uten saksnummeret ditt, bare med sakstype og avdeling.',
    submit: 'Send svar',
    errorPrefix: 'Feil',
    errorSummaryTitle: 'Det er et problem',
    errors: {
      required: 'Svar på spørsmålet',
      'out-of-scale': 'Velg et av tallene på skalaen',
      'too-long': 'Teksten er for lang',
      'control-characters': 'Teksten inneholder tegn som ikke kan brukes',
    },
    invalidTitle: 'Lenken kan ikke brukes',
    invalidBody: 'Lenken er ikke gyldig eller er utløpt. Kontakt kommunen hvis du ønsker å svare på undersøkelsen.',
    answeredTitle: 'Undersøkelsen er allerede besvart',
    answeredBody: 'Det er allerede svart via denne lenken. Hver lenke kan bare brukes én gang.',
    thanksTitle: 'Takk for svaret ditt',
    thanksBody: 'Svaret ditt er mottatt. Vi bruker svarene til å forbedre saksbehandlingen.',
    refusedTitle: 'Svaret kunne ikke mottas',
    refused: {
      'too-large': 'Svaret er for stort. Forkort teksten og prøv igjen.',
      'rate-limited': 'Det er sendt for mange forespørsler. Vent et minutt og prøv igjen.',
      'cross-site': 'Svaret må sendes fra undersøkelsens egen side.',
      unsupported: 'Svaret må sendes med skjemaet på undersøkelsens side.',
    },
  },
  en: {
    languageName: 'English',
    languageSwitch: 'Choose language',
    required: '(required)',
    optional: '(optional)',
    scaleHint: (low, high, max) => `1 = ${low}, ${max} = ${high}`,
    textHint: (max) => `At most ${max} characters.`,
    anonymity:
      'This survey is about how your case was handled, not about the decision. Your answer is anonymous: it is stored without your case number, only with the case type and department.',
    submit: 'Send answer',
    errorPrefix: 'Error',
    errorSummaryTitle: 'There is a problem',
    errors: {
      required: 'Answer the question',
      'out-of-scale': 'Choose one of the numbers on the scale',
      'too-long': 'The text is too long',
      'control-characters': 'The text contains characters that cannot be used',
    },
    invalidTitle: 'This link cannot be used',
    invalidBody:
      'The link is not valid or has expired. Contact the municipality if you would like to answer the survey.',
    answeredTitle: 'The survey has already been answered',
    answeredBody: 'This link has already been used to answer. Each link can be used once only.',
    thanksTitle: 'Thank you for your answer',
    thanksBody: 'Your answer has been received. We use the answers to improve our case handling.',
    refusedTitle: 'The answer could not be received',
    refused: {
      'too-large': 'The answer is too large. Shorten the text and try again.',
      'rate-limited': 'Too many requests were sent. Wait a minute and try again.',
      'cross-site': 'The answer must be sent from the survey’s own page.',
      unsupported: 'The answer must be sent with the form on the survey’s page.',
    },
  },
};
