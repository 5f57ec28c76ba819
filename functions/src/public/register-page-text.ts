import type { Locale } from '../core/locale.js';
import type { registerPage } from '../i18n/resources/da/registerPage.js';
import { serverTexts } from '../i18n/server-texts.js';
import type { Translate } from '../i18n/texts.js';

/**
 * Every text of the public register form and status page: the server's `registerPage` namespace
 * (i18n/resources/<locale>/registerPage.ts, Danish the source). The page escapes each text as it
 * writes it into the HTML.
 */
export type RegisterPageText = Translate<typeof registerPage>;

/** Why a request was refused before the register was asked (`refused.<reason>` in the texts). */
export type RegisterRefusedReason = 'too-large' | 'rate-limited' | 'cross-site' | 'unsupported' | 'bot';

export function registerPageText(locale: Locale): RegisterPageText {
  return serverTexts(locale, 'registerPage');
}
