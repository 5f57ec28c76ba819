import type { Locale } from '../core/locale.js';
import type { AdaptiveCard } from '../bot/cards/card-types.js';
import type { LocalDate } from '../core/local-date.js';
import type { ReminderStage } from '../core/reminder-schedule.js';
import type { ReminderCandidate } from './reminder-source.js';

/** One reminder on its way to a person: the stage that is due and what it is about. */
export type ReminderItem = {
  key: string;
  stage: ReminderStage;
  dueOn: LocalDate;
  candidate: ReminderCandidate;
};

export type ReminderRecipient = { id: string; name: string; locale: Locale };

export type CardContext = { recipient: ReminderRecipient; today: LocalDate };

/**
 * How the sweep turns reminders into cards. The sweep sends each person one message: `single`
 * when one reminder is due for them, `digest` when several are (items most urgent first). The
 * product's factory is `createReminderCards` (reminder-cards.ts); tests pass a trivial one.
 */
export type CardFactory = {
  single(item: ReminderItem, context: CardContext): AdaptiveCard;
  digest(items: ReminderItem[], context: CardContext): AdaptiveCard;
};
