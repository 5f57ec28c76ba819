import { AppError } from '../core/errors.js';
import { statusWhenActionsDone } from '../core/register-rules.js';
import type { RegisterItem } from '../core/register-types.js';
import type { Services } from './ports.js';
import { commitStep, todayOf } from './register-items.js';

const notes = {
  'in-handling': 'All corrective actions are completed; back in handling for the final answer',
  closed: 'All corrective actions are completed; closed, nothing left to answer',
} as const;

/**
 * An `open` register item moves on once none of its corrective actions runs any more
 * (core/register-rules.ts `statusWhenActionsDone`): back to `in-handling`, so its handler sends
 * the final answer and closes it, or `closed` when the sender was answered already or cannot be
 * answered; the step (`actions-completed`, "Alle handlinger er afsluttet" in the tab) in its
 * trail. Called when an action started from the item closes (runActionCommand), and by the
 * register's daily sweep for an item whose follow-up failed. Read afresh and retried when the
 * item changed in between; the item written, or null when there was nothing to do.
 */
export async function settleRegisterItem(
  services: Services,
  itemId: string,
  stamp: { at: string; actorId: string | null },
): Promise<RegisterItem | null> {
  for (let attempt = 0; ; attempt++) {
    const item = await services.register.getItem(itemId);
    if (!item || item.status !== 'open') return null;
    const actions = await Promise.all(
      item.correctiveActionIds.map((actionId) => services.quality.getCorrectiveAction(actionId)),
    );
    const openActionCount = actions.filter((action) => action !== undefined && action.status !== 'closed').length;
    const to = statusWhenActionsDone(item, openActionCount);
    if (to === null) return null;
    try {
      return await commitStep(
        services,
        item,
        item.etag,
        { status: to, ...(to === 'closed' ? { closedOn: todayOf(services) } : {}) },
        { at: stamp.at, actorId: stamp.actorId, event: 'actions-completed', note: notes[to] },
      );
    } catch (error) {
      const isStale = error instanceof AppError && error.code === 'CONFLICT';
      if (!isStale || attempt >= 2) throw error;
    }
  }
}
