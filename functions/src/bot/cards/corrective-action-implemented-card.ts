import type { Locale } from '../../core/locale.js';
import type { AdaptiveCard, CardPerson } from './card-types.js';
import { cardText, escapeCardText, formatDate, formatDateTime, truncateText } from './card-text.js';
import { adaptiveCard, container, openUrlAction, textBlock } from './card-elements.js';

export type CorrectiveActionImplementedModel = {
  title: string;
  /** Who marked it implemented, and when (ISO 8601 instant). */
  by: CardPerson;
  at: string;
  /** What was done, as told. */
  description: string;
  /** When the effectiveness check is due (YYYY-MM-DD). */
  checkDueOn: string | null;
  openUrl: string;
};

/** Replaces the owner's reminder once "Markér gennemført" on it has been recorded. */
export function correctiveActionImplementedCard(model: CorrectiveActionImplementedModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const title = truncateText(model.title, 160);
  const headline = text('actionImplemented.done', {
    name: escapeCardText(truncateText(model.by.name, 120)),
    at: formatDateTime(model.at, locale),
  });
  return adaptiveCard({
    fallbackText: `${headline}: ${title}`,
    body: [
      textBlock(text('outcomeKicker'), { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
      textBlock(escapeCardText(title), { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
      container(
        [
          textBlock(headline, { weight: 'bolder' }),
          textBlock(escapeCardText(truncateText(model.description, 500))),
          ...(model.checkDueOn === null
            ? []
            : [textBlock(text('actionImplemented.checkFrom', { date: formatDate(model.checkDueOn, locale) }))]),
        ],
        { style: 'good', spacing: 'medium' },
      ),
    ],
    actions: [openUrlAction(text('openAction'), model.openUrl)],
  });
}
