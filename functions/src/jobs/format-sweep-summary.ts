import type { CardLocale } from '../bot/cards/card-types.js';
import { reminderLine, reminderWords } from './reminder-text.js';
import type { SweepResult } from './run-sweep.js';

const labels = {
  da: {
    heading: (today: string, count: number, ms: string) =>
      `Påmindelser ${today}: ${count === 1 ? '1 besked' : `${count} beskeder`} (${ms} ms)`,
    held: 'En anden kørsel har låsen (sweep-lease); intet sendt.',
    lost: 'Låsen udløb undervejs, og en anden kørsel overtog resten.',
    failed: 'Ikke sendt (prøves igen ved næste kørsel):',
    skipped: (count: number) => `${count} allerede sendt tidligere.`,
  },
  nb: {
    heading: (today: string, count: number, ms: string) =>
      `Påminnelser ${today}: ${count === 1 ? '1 melding' : `${count} meldinger`} (${ms} ms)`,
    held: 'En annen kjøring har låsen (sweep-lease); ingenting sendt.',
    lost: 'Låsen utløp underveis, og en annen kjøring tok over resten.',
    failed: 'Ikke sendt (prøves igjen ved neste kjøring):',
    skipped: (count: number) => `${count} allerede sendt tidligere.`,
  },
  en: {
    heading: (today: string, count: number, ms: string) =>
      `Reminders ${today}: ${count === 1 ? '1 message' : `${count} messages`} (${ms} ms)`,
    held: 'Another run holds the sweep lease; nothing sent.',
    lost: 'The lease expired mid-way and another run took over the rest.',
    failed: 'Not sent (tried again on the next run):',
    skipped: (count: number) => `${count} already sent before.`,
  },
} as const;

/**
 * The sweep's report for people: who got what, one line each
 * ("Mette Kjær: 3 påmindelser (S-06 gennemgang overskredet, …)"), or "Intet at sende".
 */
export function formatSweepSummary(result: SweepResult, locale: CardLocale = 'da', listed = 6): string {
  const text = labels[locale];
  const words = reminderWords(locale);
  if (result.status === 'lease-held') return text.held;
  const lines: string[] = [];
  const describe = (items: SweepResult['sent'][number]['items']) => {
    const shown = items.slice(0, listed).map((item) => reminderLine(item, locale));
    if (items.length > listed) shown.push(words.more(items.length - listed));
    return `${words.reminders(items.length)} (${shown.join(', ')})`;
  };
  if (result.sent.length === 0 && result.failed.length === 0) {
    lines.push(`${words.nothing} (${result.today})`);
  } else {
    lines.push(text.heading(result.today, result.sent.length, result.durationMs.toFixed(0)));
    for (const message of result.sent) lines.push(`  ${message.recipientName}: ${describe(message.items)}`);
  }
  if (result.failed.length > 0) {
    lines.push(text.failed);
    for (const message of result.failed) {
      lines.push(`  ${message.recipientName}: ${describe(message.items)} – ${message.error}`);
    }
  }
  if (result.skipped > 0) lines.push(text.skipped(result.skipped));
  if (result.status === 'lease-lost') lines.push(text.lost);
  return lines.join('\n');
}
