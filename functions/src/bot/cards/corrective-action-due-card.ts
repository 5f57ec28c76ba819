import type { Locale } from '../../core/locale.js';
import { asLocalDate, daysBetween } from '../../core/local-date.js';
import type { AdaptiveCard, CardPerson } from './card-types.js';
import { cardText, escapeCardText, formatDate, truncateText } from './card-text.js';
import { adaptiveCard, container, factSet, openUrlAction, textBlock, type ContainerStyle } from './card-elements.js';

export type CorrectiveActionDueModel = {
  /** The action's title, e.g. "Mindre afvigelse: 7.5.3 Styring af dokumenteret information". */
  title: string;
  /** The plan's due date (YYYY-MM-DD). */
  dueOn: string;
  /** Today's calendar date in the product's time zone (cards do not read the clock). */
  today: string;
  owner: CardPerson;
  /** True for the escalation to the owner's leader: the text speaks about the owner. */
  isForLeader: boolean;
  /** The tab's page of the action. */
  openUrl: string;
};

const titleMax = 160;

/** "Frist om 7 dage (30-11-2026)", "Frist i dag (…)" or "Overskredet med 8 dage (…)", with its container style. */
export function actionDueText(dueOn: string, today: string, locale: Locale): { text: string; style: ContainerStyle } {
  const text = cardText(locale);
  const daysLeft = daysBetween(asLocalDate(today), asLocalDate(dueOn));
  const date = formatDate(dueOn, locale);
  if (daysLeft > 0) return { text: text('actionDue.dueIn', { count: daysLeft, date }), style: 'warning' };
  if (daysLeft === 0) return { text: text('actionDue.dueToday', { date }), style: 'warning' };
  return { text: text('overdueByDays', { count: -daysLeft, date }), style: 'attention' };
}

/** The digest's words for a corrective action's line. */
export function correctiveActionDigestWords(locale: Locale): { kind: string; open: string } {
  return { kind: cardText(locale)('actionDue.digestKind'), open: cardText(locale)('openAction') };
}

/**
 * Reminds the owner of a corrective action (ISO 9001 10.2) 7 days before and on its due date and
 * when it is overdue, or, as the escalation, tells the owner's leader that it is overdue. Links
 * to the action's page in the tab.
 */
export function correctiveActionDueCard(model: CorrectiveActionDueModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const due = actionDueText(model.dueOn, model.today, locale);
  const isOverdue = model.dueOn < model.today;
  const owner = escapeCardText(truncateText(model.owner.name, 120));
  const title = truncateText(model.title, titleMax);
  const kicker = model.isForLeader
    ? text('actionDue.kickerEscalation')
    : isOverdue
      ? text('actionDue.kickerOverdue')
      : text('actionDue.kickerDue');
  return adaptiveCard({
    fallbackText: `${kicker}: ${title} (${formatDate(model.dueOn, locale)})`,
    body: [
      textBlock(kicker, { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
      textBlock(escapeCardText(title), { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
      container([textBlock(due.text, { weight: 'bolder' })], { style: due.style, spacing: 'medium' }),
      factSet([
        { title: text('dueDate'), value: formatDate(model.dueOn, locale) },
        { title: text('responsible'), value: owner },
      ]),
      textBlock(model.isForLeader ? text('actionDue.promptLeader', { owner }) : text('actionDue.promptOwner'), {
        spacing: 'medium',
      }),
    ],
    actions: [openUrlAction(text('openAction'), model.openUrl)],
  });
}
