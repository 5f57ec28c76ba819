/**
 * Issue 15's budgets, reported, never asserted in tests:
 *
 * 1. the register's statistics over 100,000 items (target ≤ 300 ms): the narrow SQLite read of
 *    every item plus the one-pass computation (per kind, category, root cause, unit, channel,
 *    month, Pareto, 24-month trend, compliance, age), median of BENCH_RUNS;
 * 2. the public form at 50 submissions a second over HTTP (target p95 ≤ 50 ms) against the local
 *    host, with the challenges solved beforehand (the browser's work, not the server's), while a
 *    leader reads the register list and statistics alongside.
 *
 * Knobs: BENCH_RUNS (10), BENCH_SUBMISSIONS (250).
 * Run: npm run bench:register. Writes bench/results/register-<date>-<commit>.json with the load average.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { solveChallenge } from 'altcha-lib/v1';
import { openDatabase } from '../functions/src/adapters/sqlite/open-database.js';
import { createSqliteRegisterStore } from '../functions/src/adapters/sqlite/sqlite-register-store.js';
import type { LocalDate } from '../functions/src/core/local-date.js';
import { addDays } from '../functions/src/core/local-date.js';
import { registerStatistics } from '../functions/src/core/register-statistics.js';
import { demoRegisterItems, demoRegisterSettings } from '../functions/src/seed/demo-register.js';
import { startBenchServer } from './bench-server.js';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 10);
const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 250);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

async function benchStatistics(): Promise<{ readMs: number; computeMs: number; totalMs: number; rows: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-register-'));
  try {
    const db = openDatabase(join(dir, 'db.sqlite'));
    const store = createSqliteRegisterStore(db);
    const today = '2026-12-06' as LocalDate;
    const template = demoRegisterItems(today, demoRegisterSettings('2026-12-06T06:00:00.000Z'));
    // 100,000 items over two years, in chunks of one commit each.
    for (let chunk = 0; chunk < 100; chunk++) {
      const items = Array.from({ length: 1000 }, (_, index) => {
        const source = template[(chunk * 1000 + index) % template.length]!;
        const number = chunk * 1000 + index;
        return {
          ...source,
          id: `bench-${number}`,
          receiptNumber: `B-${number}`,
          statusTokenHash: null,
          receivedOn: addDays(today, -(number % 730)),
        };
      });
      await store.commit({ items });
    }
    const read: number[] = [];
    const compute: number[] = [];
    let rowCount = 0;
    for (let run = 0; run < runs; run++) {
      const began = performance.now();
      const rows = await store.statisticsRows(today);
      const between = performance.now();
      const statistics = registerStatistics(rows, '2025-12-07' as LocalDate, today);
      compute.push(performance.now() - between);
      read.push(between - began);
      const counted = rows.reduce((sum, row) => sum + (row.count ?? 1), 0);
      if (statistics.total === 0 || counted !== 100_000) throw new Error('nothing counted');
      rowCount = rows.length;
    }
    db.close();
    return {
      readMs: median(read),
      computeMs: median(compute),
      totalMs: median(read) + median(compute),
      rows: rowCount,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPublicForm(): Promise<{ p50: number; p95: number; readP95: number; accepted: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-register-http-'));
  const server = await startBenchServer({
    dataDir,
    register: {
      altchaHmacKey: 'bench-key-bench-key-bench-key-bench-key',
      altchaMaxNumber: 5000,
      mailbox: null,
      publicRequestsPerMinute: 1_000_000,
    },
  });
  try {
    const api = `${server.url}/api`;
    // The browser's part first: fetch and solve every challenge.
    const payloads: string[] = [];
    for (let index = 0; index < submissions; index++) {
      const challenge = (await (await fetch(`${api}/public/register/challenge`)).json()) as Record<string, any>;
      const solution = await solveChallenge(
        challenge.challenge,
        challenge.salt,
        challenge.algorithm,
        challenge.maxnumber,
      ).promise;
      payloads.push(
        Buffer.from(JSON.stringify({ ...challenge, number: solution!.number, maxnumber: undefined })).toString(
          'base64',
        ),
      );
    }
    const times: number[] = [];
    const readTimes: number[] = [];
    let accepted = 0;
    const submit = async (altcha: string) => {
      const began = performance.now();
      const response = await fetch(`${api}/public/register/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'complaint',
          caseAreaId: 'natur',
          description: 'Ingen har svaret på min henvendelse om vandløbet.',
          contact: { email: 'borger@example.dk' },
          locale: 'da',
          altcha,
        }),
      });
      await response.text();
      times.push(performance.now() - began);
      if (response.status === 201) accepted++;
    };
    const read = async (path: string) => {
      const began = performance.now();
      const response = await fetch(`${api}${path}`, { headers: { 'x-local-user': 'anne-birk' } });
      await response.text();
      readTimes.push(performance.now() - began);
    };
    // 50 a second: one every 20 ms, not waiting for the answers; a leader reads alongside.
    const pending: Promise<void>[] = [];
    const began = performance.now();
    for (let index = 0; index < payloads.length; index++) {
      const due = began + index * 20;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(submit(payloads[index]!));
      if (index % 10 === 0)
        pending.push(read(index % 20 === 0 ? '/register/items?view=to-handle' : '/register/statistics'));
    }
    await Promise.all(pending);
    return { p50: percentile(times, 50), p95: percentile(times, 95), readP95: percentile(readTimes, 95), accepted };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const loadAverageBefore = loadavg();
const statistics = await benchStatistics();
console.log(
  `register statistics, 100,000 items (${statistics.rows} grouped rows): read ${statistics.readMs.toFixed(1)} ms + compute ${statistics.computeMs.toFixed(1)} ms = ${statistics.totalMs.toFixed(1)} ms (target ≤ 300 ms, median of ${runs})`,
);
const form = await benchPublicForm();
console.log(
  `public form, ${submissions} submissions at 50/s: p50 ${form.p50.toFixed(1)} ms, p95 ${form.p95.toFixed(1)} ms (target ≤ 50 ms), ${form.accepted} accepted; leader's reads alongside p95 ${form.readP95.toFixed(1)} ms`,
);

// The machine is shared: its load average says how far to trust the figures.
const loadAverage = { before: loadAverageBefore, after: loadavg() };
console.log(
  `Load average before ${loadAverage.before.map((value) => value.toFixed(1)).join(' / ')}, after ${loadAverage.after.map((value) => value.toFixed(1)).join(' / ')}`,
);
const date = new Date().toISOString();
const commit = describeCommit();
mkdirSync(join(benchDir, 'results'), { recursive: true });
const file = join(benchDir, 'results', `register-${date.slice(0, 10)}-${commit.replace(/\W.*$/, '')}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ date, commit, cpus: cpus().length, loadAverage, runs, submissions, statistics, form }, null, 2)}\n`,
);
console.log(`Written ${file}`);

function describeCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'functions'], { encoding: 'utf8' }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}
