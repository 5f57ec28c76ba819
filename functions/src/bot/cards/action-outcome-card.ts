import type { Locale } from '../../core/locale.js';
import type { AdaptiveCard, CardPerson, CardProcedure, CardVerb } from './card-types.js';
import { cardText, escapeCardText, formatDate, formatDateTime, truncateText } from './card-text.js';
import {
  adaptiveCard,
  container,
  openUrlAction,
  procedureHeading,
  procedureLabel,
  textBlock,
  type CardElement,
} from './card-elements.js';

type OutcomeBase = {
  procedure: CardProcedure;
  /** Who acted, and when (ISO 8601 instant). */
  by: CardPerson;
  at: string;
  openUrl: string;
};

/** What a card action did; `verb` is the verb of the action that was carried out. */
export type ActionOutcomeModel =
  | (OutcomeBase & { verb: Extract<CardVerb, 'confirmReview'>; nextReviewOn: string | null })
  | (OutcomeBase & { verb: Extract<CardVerb, 'startRevision'> })
  | (OutcomeBase & { verb: Extract<CardVerb, 'acknowledge'>; versionLabel: string | null });

/** Replaces a review or acknowledgement card once its action has been recorded. */
export function actionOutcomeCard(model: ActionOutcomeModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const name = escapeCardText(model.by.name);
  const at = formatDateTime(model.at, locale);
  let headline: string;
  const details: CardElement[] = [];
  switch (model.verb) {
    case 'confirmReview':
      headline = text('outcomeReviewConfirmed', { name, at });
      if (model.nextReviewOn)
        details.push(textBlock(text('outcomeNextReview', { date: formatDate(model.nextReviewOn, locale) })));
      break;
    case 'startRevision':
      headline = text('outcomeRevisionStarted');
      details.push(textBlock(text('outcomeRevisionStartedBy', { name, at })), textBlock(text('outcomeRevisionNext')));
      break;
    case 'acknowledge':
      headline = text('outcomeAcknowledged');
      details.push(
        textBlock(
          text('outcomeAcknowledgedBy', {
            name,
            version: escapeCardText(truncateText(model.versionLabel ?? '–', 20)),
            at,
          }),
        ),
      );
      break;
  }
  return adaptiveCard({
    fallbackText: `${headline}: ${procedureLabel(model.procedure)}`,
    body: [
      ...procedureHeading(text('outcomeKicker'), model.procedure),
      container([textBlock(headline, { weight: 'bolder' }), ...details], { style: 'good', spacing: 'medium' }),
    ],
    actions: [openUrlAction(text('openProcedure'), model.openUrl)],
  });
}

/**
 * A refused card action (already decided, no longer allowed, stale card). `message` is shown
 * as plain text; the catalogue has the common ones (`cardText(locale).errorAlreadyDecided` …).
 */
export function errorCard(message: string, locale: Locale, openUrl?: string, openTitle?: string): AdaptiveCard {
  const text = cardText(locale);
  return adaptiveCard({
    fallbackText: `${text('errorKicker')}: ${message}`,
    body: [
      textBlock(text('appName'), { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
      container(
        [textBlock(text('errorKicker'), { weight: 'bolder' }), textBlock(escapeCardText(truncateText(message, 1000)))],
        {
          style: 'attention',
          spacing: 'small',
        },
      ),
    ],
    actions: openUrl ? [openUrlAction(openTitle ?? text('openProcedure'), openUrl)] : [],
  });
}
