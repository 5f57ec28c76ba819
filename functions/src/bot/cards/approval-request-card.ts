import type { Locale } from '../../core/locale.js';
import type { AdaptiveCard } from './card-types.js';
import { cardText } from './card-text.js';
import {
  adaptiveCard,
  executeAction,
  openUrlAction,
  procedureHeading,
  procedureLabel,
  refreshFor,
} from './card-elements.js';
import { approvalDetails, type ApprovalCardModel } from './approval-card-parts.js';

export type ApprovalRequestModel = ApprovalCardModel & {
  /**
   * The approver's Teams user id (MRI, `29:…`): Teams refreshes the card for them so they get live
   * buttons. Null while unknown (they have not talked to the bot yet): the refresh then names
   * nobody, and Teams refreshes it for everyone in the (personal) chat.
   */
  approver: { name: string; userId: string | null };
  /** The tab's approval view (the draft compared with the current version): a Teams deep link or a plain URL. */
  draftUrl: string;
};

/** Longest rejection reason; the same limit as the API's reject body. */
export const rejectCommentMaxLength = 2000;

/**
 * The card the approver acts on: the version step, the change summary and the metadata
 * changes, with "Open the draft" first (the tab's comparison of the draft with the current
 * version, so the text is one click away), Approve, Reject (asks for a required reason) and a
 * link to the procedure.
 * The refresh makes Teams fetch the current card for the approver whenever they view it, so
 * a request decided elsewhere shows its status instead of stale buttons.
 */
export function approvalRequestCard(model: ApprovalRequestModel, locale: Locale): AdaptiveCard {
  const text = cardText(locale);
  return adaptiveCard({
    fallbackText: `${text('approvalRequestKicker')}: ${procedureLabel(model.procedure)}`,
    refresh: refreshFor(
      { verb: 'refresh', subject: 'approval', approvalId: model.approvalId },
      model.approver.userId ? [model.approver.userId] : null,
    ),
    body: [
      ...procedureHeading(text('approvalRequestKicker'), model.procedure),
      ...approvalDetails(model, locale, text),
    ],
    actions: [
      openUrlAction(text('openDraft'), model.draftUrl),
      executeAction(text('approve'), { verb: 'approve', approvalId: model.approvalId }, { style: 'positive' }),
      {
        type: 'Action.ShowCard',
        title: text('reject'),
        card: {
          type: 'AdaptiveCard',
          body: [
            {
              type: 'Input.Text',
              id: 'comment',
              label: text('rejectCommentLabel'),
              placeholder: text('rejectCommentPlaceholder'),
              isRequired: true,
              errorMessage: text('rejectCommentRequired'),
              maxLength: rejectCommentMaxLength,
              isMultiline: true,
            },
          ],
          actions: [
            executeAction(
              text('sendRejection'),
              { verb: 'reject', approvalId: model.approvalId },
              { style: 'destructive', associatedInputs: 'auto' },
            ),
          ],
        },
      },
      openUrlAction(text('openProcedure'), model.openUrl),
    ],
  });
}
