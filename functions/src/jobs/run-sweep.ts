import type { Locale } from '../core/locale.js';
import { performance } from 'node:perf_hooks';
import type { MessagingStore, Notifier, ReminderStage as LedgerStage } from '../app/messaging-ports.js';
import type { Services } from '../app/ports.js';
import type { LocalDate } from '../core/local-date.js';
import { localDateReader, reminderStagesDue, stageUrgency, type ReminderStage } from '../core/reminder-schedule.js';
import type { CardFactory, ReminderItem, ReminderRecipient } from './card-factory.js';
import type { ReminderSource } from './reminder-source.js';
import { reminderSummary, type ReminderLine } from './reminder-text.js';
import { reminderTopic } from './reminder-topic.js';

// The ledger's stage names and the schedule's are one list; this line stops them drifting apart.
const _stagesAgree: [ReminderStage] extends [LedgerStage]
  ? [LedgerStage] extends [ReminderStage]
    ? true
    : never
  : never = true;

export type SweepDependencies = {
  services: Pick<Services, 'clock' | 'ids' | 'settings' | 'store'>;
  messaging: MessagingStore;
  source: ReminderSource;
  notifier: Notifier;
  cards: CardFactory;
};

export type SweepOptions = {
  /** Names this run in the ledger and the lease; a fresh id by default. */
  runId?: string;
  /**
   * How long the lease holds without renewal. The run renews it before a send once a third of
   * it has passed, so it must comfortably exceed the slowest single send (retries included).
   */
  leaseSeconds?: number;
  /** Messages in flight at once (the Teams notifier paces them further). */
  concurrency?: number;
  /** The card language for people the bot has no conversation with yet. */
  defaultLocale?: Locale;
  /** Test hook: stop dead after this many sends, as a killed process would (the lease is kept). */
  crashAfterSends?: number;
  /**
   * Re-measures the goals before the reminders are read (`measureGoals`, app/measure-goals.ts,
   * wired by sweepEmbeddedApp): answers given through survey links, and a new day in a goal's
   * period, move a goal without anyone saving it, and a goal turning red gets its owner's
   * årshjul activity (and so its reminder) in this very run. Its failure is reported in the
   * result's `goals` and does not stop the reminders.
   */
  measureGoals?: (today: LocalDate, stamp: { at: string; actorId: string }) => Promise<GoalMeasured[]>;
};

/** What measuring one goal gave (measureGoals' result, as the sweep reports it). */
export type GoalMeasured = { goalId: string; hasTurnedRed: boolean };

/** Who the goals' new readings are stamped by when the sweep measures them. */
export const sweepActorId = 'system';

export type SentMessage = {
  recipientId: string;
  recipientName: string;
  messageId: string;
  items: ReminderLine[];
};

export type SweepResult = {
  runId: string;
  /**
   * `completed`: every owned reminder was tried. `lease-held`: another live run holds the lease,
   * nothing was done. `lease-lost`: this run's lease expired and another run took over mid-way;
   * it stopped sending and left the rest to that run.
   */
  status: 'completed' | 'lease-held' | 'lease-lost';
  today: LocalDate;
  sent: SentMessage[];
  /** Due reminders already in the ledger (sent, or claimed by a live run): not sent again. */
  skipped: number;
  /** Messages the notifier refused; their keys stay claimed and the next run tries again. */
  failed: (Omit<SentMessage, 'messageId'> & { error: string })[];
  durationMs: number;
  /** Where the time went: reading candidates, applying the rules, claiming, sending. */
  timings: { collectMs: number; planMs: number; claimMs: number; sendMs: number };
  /**
   * The goals measured before the reminders (when the run measures them): how many, and those
   * that turned red today; or why measuring failed.
   */
  goals?: { measured: number; turnedRed: string[] } | { error: string };
};

/** Thrown by the `crashAfterSends` test hook. */
export class SimulatedCrash extends Error {
  constructor(readonly sends: number) {
    super(`Simulated crash after ${sends} sends`);
    this.name = 'SimulatedCrash';
  }
}

const defaultLeaseSeconds = 15 * 60;

/**
 * The daily reminder sweep: one pass over everything that may be due, then one message per
 * person. Idempotent through the ledger, and safe to run from several places at once:
 *
 * 1. Take the sweep lease; if another live run holds it, return `lease-held` at once.
 * 2. Read the candidates (one set-based query per kind) and apply the core schedule.
 * 3. Group the due reminders by recipient (one item gets its own card, several a digest) and
 *    claim the messages in the ledger, before anything is sent: one ledger entry per message
 *    with its reminder keys. Keys already sent are never owned again; keys claimed by the run
 *    that held the lease before us (it died, or its send failed) are taken over, so nothing is
 *    lost and nothing doubled.
 * 4. Send, renewing the lease as we go, and mark each message sent.
 */
export async function runSweep(input: SweepDependencies & SweepOptions): Promise<SweepResult> {
  const started = performance.now();
  const { services, messaging, source, notifier, cards } = input;
  const runId = input.runId ?? `sweep-${services.ids.next()}`;
  const leaseSeconds = input.leaseSeconds ?? defaultLeaseSeconds;
  const now = services.clock.now();
  const today = localDateReader(services.settings.timeZone)(now);
  const timings = { collectMs: 0, planMs: 0, claimMs: 0, sendMs: 0 };
  let goals: SweepResult['goals'];
  const result = (status: SweepResult['status'], rest: Partial<SweepResult> = {}): SweepResult => ({
    runId,
    status,
    today,
    sent: [],
    skipped: 0,
    failed: [],
    ...(goals ? { goals } : {}),
    ...rest,
    durationMs: performance.now() - started,
    timings,
  });

  const lease = await messaging.acquireSweepLease(runId, now.toISOString(), leaseSeconds);
  if (!lease.acquired) return result('lease-held');
  let crashed = false;
  try {
    let mark = performance.now();
    if (input.measureGoals) {
      try {
        const measured = await input.measureGoals(today, { at: now.toISOString(), actorId: sweepActorId });
        goals = {
          measured: measured.length,
          turnedRed: measured.filter((goal) => goal.hasTurnedRed).map((goal) => goal.goalId),
        };
      } catch (error) {
        goals = { error: error instanceof Error ? error.message : String(error) };
      }
    }
    const candidates = await source.listReminderCandidates(today);
    timings.collectMs = performance.now() - mark;

    mark = performance.now();
    const due = new Map<string, ReminderItem & { recipientId: string; subjectId: string }>();
    for (const candidate of candidates) {
      for (const reminder of reminderStagesDue(candidate, today)) {
        due.set(reminder.key, { ...reminder, candidate });
      }
    }
    timings.planMs = performance.now() - mark;

    mark = performance.now();
    const claimedAt = services.clock.now().toISOString();
    const wanted = new Map<string, (ReminderItem & { recipientId: string; subjectId: string })[]>();
    for (const item of due.values()) {
      const items = wanted.get(item.recipientId) ?? [];
      items.push(item);
      wanted.set(item.recipientId, items);
    }
    const owned = await messaging.claimMessages(
      [...wanted.entries()].map(([recipientId, items]) => ({
        recipientId,
        reminders: items.map((item) => ({
          key: item.key,
          stage: item.stage,
          subjectId: item.subjectId,
          dueOn: item.dueOn,
        })),
      })),
      { runId, claimedAt },
      lease.previousRunId ? [lease.previousRunId] : [],
    );
    const ownedCount = owned.reduce((sum, message) => sum + message.keys.length, 0);
    timings.claimMs = performance.now() - mark;

    mark = performance.now();
    const people = new Map((await services.store.listPeople()).map((person) => [person.id, person]));
    const byRecipient = new Map<string, ReminderItem[]>();
    for (const message of owned) {
      const items: ReminderItem[] = [];
      for (const key of message.keys) {
        const item = due.get(key);
        if (item) items.push({ key: item.key, stage: item.stage, dueOn: item.dueOn, candidate: item.candidate });
      }
      if (items.length > 0) byRecipient.set(message.recipientId, items);
    }
    const outbound = [...byRecipient.entries()]
      .map(([recipientId, items]) => ({
        recipientId,
        recipientName: people.get(recipientId)?.name ?? recipientId,
        items: items.sort(byUrgency),
      }))
      .sort(
        (a, b) => a.recipientName.localeCompare(b.recipientName, 'da') || a.recipientId.localeCompare(b.recipientId),
      );

    const sent: SentMessage[] = [];
    const failed: SweepResult['failed'] = [];
    let status: SweepResult['status'] = 'completed';
    let renewedAt = now.getTime();
    let next = 0;
    const sendOne = async (message: (typeof outbound)[number]): Promise<void> => {
      const at = services.clock.now();
      if (at.getTime() - renewedAt > (leaseSeconds * 1000) / 3) {
        const renewal = await messaging.acquireSweepLease(runId, at.toISOString(), leaseSeconds);
        // Taken over in between (even if that run has finished since): our claims are not ours any more.
        if (!renewal.acquired || renewal.previousRunId !== null) {
          status = 'lease-lost';
          return;
        }
        renewedAt = at.getTime();
      }
      const conversation = await messaging.getConversation(message.recipientId);
      const recipient: ReminderRecipient = {
        id: message.recipientId,
        name: message.recipientName,
        locale: conversation?.locale ?? input.defaultLocale ?? 'da',
      };
      const lines = message.items.map((item): ReminderLine => {
        const { label, title } = reminderTopic(item.candidate);
        return { stage: item.stage, label, title };
      });
      const context = { recipient, today };
      try {
        const [first] = message.items;
        const card =
          message.items.length === 1 && first ? cards.single(first, context) : cards.digest(message.items, context);
        const { messageId } = await notifier.send({
          recipientId: message.recipientId,
          card,
          summary: reminderSummary(lines, recipient.locale),
        });
        await messaging.markMessageSent(runId, message.recipientId, messageId, services.clock.now().toISOString());
        sent.push({ recipientId: message.recipientId, recipientName: message.recipientName, messageId, items: lines });
      } catch (error) {
        failed.push({
          recipientId: message.recipientId,
          recipientName: message.recipientName,
          items: lines,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      if (input.crashAfterSends !== undefined && sent.length >= input.crashAfterSends) crashed = true;
    };
    const worker = async () => {
      while (status === 'completed' && !crashed && next < outbound.length) {
        const message = outbound[next++];
        if (message) await sendOne(message);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, input.concurrency ?? 4) }, worker));
    timings.sendMs = performance.now() - mark;
    if (crashed) throw new SimulatedCrash(sent.length);

    const order = new Map(outbound.map((message, index) => [message.recipientId, index]));
    const inOrder = (a: { recipientId: string }, b: { recipientId: string }) =>
      (order.get(a.recipientId) ?? 0) - (order.get(b.recipientId) ?? 0);
    return result(status, {
      sent: sent.sort(inOrder),
      failed: failed.sort(inOrder),
      skipped: due.size - ownedCount,
    });
  } finally {
    // A crashed process never gets here; the hook imitates that by keeping the lease, so the
    // next run has to wait for it to expire. Any other failure hands the lease on at once.
    if (!crashed) await messaging.releaseSweepLease(runId);
  }
}

function byUrgency(a: ReminderItem, b: ReminderItem): number {
  return (
    stageUrgency[a.stage] - stageUrgency[b.stage] ||
    a.dueOn.localeCompare(b.dueOn) ||
    reminderTopic(a.candidate).label.localeCompare(reminderTopic(b.candidate).label)
  );
}
