import type { Locale } from '../../core/locale.js';
import { asLocalDate, daysBetween } from '../../core/local-date.js';
import type { OccurrenceKind } from '../../core/quality-year-types.js';
import type { AdaptiveCard, CardPerson } from './card-types.js';
import { cardText, escapeCardText, formatDate, truncateText } from './card-text.js';
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

const titleMax = 160;

/**
 * "Overvågningsbesøg (DS Certificering)", "Intern audit": the occurrence's kind in words, with
 * the certification body for the certifier's audits.
 */
export function occurrenceKindText(
  model: Pick<YearWheelDueModel, 'occurrenceKind' | 'certificationBody'>,
  locale: Locale,
): string {
  const kind = cardText(locale)(`yearWheel.kinds.${model.occurrenceKind}`);
  const isCertifier = model.occurrenceKind === 'surveillance-audit' || model.occurrenceKind === 'recertification-audit';
  return isCertifier && model.certificationBody ? `${kind} (${model.certificationBody})` : kind;
}

/** "Om 7 dage (30-11-2026)", "I dag (…)" or "Overskredet med 8 dage (…)", with its container style. */
export function occurrenceDueText(
  dueOn: string,
  today: string,
  locale: Locale,
): { text: string; style: ContainerStyle; daysLeft: number } {
  const text = cardText(locale);
  const daysLeft = daysBetween(asLocalDate(today), asLocalDate(dueOn));
  const date = formatDate(dueOn, locale);
  if (daysLeft > 0)
    return {
      text: text('yearWheel.dueIn', { count: daysLeft, date }),
      style: daysLeft <= 7 ? 'warning' : 'default',
      daysLeft,
    };
  if (daysLeft === 0) return { text: text('yearWheel.dueToday', { date }), style: 'warning', daysLeft };
  return { text: text('overdueByDays', { count: -daysLeft, date }), style: 'attention', daysLeft };
}

/** The digest's words for an occurrence line. */
export function yearWheelDigestWords(locale: Locale): { kind: string; open: string } {
  return { kind: cardText(locale)('yearWheel.digestKind'), open: cardText(locale)('yearWheel.open') };
}

/**
 * Reminds the owner of an årshjul occurrence (an internal audit, the certifier's audit, the
 * management evaluation …) 30, 7 and 0 days before its date and when it is overdue, or, as the
 * escalation, tells the owner's leader that it is overdue. Links to the tab's årshjul.
 */
export function yearWheelDueCard(model: YearWheelDueModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const due = occurrenceDueText(model.dueOn, model.today, locale);
  const kind = occurrenceKindText(model, locale);
  const owner = escapeCardText(truncateText(model.owner.name, 120));
  const kicker = model.isForLeader
    ? text('yearWheel.kickerEscalation')
    : due.daysLeft < 0
      ? text('yearWheel.kickerOverdue')
      : text('yearWheel.kickerDue');
  return adaptiveCard({
    fallbackText: `${kicker}: ${kind} – ${truncateText(model.title, titleMax)} (${formatDate(model.dueOn, locale)})`,
    body: [
      textBlock(kicker, { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
      textBlock(escapeCardText(kind), { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
      textBlock(escapeCardText(truncateText(model.title, titleMax)), { spacing: 'none' }),
      container([textBlock(due.text, { weight: 'bolder' })], { style: due.style, spacing: 'medium' }),
      factSet([
        { title: text('yearWheel.kind'), value: escapeCardText(kind) },
        { title: text('yearWheel.date'), value: formatDate(model.dueOn, locale) },
        { title: text('responsible'), value: owner },
      ]),
      textBlock(model.isForLeader ? text('yearWheel.promptLeader', { owner }) : text('yearWheel.promptOwner'), {
        spacing: 'medium',
      }),
    ],
    actions: [openUrlAction(text('yearWheel.open'), model.openUrl)],
  });
}
