import type { Locale } from '../../core/locale.js';
import { asLocalDate, daysBetween } from '../../core/local-date.js';
import type { AdaptiveCard, CardProcedure } from './card-types.js';
import { cardText, formatDate, type CardText } from './card-text.js';
import {
  adaptiveCard,
  container,
  executeAction,
  factSet,
  openUrlAction,
  procedureHeading,
  procedureLabel,
  textBlock,
  type ContainerStyle,
} from './card-elements.js';

export type ReviewDueModel = {
  procedure: CardProcedure;
  /** The procedure's version counter; sent back so a confirmation of a changed procedure is refused. */
  etag: number;
  /** Calendar date (YYYY-MM-DD) the periodic review is due. */
  dueOn: string;
  /** Today's calendar date in the product's time zone (passed in: cards do not read the clock). */
  today: string;
  /** Calendar date of the last periodic review; null when it has never been reviewed. */
  lastReviewedOn: string | null;
  reviewIntervalMonths: number;
  openUrl: string;
};

/**
 * Reminds the procedure owner of a periodic review: due in N days, due today or N days
 * overdue. The owner confirms the procedure as still valid or starts a revision from the card.
 */
export function reviewDueCard(model: ReviewDueModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const due = reviewDueText(model.dueOn, model.today, locale, text);
  const procedureId = model.procedure.id;
  return adaptiveCard({
    fallbackText: `${text('reviewKicker')}: ${procedureLabel(model.procedure)}`,
    body: [
      ...procedureHeading(text('reviewKicker'), model.procedure),
      container([textBlock(due.text, { weight: 'bolder' })], { style: due.style, spacing: 'medium' }),
      factSet([
        {
          title: text('lastReviewed'),
          value: model.lastReviewedOn ? formatDate(model.lastReviewedOn, locale) : text('neverReviewed'),
        },
        { title: text('reviewInterval'), value: text('months', { count: model.reviewIntervalMonths }) },
      ]),
      textBlock(text('reviewPrompt'), { spacing: 'medium' }),
    ],
    actions: [
      executeAction(
        text('confirmReview'),
        { verb: 'confirmReview', procedureId, etag: model.etag },
        { style: 'positive' },
      ),
      executeAction(text('startRevision'), { verb: 'startRevision', procedureId, etag: model.etag }),
      openUrlAction(text('openProcedure'), model.openUrl),
    ],
  });
}

/** "Due in 12 days (4 Dec 2026)", "due today" or "5 days overdue", with the matching emphasis. */
export function reviewDueText(
  dueOn: string,
  today: string,
  locale: Locale,
  text: CardText,
): { text: string; style: ContainerStyle; daysLeft: number } {
  const daysLeft = daysBetween(asLocalDate(today), asLocalDate(dueOn));
  const date = formatDate(dueOn, locale);
  if (daysLeft > 0)
    return { text: text('reviewDueIn', { days: text('days', { count: daysLeft }), date }), style: 'warning', daysLeft };
  if (daysLeft === 0) return { text: text('reviewDueToday', { date }), style: 'warning', daysLeft };
  return {
    text: text('reviewOverdue', { days: text('days', { count: -daysLeft }), date }),
    style: 'attention',
    daysLeft,
  };
}
