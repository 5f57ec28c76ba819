import type { Locale } from '../core/locale.js';
import { serverTexts } from '../i18n/server-texts.js';
import { reminderCount, reminderLines } from './reminder-text.js';
import type { SweepResult } from './run-sweep.js';

/**
 * The sweep's report for people: who got what, one line each
 * ("Mette Kjær: 3 påmindelser (S-06 gennemgang overskredet, …)"), or "Intet at sende".
 */
export function formatSweepSummary(result: SweepResult, locale: Locale = 'da', listed = 6): string {
  const t = serverTexts(locale, 'reminders');
  if (result.status === 'lease-held') return t('sweep.held');
  const lines: string[] = [];
  const describe = (items: SweepResult['sent'][number]['items']) =>
    `${reminderCount(items.length, locale)} (${reminderLines(items, locale, listed)})`;
  if (result.sent.length === 0 && result.failed.length === 0) {
    lines.push(`${t('nothing')} (${result.today})`);
  } else {
    const messages = t('sweep.messages', { count: result.sent.length });
    lines.push(t('sweep.heading', { today: result.today, messages, ms: result.durationMs.toFixed(0) }));
    for (const message of result.sent) lines.push(`  ${message.recipientName}: ${describe(message.items)}`);
  }
  if (result.failed.length > 0) {
    lines.push(t('sweep.failed'));
    for (const message of result.failed) {
      lines.push(`  ${message.recipientName}: ${describe(message.items)} – ${message.error}`);
    }
  }
  if (result.skipped > 0) lines.push(t('sweep.skipped', { count: result.skipped }));
  if (result.goals && 'error' in result.goals) lines.push(t('sweep.goalsFailed', { error: result.goals.error }));
  else if (result.goals && result.goals.turnedRed.length > 0)
    lines.push(t('sweep.goalsRed', { ids: result.goals.turnedRed.join(', ') }));
  if (result.status === 'lease-lost') lines.push(t('sweep.lost'));
  return lines.join('\n');
}
