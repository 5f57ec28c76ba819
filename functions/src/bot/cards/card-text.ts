import type { Locale } from '../../core/locale.js';
import { formatDate as formatAnyDate, formatInstant, productTimeZone } from '../../i18n/format-date.js';
import type { cards as CardTexts } from '../../i18n/resources/da/cards.js';
import { serverTexts } from '../../i18n/server-texts.js';
import type { Translate } from '../../i18n/texts.js';

/**
 * The helpers that turn dates and user text into card text, and the cards' translate function.
 * The texts themselves are i18next resources (`i18n/resources/<locale>/cards.ts`, Danish the
 * source); `cardText(locale)('key', values)` says one of them.
 *
 * Values passed to a text are already card text: callers escape user text (`escapeCardText`)
 * and format dates (`formatDate`, `formatDateTime`) before passing them.
 */

/** The product's time zone: Danish municipalities; Norway has the same offsets all year. */
export const cardTimeZone = productTimeZone;

/** The cards' texts in one language: `text('reviewKicker')`, `text('days', { count: 3 })`. */
export type CardText = Translate<typeof CardTexts>;

export function cardText(locale: Locale): CardText {
  return serverTexts(locale, 'cards');
}

/**
 * An instant as the reader's wall-clock time in the product's time zone: "22-11-2026 kl. 14.03"
 * (da), "22.11.2026 kl. 14.03" (nb), "22 Nov 2026, 14:03" (en): the product's one date formatter
 * (i18n/format-date.ts). Throws on a value that is not an instant.
 */
export function formatDateTime(iso: string, locale: Locale, timeZone: string = productTimeZone): string {
  return formatInstant(iso, locale, timeZone);
}

/**
 * A date: "22-11-2026" (da), "22.11.2026" (nb), "22 Nov 2026" (en). A calendar date
 * (YYYY-MM-DD, such as a review date) is shown as it is; an instant is first placed in the
 * product's time zone, so an approval at 00:30 Danish time on 1 March shows as 1 March.
 */
export function formatDate(value: string, locale: Locale, timeZone: string = productTimeZone): string {
  return formatAnyDate(value, locale, timeZone);
}

/**
 * Characters that make markdown anywhere in a line: emphasis, code, strike-through, links and
 * images (`[`), autolinks and HTML (`<`), entities (`&amp;`) and Adaptive Cards' `{{DATE()}}`.
 * Every `{` is escaped, so no `{{` is left for the date functions to find. Parentheses, `!` and
 * a lone `&` are harmless once `[` is escaped.
 */
const inlineSpecial = /[\\`*_~[\]<{]|&(?=#?[A-Za-z0-9]+;)/g;
/** Line starts that make a heading, quote, list item or rule. */
const blockStart = /^(?:#{1,6}(?=\s|$)|>|[-+](?=\s)|-(?=[-\s]*$))|^(\d{1,9})([.)])(?=\s|$)/;

/**
 * User text (titles, names, summaries) as a TextBlock shows it literally: Adaptive Cards render
 * a subset of markdown, so `**x** [a](b)` would become bold text and a link. Each character
 * that would start markdown gets a CommonMark backslash escape, which Teams and the
 * `adaptivecards` renderer remove; other punctuation is left alone so the JSON stays readable.
 * Control characters are dropped, leading indentation (a code block in markdown) is removed,
 * and each line becomes its own paragraph, because a single line break in a TextBlock is
 * rendered as a space.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^[ \t]+/, '').trimEnd())
    .filter((line) => line.length > 0)
    .map((line) =>
      line
        .replace(inlineSpecial, '\\$&')
        .replace(blockStart, (mark: string, digits?: string, dot?: string) =>
          digits ? `${digits}\\${dot}` : `\\${mark}`,
        ),
    )
    .join('\n\n');
}

/** At most `max` characters (whole code points), ending in "…" when something was cut. */
export function truncateText(text: string, max: number): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  return `${characters
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}
