import type { Locale } from '../../core/locale.js';
import { competenceLevelLabels, type CompetenceLevel } from '../../core/competence-types.js';
import type { AdaptiveCard } from './card-types.js';
import { cardText, escapeCardText, truncateText, type CardText } from './card-text.js';
import { adaptiveCard, container, factSet, openUrlAction, textBlock } from './card-elements.js';

export type RequirementUnmetModel = {
  competenceName: string;
  /** Where the requirement applies: a unit's name, "K-16 Title" or a handbook area. */
  scopeLabel: string;
  minPeople: number;
  minLevel: CompetenceLevel;
  qualifiedCount: number;
  shortBy: number;
  /** The tab's competence matrix. */
  openUrl: string;
};

const nameMax = 120;

/**
 * Tells the leader answerable for a competence requirement that it is not met (too few people
 * at the level, and no external decision covers it), and by how much. Sent once a month while
 * the requirement stays unmet.
 */
export function requirementUnmetCard(model: RequirementUnmetModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const competence = escapeCardText(truncateText(model.competenceName, nameMax));
  const short = requirementShortText(model, locale, text);
  return adaptiveCard({
    fallbackText: `${text('requirementKicker')}: ${truncateText(model.competenceName, nameMax)}`,
    body: [
      textBlock(text('requirementKicker'), { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
      textBlock(competence, { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
      container([textBlock(`${text('requirementShort')}: ${short}`, { weight: 'bolder' })], {
        style: 'attention',
        spacing: 'medium',
      }),
      factSet([
        { title: text('requirementScope'), value: escapeCardText(truncateText(model.scopeLabel, 200)) },
        {
          title: text('requirementNeeds'),
          value: text('requirementAtLevel', {
            people: text('people', { count: model.minPeople }),
            level: levelText(model.minLevel, locale, text),
          }),
        },
        { title: text('requirementQualified'), value: text('people', { count: model.qualifiedCount }) },
      ]),
      textBlock(text('requirementPrompt'), { spacing: 'medium' }),
      textBlock(text('requirementMonthly'), { isSubtle: true, size: 'small' }),
    ],
    actions: [openUrlAction(text('openCompetences'), model.openUrl)],
  });
}

function levelText(level: CompetenceLevel, locale: Locale, text: CardText): string {
  return text('levelValue', { level, label: competenceLevelLabels[locale][level] });
}

/** "1 person at level 3 (Experienced) or above": what the requirement is short of. */
export function requirementShortText(
  model: Pick<RequirementUnmetModel, 'shortBy' | 'minLevel'>,
  locale: Locale,
  text: CardText,
): string {
  return text('requirementAtLevel', {
    people: text('people', { count: model.shortBy }),
    level: levelText(model.minLevel, locale, text),
  });
}
