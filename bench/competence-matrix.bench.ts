/**
 * Competence matrix at a large unit: 300 people × 150 competences with ~20,000 recorded levels.
 * Measures GET /api/competence-matrix?unitId=… over HTTP (target p95 ≤ 50 ms) and the tab's
 * render of the (windowed) matrix: from choosing the unit to its first rows being in the DOM, and
 * from scrolling to the end to the last row being in the DOM (target ≤ 500 ms each and together).
 * Knobs: BENCH_REQUESTS (200), BENCH_RENDER_RUNS (5; 0 skips the browser), BENCH_PROFILE=<file> writes
 * a Chromium CPU profile (.cpuprofile, for DevTools) of the last run's unit switch.
 *
 * Run: npm run build:tab && npx tsx bench/competence-matrix.bench.ts
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { upsertDirectory } from '../functions/src/adapters/sqlite/sqlite-store.js';
import type { CompetenceMatrixDto } from '../functions/src/contract/schemas.js';
import type { Competence, CompetenceLevel, PersonCompetence } from '../functions/src/core/competence-types.js';
import { asLocalDate } from '../functions/src/core/local-date.js';
import type { Person } from '../functions/src/core/types.js';
import { getCompetenceMatrix } from '../functions/src/app/competence-matrix.js';
import { startBenchServer } from './bench-server.js';
import { launchChromium } from '../test/support/e2e.js';

const peopleCount = 300;
const competenceCount = 150;
const targetRecords = 20_000;
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const warmup = 20;
const renderRuns = Number(process.env.BENCH_RENDER_RUNS ?? 5);
const unitId = 'bench-matrix';
const categories = ['Natur', 'Miljø', 'Vand', 'Byg', 'Plan', 'Jura/forvaltning', 'Kvalitet', 'Digitalisering'];

const tabIndex = fileURLToPath(new URL('../tab/dist/index.html', import.meta.url));
if (!existsSync(tabIndex)) {
  console.error('The tab is not built: run `npm run build:tab` first.');
  process.exit(1);
}

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const started = performance.now();
const dataDir = mkdtempSync(join(tmpdir(), 'kh-matrix-bench-'));
const server = await startBenchServer({ dataDir, mode: 'local', sweepOnTimer: false });
const { services, db } = server.app;
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

try {
  // 1. Seed: one unit of 300 people (a leader and 299 caseworkers), 150 competences, ~20,000 levels.
  const seedStart = performance.now();
  const leaderId = 'bench-leader';
  const people: Person[] = Array.from({ length: peopleCount }, (_, index) => {
    const number = String(index).padStart(3, '0');
    const isLeader = index === 0;
    return {
      id: isLeader ? leaderId : `bench-person-${number}`,
      name: isLeader ? 'Bente Leder' : `Medarbejder ${number}`,
      email: isLeader ? 'bente.leder@example.dk' : `medarbejder.${number}@example.dk`,
      title: isLeader ? 'Afdelingsleder' : 'Sagsbehandler',
      unitId,
      roles: isLeader ? ['leader'] : ['caseworker'],
      leaderId: isLeader ? null : leaderId,
      aadObjectId: null,
    };
  });
  upsertDirectory(db, { units: [{ id: unitId, name: 'Benchmarkenheden', parentId: 'teknik-miljo' }], people });

  const competences: Competence[] = Array.from({ length: competenceCount }, (_, index) => ({
    id: `bench-competence-${String(index).padStart(3, '0')}`,
    name: `Kompetence ${String(index + 1).padStart(3, '0')}`,
    category: categories[index % categories.length]!,
    description: 'Benchmarkdata.',
    validityMonths: index % 10 === 0 ? 36 : null,
  }));
  const next = random(7);
  const share = targetRecords / (peopleCount * competenceCount);
  const personCompetences: PersonCompetence[] = [];
  for (const person of people) {
    for (const competence of competences) {
      if (next() >= share) continue;
      const isSelf = next() < 0.3;
      personCompetences.push({
        personId: person.id,
        competenceId: competence.id,
        level: (1 + Math.floor(next() * 4)) as CompetenceLevel,
        evidence: null,
        validUntil: competence.validityMonths ? asLocalDate(`2027-0${1 + Math.floor(next() * 9)}-15`) : null,
        assessment: isSelf ? 'self' : 'confirmed',
        confirmedBy: isSelf ? null : leaderId,
      });
    }
  }
  const batch = 5_000;
  await services.store.commit({ competences });
  for (let offset = 0; offset < personCompetences.length; offset += batch) {
    await services.store.commit({ personCompetences: personCompetences.slice(offset, offset + batch) });
  }
  const seedMs = performance.now() - seedStart;

  // 2. The API over HTTP, one request at a time.
  const url = `${server.url}/api/competence-matrix?unitId=${unitId}`;
  const get = async (): Promise<CompetenceMatrixDto> => {
    const response = await fetch(url, { headers: { 'X-Local-User': leaderId } });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as CompetenceMatrixDto;
  };
  const matrix = await get();
  const bytes = JSON.stringify(matrix).length;
  for (let index = 0; index < warmup; index++) await get();
  const times: number[] = [];
  for (let index = 0; index < requests; index++) {
    const start = performance.now();
    await get();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);

  // In-process breakdown (median of 30): the store's reads, the use case and JSON serialisation.
  const actor = (await services.store.getPerson(leaderId))!;
  const median = async (run: () => unknown): Promise<number> => {
    const samples: number[] = [];
    for (let index = 0; index < 30; index++) {
      const start = performance.now();
      await run();
      samples.push(performance.now() - start);
    }
    return samples.sort((a, b) => a - b)[15]!;
  };
  const useCaseResult = await getCompetenceMatrix(services, actor, { unitId });
  const breakdown = {
    listPeople: await median(() => services.store.listPeople()),
    listUnits: await median(() => services.store.listUnits()),
    listCompetences: await median(() => services.store.listCompetences()),
    listPersonCompetences: await median(() => services.store.listPersonCompetences()),
    'use case (incl. reads)': await median(() => getCompetenceMatrix(services, actor, { unitId })),
    'JSON.stringify': await median(() => JSON.stringify(useCaseResult)),
  };

  // 3. The tab, in two phases per run: choose the unit → the matrix's first rows are in the DOM
  //    (the table is windowed, so not every row is rendered), then scroll to the end → the last
  //    person's row is in the DOM. Between runs, a forced GC and the renderer's heap, DOM node and
  //    listener counts show whether anything grows from run to run.
  const renders: { unit: number; scroll: number; heapMb: number; nodes: number; listeners: number }[] = [];
  if (renderRuns > 0) {
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 1000 } });
    await context.addInitScript({
      content: `localStorage.setItem('kvalitetshaandbog.localUser', ${JSON.stringify(leaderId)});`,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/competences`);
    await page.getByRole('heading', { level: 1, name: 'Kompetencer' }).waitFor();
    const unitSelect = page.locator(`select:has(option[value="${unitId}"])`);
    // The time the unit is chosen, taken in the page when the select's change event fires.
    await page.evaluate(() => {
      document.addEventListener(
        'change',
        () => {
          (window as unknown as { benchStart: number }).benchStart = performance.now();
        },
        true,
      );
    });
    const firstName = matrix.people[0]!.name;
    const lastName = matrix.people.at(-1)!.name;
    const rowCount = matrix.people.length + 2; // two header rows
    for (let run = 0; run < renderRuns; run++) {
      // Start from a small unit, so every run renders the large matrix anew.
      await unitSelect.selectOption('natur');
      await page.locator('tbody th', { hasText: 'Karen Holt' }).waitFor();
      const isProfiled = process.env.BENCH_PROFILE !== undefined && run === renderRuns - 1;
      if (isProfiled) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await unitSelect.selectOption(unitId);
      const unitHandle = await page.waitForFunction(
        ([name, rows]) => {
          const table = document.querySelector('table');
          const first = table?.querySelector('tbody tr[aria-rowindex="3"] th');
          if (table?.getAttribute('aria-rowcount') !== String(rows) || first?.textContent !== name) return false;
          return performance.now() - (window as unknown as { benchStart: number }).benchStart;
        },
        [firstName, rowCount] as const,
        { polling: 'raf', timeout: 30_000 },
      );
      const unit = (await unitHandle.jsonValue()) as number;
      if (isProfiled) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
      }
      await page.evaluate(() => {
        const scroller = document.querySelector('table')!.closest('[role="region"]')!;
        (window as unknown as { benchStart: number }).benchStart = performance.now();
        scroller.scrollTop = scroller.scrollHeight;
      });
      const scrollHandle = await page.waitForFunction(
        ([name, rows]) => {
          const last = document.querySelector(`tbody tr[aria-rowindex="${rows}"] th`);
          if (last?.textContent !== name) return false;
          return performance.now() - (window as unknown as { benchStart: number }).benchStart;
        },
        [lastName, rowCount] as const,
        { polling: 'raf', timeout: 30_000 },
      );
      const scroll = (await scrollHandle.jsonValue()) as number;
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
      renders.push({
        unit,
        scroll,
        heapMb: metric('JSHeapUsedSize') / 1024 / 1024,
        nodes: metric('Nodes'),
        listeners: metric('JSEventListeners'),
      });
    }
    await context.close();
    if (pageErrors.length > 0) console.warn('Page errors:', pageErrors);
  }

  // 4. Report.
  const f = (ms: number) => ms.toFixed(2).padStart(8);
  const apiP95 = percentile(times, 95);
  console.log(
    `Seeded ${peopleCount} people, ${competenceCount} competences, ${personCompetences.length} levels in ` +
      `${(seedMs / 1000).toFixed(1)} s; matrix response ${matrix.people.length} people, ${matrix.cells.position.length} recorded cells, ` +
      `${(bytes / 1024).toFixed(0)} KB JSON.`,
  );
  console.log('');
  console.log('| Measurement                        |      p50 |      p95 |      p99 |      max | target        |');
  console.log('| ---------------------------------- | -------: | -------: | -------: | -------: | ------------- |');
  console.log(
    `| ${`GET /competence-matrix (${requests} req.)`.padEnd(34)} | ${f(percentile(times, 50))} | ${f(apiP95)} | ${f(
      percentile(times, 99),
    )} | ${f(times.at(-1)!)} | ${`p95 ≤ 50 ${apiP95 <= 50 ? 'ok' : 'MISS'}`.padEnd(13)} |`,
  );
  const phases = [
    { name: 'tab: unit → first rows', values: renders.map((r) => r.unit) },
    { name: 'tab: scroll → last row', values: renders.map((r) => r.scroll) },
    { name: 'tab: unit → first + scroll → last', values: renders.map((r) => r.unit + r.scroll) },
  ];
  for (const phase of phases) {
    if (phase.values.length === 0) continue;
    const sorted = [...phase.values].sort((a, b) => a - b);
    const max = sorted.at(-1)!;
    console.log(
      `| ${`${phase.name} (${renderRuns} ×)`.padEnd(34)} | ${f(percentile(sorted, 50))} | ${f(percentile(sorted, 95))} | ${f(
        percentile(sorted, 99),
      )} | ${f(max)} | ${`≤ 500 ${max <= 500 ? 'ok' : 'MISS'}`.padEnd(13)} |`,
    );
  }
  console.log('');
  console.log(
    `In-process (median ms): ${Object.entries(breakdown)
      .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
      .join(', ')}`,
  );
  renders.forEach((r, index) =>
    console.log(
      `Render run ${index + 1}: unit → first rows ${r.unit.toFixed(1)} ms, scroll → last row ${r.scroll.toFixed(1)} ms; ` +
        `after GC: JS heap ${r.heapMb.toFixed(1)} MB, ${r.nodes} DOM nodes, ${r.listeners} listeners`,
    ),
  );
  console.log(
    `Whole run ${((performance.now() - started) / 1000).toFixed(1)} s; load average at the end ` +
      `${loadavg()
        .map((load) => load.toFixed(2))
        .join(' / ')} (1 / 5 / 15 min) on a machine with ${availableParallelism()} cores`,
  );
} finally {
  await browser?.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
