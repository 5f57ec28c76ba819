import type { Services } from '../app/ports.js';
import { applyStep, registerSettingsOf, todayOf } from '../app/register-items.js';
import { settleRegisterItem } from '../app/settle-register-item.js';
import { contactRemovalDueOn, isContactDueForRemoval } from '../core/register-rules.js';
import type { RegisterItem } from '../core/register-types.js';

export type RegisterSweepResult = {
  /** Open items whose corrective actions had all closed, moved on (back to handling, or closed). */
  settled: string[];
  contactsRemoved: string[];
  challengesForgotten: number;
  failed: { itemId: string; message: string }[];
};

/**
 * The register's own part of the daily sweep (the reply reminders and escalations are not here:
 * each item's reply deadline is in the deadline index, and the reminder sweep, run-sweep.ts,
 * sends them through the ledger like every other reminder):
 *
 * - an `open` item whose corrective actions have all closed, but which did not move on when the
 *   last one closed (that write failed), is moved now (app/settle-register-item.ts).
 * - retention: contact details of items closed `contactRetentionYears` ago are removed, the
 *   item kept (`contact-removed` in its trail).
 * - used proof-of-work solutions whose challenge expired are forgotten.
 *
 * A failed write is reported and retried by the next run.
 */
export async function runRegisterSweep(services: Services): Promise<RegisterSweepResult> {
  const result: RegisterSweepResult = { settled: [], contactsRemoved: [], challengesForgotten: 0, failed: [] };
  const settings = await registerSettingsOf(services);
  const today = todayOf(services);

  for (const item of await services.register.listItems({ status: 'open' })) {
    try {
      const settled = await settleRegisterItem(services, item.id, {
        at: services.clock.now().toISOString(),
        actorId: null,
      });
      if (settled) result.settled.push(item.id);
    } catch (error) {
      result.failed.push({ itemId: item.id, message: error instanceof Error ? error.message : String(error) });
    }
  }

  // Items closed on or before this day have passed the retention period today.
  const closedBy = contactRemovalDueOn(today, -settings.contactRetentionYears);
  for (const item of await services.register.closedItemsWithContact(closedBy)) {
    if (!isContactDueForRemoval(item, today, settings.contactRetentionYears)) continue;
    try {
      await writeStep(services, item, 'contact-removed', 'Contact details removed (retention period)', {
        contact: null,
        contactRemovedOn: today,
      });
      result.contactsRemoved.push(item.id);
    } catch (error) {
      result.failed.push({ itemId: item.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  result.challengesForgotten = await services.register.purgeUsedChallenges(services.clock.now().toISOString());
  return result;
}

async function writeStep(
  services: Services,
  item: RegisterItem,
  event: 'contact-removed',
  note: string,
  changes: Partial<RegisterItem> = {},
): Promise<void> {
  const { item: next, trail } = applyStep(item, changes, {
    at: services.clock.now().toISOString(),
    actorId: null,
    event,
    note,
  });
  await services.register.commit({ expect: [{ id: item.id, etag: item.etag }], items: [next], trail: [trail] });
}
