import type { TranslationOf } from '../../../../../functions/src/i18n/texts';
import type { surveys as source } from '../da/surveys';

/** The tab's "surveys" texts in Norwegian bokmål: exactly the Danish keys. */
export const surveys: TranslationOf<typeof source> = {};
