import type { Locale } from '../../core/locale.js';
import { competenceLevelLabels, type CompetenceLevel } from '../../core/competence-types.js';
import { asLocalDate, daysBetween } from '../../core/local-date.js';
import type { AdaptiveCard, CardPerson } from './card-types.js';
import { cardText, escapeCardText, formatDate, truncateText, type CardText } from './card-text.js';
import { adaptiveCard, container, factSet, openUrlAction, textBlock, type ContainerStyle } from './card-elements.js';

export type QualificationExpiringModel = {
  competenceName: string;
  /** The person whose qualification it is. */
  holder: CardPerson;
  /** True for the leader's copy: the text speaks about the holder rather than to them. */
  isForLeader: boolean;
  level: CompetenceLevel;
  /** Last valid day (YYYY-MM-DD, inclusive). */
  validUntil: string;
  /** Today's calendar date in the product's time zone (passed in: cards do not read the clock). */
  today: string;
  /** The tab's competence matrix. */
  openUrl: string;
};

const nameMax = 120;

/**
 * Tells a person (or their leader) that a qualification with a validity, such as an internal
 * auditor certificate, is about to end or has ended, with a link to the competence matrix
 * where the renewed evidence is recorded.
 */
export function qualificationExpiringCard(model: QualificationExpiringModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const due = qualificationDueText(model.validUntil, model.today, locale, text);
  const competence = escapeCardText(truncateText(model.competenceName, nameMax));
  const holder = escapeCardText(truncateText(model.holder.name, nameMax));
  const kicker = due.daysLeft < 0 ? text('qualificationExpiredKicker') : text('qualificationKicker');
  return adaptiveCard({
    fallbackText: `${kicker}: ${truncateText(model.competenceName, nameMax)} (${truncateText(model.holder.name, nameMax)})`,
    body: [
      textBlock(kicker, { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
      textBlock(competence, { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
      container([textBlock(due.text, { weight: 'bolder' })], { style: due.style, spacing: 'medium' }),
      factSet([
        { title: text('qualificationHolder'), value: holder },
        {
          title: text('qualificationLevel'),
          value: text('levelValue', { level: model.level, label: competenceLevelLabels[locale][model.level] }),
        },
        { title: text('qualificationValidUntil'), value: formatDate(model.validUntil, locale) },
      ]),
      textBlock(
        model.isForLeader ? text('qualificationPromptLeader', { name: holder }) : text('qualificationPromptHolder'),
        {
          spacing: 'medium',
        },
      ),
    ],
    actions: [openUrlAction(text('openCompetences'), model.openUrl)],
  });
}

/** "Expires in 20 days (last valid day …)", "Today is the last valid day" or "Expired 5 days ago". */
export function qualificationDueText(
  validUntil: string,
  today: string,
  locale: Locale,
  text: CardText,
): { text: string; style: ContainerStyle; daysLeft: number } {
  const daysLeft = daysBetween(asLocalDate(today), asLocalDate(validUntil));
  const date = formatDate(validUntil, locale);
  if (daysLeft > 0) {
    return {
      text: text('qualificationExpiresIn', { days: text('days', { count: daysLeft }), date }),
      style: 'warning',
      daysLeft,
    };
  }
  if (daysLeft === 0) return { text: text('qualificationExpiresToday', { date }), style: 'warning', daysLeft };
  return {
    text: text('qualificationExpired', { days: text('days', { count: -daysLeft }), date }),
    style: 'attention',
    daysLeft,
  };
}
