import type { Locale } from '../core/locale.js';
import type { publicPage } from '../i18n/resources/da/publicPage.js';
import { serverTexts } from '../i18n/server-texts.js';
import type { Translate } from '../i18n/texts.js';

/**
 * Every text of the public answer page: the server's `publicPage` namespace
 * (i18n/resources/<locale>/publicPage.ts, Danish the source; a text missing in a language does
 * not compile). The page escapes each text, values included, as it writes it into the HTML.
 */
export type SurveyPageText = Translate<typeof publicPage>;

/** Why a request was refused before the survey was looked at (`refused.<reason>` in the texts). */
export type RefusedReason = 'too-large' | 'rate-limited' | 'cross-site' | 'unsupported';

export function surveyPageText(locale: Locale): SurveyPageText {
  return serverTexts(locale, 'publicPage');
}
