import type { Locale } from '../../core/locale.js';
import type { ReplyReminderStage } from '../../core/register-rules.js';
import type { AdaptiveCard } from './card-types.js';
import { cardText, escapeCardText, formatDate, truncateText } from './card-text.js';
import { adaptiveCard, factSet, openUrlAction, textBlock } from './card-elements.js';

export type RegisterReminderModel = {
  stage: ReplyReminderStage;
  receiptNumber: string;
  title: string;
  /** The reply deadline in force (YYYY-MM-DD). */
  dueOn: string;
  /** The handler, named on an escalation to their leader. */
  handlerName: string | null;
  /** The item in the tab (`/reports/{id}`). */
  openUrl: string;
};

/** The digest's words for a register line: its kind and "Svarfrist 10. dec. 2026" (with the handler on an escalation). */
export function registerReminderDigestWords(
  model: Pick<RegisterReminderModel, 'stage' | 'dueOn' | 'handlerName'>,
  locale: Locale,
): { kind: string; line: string } {
  const text = cardText(locale);
  const dueOn = formatDate(model.dueOn, locale);
  return {
    kind: `${text('registerReminder.digestKind')}: ${text(`registerReminder.kicker.${model.stage}`)}`,
    line:
      model.stage === 'escalate'
        ? text('registerReminder.digestEscalated', {
            handler: escapeCardText(truncateText(model.handlerName ?? '–', 120)),
            dueOn,
          })
        : text('registerReminder.digestLine', { dueOn }),
  };
}

/**
 * A register item's answer is due soon, overdue (to its handler), or escalated (to the handler's
 * leader): which item, by when, and a link to it.
 */
export function registerReminderCard(model: RegisterReminderModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const title = truncateText(model.title, 160);
  const dueOn = formatDate(model.dueOn, locale);
  const kicker = text(`registerReminder.kicker.${model.stage}`);
  const intro =
    model.stage === 'escalate'
      ? text('registerReminder.escalatedIntro', {
          handler: escapeCardText(truncateText(model.handlerName ?? '–', 120)),
          dueOn,
        })
      : text('registerReminder.intro', { dueOn });
  return adaptiveCard({
    fallbackText: `${kicker}: ${model.receiptNumber} ${title}`,
    body: [
      textBlock(kicker, { size: 'small', weight: 'bolder', color: 'attention', spacing: 'none' }),
      textBlock(escapeCardText(title), { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
      textBlock(intro, { spacing: 'small' }),
      factSet([
        { title: text('registerReminder.receipt'), value: model.receiptNumber },
        { title: text('dueDate'), value: dueOn },
      ]),
    ],
    actions: [openUrlAction(text('registerReminder.open'), model.openUrl)],
  });
}
