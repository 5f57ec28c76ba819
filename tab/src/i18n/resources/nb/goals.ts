import type { TranslationOf } from '../../../../../functions/src/i18n/texts';
import type { goals as source } from '../da/goals';

/** The tab's "goals" texts in Norwegian bokmål: exactly the Danish keys. */
export const goals: TranslationOf<typeof source> = {};
