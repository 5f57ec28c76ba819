import type { Locale } from '../../core/locale.js';
import { asLocalDate, daysBetween } from '../../core/local-date.js';
import type { OccurrenceKind } from '../../core/quality-year-types.js';
import type { AdaptiveCard, CardPerson } from './card-types.js';
import { escapeCardText, formatDate, truncateText } from './card-text.js';
import { adaptiveCard, container, factSet, openUrlAction, textBlock, type ContainerStyle } from './card-elements.js';

export type YearWheelDueModel = {
  occurrenceKind: OccurrenceKind;
  /** The occurrence's own title, e.g. "Intern audit: Dokumentstyring". */
  title: string;
  /** For the certifier's audits: the certification body, e.g. "DS Certificering". */
  certificationBody: string | null;
  /** The occurrence's date (YYYY-MM-DD). */
  dueOn: string;
  /** Today's calendar date in the product's time zone (cards do not read the clock). */
  today: string;
  owner: CardPerson;
  /** True for the escalation to the owner's leader: the text speaks about the owner. */
  isForLeader: boolean;
  /** The tab's årshjul for the occurrence's year. */
  openUrl: string;
};

type Words = {
  kinds: Record<OccurrenceKind, string>;
  kickerDue: string;
  kickerOverdue: string;
  kickerEscalation: string;
  dueIn: (days: number, date: string) => string;
  dueToday: (date: string) => string;
  overdueBy: (days: number, date: string) => string;
  kind: string;
  date: string;
  owner: string;
  promptOwner: string;
  promptLeader: (owner: string) => string;
  open: string;
  /** The digest's kind line. */
  digestKind: string;
};

const words: Record<Locale, Words> = {
  da: {
    kinds: {
      'internal-audit': 'Intern audit',
      'surveillance-audit': 'Overvågningsbesøg',
      'recertification-audit': 'Recertificeringsbesøg',
      'management-evaluation': 'Ledelsens evaluering',
      'goal-revision': 'Revision af kvalitetsmål',
      'satisfaction-survey': 'Tilfredshedsundersøgelse',
      'yearly-publication': 'Årlig offentliggørelse',
      other: 'Aktivitet i årshjulet',
    },
    kickerDue: 'Årshjul: aktivitet nærmer sig',
    kickerOverdue: 'Årshjul: aktivitet overskredet',
    kickerEscalation: 'Eskalering: aktivitet i årshjulet overskredet',
    dueIn: (days, date) => `Om ${days === 1 ? '1 dag' : `${days} dage`} (${date})`,
    dueToday: (date) => `I dag (${date})`,
    overdueBy: (days, date) => `Overskredet med ${days === 1 ? '1 dag' : `${days} dage`} (${date})`,
    kind: 'Aktivitet',
    date: 'Dato',
    owner: 'Ansvarlig',
    promptOwner: 'Planlæg og gennemfør aktiviteten, og markér den som udført i årshjulet.',
    promptLeader: (owner) => `${owner} er ansvarlig for aktiviteten, som er overskredet. Følg op med vedkommende.`,
    open: 'Åbn årshjul',
    digestKind: 'Årshjul',
  },
  nb: {
    kinds: {
      'internal-audit': 'Intern revisjon',
      'surveillance-audit': 'Overvåkingsrevisjon',
      'recertification-audit': 'Resertifiseringsrevisjon',
      'management-evaluation': 'Ledelsens gjennomgåelse',
      'goal-revision': 'Revisjon av kvalitetsmål',
      'satisfaction-survey': 'Brukerundersøkelse',
      'yearly-publication': 'Årlig publisering',
      other: 'Aktivitet i årshjulet',
    },
    kickerDue: 'Årshjul: aktivitet nærmer seg',
    kickerOverdue: 'Årshjul: aktivitet forfalt',
    kickerEscalation: 'Eskalering: aktivitet i årshjulet forfalt',
    dueIn: (days, date) => `Om ${days === 1 ? '1 dag' : `${days} dager`} (${date})`,
    dueToday: (date) => `I dag (${date})`,
    overdueBy: (days, date) => `Forfalt med ${days === 1 ? '1 dag' : `${days} dager`} (${date})`,
    kind: 'Aktivitet',
    date: 'Dato',
    owner: 'Ansvarlig',
    promptOwner: 'Planlegg og gjennomfør aktiviteten, og merk den som utført i årshjulet.',
    promptLeader: (owner) => `${owner} er ansvarlig for aktiviteten, som er forfalt. Følg opp med vedkommende.`,
    open: 'Åpne årshjul',
    digestKind: 'Årshjul',
  },
  en: {
    kinds: {
      'internal-audit': 'Internal audit',
      'surveillance-audit': 'Surveillance audit',
      'recertification-audit': 'Recertification audit',
      'management-evaluation': 'Management review',
      'goal-revision': 'Quality goal revision',
      'satisfaction-survey': 'Satisfaction survey',
      'yearly-publication': 'Yearly publication',
      other: 'Year-wheel activity',
    },
    kickerDue: 'Year wheel: activity coming up',
    kickerOverdue: 'Year wheel: activity overdue',
    kickerEscalation: 'Escalation: year-wheel activity overdue',
    dueIn: (days, date) => `In ${days === 1 ? '1 day' : `${days} days`} (${date})`,
    dueToday: (date) => `Today (${date})`,
    overdueBy: (days, date) => `Overdue by ${days === 1 ? '1 day' : `${days} days`} (${date})`,
    kind: 'Activity',
    date: 'Date',
    owner: 'Owner',
    promptOwner: 'Plan and carry out the activity, and mark it done in the year wheel.',
    promptLeader: (owner) => `${owner} owns the activity, which is overdue. Please follow up.`,
    open: 'Open year wheel',
    digestKind: 'Year wheel',
  },
};

const titleMax = 160;

/**
 * "Overvågningsbesøg (DS Certificering)", "Intern audit": the occurrence's kind in words, with
 * the certification body for the certifier's audits.
 */
export function occurrenceKindText(
  model: Pick<YearWheelDueModel, 'occurrenceKind' | 'certificationBody'>,
  locale: Locale,
): string {
  const kind = words[locale].kinds[model.occurrenceKind];
  const isCertifier = model.occurrenceKind === 'surveillance-audit' || model.occurrenceKind === 'recertification-audit';
  return isCertifier && model.certificationBody ? `${kind} (${model.certificationBody})` : kind;
}

/** "Om 7 dage (30-11-2026)", "I dag (…)" or "Overskredet med 8 dage (…)", with its container style. */
export function occurrenceDueText(
  dueOn: string,
  today: string,
  locale: Locale,
): { text: string; style: ContainerStyle; daysLeft: number } {
  const text = words[locale];
  const daysLeft = daysBetween(asLocalDate(today), asLocalDate(dueOn));
  const date = formatDate(dueOn, locale);
  if (daysLeft > 0) return { text: text.dueIn(daysLeft, date), style: daysLeft <= 7 ? 'warning' : 'default', daysLeft };
  if (daysLeft === 0) return { text: text.dueToday(date), style: 'warning', daysLeft };
  return { text: text.overdueBy(-daysLeft, date), style: 'attention', daysLeft };
}

/** The digest's words for an occurrence line. */
export function yearWheelDigestWords(locale: Locale): { kind: string; open: string } {
  return { kind: words[locale].digestKind, open: words[locale].open };
}

/**
 * Reminds the owner of an årshjul occurrence (an internal audit, the certifier's audit, the
 * management evaluation …) 30, 7 and 0 days before its date and when it is overdue, or, as the
 * escalation, tells the owner's leader that it is overdue. Links to the tab's årshjul.
 */
export function yearWheelDueCard(model: YearWheelDueModel, locale: Locale): AdaptiveCard {
  const text = words[locale];
  const due = occurrenceDueText(model.dueOn, model.today, locale);
  const kind = occurrenceKindText(model, locale);
  const owner = escapeCardText(truncateText(model.owner.name, 120));
  const kicker = model.isForLeader ? text.kickerEscalation : due.daysLeft < 0 ? text.kickerOverdue : text.kickerDue;
  return adaptiveCard({
    fallbackText: `${kicker}: ${kind} – ${truncateText(model.title, titleMax)} (${formatDate(model.dueOn, locale)})`,
    body: [
      textBlock(kicker, { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
      textBlock(escapeCardText(kind), { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
      textBlock(escapeCardText(truncateText(model.title, titleMax)), { spacing: 'none' }),
      container([textBlock(due.text, { weight: 'bolder' })], { style: due.style, spacing: 'medium' }),
      factSet([
        { title: text.kind, value: escapeCardText(kind) },
        { title: text.date, value: formatDate(model.dueOn, locale) },
        { title: text.owner, value: owner },
      ]),
      textBlock(model.isForLeader ? text.promptLeader(owner) : text.promptOwner, { spacing: 'medium' }),
    ],
    actions: [openUrlAction(text.open, model.openUrl)],
  });
}
