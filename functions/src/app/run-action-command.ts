import { applyActionCommand, canApplyActionCommand, type ActionCommand } from '../core/corrective-action.js';
import { AppError } from '../core/errors.js';
import { canRunActionCommand, ensure, type Actor } from '../core/policies.js';
import type { CorrectiveAction } from '../core/quality-year-types.js';
import { effectivenessWaitDays, today } from './corrective-action-views.js';
import type { Services } from './ports.js';
import { staleQualityRecordError, storedVersionOf } from './quality-conflict.js';
import { settleRegisterItem } from './settle-register-item.js';

export type RunActionCommandInput = { actionId: string; etag: number; command: ActionCommand };

/**
 * One step of a corrective action (see core/corrective-action.ts for the state machine): the
 * state is checked first (INVALID_STATE, whoever asks), then who may do it (FORBIDDEN; the
 * effectiveness check never by anyone who owned or implemented it), then the rule applies the
 * command (with the effectiveness waiting period from the settings: an early check needs a
 * reason, which the check and the trail keep). Refused with CONFLICT when the action changed
 * since it was read; a refused step changes nothing. The tab's routes and the chat card's
 * "Markér gennemført" both come here.
 *
 * When the action closes and it was started from a register item, the item moves on once none
 * of its actions runs any more (settle-register-item.ts): back to its handler for the final
 * answer, or closed when the sender was answered. That is a second write after the action's;
 * should it fail, the action stays closed and the register's daily sweep moves the item.
 */
export async function runActionCommand(
  services: Services,
  actor: Actor,
  input: RunActionCommandInput,
): Promise<CorrectiveAction> {
  const action = await services.quality.getCorrectiveAction(input.actionId);
  if (!action) throw new AppError('NOT_FOUND', `No corrective action with id ${input.actionId}.`);
  if (action.etag !== input.etag)
    throw staleQualityRecordError('correctiveActions', action.id, storedVersionOf(action));
  const kind = input.command.kind;
  if (canApplyActionCommand(action.status, kind)) {
    ensure(
      canRunActionCommand(actor, action, kind),
      kind === 'checkEffectiveness'
        ? 'The effectiveness check is made by the quality coordinator, never by anyone who owned or implemented the action.'
        : 'Only the action’s owner and the quality coordinator carry out a corrective action.',
    );
  }
  if (kind === 'analyseAndPlan' || kind === 'replan') {
    const ownerId = input.command.ownerId;
    if (ownerId !== undefined && !(await services.store.getPerson(ownerId))) {
      throw new AppError('VALIDATION', `No person with id ${ownerId}.`, { field: 'ownerId' });
    }
  }
  const at = services.clock.now().toISOString();
  const next = applyActionCommand(action, input.command, {
    today: today(services),
    actorId: actor.id,
    at,
    effectivenessWaitDays: effectivenessWaitDays(services),
  });
  await services.quality.commit({
    expect: [{ collection: 'correctiveActions', id: action.id, etag: input.etag }],
    correctiveActions: [next],
    trail: [
      {
        at,
        actorId: actor.id,
        action: `corrective-action.${kind}`,
        procedureId: null,
        subjectId: action.id,
        summary: `${action.title}: ${kind} (${action.status} → ${next.status})`,
        details: { from: action.status, to: next.status, command: input.command },
      },
    ],
  });
  if (next.status === 'closed' && action.status !== 'closed' && next.source.kind === 'feedback') {
    try {
      await settleRegisterItem(services, next.source.feedbackId, { at, actorId: actor.id });
    } catch {
      // The action is closed; the register sweep (jobs/register-sweep.ts) settles the item.
    }
  }
  // The new owner hears of it in chat, unless they made themselves the owner.
  if (next.ownerId !== null && next.ownerId !== action.ownerId && next.ownerId !== actor.id) {
    await services.events.publish({ type: 'action.assigned', actionId: next.id, assignedBy: actor.id });
  }
  return next;
}
