import type { Locale } from '../../core/locale.js';
import { asLocalDate, daysBetween } from '../../core/local-date.js';
import type { AdaptiveCard, CardPerson } from './card-types.js';
import { cardText, escapeCardText, formatDate, truncateText } from './card-text.js';
import {
  adaptiveCard,
  container,
  executeAction,
  factSet,
  openUrlAction,
  textBlock,
  type CardAction,
  type ContainerStyle,
} from './card-elements.js';

/** The longest texts the card's form takes (the contract's limits for markImplemented). */
export const implementedInputLimits = { description: 4000, evidenceText: 2000, evidenceUrl: 2000 } as const;

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
  /**
   * The action's id, for the owner's "Markér gennemført" form on the card (what was done and the
   * evidence; bot/handle-card-action.ts runs the same use case as the tab). Absent on the
   * leader's escalation and in digests: only the owner carries the action out.
   */
  actionId?: string;
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
    actions: [
      ...(model.actionId !== undefined && !model.isForLeader ? [markImplementedAction(model.actionId, locale)] : []),
      openUrlAction(text('openAction'), model.openUrl),
    ],
  });
}

/** "Markér gennemført": what was done (required) and the evidence (optional), sent with the action's id. */
function markImplementedAction(actionId: string, locale: Locale): CardAction {
  const text = cardText(locale);
  return {
    type: 'Action.ShowCard',
    title: text('actionImplemented.button'),
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Text',
          id: 'description',
          label: text('actionImplemented.descriptionLabel'),
          placeholder: text('actionImplemented.descriptionPlaceholder'),
          isRequired: true,
          errorMessage: text('actionImplemented.descriptionRequired'),
          maxLength: implementedInputLimits.description,
          isMultiline: true,
        },
        {
          type: 'Input.Text',
          id: 'evidenceText',
          label: text('actionImplemented.evidenceTextLabel'),
          placeholder: text('actionImplemented.evidenceTextPlaceholder'),
          isRequired: false,
          errorMessage: text('actionImplemented.evidenceTextTooLong'),
          maxLength: implementedInputLimits.evidenceText,
          isMultiline: true,
        },
        {
          type: 'Input.Text',
          id: 'evidenceUrl',
          label: text('actionImplemented.evidenceUrlLabel'),
          placeholder: 'https://',
          isRequired: false,
          errorMessage: text('actionImplemented.evidenceUrlInvalid'),
          maxLength: implementedInputLimits.evidenceUrl,
          isMultiline: false,
          style: 'url',
        },
      ],
      actions: [
        executeAction(
          text('actionImplemented.send'),
          { verb: 'markActionImplemented', actionId },
          { style: 'positive', associatedInputs: 'auto' },
        ),
      ],
    },
  };
}
