/**
 * Reminder sweep benchmark: `npx tsx bench/sweep.bench.ts`.
 *
 * Opens the embedded app on a fresh temporary data folder (demo municipality seeded), bulk-seeds
 * 10,000 more procedures with `seedBulk` (the same seeding as the API benchmark), then times the
 * whole sweep: candidate collection, the schedule rules, ledger claims, building the real cards
 * and sending them into the local outbox. Each timed run starts from an empty ledger and outbox
 * (the first sweep after installation, the heaviest day); a second run on the same day, with
 * everything already sent, measures the everyday cost. Target: p50 ≤ 1 s for the fresh run.
 *
 * Knobs (environment): BENCH_PROCEDURES (10000), BENCH_RUNS (5), BENCH_KEEP_DATA=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSqliteOutbox } from '../functions/src/adapters/outbox/sqlite-outbox.js';
import {
  createSqliteMessagingStore,
  createSqliteReminderSource,
} from '../functions/src/adapters/sqlite/sqlite-messaging-store.js';
import { createEmbeddedApp } from '../functions/src/compose.js';
import { loadConfig } from '../functions/src/config.js';
import { zonedTime } from '../functions/src/core/reminder-schedule.js';
import { localDateOf } from '../functions/src/core/local-date.js';
import { createReminderCards } from '../functions/src/jobs/reminder-cards.js';
import { runSweep, type SweepResult } from '../functions/src/jobs/run-sweep.js';
import { seedBulk } from './seed-bulk.js';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const procedureCount = env('BENCH_PROCEDURES', 10_000);
const runs = env('BENCH_RUNS', 5);
const targetMs = 1000;

const dataDir = mkdtempSync(join(tmpdir(), 'kvalitetshaandbog-sweep-bench-'));
const config = { ...loadConfig(), dataDir, seedDemo: true };
const timeZone = config.timeZone;
// Noon in Denmark today: all runs share one calendar day.
const now = zonedTime(localDateOf(new Date(), timeZone), 12, timeZone);

let stage = performance.now();
const app = await createEmbeddedApp(config, { clock: { now: () => now } });
console.log(`Demo municipality seeded in ${(performance.now() - stage).toFixed(0)} ms`);
stage = performance.now();
const seeded = await seedBulk(app.services, app.db, { count: procedureCount, batchSize: 250, seed: 20_260_305, now });
const total = (app.db.prepare('SELECT count(*) FROM procedures').pluck().get() as number).toLocaleString('en');
console.log(
  `Bulk-seeded ${seeded.procedureIds.length.toLocaleString('en')} procedures (${total} in all, ${seeded.versions.toLocaleString('en')} versions) in ${((performance.now() - stage) / 1000).toFixed(1)} s`,
);

const messaging = createSqliteMessagingStore(app.db);
const source = createSqliteReminderSource(app.db, { timeZone });
const notifier = createSqliteOutbox(app.db, app.services.clock, app.services.ids);
const cards = createReminderCards({ publicUrl: config.publicUrl });
const sweep = () => runSweep({ services: app.services, messaging, source, notifier, cards });
const reset = () =>
  app.db.exec(
    'DELETE FROM reminder_ledger; DELETE FROM reminder_messages; DELETE FROM outbox; DELETE FROM sweep_lease;',
  );

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const describe = (result: SweepResult) => {
  const reminders = result.sent.reduce((count, message) => count + message.items.length, 0);
  return `${result.sent.length} messages, ${reminders.toLocaleString('en')} reminders, ${result.skipped.toLocaleString('en')} skipped, ${result.failed.length} failed`;
};

// One warm-up (statement preparation, JIT), not counted.
reset();
await sweep();

const fresh: SweepResult[] = [];
const sameDay: SweepResult[] = [];
for (let run = 0; run < runs; run++) {
  reset();
  fresh.push(await sweep());
  sameDay.push(await sweep());
}

const candidates = (await source.listReminderCandidates(localDateOf(now, timeZone))).length;
const outboxBytes = app.db.prepare('SELECT sum(length(card)) FROM outbox').pluck().get() as number;
console.log(`\nSweep on ${localDateOf(now, timeZone)}: ${candidates.toLocaleString('en')} candidates`);
for (const [label, results] of [
  ['fresh ledger (first sweep)', fresh],
  ['same day again (all sent)', sameDay],
] as const) {
  const phase = (name: keyof SweepResult['timings']) => ms(median(results.map((result) => result.timings[name])));
  console.log(
    `  ${label.padEnd(28)} p50 ${ms(median(results.map((result) => result.durationMs)))}  max ${ms(Math.max(...results.map((result) => result.durationMs)))}` +
      `  [collect ${phase('collectMs')}, rules ${phase('planMs')}, claim ${phase('claimMs')}, cards+send ${phase('sendMs')}]`,
  );
  console.log(`  ${''.padEnd(28)} ${describe(results[0] as SweepResult)}`);
}
console.log(`  outbox after one fresh run: ${(outboxBytes / 1024).toFixed(0)} KB of card JSON`);
const p50 = median(fresh.map((result) => result.durationMs));
console.log(`\nTarget p50 ≤ ${targetMs} ms for a fresh sweep: ${p50 <= targetMs ? 'met' : 'MISSED'} (${ms(p50)})`);

app.close();
if (process.env['BENCH_KEEP_DATA'] === '1') console.log(`Data kept in ${dataDir}`);
else rmSync(dataDir, { recursive: true, force: true });
