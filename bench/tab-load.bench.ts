/**
 * Tab load benchmark: `npm run build:tab && npm run bench:tab-load`.
 *
 * Starts the local host in-process (demo municipality, the built tab from tab/dist) and measures
 * "handbook visible after navigation" in headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH):
 * from the navigation's start (performance.timeOrigin) to the moment the first procedure link of
 * the handbook is in the DOM (a MutationObserver injected before any page script). Each load is
 * cold: a fresh browser context, so no HTTP cache, no stored state except the demo person.
 * Median of BENCH_LOADS (10) loads, without and with Chromium's 4× CPU slowdown
 * (CDP Emulation.setCPUThrottlingRate), plus the bytes and requests of one cold load and the
 * median of each phase (HTML, entry JS, API requests, scene chunks, long tasks; see `Phases`).
 * Targets (issue 12): ≤ 600 ms, ≤ 2,000 ms throttled. Writes bench/results/tab-load-<date>-<commit>.json
 * (median, p90, every load, the commit and the machine's load average).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { startBenchServer } from './bench-server.js';

const loads = Number(process.env['BENCH_LOADS']) > 0 ? Number(process.env['BENCH_LOADS']) : 10;
const targets = { plainMs: 600, throttledMs: 2000 };
const benchDir = fileURLToPath(new URL('.', import.meta.url));

const visibleProbe = `(() => {
  const selector = 'main table tbody a, [data-testid="procedure-cards"] a';
  const mark = () => {
    if (window.__handbookVisibleAt === undefined && document.querySelector(selector)) {
      window.__handbookVisibleAt = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, observer) => { if (mark()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true });
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/**
 * Where the time of one load went, read from the page at the visible moment (Navigation and
 * Resource Timing, long tasks): milliseconds from navigation start. `entryExecuted` is
 * DOMContentLoaded, which waits for the entry module to be fetched and run (with its static
 * imports); `mainThreadBusy` sums long tasks (> 50 ms) before the handbook was visible.
 */
type Phases = {
  htmlEnd: number;
  entryEnd: number;
  initialChunksEnd: number;
  entryExecuted: number;
  sceneChunksEnd: number;
  sceneChunks: number;
  apiEnd: Record<string, { start: number; end: number }>;
  stylesheetsEnd: number;
  fontsEnd: number;
  longTasks: number;
  mainThreadBusy: number;
  visible: number;
};

type Load = { visibleMs: number; requests: number; transferredBytes: number; phases: Phases };

/**
 * Runs in the page once the handbook is visible (see `Phases`); a string, because the bench's
 * TypeScript runner adds helper calls to compiled functions that the page does not have.
 */
const readPhases = `(initialScripts) => {
  const visible = window.__handbookVisibleAt;
  const navigation = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource').filter((entry) => entry.responseEnd <= visible);
  const pathOf = (entry) => new URL(entry.name).pathname;
  const initial = resources.filter((entry) => initialScripts.includes(pathOf(entry)));
  const scene = resources.filter((entry) => pathOf(entry).endsWith('.js') && !initialScripts.includes(pathOf(entry)));
  const apiEnd = {};
  for (const entry of resources) {
    const url = new URL(entry.name);
    if (url.pathname.startsWith('/api/') && !apiEnd[url.pathname + url.search])
      apiEnd[url.pathname + url.search] = { start: entry.startTime, end: entry.responseEnd };
  }
  const latest = (entries) => Math.max(0, ...entries.map((entry) => entry.responseEnd));
  const longTasks = window.__longTasks.filter((task) => task.start < visible);
  return {
    htmlEnd: navigation.responseEnd,
    entryEnd: latest(initial.filter((entry) => pathOf(entry) === initialScripts[0])),
    initialChunksEnd: latest(initial),
    entryExecuted: navigation.domContentLoadedEventStart,
    sceneChunksEnd: latest(scene),
    sceneChunks: scene.length,
    apiEnd,
    stylesheetsEnd: latest(resources.filter((entry) => pathOf(entry).endsWith('.css'))),
    fontsEnd: latest(resources.filter((entry) => /\\.(woff2?|ttf|otf)$/.test(pathOf(entry)))),
    longTasks: longTasks.length,
    mainThreadBusy: longTasks.reduce((sum, task) => sum + Math.min(task.duration, visible - task.start), 0),
    visible,
  };
}`;

/** The entry script and its modulepreloads in the built index.html: the initial JavaScript. */
function initialScriptsOfBuild(): string[] {
  const html = readFileSync(join(benchDir, '..', 'tab', 'dist', 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('tab/dist/index.html has no entry script; run `npm run build:tab`');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]!);
  return [entry, ...preloads];
}

async function coldLoad(browser: Browser, url: string, cpuSlowdown: number, initialScripts: string[]): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'da-DK' });
  await context.addInitScript({ content: "localStorage.setItem('kvalitetshaandbog.localUser', 'karen-holt');" });
  await context.addInitScript({ content: visibleProbe });
  const page = await context.newPage();
  if (cpuSlowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  let requests = 0;
  let transferredBytes = 0;
  page.on('requestfinished', (request) => {
    requests++;
    void request
      .sizes()
      .then((sizes) => (transferredBytes += sizes.responseBodySize + sizes.responseHeadersSize))
      .catch(() => undefined);
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as { __handbookVisibleAt?: number }).__handbookVisibleAt !== undefined, {
      timeout: 30_000,
    });
    const phases = (await page.evaluate(`(${readPhases})(${JSON.stringify(initialScripts)})`)) as Phases;
    await page.waitForLoadState('networkidle');
    return { visibleMs: phases.visible, requests, transferredBytes, phases };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Nearest-rank percentile (p90 of 10 loads is the 9th fastest). */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** The commit measured, with `+changes` when the work tree differs from it. */
function describeCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'tab', 'functions'], { encoding: 'utf8' }).trim();
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}

/** Median per phase over the loads, in the order the phases happen. */
function printPhases(all: Phases[]): void {
  const at = (pick: (phases: Phases) => number) => median(all.map(pick)).toFixed(0).padStart(6);
  console.log(`  html received           ${at((p) => p.htmlEnd)} ms`);
  console.log(`  entry JS received       ${at((p) => p.entryEnd)} ms`);
  console.log(`  initial JS received     ${at((p) => p.initialChunksEnd)} ms`);
  console.log(`  entry JS executed       ${at((p) => p.entryExecuted)} ms (DOMContentLoaded)`);
  for (const path of Object.keys(all[0]!.apiEnd)) {
    const start = at((p) => p.apiEnd[path]?.start ?? Number.NaN);
    console.log(`  ${path.padEnd(48)} ${start} → ${at((p) => p.apiEnd[path]?.end ?? Number.NaN)} ms`);
  }
  console.log(`  scene chunks received   ${at((p) => p.sceneChunksEnd)} ms (${at((p) => p.sceneChunks).trim()} files)`);
  console.log(`  stylesheets / fonts     ${at((p) => p.stylesheetsEnd)} / ${at((p) => p.fontsEnd).trim()} ms`);
  console.log(`  long tasks              ${at((p) => p.longTasks)} (busy ${at((p) => p.mainThreadBusy).trim()} ms)`);
  console.log(`  handbook visible        ${at((p) => p.visible)} ms`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'kvalitetshaandbog-tab-load-'));
const server = await startBenchServer({ dataDir });
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
try {
  const url = `${server.url}/handbook`;
  const initialScripts = initialScriptsOfBuild();
  await coldLoad(browser, url, 1, initialScripts); // warms the server's compression cache and the OS file cache
  const loadAverageBefore = loadavg();
  const results: Record<string, { loads: Load[]; medianMs: number; p90Ms: number; targetMs: number }> = {};
  for (const [name, slowdown, targetMs] of [
    ['plain', 1, targets.plainMs],
    ['cpu4x', 4, targets.throttledMs],
  ] as const) {
    const runs: Load[] = [];
    for (let i = 0; i < loads; i++) runs.push(await coldLoad(browser, url, slowdown, initialScripts));
    const medianMs = median(runs.map((run) => run.visibleMs));
    const p90Ms = percentile(
      runs.map((run) => run.visibleMs),
      90,
    );
    results[name] = { loads: runs, medianMs, p90Ms, targetMs };
    console.log(
      `${name.padEnd(6)} handbook visible: median ${medianMs.toFixed(0)} ms, p90 ${p90Ms.toFixed(0)} ms of ${loads} cold loads ` +
        `(min ${Math.min(...runs.map((r) => r.visibleMs)).toFixed(0)}, max ${Math.max(...runs.map((r) => r.visibleMs)).toFixed(0)}); ` +
        `target ≤ ${targetMs} ms → ${medianMs <= targetMs ? 'OK' : 'MISS'}; ` +
        `${runs[0]!.requests} requests, ${(runs[0]!.transferredBytes / 1024).toFixed(0)} KB transferred`,
    );
    printPhases(runs.map((run) => run.phases));
  }
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  // The machine is shared: its load average says how far to trust the figures.
  const loadAverage = { before: loadAverageBefore, after: loadavg() };
  console.log(
    `Load average before ${loadAverage.before.map((value) => value.toFixed(1)).join(' / ')}, after ${loadAverage.after.map((value) => value.toFixed(1)).join(' / ')}`,
  );
  const date = new Date().toISOString();
  const commit = describeCommit();
  const file = join(benchDir, 'results', `tab-load-${date.slice(0, 10)}-${commit.replace(/\W.*$/, '')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date, commit, cpus: cpus().length, loadAverage, loads, results }, null, 2)}\n`,
  );
  console.log(`Written ${file}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
