import type { Locale } from '../core/locale.js';
import type { ReminderStage } from '../core/reminder-schedule.js';
import { serverTexts } from '../i18n/server-texts.js';

/**
 * Plain-text words for reminders: the notification summary sent beside a card (what a phone
 * shows) and the sweep's printed report. The texts are the `reminders` namespace
 * (i18n/resources/<locale>/reminders.ts); the cards carry their own, richer text.
 */

/** One reminder in plain text: its stage and its topic (reminder-topic.ts). */
export type ReminderLine = { stage: ReminderStage; label: string; title: string };

/** "S-06 gennemgang overskredet", "Intern auditor – Peter Lund: udløber inden for 30 dage" */
export function reminderLine(item: ReminderLine, locale: Locale): string {
  // A procedure code reads as part of the sentence; a competence label or an activity's title is a name, set off by a colon.
  const separator =
    item.stage.startsWith('review-') || item.stage.startsWith('approval-') || item.stage.startsWith('acknowledgement-')
      ? ' '
      : ': ';
  return `${item.label}${separator}${serverTexts(locale, 'reminders')(`stage.${item.stage}`)}`;
}

/** "S-06 …, K-05 …, og 2 flere": at most `listed` lines, then the count of the rest. */
export function reminderLines(items: readonly ReminderLine[], locale: Locale, listed: number): string {
  const t = serverTexts(locale, 'reminders');
  const shown = items.slice(0, listed).map((item) => reminderLine(item, locale));
  if (items.length > listed) shown.push(t('more', { count: items.length - listed }));
  return shown.join(', ');
}

/** "3 påmindelser" */
export function reminderCount(count: number, locale: Locale): string {
  return serverTexts(locale, 'reminders')('reminders', { count });
}

/**
 * "3 påmindelser: S-06 gennemgang overskredet, K-05 venter på godkendelse, K-12 mangler
 * kvittering", listing at most `listed` items and counting the rest.
 */
export function reminderSummary(items: ReminderLine[], locale: Locale, listed = 5): string {
  return `${reminderCount(items.length, locale)}: ${reminderLines(items, locale, listed)}`;
}
