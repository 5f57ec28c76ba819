import type { Locale } from '../../core/locale.js';
import type { AdaptiveCard, CardPerson } from './card-types.js';
import { cardText, escapeCardText, formatDate, truncateText } from './card-text.js';
import { adaptiveCard, factSet, openUrlAction, textBlock } from './card-elements.js';

export type CorrectiveActionAssignedModel = {
  title: string;
  /** The plan's due date (YYYY-MM-DD); null when the plan has none yet. */
  dueOn: string | null;
  /** The plan as written, shown shortened. */
  plan: string | null;
  /** Who made the new owner responsible. */
  assignedBy: CardPerson;
  openUrl: string;
};

/**
 * Tells a person that a corrective action was assigned to them (when the plan names them as
 * owner, and when the action is handed on to them): what, by when, and a link to its page.
 */
export function correctiveActionAssignedCard(model: CorrectiveActionAssignedModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const title = truncateText(model.title, 160);
  const due = model.dueOn === null ? text('actionAssigned.noDueDate') : formatDate(model.dueOn, locale);
  const facts = [{ title: text('dueDate'), value: due }];
  if (model.plan)
    facts.push({ title: text('actionAssigned.plan'), value: escapeCardText(truncateText(model.plan, 300)) });
  return adaptiveCard({
    fallbackText: `${text('actionAssigned.kicker')}: ${title} (${due})`,
    body: [
      textBlock(text('actionAssigned.kicker'), { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
      textBlock(escapeCardText(title), { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
      textBlock(text('actionAssigned.intro', { by: escapeCardText(truncateText(model.assignedBy.name, 120)) }), {
        spacing: 'small',
      }),
      factSet(facts),
    ],
    actions: [openUrlAction(text('openAction'), model.openUrl)],
  });
}
