import type { Locale } from '../../core/locale.js';
import type { AdaptiveCard, CardProcedure } from './card-types.js';
import { cardText, escapeCardText, formatDate, truncateText } from './card-text.js';
import {
  adaptiveCard,
  executeAction,
  openUrlAction,
  procedureHeading,
  procedureLabel,
  textBlock,
  type CardElement,
} from './card-elements.js';

export type AcknowledgementRequestModel = {
  procedure: CardProcedure;
  /** The version to acknowledge; sent back so a newer version is not acknowledged by mistake. */
  versionId: string;
  versionLabel: string | null;
  changeSummary: string | null;
  /** ISO 8601 instant the version was published (it applies from then). */
  publishedAt: string;
  openUrl: string;
};

const summaryMax = 1200;

/** Asks a reader to read a new major version and confirm "læst og forstået". */
export function acknowledgementRequestCard(model: AcknowledgementRequestModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const version = escapeCardText(truncateText(model.versionLabel ?? '–', 20));
  const body: CardElement[] = [
    ...procedureHeading(text('acknowledgementKicker'), model.procedure),
    textBlock(text('acknowledgementText', { version, date: formatDate(model.publishedAt, locale) }), {
      spacing: 'medium',
    }),
  ];
  if (model.changeSummary?.trim()) {
    body.push(
      textBlock(text('changeSummary'), { weight: 'bolder', spacing: 'medium' }),
      textBlock(escapeCardText(truncateText(model.changeSummary, summaryMax)), { spacing: 'small' }),
    );
  }
  return adaptiveCard({
    fallbackText: `${text('acknowledgementKicker')}: ${procedureLabel(model.procedure)}`,
    body,
    actions: [
      executeAction(
        text('acknowledge'),
        { verb: 'acknowledge', procedureId: model.procedure.id, versionId: model.versionId },
        { style: 'positive' },
      ),
      openUrlAction(text('openProcedure'), model.openUrl),
    ],
  });
}
