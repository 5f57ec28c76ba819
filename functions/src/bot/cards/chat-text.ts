import type { Locale } from '../../core/locale.js';
import type { chat as ChatTexts } from '../../i18n/resources/da/chat.js';
import { serverTexts } from '../../i18n/server-texts.js';
import type { Translate } from '../../i18n/texts.js';

/**
 * What the bot says when people write to it, and what the search message extension shows: the
 * `chat` namespace of the server's texts (`i18n/resources/<locale>/chat.ts`, Danish the source).
 * Kept apart from the notification cards' `cards` namespace; the same rule applies: values are
 * already card text.
 */
export type ChatText = Translate<typeof ChatTexts>;

export function chatText(locale: Locale): ChatText {
  return serverTexts(locale, 'chat');
}
