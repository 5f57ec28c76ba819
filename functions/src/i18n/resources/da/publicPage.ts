/**
 * The public survey answer page (people outside the municipality, no sign-in). Danish, the source.
 */
export const publicPage = {
  languageName: 'Dansk',
  languageSwitch: 'Vælg sprog',
  required: '(skal besvares)',
  optional: '(valgfrit)',
  scaleHint: '1 = {{low}}, {{max}} = {{high}}',
  textHint: 'Højst {{max}} tegn.',
  anonymity:
    'Undersøgelsen handler om sagsbehandlingen, ikke om afgørelsen. Dit svar er anonymt: det gemmes uden dit sagsnummer, kun med sagstype og afdeling.',
  submit: 'Send svar',
  errorPrefix: 'Fejl',
  errorSummaryTitle: 'Der er et problem',
  'errors.required': 'Besvar spørgsmålet',
  'errors.out-of-scale': 'Vælg et af tallene på skalaen',
  'errors.too-long': 'Teksten er for lang',
  'errors.control-characters': 'Teksten indeholder tegn, der ikke kan bruges',
  invalidTitle: 'Linket kan ikke bruges',
  invalidBody: 'Linket er ikke gyldigt eller er udløbet. Kontakt kommunen, hvis du gerne vil svare på undersøgelsen.',
  answeredTitle: 'Undersøgelsen er allerede besvaret',
  answeredBody: 'Der er allerede svaret via dette link. Hvert link kan kun bruges én gang.',
  thanksTitle: 'Tak for dit svar',
  thanksBody: 'Dit svar er modtaget. Vi bruger svarene til at forbedre sagsbehandlingen.',
  refusedTitle: 'Svaret kunne ikke modtages',
  'refused.too-large': 'Svaret er for stort. Forkort teksten og prøv igen.',
  'refused.rate-limited': 'Der er sendt for mange forespørgsler. Vent et minut og prøv igen.',
  'refused.cross-site': 'Svaret skal sendes fra undersøgelsens egen side.',
  'refused.unsupported': 'Svaret skal sendes med formularen på undersøgelsens side.',
};
