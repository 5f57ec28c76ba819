/**
 * Tab load benchmark: `npm run build:tab && npm run bench:tab-load`.
 *
 * Starts the local host in-process (demo municipality, the built tab from tab/dist) and measures
 * "handbook visible after navigation" in headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH):
 * from the navigation's start (performance.timeOrigin) to the moment the first procedure link of
 * the handbook is in the DOM (a MutationObserver injected before any page script). Each load is
 * cold: a fresh browser context, so no HTTP cache, no stored state except the demo person.
 * Median of BENCH_LOADS (10) loads, without and with Chromium's 4× CPU slowdown
 * (CDP Emulation.setCPUThrottlingRate), plus the bytes and requests of one cold load.
 * Targets (issue 12): ≤ 600 ms, ≤ 2,000 ms throttled. Writes bench/results/tab-load-<date>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
})();`;

type Load = { visibleMs: number; requests: number; transferredBytes: number };

async function coldLoad(browser: Browser, url: string, cpuSlowdown: number): Promise<Load> {
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
    const visibleMs = await page.evaluate(
      () => (window as unknown as { __handbookVisibleAt: number }).__handbookVisibleAt,
    );
    await page.waitForLoadState('networkidle');
    return { visibleMs, requests, transferredBytes };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const dataDir = mkdtempSync(join(tmpdir(), 'kvalitetshaandbog-tab-load-'));
const server = await startBenchServer({ dataDir });
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
try {
  const url = `${server.url}/handbook`;
  await coldLoad(browser, url, 1); // warms the server's compression cache and the OS file cache
  const results: Record<string, { loads: Load[]; medianMs: number; targetMs: number }> = {};
  for (const [name, slowdown, targetMs] of [
    ['plain', 1, targets.plainMs],
    ['cpu4x', 4, targets.throttledMs],
  ] as const) {
    const runs: Load[] = [];
    for (let i = 0; i < loads; i++) runs.push(await coldLoad(browser, url, slowdown));
    const medianMs = median(runs.map((run) => run.visibleMs));
    results[name] = { loads: runs, medianMs, targetMs };
    console.log(
      `${name.padEnd(6)} handbook visible: median ${medianMs.toFixed(0)} ms of ${loads} cold loads ` +
        `(min ${Math.min(...runs.map((r) => r.visibleMs)).toFixed(0)}, max ${Math.max(...runs.map((r) => r.visibleMs)).toFixed(0)}); ` +
        `target ≤ ${targetMs} ms → ${medianMs <= targetMs ? 'OK' : 'MISS'}; ` +
        `${runs[0]!.requests} requests, ${(runs[0]!.transferredBytes / 1024).toFixed(0)} KB transferred`,
    );
  }
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  const file = join(benchDir, 'results', `tab-load-${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(file, `${JSON.stringify({ loads, results }, null, 2)}\n`);
  console.log(`Written ${file}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
