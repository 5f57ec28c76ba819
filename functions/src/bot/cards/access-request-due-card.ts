import type { AccessLaw } from '../../core/access-request.js';
import type { Locale } from '../../core/locale.js';
import { asLocalDate, daysBetween } from '../../core/local-date.js';
import { businessDaysBetween } from '../../core/public-holidays.js';
import type { AdaptiveCard } from './card-types.js';
import { cardText, escapeCardText, formatDate, truncateText } from './card-text.js';
import { adaptiveCard, container, factSet, openUrlAction, textBlock, type ContainerStyle } from './card-elements.js';

export type AccessRequestDueModel = {
  /** Which law the deadline follows: dk offentlighedsloven § 36, no offentleglova § 32. */
  law: AccessLaw;
  requesterName: string;
  /** What was asked for, in the requester's words. */
  subject: string;
  receivedOn: string;
  /** The last working day to answer (YYYY-MM-DD). */
  deadlineOn: string;
  /** Today's calendar date in the product's time zone (cards do not read the clock). */
  today: string;
  /** The tab's aktindsigt / innsyn page. */
  openUrl: string;
};

const subjectMax = 300;
const nameMax = 120;

/** "Svar senest om 2 arbejdsdage (…)", "Svar senest i dag (…)" or "Overskredet med 3 dage (…)", with its style. */
export function accessDueText(
  model: Pick<AccessRequestDueModel, 'law' | 'deadlineOn' | 'today'>,
  locale: Locale,
): { text: string; style: ContainerStyle } {
  const text = cardText(locale);
  const date = formatDate(model.deadlineOn, locale);
  const today = asLocalDate(model.today);
  const deadlineOn = asLocalDate(model.deadlineOn);
  if (today > deadlineOn) {
    return { text: text('overdueByDays', { count: daysBetween(deadlineOn, today), date }), style: 'attention' };
  }
  const left = businessDaysBetween(today, deadlineOn, model.law);
  if (left <= 0) return { text: text('accessDue.dueToday', { date }), style: 'warning' };
  return { text: text('accessDue.dueIn', { count: left, date }), style: 'warning' };
}

/** The digest's words for an aktindsigt / innsyn line. */
export function accessRequestDigestWords(law: AccessLaw, locale: Locale): { kind: string; open: string } {
  const text = cardText(locale);
  return { kind: text(`accessDue.kind.${law}`), open: text('accessDue.open') };
}

/**
 * Tells the coordinators that an aktindsigt (Denmark, 7 working days) or innsyn (Norway, 5
 * working days) request must be answered soon, or that its deadline has passed, and what the
 * law then asks. Links to the tab's aktindsigt page.
 */
export function accessRequestDueCard(model: AccessRequestDueModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const due = accessDueText(model, locale);
  const isOverdue = model.deadlineOn < model.today;
  const kind = text(`accessDue.kind.${model.law}`);
  const kicker = text(isOverdue ? 'accessDue.kickerOverdue' : 'accessDue.kickerDue', { kind });
  const requester = truncateText(model.requesterName, nameMax);
  return adaptiveCard({
    fallbackText: `${kicker}: ${requester} (${formatDate(model.deadlineOn, locale)})`,
    body: [
      textBlock(kicker, { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
      textBlock(escapeCardText(requester), { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
      container([textBlock(due.text, { weight: 'bolder' })], { style: due.style, spacing: 'medium' }),
      factSet([
        { title: text('accessDue.subject'), value: escapeCardText(truncateText(model.subject, subjectMax)) },
        { title: text('accessDue.received'), value: formatDate(model.receivedOn, locale) },
        { title: text('dueDate'), value: formatDate(model.deadlineOn, locale) },
        { title: text('accessDue.lawLabel'), value: text(`accessDue.law.${model.law}`) },
      ]),
      textBlock(text(isOverdue ? `accessDue.promptOverdue.${model.law}` : `accessDue.promptDue.${model.law}`), {
        spacing: 'medium',
      }),
    ],
    actions: [openUrlAction(text('accessDue.open'), model.openUrl)],
  });
}
