import type { Notifier } from '../app/messaging-ports.js';
import type { EventPublisher } from '../app/ports.js';
import { loadApprovalView, type ViewDeps } from './approval-view.js';
import { approvalRequestCard } from './cards/approval-request-card.js';

/**
 * Tells people in chat about what just happened: a submitted draft sends the approver an
 * approval request card. Failures are logged, never thrown: the submission itself stands, and
 * the daily sweep reminds the approver of anything still waiting.
 */
export function notifyOnEvents(deps: ViewDeps & { notifier: Notifier }): EventPublisher {
  return {
    async publish(event) {
      try {
        if (event.type !== 'approval.requested') return;
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
