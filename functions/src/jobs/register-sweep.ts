import type { Notifier } from '../app/messaging-ports.js';
import type { Services } from '../app/ports.js';
import { applyStep, directoryOf, registerSettingsOf, todayOf } from '../app/register-items.js';
import { addDays } from '../core/local-date.js';
import { contactRemovalDueOn, isContactDueForRemoval, replyReminderStage } from '../core/register-rules.js';
import type { RegisterItem } from '../core/register-types.js';
import { leaderFrom } from '../core/unit-leaders.js';
import { registerReminderCard } from '../bot/cards/register-reminder-card.js';

export type RegisterSweepResult = {
  reminded: string[];
  escalated: string[];
  contactsRemoved: string[];
  challengesForgotten: number;
  failed: { itemId: string; message: string }[];
};

/**
 * The register's part of the daily sweep:
 *
 * - reply reminders: an unanswered item `remindDaysBefore` working days before its deadline and
 *   after it reminds its handler (`due-soon`, `overdue`); `escalateDaysAfter` working days after
 *   it, the handler's leader is told (`escalate`). Each (item, deadline, stage) once: the step is
 *   written in the item's trail (`reminded`/`escalated`, note `stage:dueOn`) after the card went
 *   out, and a later run skips a step its trail holds. An interim reply moves the deadline, so
 *   the stages start again for the new date.
 * - retention: contact details of items closed `contactRetentionYears` ago are removed, the
 *   item kept (`contact-removed` in its trail).
 * - used proof-of-work solutions whose challenge expired are forgotten.
 *
 * A failed send or write is reported and retried by the next run.
 */
export async function runRegisterSweep(
  services: Services,
  notifier: Notifier,
  options: { publicUrl: string },
): Promise<RegisterSweepResult> {
  const result: RegisterSweepResult = {
    reminded: [],
    escalated: [],
    contactsRemoved: [],
    challengesForgotten: 0,
    failed: [],
  };
  const settings = await registerSettingsOf(services);
  const today = todayOf(services);
  const directory = await directoryOf(services);
  const people = new Map((await services.store.listPeople()).map((person) => [person.id, person]));
  // Far enough ahead for any `remindDaysBefore` (working days, holidays included).
  const horizon = addDays(today, settings.remindDaysBefore * 2 + 14);

  for (const item of await services.register.itemsWithReplyDueBy(horizon)) {
    const stage = replyReminderStage(item.replyDueOn, today, settings);
    if (stage === null || item.replyDueOn === null) continue;
    const event = stage === 'escalate' ? 'escalated' : 'reminded';
    const key = `${stage}:${item.replyDueOn}`;
    if (item.trail.some((entry) => entry.event === event && entry.note.startsWith(key))) continue;
    const handlerUnit = item.handlerUnitId;
    const recipientId =
      stage === 'escalate'
        ? handlerUnit === null
          ? null
          : leaderFrom(handlerUnit, directory, item.handlerId)
        : item.handlerId;
    if (recipientId === null) continue;
    try {
      await notifier.send({
        recipientId,
        summary: `${item.receiptNumber}: ${stage}`,
        card: registerReminderCard(
          {
            stage,
            receiptNumber: item.receiptNumber,
            title: item.title,
            dueOn: item.replyDueOn,
            handlerName: item.handlerId === null ? null : (people.get(item.handlerId)?.name ?? item.handlerId),
            openUrl: `${options.publicUrl.replace(/\/+$/, '')}/register/items/${item.id}`,
          },
          'da',
        ),
      });
      await writeStep(services, item, event, `${key} → ${recipientId}`);
      (stage === 'escalate' ? result.escalated : result.reminded).push(item.id);
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
  event: 'reminded' | 'escalated' | 'contact-removed',
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
