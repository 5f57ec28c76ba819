import type { Locale } from '../../core/locale.js';
import { asLocalDate, daysBetween } from '../../core/local-date.js';
import type { AdaptiveCard } from './card-types.js';
import { cardText, escapeCardText, formatDate, truncateText, type CardText } from './card-text.js';
import {
  adaptiveCard,
  container,
  openUrlAction,
  selectUrlAction,
  textBlock,
  type CardAction,
  type CardElement,
  type Container,
} from './card-elements.js';
import type { ApprovalCardModel } from './approval-card-parts.js';
import { reviewDueText, type ReviewDueModel } from './review-due-card.js';
import type { OverdueEscalationModel } from './overdue-escalation-card.js';
import type { AcknowledgementRequestModel } from './acknowledgement-request-card.js';
import { qualificationDueText, type QualificationExpiringModel } from './qualification-expiring-card.js';
import { requirementShortText, type RequirementUnmetModel } from './requirement-unmet-card.js';
import type { CardProcedure } from './card-types.js';
import {
  occurrenceDueText,
  occurrenceKindText,
  yearWheelDigestWords,
  type YearWheelDueModel,
} from './year-wheel-due-card.js';
import {
  actionDueText,
  correctiveActionDigestWords,
  type CorrectiveActionDueModel,
} from './corrective-action-due-card.js';
import { accessDueText, accessRequestDigestWords, type AccessRequestDueModel } from './access-request-due-card.js';
import { registerReminderDigestWords, type RegisterReminderModel } from './register-reminder-card.js';

/**
 * One line of the digest, shaped like the model of the card it summarises so a sweep can
 * spread the model it already has. `review-due` covers reviews due soon, today and overdue:
 * the text follows from `dueOn` and `today`; `qualification` covers expiring and expired.
 * Procedure items are headed by the procedure, competence items by the competence and whom or
 * where it concerns.
 */
export type DigestItem =
  | ({ kind: 'approval-waiting'; daysWaiting: number } & Pick<
      ApprovalCardModel,
      'procedure' | 'requestedBy' | 'openUrl'
    >)
  | ({ kind: 'review-due' } & Pick<ReviewDueModel, 'procedure' | 'dueOn' | 'today' | 'openUrl'>)
  | ({ kind: 'escalation' } & Pick<OverdueEscalationModel, 'procedure' | 'owner' | 'dueOn' | 'today' | 'openUrl'>)
  | ({ kind: 'acknowledgement' } & Pick<
      AcknowledgementRequestModel,
      'procedure' | 'versionLabel' | 'publishedAt' | 'openUrl'
    >)
  | ({ kind: 'qualification' } & Pick<
      QualificationExpiringModel,
      'competenceName' | 'holder' | 'validUntil' | 'today' | 'openUrl'
    >)
  | ({ kind: 'requirement-unmet' } & Pick<
      RequirementUnmetModel,
      'competenceName' | 'scopeLabel' | 'shortBy' | 'minLevel' | 'openUrl'
    >)
  | ({ kind: 'occurrence' } & Pick<
      YearWheelDueModel,
      'occurrenceKind' | 'certificationBody' | 'title' | 'dueOn' | 'today' | 'owner' | 'isForLeader' | 'openUrl'
    >)
  | ({ kind: 'corrective-action' } & CorrectiveActionDueModel)
  | ({ kind: 'access-request' } & AccessRequestDueModel)
  | ({ kind: 'register-reply' } & RegisterReminderModel);

export type DigestKind = DigestItem['kind'];

/** Most items listed before "and N more". */
export const digestItemLimit = 25;
/**
 * Size budget for the card's JSON in UTF-8 bytes. Teams refuses messages over about 28 KB;
 * items that would push the card past this budget go into "and N more" as well.
 */
export const digestByteBudget = 22 * 1024;

const titleMax = 100;

/**
 * A compact list of what waits for the reader, one tappable block per item, in the order
 * given (the sweep decides the order). `handbookUrl` adds a button that opens the tab.
 */
export function digestCard(items: DigestItem[], locale: Locale, options: { handbookUrl?: string } = {}): AdaptiveCard {
  const text = cardText(locale);
  const actions: CardAction[] = options.handbookUrl ? [openUrlAction(text('openHandbook'), options.handbookUrl)] : [];
  const heading: CardElement[] = [
    textBlock(text('appName'), { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
    textBlock(text('digestTitle'), { style: 'heading', size: 'large', weight: 'bolder', spacing: 'small' }),
    textBlock(items.length === 0 ? text('digestEmpty') : text('digestCount', { count: items.length }), {
      spacing: 'small',
    }),
  ];
  const build = (listed: Container[], hidden: number) =>
    adaptiveCard({
      fallbackText: `${text('digestTitle')}: ${items.length}`,
      body: [
        ...heading,
        ...listed,
        ...(hidden > 0
          ? [textBlock(text('digestMore', { count: hidden }), { isSubtle: true, spacing: 'medium' })]
          : []),
      ],
      actions,
    });

  const encoder = new TextEncoder();
  const bytes = (value: unknown) => encoder.encode(JSON.stringify(value)).length;
  // The empty card plus the longest "and N more" line; each item adds its JSON and a comma.
  let size = bytes(build([], items.length)) + 1;
  const listed: Container[] = [];
  for (const item of items.slice(0, digestItemLimit)) {
    const block = digestBlock(item, locale, text);
    const blockSize = bytes(block) + 1;
    if (size + blockSize > digestByteBudget) break;
    listed.push(block);
    size += blockSize;
  }
  return build(listed, items.length - listed.length);
}

function digestBlock(item: DigestItem, locale: Locale, text: CardText): Container {
  const { kind, line } = digestLine(item, locale, text);
  // The whole item is one link named by what it shows (no title), so twenty items are not
  // twenty links all called "Åbn procedure".
  return container(
    [
      textBlock(kind, { size: 'small', color: 'accent', spacing: 'none' }),
      textBlock(escapeCardText(digestHeading(item)), {
        weight: 'bolder',
        maxLines: 2,
        spacing: 'none',
      }),
      textBlock(line, { isSubtle: true, spacing: 'none' }),
    ],
    {
      separator: true,
      spacing: 'medium',
      selectAction: selectUrlAction(item.openUrl),
    },
  );
}

/** The item's heading as plain text (escaped by the caller). */
function digestHeading(item: DigestItem): string {
  switch (item.kind) {
    case 'qualification':
      return `${truncateText(item.competenceName, titleMax)} – ${truncateText(item.holder.name, titleMax)}`;
    case 'requirement-unmet':
      return `${truncateText(item.competenceName, titleMax)} – ${truncateText(item.scopeLabel, titleMax)}`;
    case 'occurrence':
    case 'corrective-action':
      return truncateText(item.title, titleMax);
    case 'access-request':
      return `${truncateText(item.requesterName, titleMax)} – ${truncateText(item.subject, titleMax)}`;
    case 'register-reply':
      return `${item.receiptNumber} ${truncateText(item.title, titleMax)}`;
    default:
      return procedureHeadingText(item.procedure);
  }
}

function procedureHeadingText(procedure: CardProcedure): string {
  return `${procedure.code} ${truncateText(procedure.title, titleMax)}`;
}

function digestLine(item: DigestItem, locale: Locale, text: CardText): { kind: string; line: string } {
  switch (item.kind) {
    case 'approval-waiting': {
      const name = escapeCardText(item.requestedBy.name);
      const days = Math.max(0, Math.floor(item.daysWaiting));
      return {
        kind: text('digestKindApproval'),
        line:
          days === 0
            ? text('digestApprovalWaitingToday', { name })
            : text('digestApprovalWaiting', { name, days: text('days', { count: days }) }),
      };
    }
    case 'review-due':
      return { kind: text('digestKindReview'), line: reviewDueText(item.dueOn, item.today, locale, text).text };
    case 'escalation': {
      const overdueDays = Math.max(0, daysBetween(asLocalDate(item.dueOn), asLocalDate(item.today)));
      return {
        kind: text('digestKindEscalation'),
        line: text('digestEscalation', {
          owner: escapeCardText(item.owner.name),
          days: text('days', { count: overdueDays }),
        }),
      };
    }
    case 'acknowledgement':
      return {
        kind: text('digestKindAcknowledgement'),
        line: text('digestAcknowledgement', {
          version: escapeCardText(truncateText(item.versionLabel ?? '–', 20)),
          date: formatDate(item.publishedAt, locale),
        }),
      };
    case 'qualification':
      return {
        kind: text('digestKindQualification'),
        line: qualificationDueText(item.validUntil, item.today, locale, text).text,
      };
    case 'requirement-unmet':
      return {
        kind: text('digestKindRequirement'),
        line: `${text('requirementShort')}: ${requirementShortText(item, locale, text)}.`,
      };
    case 'occurrence': {
      const due = occurrenceDueText(item.dueOn, item.today, locale).text;
      const owner = item.isForLeader ? ` – ${escapeCardText(truncateText(item.owner.name, titleMax))}` : '';
      return {
        kind: `${yearWheelDigestWords(locale).kind}: ${escapeCardText(occurrenceKindText(item, locale))}`,
        line: `${due}${owner}`,
      };
    }
    case 'corrective-action': {
      const due = actionDueText(item.dueOn, item.today, locale).text;
      const owner = item.isForLeader ? ` – ${escapeCardText(truncateText(item.owner.name, titleMax))}` : '';
      return { kind: correctiveActionDigestWords(locale).kind, line: `${due}${owner}` };
    }
    case 'access-request':
      return { kind: accessRequestDigestWords(item.law, locale).kind, line: accessDueText(item, locale).text };
    case 'register-reply':
      return registerReminderDigestWords(item, locale);
  }
}
