import type { Locale } from '../../core/locale.js';
import { asLocalDate, daysBetween } from '../../core/local-date.js';
import type { AdaptiveCard, CardPerson, CardProcedure } from './card-types.js';
import { cardText, escapeCardText, formatDate } from './card-text.js';
import {
  adaptiveCard,
  container,
  factSet,
  openUrlAction,
  procedureHeading,
  procedureLabel,
  textBlock,
} from './card-elements.js';

export type OverdueEscalationModel = {
  procedure: CardProcedure;
  /** The procedure owner who has not reviewed it; the card goes to their leader. */
  owner: CardPerson;
  /** Calendar date (YYYY-MM-DD) the review was due. */
  dueOn: string;
  /** Today's calendar date in the product's time zone. */
  today: string;
  openUrl: string;
};

/** Tells the owner's leader that a periodic review is overdue: which procedure, whose, since when. */
export function overdueEscalationCard(model: OverdueEscalationModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const overdueDays = Math.max(0, daysBetween(asLocalDate(model.dueOn), asLocalDate(model.today)));
  return adaptiveCard({
    fallbackText: `${text('escalationKicker')}: ${procedureLabel(model.procedure)}`,
    body: [
      ...procedureHeading(text('escalationKicker'), model.procedure),
      container(
        [textBlock(text('escalationText', { days: text('days', { count: overdueDays }) }), { weight: 'bolder' })],
        {
          style: 'attention',
          spacing: 'medium',
        },
      ),
      factSet([
        { title: text('owner'), value: escapeCardText(model.owner.name) },
        { title: text('reviewDueOn'), value: formatDate(model.dueOn, locale) },
        { title: text('overdueBy'), value: text('days', { count: overdueDays }) },
      ]),
      textBlock(text('escalationReason'), { isSubtle: true, size: 'small', spacing: 'medium' }),
    ],
    actions: [openUrlAction(text('openProcedure'), model.openUrl)],
  });
}
