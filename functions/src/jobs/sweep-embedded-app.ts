import { measureGoals } from '../app/measure-goals.js';
import type { EmbeddedApp } from '../compose.js';
import { createReminderCards } from './reminder-cards.js';
import { runRegisterSweep } from './register-sweep.js';
import { runSweep, type SweepResult } from './run-sweep.js';

/**
 * One sweep over the embedded app: its store, its ledger, and its bot's way out (Teams with a
 * bot registration, else the local outbox). Used by `npm run sweep`, the local timer and the
 * Azure timer trigger. Before the reminders it re-measures the goals (on either store), so
 * survey answers and a new day move them and a goal turning red reaches its owner the same day.
 */
export async function sweepEmbeddedApp(app: EmbeddedApp, options: { runId?: string } = {}): Promise<SweepResult> {
  const { config } = app;
  const result = await runSweep({
    services: app.services,
    messaging: app.messaging,
    source: app.reminderSource,
    notifier: app.bot.notifier,
    cards: createReminderCards({ publicUrl: config.publicUrl, teamsAppId: config.teamsAppId }),
    measureGoals: (today, stamp) => measureGoals(app.services, stamp, today),
    ...(options.runId ? { runId: options.runId } : {}),
  });
  // The register's retention and housekeeping (register-sweep.ts; its reply reminders went out
  // above, from the deadline index), after the reminders and under the same lease's schedule.
  if (result.status !== 'lease-held') await runRegisterSweep(app.services);
  return result;
}
