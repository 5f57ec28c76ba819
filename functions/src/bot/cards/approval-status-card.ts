import type { Locale } from '../../core/locale.js';
import type { AdaptiveCard, CardPerson } from './card-types.js';
import { cardText, escapeCardText, formatDateTime, truncateText, type CardText } from './card-text.js';
import {
  adaptiveCard,
  container,
  openUrlAction,
  procedureHeading,
  procedureLabel,
  textBlock,
  type CardElement,
  type ContainerStyle,
} from './card-elements.js';
import { approvalDetails, type ApprovalCardModel } from './approval-card-parts.js';

/** Where an approval stands. Instants are ISO 8601. */
export type ApprovalStatus =
  | { state: 'pending' }
  | { state: 'approved'; decidedBy: CardPerson; decidedAt: string; comment?: string | null }
  | { state: 'rejected'; decidedBy: CardPerson; decidedAt: string; comment: string }
  | { state: 'withdrawn'; decidedBy: CardPerson | null; decidedAt: string }
  /** The draft was replaced by a newer submission; this request no longer counts. */
  | { state: 'superseded' };

export type ApprovalStatusModel = ApprovalCardModel & { status: ApprovalStatus };

const commentMax = 2000;

/**
 * The approval as everyone but the approver sees it, and what replaces the request card after
 * a decision: the same facts, the state, and only a link (no buttons).
 */
export function approvalStatusCard(model: ApprovalStatusModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  const status = statusText(model, locale, text);
  return adaptiveCard({
    fallbackText: `${text('approvalStatusKicker')}: ${procedureLabel(model.procedure)}`,
    body: [
      ...procedureHeading(text('approvalStatusKicker'), model.procedure),
      container(status.items, { style: status.style, spacing: 'medium' }),
      ...approvalDetails(model, locale, text),
    ],
    actions: [openUrlAction(text('openProcedure'), model.openUrl)],
  });
}

function statusText(
  model: ApprovalStatusModel,
  locale: Locale,
  text: CardText,
): { style: ContainerStyle; items: CardElement[] } {
  const { status } = model;
  const headline = (line: string) => textBlock(line, { weight: 'bolder' });
  const comment = (label: string, value: string) =>
    textBlock(`${label}: ${escapeCardText(truncateText(value, commentMax))}`, { spacing: 'small' });
  switch (status.state) {
    case 'pending':
      return {
        style: 'emphasis',
        items: [headline(text('statusPending', { approver: escapeCardText(model.approver.name) }))],
      };
    case 'approved': {
      const items = [
        headline(
          text('statusApproved', {
            name: escapeCardText(status.decidedBy.name),
            at: formatDateTime(status.decidedAt, locale),
          }),
        ),
      ];
      if (status.comment?.trim()) items.push(comment(text('approvalComment'), status.comment));
      return { style: 'good', items };
    }
    case 'rejected':
      return {
        style: 'attention',
        items: [
          headline(
            text('statusRejected', {
              name: escapeCardText(status.decidedBy.name),
              at: formatDateTime(status.decidedAt, locale),
            }),
          ),
          comment(text('rejectionComment'), status.comment),
        ],
      };
    case 'withdrawn': {
      const at = formatDateTime(status.decidedAt, locale);
      const line = status.decidedBy
        ? text('statusWithdrawn', { name: escapeCardText(status.decidedBy.name), at })
        : text('statusWithdrawnAnonymous', { at });
      return { style: 'emphasis', items: [headline(line)] };
    }
    case 'superseded':
      return { style: 'emphasis', items: [headline(text('statusSuperseded'))] };
  }
}
