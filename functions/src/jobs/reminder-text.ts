import type { CardLocale } from '../bot/cards/card-types.js';
import type { ReminderStage } from '../core/reminder-schedule.js';

/**
 * Plain-text words for reminders: the notification summary sent beside a card (what a phone
 * shows) and the sweep's printed report. The cards carry their own, richer text.
 */
const stageWords: Record<CardLocale, Record<ReminderStage, string>> = {
  da: {
    'review-due-30': 'gennemgang inden for 30 dage',
    'review-due-7': 'gennemgang inden for 7 dage',
    'review-due-0': 'gennemgang i dag',
    'review-overdue': 'gennemgang overskredet',
    'review-escalation': 'eskalering: gennemgang overskredet',
    'approval-waiting': 'venter på godkendelse',
    'acknowledgement-requested': 'ny version at læse og kvittere for',
    'acknowledgement-outstanding': 'mangler kvittering',
    'qualification-expiring-90': 'udløber inden for 90 dage',
    'qualification-expiring-30': 'udløber inden for 30 dage',
    'qualification-expired': 'udløbet',
    'qualification-expiring-90-leader': 'medarbejders kvalifikation udløber inden for 90 dage',
    'qualification-expiring-30-leader': 'medarbejders kvalifikation udløber inden for 30 dage',
    'qualification-expired-leader': 'medarbejders kvalifikation udløbet',
    'requirement-unmet': 'kompetencekrav ikke opfyldt',
    'occurrence-due-30': 'aktivitet i årshjulet inden for 30 dage',
    'occurrence-due-7': 'aktivitet i årshjulet inden for 7 dage',
    'occurrence-due-0': 'aktivitet i årshjulet i dag',
    'occurrence-overdue': 'aktivitet i årshjulet overskredet',
    'occurrence-escalation': 'eskalering: aktivitet i årshjulet overskredet',
    'action-due-7': 'korrigerende handling skal være udført inden for 7 dage',
    'action-due-0': 'korrigerende handling skal være udført i dag',
    'action-overdue': 'korrigerende handling overskredet',
    'action-escalation': 'eskalering: korrigerende handling overskredet',
  },
  nb: {
    'review-due-30': 'gjennomgang innen 30 dager',
    'review-due-7': 'gjennomgang innen 7 dager',
    'review-due-0': 'gjennomgang i dag',
    'review-overdue': 'gjennomgang forfalt',
    'review-escalation': 'eskalering: gjennomgang forfalt',
    'approval-waiting': 'venter på godkjenning',
    'acknowledgement-requested': 'ny versjon å lese og kvittere for',
    'acknowledgement-outstanding': 'mangler kvittering',
    'qualification-expiring-90': 'utløper innen 90 dager',
    'qualification-expiring-30': 'utløper innen 30 dager',
    'qualification-expired': 'utløpt',
    'qualification-expiring-90-leader': 'medarbeiders kvalifikasjon utløper innen 90 dager',
    'qualification-expiring-30-leader': 'medarbeiders kvalifikasjon utløper innen 30 dager',
    'qualification-expired-leader': 'medarbeiders kvalifikasjon utløpt',
    'requirement-unmet': 'kompetansekrav ikke oppfylt',
    'occurrence-due-30': 'aktivitet i årshjulet innen 30 dager',
    'occurrence-due-7': 'aktivitet i årshjulet innen 7 dager',
    'occurrence-due-0': 'aktivitet i årshjulet i dag',
    'occurrence-overdue': 'aktivitet i årshjulet forfalt',
    'occurrence-escalation': 'eskalering: aktivitet i årshjulet forfalt',
    'action-due-7': 'korrigerende tiltak skal være gjennomført innen 7 dager',
    'action-due-0': 'korrigerende tiltak skal være gjennomført i dag',
    'action-overdue': 'korrigerende tiltak forfalt',
    'action-escalation': 'eskalering: korrigerende tiltak forfalt',
  },
  en: {
    'review-due-30': 'review due within 30 days',
    'review-due-7': 'review due within 7 days',
    'review-due-0': 'review due today',
    'review-overdue': 'review overdue',
    'review-escalation': 'escalation: review overdue',
    'approval-waiting': 'awaiting approval',
    'acknowledgement-requested': 'new version to read and acknowledge',
    'acknowledgement-outstanding': 'acknowledgement missing',
    'qualification-expiring-90': 'expires within 90 days',
    'qualification-expiring-30': 'expires within 30 days',
    'qualification-expired': 'expired',
    'qualification-expiring-90-leader': 'staff qualification expires within 90 days',
    'qualification-expiring-30-leader': 'staff qualification expires within 30 days',
    'qualification-expired-leader': 'staff qualification expired',
    'requirement-unmet': 'competence requirement not met',
    'occurrence-due-30': 'year-wheel activity due within 30 days',
    'occurrence-due-7': 'year-wheel activity due within 7 days',
    'occurrence-due-0': 'year-wheel activity due today',
    'occurrence-overdue': 'year-wheel activity overdue',
    'occurrence-escalation': 'escalation: year-wheel activity overdue',
    'action-due-7': 'corrective action due within 7 days',
    'action-due-0': 'corrective action due today',
    'action-overdue': 'corrective action overdue',
    'action-escalation': 'escalation: corrective action overdue',
  },
};

const words: Record<
  CardLocale,
  { reminders: (count: number) => string; more: (count: number) => string; nothing: string; sweep: string }
> = {
  da: {
    reminders: (count) => (count === 1 ? '1 påmindelse' : `${count} påmindelser`),
    more: (count) => `og ${count} flere`,
    nothing: 'Intet at sende',
    sweep: 'Påmindelser',
  },
  nb: {
    reminders: (count) => (count === 1 ? '1 påminnelse' : `${count} påminnelser`),
    more: (count) => `og ${count} til`,
    nothing: 'Ingenting å sende',
    sweep: 'Påminnelser',
  },
  en: {
    reminders: (count) => (count === 1 ? '1 reminder' : `${count} reminders`),
    more: (count) => `and ${count} more`,
    nothing: 'Nothing to send',
    sweep: 'Reminders',
  },
};

export function reminderWords(locale: CardLocale) {
  return words[locale];
}

/** One reminder in plain text: its stage and its topic (reminder-topic.ts). */
export type ReminderLine = { stage: ReminderStage; label: string; title: string };

/** "S-06 gennemgang overskredet", "Intern auditor – Peter Lund: udløber inden for 30 dage" */
export function reminderLine(item: ReminderLine, locale: CardLocale): string {
  // A procedure code reads as part of the sentence; a competence label or an activity's title is a name, set off by a colon.
  const separator =
    item.stage.startsWith('review-') || item.stage.startsWith('approval-') || item.stage.startsWith('acknowledgement-')
      ? ' '
      : ': ';
  return `${item.label}${separator}${stageWords[locale][item.stage]}`;
}

/**
 * "3 påmindelser: S-06 gennemgang overskredet, K-05 venter på godkendelse, K-12 mangler
 * kvittering", listing at most `listed` items and counting the rest.
 */
export function reminderSummary(items: ReminderLine[], locale: CardLocale, listed = 5): string {
  const text = words[locale];
  const shown = items.slice(0, listed).map((item) => reminderLine(item, locale));
  if (items.length > listed) shown.push(text.more(items.length - listed));
  return `${text.reminders(items.length)}: ${shown.join(', ')}`;
}
