import type { Locale } from '../../core/locale.js';
import { asLocalDate, daysBetween } from '../../core/local-date.js';
import type { AdaptiveCard, CardPerson } from './card-types.js';
import { escapeCardText, formatDate, truncateText } from './card-text.js';
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

type Words = {
  kickerDue: string;
  kickerOverdue: string;
  kickerEscalation: string;
  dueIn: (days: number, date: string) => string;
  dueToday: (date: string) => string;
  overdueBy: (days: number, date: string) => string;
  dueDate: string;
  owner: string;
  promptOwner: string;
  promptLeader: (owner: string) => string;
  open: string;
  /** The digest's kind line. */
  digestKind: string;
};

const words: Record<Locale, Words> = {
  da: {
    kickerDue: 'Korrigerende handling: frist nærmer sig',
    kickerOverdue: 'Korrigerende handling: frist overskredet',
    kickerEscalation: 'Eskalering: korrigerende handling overskredet',
    dueIn: (days, date) => `Frist om ${days === 1 ? '1 dag' : `${days} dage`} (${date})`,
    dueToday: (date) => `Frist i dag (${date})`,
    overdueBy: (days, date) => `Overskredet med ${days === 1 ? '1 dag' : `${days} dage`} (${date})`,
    dueDate: 'Frist',
    owner: 'Ansvarlig',
    promptOwner: 'Gennemfør planen, og markér handlingen som gennemført i kvalitetshåndbogen.',
    promptLeader: (owner) =>
      `${owner} er ansvarlig for handlingen, hvis frist er overskredet. Følg op med vedkommende.`,
    open: 'Åbn handling',
    digestKind: 'Korrigerende handling',
  },
  nb: {
    kickerDue: 'Korrigerende tiltak: fristen nærmer seg',
    kickerOverdue: 'Korrigerende tiltak: fristen er overskredet',
    kickerEscalation: 'Eskalering: korrigerende tiltak forfalt',
    dueIn: (days, date) => `Frist om ${days === 1 ? '1 dag' : `${days} dager`} (${date})`,
    dueToday: (date) => `Frist i dag (${date})`,
    overdueBy: (days, date) => `Forfalt med ${days === 1 ? '1 dag' : `${days} dager`} (${date})`,
    dueDate: 'Frist',
    owner: 'Ansvarlig',
    promptOwner: 'Gjennomfør planen, og merk tiltaket som gjennomført i kvalitetshåndboken.',
    promptLeader: (owner) => `${owner} er ansvarlig for tiltaket, som har passert fristen. Følg opp med vedkommende.`,
    open: 'Åpne tiltak',
    digestKind: 'Korrigerende tiltak',
  },
  en: {
    kickerDue: 'Corrective action: due date coming up',
    kickerOverdue: 'Corrective action: overdue',
    kickerEscalation: 'Escalation: corrective action overdue',
    dueIn: (days, date) => `Due in ${days === 1 ? '1 day' : `${days} days`} (${date})`,
    dueToday: (date) => `Due today (${date})`,
    overdueBy: (days, date) => `Overdue by ${days === 1 ? '1 day' : `${days} days`} (${date})`,
    dueDate: 'Due date',
    owner: 'Owner',
    promptOwner: 'Carry out the plan, and mark the action implemented in the quality handbook.',
    promptLeader: (owner) => `${owner} owns the action, which is past its due date. Please follow up.`,
    open: 'Open action',
    digestKind: 'Corrective action',
  },
};

const titleMax = 160;

/** "Frist om 7 dage (30-11-2026)", "Frist i dag (…)" or "Overskredet med 8 dage (…)", with its container style. */
export function actionDueText(dueOn: string, today: string, locale: Locale): { text: string; style: ContainerStyle } {
  const text = words[locale];
  const daysLeft = daysBetween(asLocalDate(today), asLocalDate(dueOn));
  const date = formatDate(dueOn, locale);
  if (daysLeft > 0) return { text: text.dueIn(daysLeft, date), style: 'warning' };
  if (daysLeft === 0) return { text: text.dueToday(date), style: 'warning' };
  return { text: text.overdueBy(-daysLeft, date), style: 'attention' };
}

/** The digest's words for a corrective action's line. */
export function correctiveActionDigestWords(locale: Locale): { kind: string; open: string } {
  return { kind: words[locale].digestKind, open: words[locale].open };
}

/**
 * Reminds the owner of a corrective action (ISO 9001 10.2) 7 days before and on its due date and
 * when it is overdue, or, as the escalation, tells the owner's leader that it is overdue. Links
 * to the action's page in the tab.
 */
export function correctiveActionDueCard(model: CorrectiveActionDueModel, locale: Locale): AdaptiveCard {
  const text = words[locale];
  const due = actionDueText(model.dueOn, model.today, locale);
  const isOverdue = model.dueOn < model.today;
  const owner = escapeCardText(truncateText(model.owner.name, 120));
  const title = truncateText(model.title, titleMax);
  const kicker = model.isForLeader ? text.kickerEscalation : isOverdue ? text.kickerOverdue : text.kickerDue;
  return adaptiveCard({
    fallbackText: `${kicker}: ${title} (${formatDate(model.dueOn, locale)})`,
    body: [
      textBlock(kicker, { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
      textBlock(escapeCardText(title), { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
      container([textBlock(due.text, { weight: 'bolder' })], { style: due.style, spacing: 'medium' }),
      factSet([
        { title: text.dueDate, value: formatDate(model.dueOn, locale) },
        { title: text.owner, value: owner },
      ]),
      textBlock(model.isForLeader ? text.promptLeader(owner) : text.promptOwner, { spacing: 'medium' }),
    ],
    actions: [openUrlAction(text.open, model.openUrl)],
  });
}
