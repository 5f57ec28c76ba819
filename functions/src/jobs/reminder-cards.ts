import { procedureUrl } from '../bot/approval-view.js';
import { acknowledgementRequestCard } from '../bot/cards/acknowledgement-request-card.js';
import { approvalRequestCard } from '../bot/cards/approval-request-card.js';
import type { AdaptiveCard, CardLocale } from '../bot/cards/card-types.js';
import { digestCard, type DigestItem } from '../bot/cards/digest-card.js';
import { overdueEscalationCard } from '../bot/cards/overdue-escalation-card.js';
import { reviewDueCard } from '../bot/cards/review-due-card.js';
import { daysBetween, type LocalDate } from '../core/local-date.js';
import type { CardContext, CardFactory, ReminderItem } from './card-factory.js';

/**
 * The product's reminder cards (bot/cards) fed from the sweep's candidates. An approval
 * reminder is the approval request card itself, with Approve and Reject: its refresh shows the
 * current state (and the metadata changes) whenever the approver looks at it.
 */
export function createReminderCards(options: { publicUrl: string }): CardFactory {
  const openUrl = (procedureId: string) => procedureUrl(options.publicUrl, procedureId);
  const handbookUrl = options.publicUrl;

  function single(item: ReminderItem, { recipient, today }: CardContext): AdaptiveCard {
    const locale: CardLocale = recipient.locale;
    const { candidate } = item;
    const procedure = { id: candidate.procedureId, code: candidate.code, title: candidate.title };
    switch (candidate.kind) {
      case 'review':
        if (item.stage === 'review-escalation') {
          return overdueEscalationCard(
            {
              procedure,
              owner: { name: candidate.ownerName },
              dueOn: item.dueOn,
              today,
              openUrl: openUrl(procedure.id),
            },
            locale,
          );
        }
        return reviewDueCard(
          {
            procedure,
            etag: candidate.etag,
            dueOn: item.dueOn,
            today,
            lastReviewedOn: candidate.lastReviewedOn,
            reviewIntervalMonths: candidate.reviewIntervalMonths,
            openUrl: openUrl(procedure.id),
          },
          locale,
        );
      case 'approval':
        return approvalRequestCard(
          {
            approvalId: candidate.approvalId,
            procedure,
            fromVersionLabel: candidate.fromVersionLabel,
            kind: candidate.changeKind,
            changeSummary: candidate.changeSummary,
            requestedBy: { name: candidate.requestedByName },
            requestedAt: candidate.requestedAt,
            approver: { name: candidate.approverName, aadObjectId: candidate.approverAadObjectId },
            metadataChanges: [],
            openUrl: openUrl(procedure.id),
          },
          locale,
        );
      case 'acknowledgement':
        return acknowledgementRequestCard(
          {
            procedure,
            versionId: candidate.versionId,
            versionLabel: candidate.versionLabel,
            changeSummary: candidate.changeSummary,
            publishedAt: candidate.publishedAt,
            openUrl: openUrl(procedure.id),
          },
          locale,
        );
    }
  }

  function digestItem(item: ReminderItem, today: LocalDate): DigestItem {
    const { candidate } = item;
    const procedure = { id: candidate.procedureId, code: candidate.code, title: candidate.title };
    const url = openUrl(procedure.id);
    switch (candidate.kind) {
      case 'review':
        return item.stage === 'review-escalation'
          ? {
              kind: 'escalation',
              procedure,
              owner: { name: candidate.ownerName },
              dueOn: item.dueOn,
              today,
              openUrl: url,
            }
          : { kind: 'review-due', procedure, dueOn: item.dueOn, today, openUrl: url };
      case 'approval':
        return {
          kind: 'approval-waiting',
          procedure,
          requestedBy: { name: candidate.requestedByName },
          daysWaiting: daysBetween(candidate.requestedOn, today),
          openUrl: url,
        };
      case 'acknowledgement':
        return {
          kind: 'acknowledgement',
          procedure,
          versionLabel: candidate.versionLabel,
          publishedAt: candidate.publishedAt,
          openUrl: url,
        };
    }
  }

  return {
    single,
    digest: (items, { recipient, today }) =>
      digestCard(
        items.map((item) => digestItem(item, today)),
        recipient.locale,
        { handbookUrl },
      ),
  };
}
