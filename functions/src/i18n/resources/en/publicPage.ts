import type { TranslationOf } from '../../texts.js';
import type { publicPage as source } from '../da/publicPage.js';

/** The public survey answer page in English. */
export const publicPage: TranslationOf<typeof source> = {
  languageName: 'English',
  languageSwitch: 'Choose language',
  required: '(required)',
  optional: '(optional)',
  scaleHint: '1 = {{low}}, {{max}} = {{high}}',
  textHint: 'At most {{max}} characters.',
  anonymity:
    'This survey is about how your case was handled, not about the decision. Your answer is anonymous: it is stored without your case number, only with the case type and department.',
  submit: 'Send answer',
  errorPrefix: 'Error',
  errorSummaryTitle: 'There is a problem',
  'errors.required': 'Answer the question',
  'errors.out-of-scale': 'Choose one of the numbers on the scale',
  'errors.too-long': 'The text is too long',
  'errors.control-characters': 'The text contains characters that cannot be used',
  invalidTitle: 'This link cannot be used',
  invalidBody: 'The link is not valid or has expired. Contact the municipality if you would like to answer the survey.',
  answeredTitle: 'The survey has already been answered',
  answeredBody: 'This link has already been used to answer. Each link can be used once only.',
  thanksTitle: 'Thank you for your answer',
  thanksBody: 'Your answer has been received. We use the answers to improve our case handling.',
  refusedTitle: 'The answer could not be received',
  'refused.too-large': 'The answer is too large. Shorten the text and try again.',
  'refused.rate-limited': 'Too many requests were sent. Wait a minute and try again.',
  'refused.cross-site': 'The answer must be sent from the survey’s own page.',
  'refused.unsupported': 'The answer must be sent with the form on the survey’s page.',
};
