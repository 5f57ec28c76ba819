/**
 * Competence matrix at a large unit: 300 people × 150 competences with ~20,000 recorded levels.
 * Measures GET /api/competence-matrix?unitId=… over HTTP (target p95 ≤ 50 ms) and the tab's
 * render of the matrix, from choosing the unit to the table's last row being in the DOM (target
 * ≤ 500 ms).
 *
 * Run: npm run build:tab && npx tsx bench/competence-matrix.bench.ts
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { upsertDirectory } from '../functions/src/adapters/sqlite/sqlite-store.js';
import type { CompetenceMatrixDto } from '../functions/src/contract/schemas.js';
import type { Competence, CompetenceLevel, PersonCompetence } from '../functions/src/core/competence-types.js';
import { asLocalDate } from '../functions/src/core/local-date.js';
import type { Person } from '../functions/src/core/types.js';
import { startLocalServer } from '../functions/src/hosts/local/server.js';
import { launchChromium } from '../test/support/e2e.js';

const peopleCount = 300;
const competenceCount = 150;
const targetRecords = 20_000;
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const warmup = 20;
const renderRuns = 5;
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
const server = await startLocalServer({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  seedDemo: true,
  mode: 'local',
  sweepOnTimer: false,
  quiet: true,
});
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

  // 3. The tab: choose the unit, wait until the last person's row is in the table.
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 1000 } });
  await context.addInitScript({
    content: `localStorage.setItem('kvalitetshaandbog.localUser', ${JSON.stringify(leaderId)});`,
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/competences`);
  await page.getByRole('heading', { level: 1, name: 'Kompetencer' }).waitFor();
  // CSS rather than getByLabel: accessible-name queries over 45,000 cells are slow in themselves.
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
  const lastName = matrix.people.at(-1)!.name;
  const renders: number[] = [];
  for (let run = 0; run < renderRuns; run++) {
    // Start from a small unit, so every run renders the large matrix anew.
    await unitSelect.selectOption('natur');
    await page.locator('tbody th', { hasText: 'Karen Holt' }).waitFor();
    await unitSelect.selectOption(unitId);
    const handle = await page.waitForFunction(
      ([name, rows]) => {
        const body = document.querySelector('table tbody');
        const last = body?.lastElementChild?.querySelector('th');
        if (!body || body.children.length !== rows || last?.textContent !== name) return false;
        return performance.now() - (window as unknown as { benchStart: number }).benchStart;
      },
      [lastName, matrix.people.length] as const,
      { polling: 'raf', timeout: 30_000 },
    );
    renders.push((await handle.jsonValue()) as number);
  }
  await context.close();
  if (pageErrors.length > 0) console.warn('Page errors:', pageErrors);
  renders.sort((a, b) => a - b);

  // 4. Report.
  const f = (ms: number) => ms.toFixed(2).padStart(8);
  const apiP95 = percentile(times, 95);
  const renderMax = renders.at(-1)!;
  console.log(
    `Seeded ${peopleCount} people, ${competenceCount} competences, ${personCompetences.length} levels in ` +
      `${(seedMs / 1000).toFixed(1)} s; matrix response ${matrix.people.length} people, ${matrix.cells.length} cells, ` +
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
  console.log(
    `| ${`tab render, unit → last row (${renderRuns} ×)`.padEnd(34)} | ${f(percentile(renders, 50))} | ${f(percentile(renders, 95))} | ${f(
      percentile(renders, 99),
    )} | ${f(renderMax)} | ${`≤ 500 ${renderMax <= 500 ? 'ok' : 'MISS'}`.padEnd(13)} |`,
  );
  console.log('');
  console.log(`Render runs (ms): ${renders.map((ms) => ms.toFixed(1)).join(', ')}`);
  console.log(`Whole run ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await browser?.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
