import type { Locale } from '../../core/locale.js';
import type { AdaptiveCard, CardPerson } from './card-types.js';
import { escapeCardText, formatDate, truncateText } from './card-text.js';
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

type Words = {
  kicker: string;
  intro: (by: string) => string;
  dueDate: string;
  noDueDate: string;
  plan: string;
  open: string;
};

const words: Record<Locale, Words> = {
  da: {
    kicker: 'Du er ansvarlig for en korrigerende handling',
    intro: (by) => `${by} har gjort dig ansvarlig for at gennemføre handlingen.`,
    dueDate: 'Frist',
    noDueDate: 'Ingen frist',
    plan: 'Plan',
    open: 'Åbn handling',
  },
  nb: {
    kicker: 'Du er ansvarlig for et korrigerende tiltak',
    intro: (by) => `${by} har gjort deg ansvarlig for å gjennomføre tiltaket.`,
    dueDate: 'Frist',
    noDueDate: 'Ingen frist',
    plan: 'Plan',
    open: 'Åpne tiltak',
  },
  en: {
    kicker: 'You own a corrective action',
    intro: (by) => `${by} has made you responsible for carrying out the action.`,
    dueDate: 'Due date',
    noDueDate: 'No due date',
    plan: 'Plan',
    open: 'Open action',
  },
};

/**
 * Tells a person that a corrective action was assigned to them (when the plan names them as
 * owner, and when the action is handed on to them): what, by when, and a link to its page.
 */
export function correctiveActionAssignedCard(model: CorrectiveActionAssignedModel, locale: Locale): AdaptiveCard {
  const text = words[locale];
  const title = truncateText(model.title, 160);
  const due = model.dueOn === null ? text.noDueDate : formatDate(model.dueOn, locale);
  const facts = [{ title: text.dueDate, value: due }];
  if (model.plan) facts.push({ title: text.plan, value: escapeCardText(truncateText(model.plan, 300)) });
  return adaptiveCard({
    fallbackText: `${text.kicker}: ${title} (${due})`,
    body: [
      textBlock(text.kicker, { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
      textBlock(escapeCardText(title), { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
      textBlock(text.intro(escapeCardText(truncateText(model.assignedBy.name, 120))), { spacing: 'small' }),
      factSet(facts),
    ],
    actions: [openUrlAction(text.open, model.openUrl)],
  });
}
