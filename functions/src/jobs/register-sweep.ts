import type { Services } from '../app/ports.js';
import { applyStep, registerSettingsOf, todayOf } from '../app/register-items.js';
import { contactRemovalDueOn, isContactDueForRemoval } from '../core/register-rules.js';
import type { RegisterItem } from '../core/register-types.js';

export type RegisterSweepResult = {
  contactsRemoved: string[];
  challengesForgotten: number;
  failed: { itemId: string; message: string }[];
};

/**
 * The register's own part of the daily sweep (the reply reminders and escalations are not here:
 * each item's reply deadline is in the deadline index, and the reminder sweep, run-sweep.ts,
 * sends them through the ledger like every other reminder):
 *
 * - retention: contact details of items closed `contactRetentionYears` ago are removed, the
 *   item kept (`contact-removed` in its trail).
 * - used proof-of-work solutions whose challenge expired are forgotten.
 *
 * A failed write is reported and retried by the next run.
 */
export async function runRegisterSweep(services: Services): Promise<RegisterSweepResult> {
  const result: RegisterSweepResult = { contactsRemoved: [], challengesForgotten: 0, failed: [] };
  const settings = await registerSettingsOf(services);
  const today = todayOf(services);

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
