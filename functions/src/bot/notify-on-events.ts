import type { Notifier, Outbox } from '../app/messaging-ports.js';
import type { EventPublisher } from '../app/ports.js';
import { correctiveActionPath, loadApprovalView, tabLink, type ViewDeps } from './approval-view.js';
import { approvalRequestCard } from './cards/approval-request-card.js';
import { correctiveActionAssignedCard } from './cards/corrective-action-assigned-card.js';
import { approvalCardFor } from './handle-card-action.js';

/**
 * Tells people in chat about what just happened: a submitted draft sends the approver an
 * approval request card; a corrective action assigned to someone sends them its card. Failures are logged, never thrown: the submission itself stands, and
 * the daily sweep reminds the approver of anything still waiting.
 */
export function notifyOnEvents(deps: ViewDeps & { notifier: Notifier; outbox: Outbox | null }): EventPublisher {
  return {
    async publish(event) {
      try {
        if (event.type === 'approval.decided') {
          await showDecisionInLocalChat(deps, event.approvalId);
          return;
        }
        if (event.type === 'action.assigned') {
          await sendActionAssigned(deps, event.actionId, event.assignedBy);
          return;
        }
        const approval = await deps.services.store.getApproval(event.approvalId);
        if (!approval) return;
        const view = await loadApprovalView(deps, approval);
        const conversation = await deps.messaging.getConversation(approval.approverId);
        const card = approvalRequestCard(view.model, conversation?.locale ?? 'da');
        await deps.notifier.send({
          recipientId: approval.approverId,
          card,
          summary: `${view.model.procedure.code} ${view.model.procedure.title}: ${view.model.requestedBy.name} beder om godkendelse`,
        });
      } catch (error) {
        console.warn(
          `Could not notify about ${event.type} ${'approvalId' in event ? event.approvalId : event.actionId}:`,
          error,
        );
      }
    },
  };
}

/**
 * Local chat only: a decision taken in the tab replaces the approval cards in the approver's
 * chat with the outcome. (In Teams the card's refresh does this when the approver looks.)
 */
async function showDecisionInLocalChat(deps: ViewDeps & { outbox: Outbox | null }, approvalId: string): Promise<void> {
  if (!deps.outbox) return;
  const approval = await deps.services.store.getApproval(approvalId);
  const approver = approval ? await deps.services.store.getPerson(approval.approverId) : undefined;
  if (!approval || !approver) return;
  const messages = await deps.outbox.list(approver.id);
  for (const message of messages) {
    if (!JSON.stringify(message.card).includes(`"approvalId":"${approvalId}"`)) continue;
    const conversation = await deps.messaging.getConversation(approver.id);
    const card = await approvalCardFor(deps, approver, approvalId, conversation?.locale ?? 'da');
    await deps.outbox.update(message.id, card);
  }
}

/** The card to a corrective action's new owner: what, by when, who asked, and a link to it. */
async function sendActionAssigned(
  deps: ViewDeps & { notifier: Notifier },
  actionId: string,
  assignedById: string,
): Promise<void> {
  const action = await deps.services.quality.getCorrectiveAction(actionId);
  if (!action || action.ownerId === null) return;
  const assignedBy = await deps.services.store.getPerson(assignedById);
  const conversation = await deps.messaging.getConversation(action.ownerId);
  const card = correctiveActionAssignedCard(
    {
      title: action.title,
      dueOn: action.dueOn,
      plan: action.plan,
      assignedBy: { name: assignedBy?.name ?? assignedById },
      openUrl: tabLink(deps, correctiveActionPath(action.id), action.title),
    },
    conversation?.locale ?? 'da',
  );
  await deps.notifier.send({
    recipientId: action.ownerId,
    card,
    summary: `${action.title}: ${assignedBy?.name ?? assignedById}`,
  });
}
