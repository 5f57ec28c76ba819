import type { Notifier, Outbox } from '../app/messaging-ports.js';
import type { EventPublisher } from '../app/ports.js';
import { loadApprovalView, type ViewDeps } from './approval-view.js';
import { approvalRequestCard } from './cards/approval-request-card.js';
import { approvalCardFor } from './handle-card-action.js';

/**
 * Tells people in chat about what just happened: a submitted draft sends the approver an
 * approval request card. Failures are logged, never thrown: the submission itself stands, and
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
        console.warn(`Could not notify about ${event.type} ${'approvalId' in event ? event.approvalId : ''}:`, error);
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
