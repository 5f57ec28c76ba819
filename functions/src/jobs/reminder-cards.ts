import type { Locale } from '../core/locale.js';
import {
  accessRequestsUrl,
  approvalPath,
  competencesUrl,
  correctiveActionUrl,
  procedureUrl,
  registerItemUrl,
  tabLink,
  yearWheelUrl,
} from '../bot/approval-view.js';
import { accessRequestDueCard } from '../bot/cards/access-request-due-card.js';
import { acknowledgementRequestCard } from '../bot/cards/acknowledgement-request-card.js';
import { approvalRequestCard } from '../bot/cards/approval-request-card.js';
import type { AdaptiveCard } from '../bot/cards/card-types.js';
import { correctiveActionDueCard } from '../bot/cards/corrective-action-due-card.js';
import { digestCard, type DigestItem } from '../bot/cards/digest-card.js';
import { overdueEscalationCard } from '../bot/cards/overdue-escalation-card.js';
import { registerReminderCard, type RegisterReminderModel } from '../bot/cards/register-reminder-card.js';
import { qualificationExpiringCard } from '../bot/cards/qualification-expiring-card.js';
import { requirementUnmetCard } from '../bot/cards/requirement-unmet-card.js';
import { reviewDueCard } from '../bot/cards/review-due-card.js';
import { yearWheelDueCard } from '../bot/cards/year-wheel-due-card.js';
import { daysBetween, type LocalDate } from '../core/local-date.js';
import type { CardContext, CardFactory, ReminderItem } from './card-factory.js';
import type {
  AccessRequestCandidate,
  ActionCandidate,
  OccurrenceCandidate,
  RegisterReplyCandidate,
  ReminderCandidate,
} from './reminder-source.js';
import { reminderTopic, type ReminderLink } from './reminder-topic.js';

/**
 * The product's reminder cards (bot/cards) fed from the sweep's candidates. An approval
 * reminder is the approval request card itself, with Approve and Reject: its refresh shows the
 * current state (and the metadata changes) whenever the approver looks at it. Links come from
 * the reminder's topic (reminder-topic.ts): a procedure, the competence matrix or the årshjul.
 */
export function createReminderCards(options: { publicUrl: string; teamsAppId?: string | null }): CardFactory {
  const openUrl = (procedureId: string) => procedureUrl(options.publicUrl, procedureId);
  const handbookUrl = options.publicUrl;
  const linkUrl = (link: ReminderLink | null): string => {
    if (link === null) return handbookUrl;
    switch (link.to) {
      case 'procedure':
        return openUrl(link.procedureId);
      case 'competences':
        return competencesUrl(options.publicUrl);
      case 'year-wheel':
        return yearWheelUrl(options.publicUrl, link.year);
      case 'action':
        return correctiveActionUrl(options.publicUrl, link.actionId);
      case 'access-requests':
        return accessRequestsUrl(options.publicUrl);
      case 'register-item':
        return registerItemUrl(options.publicUrl, link.itemId);
    }
  };
  const urlOf = (candidate: ReminderCandidate) => linkUrl(reminderTopic(candidate).link);

  function single(item: ReminderItem, { recipient, today }: CardContext): AdaptiveCard {
    const locale: Locale = recipient.locale;
    const { candidate } = item;
    switch (candidate.kind) {
      case 'review': {
        const procedure = { id: candidate.procedureId, code: candidate.code, title: candidate.title };
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
      }
      case 'approval':
        return approvalRequestCard(
          {
            approvalId: candidate.approvalId,
            procedure: { id: candidate.procedureId, code: candidate.code, title: candidate.title },
            fromVersionLabel: candidate.fromVersionLabel,
            kind: candidate.changeKind,
            changeSummary: candidate.changeSummary,
            requestedBy: { name: candidate.requestedByName },
            requestedAt: candidate.requestedAt,
            approver: { name: candidate.approverName, userId: candidate.approverUserId },
            metadataChanges: [],
            openUrl: openUrl(candidate.procedureId),
            draftUrl: tabLink(options, approvalPath(candidate.procedureId), `${candidate.code} ${candidate.title}`),
          },
          locale,
        );
      case 'acknowledgement':
        return acknowledgementRequestCard(
          {
            procedure: { id: candidate.procedureId, code: candidate.code, title: candidate.title },
            versionId: candidate.versionId,
            versionLabel: candidate.versionLabel,
            changeSummary: candidate.changeSummary,
            publishedAt: candidate.publishedAt,
            openUrl: openUrl(candidate.procedureId),
          },
          locale,
        );
      case 'qualification':
        return qualificationExpiringCard(
          {
            competenceName: candidate.competenceName,
            holder: { name: candidate.personName },
            isForLeader: recipient.id !== candidate.personId,
            level: candidate.level,
            validUntil: candidate.validUntil,
            today,
            openUrl: urlOf(candidate),
          },
          locale,
        );
      case 'requirement':
        return requirementUnmetCard(
          {
            competenceName: candidate.competenceName,
            scopeLabel: candidate.scopeLabel,
            minPeople: candidate.minPeople,
            minLevel: candidate.minLevel,
            qualifiedCount: candidate.qualifiedCount,
            shortBy: candidate.shortBy,
            openUrl: urlOf(candidate),
          },
          locale,
        );
      case 'occurrence':
        return yearWheelDueCard(occurrenceModel(item, today), locale);
      case 'action':
        // The owner's single card carries "Markér gennemført"; the leader's escalation does not.
        return correctiveActionDueCard(
          { ...actionModel(item, today), actionId: (item.candidate as ActionCandidate).actionId },
          locale,
        );
      case 'access-request':
        return accessRequestDueCard(accessModel(item, today), locale);
      case 'register-reply':
        return registerReminderCard(registerModel(item), locale);
    }
  }

  function registerModel(item: ReminderItem): RegisterReminderModel {
    const candidate = item.candidate as RegisterReplyCandidate;
    return {
      stage:
        item.stage === 'register-escalation' ? 'escalate' : item.stage === 'register-overdue' ? 'overdue' : 'due-soon',
      receiptNumber: candidate.receiptNumber,
      title: candidate.title,
      dueOn: candidate.dueOn,
      handlerName: candidate.handlerName,
      openUrl: urlOf(candidate),
    };
  }

  function accessModel(item: ReminderItem, today: LocalDate) {
    const candidate = item.candidate as AccessRequestCandidate;
    return {
      law: candidate.law,
      requesterName: candidate.requesterName,
      subject: candidate.subject,
      receivedOn: candidate.receivedOn,
      deadlineOn: candidate.deadlineOn,
      today,
      openUrl: urlOf(candidate),
    };
  }

  function actionModel(item: ReminderItem, today: LocalDate) {
    const candidate = item.candidate as ActionCandidate;
    return {
      title: candidate.title,
      dueOn: item.dueOn,
      today,
      owner: { name: candidate.ownerName },
      isForLeader: item.stage === 'action-escalation',
      openUrl: urlOf(candidate),
    };
  }

  function occurrenceModel(item: ReminderItem, today: LocalDate) {
    const candidate = item.candidate as OccurrenceCandidate;
    return {
      occurrenceKind: candidate.occurrenceKind,
      title: candidate.title,
      certificationBody: candidate.certificationBody,
      dueOn: item.dueOn,
      today,
      owner: { name: candidate.ownerName },
      isForLeader: item.stage === 'occurrence-escalation',
      openUrl: urlOf(candidate),
    };
  }

  function digestItem(item: ReminderItem, today: LocalDate): DigestItem {
    const { candidate } = item;
    const url = urlOf(candidate);
    if (candidate.kind === 'qualification') {
      const { competenceName, personName, validUntil } = candidate;
      return { kind: 'qualification', competenceName, holder: { name: personName }, validUntil, today, openUrl: url };
    }
    if (candidate.kind === 'occurrence') return { kind: 'occurrence', ...occurrenceModel(item, today) };
    if (candidate.kind === 'action') return { kind: 'corrective-action', ...actionModel(item, today) };
    if (candidate.kind === 'access-request') return { kind: 'access-request', ...accessModel(item, today) };
    if (candidate.kind === 'register-reply') return { kind: 'register-reply', ...registerModel(item) };
    if (candidate.kind === 'requirement') {
      const { competenceName, scopeLabel, shortBy, minLevel } = candidate;
      return { kind: 'requirement-unmet', competenceName, scopeLabel, shortBy, minLevel, openUrl: url };
    }
    const procedure = { id: candidate.procedureId, code: candidate.code, title: candidate.title };
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
