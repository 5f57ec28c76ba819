import type { Locale } from '../core/locale.js';
import type { MessagingStore, Notifier } from '../app/messaging-ports.js';
import type { EventPublisher, Services } from '../app/ports.js';
import { versionLabel } from '../core/lifecycle.js';
import { localDateReader, reminderStagesDue } from '../core/reminder-schedule.js';
import type { CardFactory, ReminderItem } from './card-factory.js';
import type { AcknowledgementCandidate } from './reminder-source.js';
import { reminderLine } from './reminder-text.js';

export type AcknowledgementRequestDeps = {
  services: Pick<Services, 'clock' | 'ids' | 'settings' | 'store'>;
  messaging: MessagingStore;
  notifier: Notifier;
  cards: CardFactory;
  /** The card language for people the bot has no conversation with yet. */
  defaultLocale?: Locale;
  /**
   * At most this many people are messaged during the approval itself (the approver waits for
   * it). The rest are left unclaimed, and the next daily sweep sends them the same request.
   */
  inlineLimit?: number;
  /** Messages in flight at once. */
  concurrency?: number;
};

export type AcknowledgementRequestsResult = {
  /** People messaged now. */
  sent: string[];
  /** People already messaged about this version (the ledger says so): nothing sent again. */
  skipped: number;
  /** People left to the next sweep because of `inlineLimit`. */
  deferred: number;
  failed: { recipientId: string; error: string }[];
};

const defaultInlineLimit = 200;

/**
 * The acknowledgement request at publication: when a major version is published, each person
 * asked to acknowledge it gets the acknowledgement card at once, instead of a week later from
 * the sweep's reminder.
 *
 * It is the sweep's own first acknowledgement stage, `acknowledgement-requested`
 * (core/reminder-schedule.ts), sent early: the key comes from the same `reminderStagesDue`, is
 * claimed in the same ledger before sending and marked sent after, so
 * - the sweep that runs after it finds the key sent and sends nothing more that week,
 * - a repeated event (a resent approval, a retried request) finds it too and sends nothing, and
 * - a week later `acknowledgement-outstanding`, a different key, reminds whoever has still not
 *   acknowledged.
 * Whoever is not claimed here (the event was lost, or beyond `inlineLimit`) is sent the same
 * request by the next daily sweep. A send that fails after its claim keeps the key claimed by
 * this run, so that request is not sent again; the week's reminder still is.
 *
 * The audience is the version's acknowledgement requests, i.e. `acknowledgementAudience` in
 * core/audience.ts: the version's author and approver are not among them.
 */
export async function sendAcknowledgementRequests(
  deps: AcknowledgementRequestDeps,
  versionId: string,
): Promise<AcknowledgementRequestsResult> {
  const { services, messaging, notifier, cards } = deps;
  const { store } = services;
  const result: AcknowledgementRequestsResult = { sent: [], skipped: 0, deferred: 0, failed: [] };
  const version = await store.getVersion(versionId);
  if (!version || version.state !== 'published') return result;
  const procedure = await store.getProcedure(version.procedureId);
  // A version already replaced asks nobody to read it.
  if (!procedure || procedure.currentVersionId !== version.id) return result;
  const [requests, acknowledgements, people] = await Promise.all([
    store.listAcknowledgementRequests(version.id),
    store.listAcknowledgements(version.id),
    store.listPeople(),
  ]);
  const done = new Set(acknowledgements.map((ack) => ack.personId));
  const names = new Map(people.map((person) => [person.id, person.name]));
  const readLocalDate = localDateReader(services.settings.timeZone);
  const today = readLocalDate(services.clock.now());
  const label = versionLabel(version);

  const due: (ReminderItem & { recipientId: string; subjectId: string })[] = [];
  for (const request of requests) {
    if (done.has(request.personId)) continue;
    const candidate: AcknowledgementCandidate = {
      kind: 'acknowledgement',
      versionId: version.id,
      personId: request.personId,
      requestedOn: readLocalDate(new Date(request.requestedAt)),
      procedureId: procedure.id,
      code: procedure.code,
      title: procedure.title,
      versionLabel: label,
      changeSummary: version.changeSummary,
      publishedAt: version.publishedAt ?? request.requestedAt,
      requestedAt: request.requestedAt,
    };
    for (const reminder of reminderStagesDue(candidate, today)) {
      // Only the request itself; a reminder that is already due is the sweep's business.
      if (reminder.stage === 'acknowledgement-requested') due.push({ ...reminder, candidate });
    }
  }
  const byName = (id: string) => names.get(id) ?? id;
  due.sort((a, b) => byName(a.recipientId).localeCompare(byName(b.recipientId), 'da'));
  const limit = deps.inlineLimit ?? defaultInlineLimit;
  const now = due.slice(0, limit);
  result.deferred = due.length - now.length;

  const runId = `publication-${services.ids.next()}`;
  let next = 0;
  const sendOne = async (item: (typeof now)[number]): Promise<void> => {
    // One claim per person, just before the send: if the process dies half-way, whoever was not
    // reached is still unclaimed and the sweep sends them the request.
    const [owned] = await messaging.claimMessages(
      [
        {
          recipientId: item.recipientId,
          reminders: [{ key: item.key, stage: item.stage, subjectId: item.subjectId, dueOn: item.dueOn }],
        },
      ],
      { runId, claimedAt: services.clock.now().toISOString() },
      [],
    );
    if (!owned?.keys.includes(item.key)) {
      result.skipped++;
      return;
    }
    try {
      const conversation = await messaging.getConversation(item.recipientId);
      const locale = conversation?.locale ?? deps.defaultLocale ?? 'da';
      const recipient = { id: item.recipientId, name: byName(item.recipientId), locale };
      const card = cards.single(item, { recipient, today });
      // "K-04 ny version at læse og kvittere for": a request, not counted as one of "N påmindelser".
      const summary = reminderLine({ stage: item.stage, label: procedure.code, title: procedure.title }, locale);
      const { messageId } = await notifier.send({ recipientId: item.recipientId, card, summary });
      await messaging.markMessageSent(runId, item.recipientId, messageId, services.clock.now().toISOString());
      result.sent.push(item.recipientId);
    } catch (error) {
      result.failed.push({
        recipientId: item.recipientId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  const worker = async () => {
    while (next < now.length) {
      const item = now[next++];
      if (item) await sendOne(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, worker));
  return result;
}

/**
 * Sends the acknowledgement requests when an approval publishes a version (the
 * `approval.decided` event of an approval). Failures are logged, never thrown: the publication
 * stands, and the sweep sends whatever was not claimed.
 */
export function acknowledgementRequestsOnPublication(deps: AcknowledgementRequestDeps): EventPublisher {
  return {
    async publish(event) {
      if (event.type !== 'approval.decided') return;
      try {
        const approval = await deps.services.store.getApproval(event.approvalId);
        if (!approval || approval.decision !== 'approved' || approval.kind !== 'major') return;
        const result = await sendAcknowledgementRequests(deps, approval.versionId);
        for (const failure of result.failed) {
          console.warn(`Could not send the acknowledgement request to ${failure.recipientId}: ${failure.error}`);
        }
      } catch (error) {
        console.warn(`Could not send the acknowledgement requests for approval ${event.approvalId}:`, error);
      }
    },
  };
}
