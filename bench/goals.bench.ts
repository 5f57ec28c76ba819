/**
 * Issue 14's budgets: the goal computation over 200,000 cases (target ≤ 300 ms: two years of
 * monthly figures with rolling 12 months, quarters, years, per case type and unit, backlog) and
 * the import of a 20,000-row CSV export into a real SQLite file (target ≤ 5 s: read, check every
 * row, write in one transaction, measure the goals). Reported, never asserted in tests.
 * Knob: BENCH_RUNS (10).
 *
 * Run: npm run bench:goals
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../functions/src/adapters/sqlite/open-database.js';
import { createSqliteGoalStore } from '../functions/src/adapters/sqlite/sqlite-goal-store.js';
import { createSqliteQualityStore } from '../functions/src/adapters/sqlite/sqlite-quality-store.js';
import { createSqliteStore } from '../functions/src/adapters/sqlite/sqlite-store.js';
import { importCases, saveCaseSource } from '../functions/src/app/import-cases.js';
import type { Services } from '../functions/src/app/ports.js';
import { computeCaseStatistics } from '../functions/src/core/case-statistics.js';
import { guessCaseMapping } from '../functions/src/core/case-import.js';
import type { CaseRecord } from '../functions/src/core/goal-types.js';
import { addDays, asLocalDate } from '../functions/src/core/local-date.js';
import type { Actor } from '../functions/src/core/policies.js';

const runs = Number(process.env.BENCH_RUNS ?? 10);
const caseTypes = ['Simple konstruktioner', 'Enfamiliehuse', 'Industri og lager', 'Etagebyggeri erhverv', 'Bilag 2'];
const units = ['byg-plan', 'miljo', 'natur', null];

function syntheticCases(count: number): CaseRecord[] {
  const start = asLocalDate('2025-01-01');
  return Array.from({ length: count }, (_, index) => {
    const receivedOn = addDays(start, index % 700);
    const duration = 5 + ((index * 7919) % 90);
    const isOpen = index % 50 === 0;
    return {
      id: `bom:${index}`,
      sourceId: 'bom',
      caseId: String(index),
      caseType: caseTypes[index % caseTypes.length]!,
      unitId: units[index % units.length]!,
      receivedOn,
      fullyInformedOn: index % 3 === 0 ? addDays(receivedOn, 5) : null,
      decidedOn: isOpen ? null : addDays(receivedOn, duration),
      pausedDays: index % 11,
      targetDays: index % 5 === 4 ? 130 : 40,
      exemptionReason: index % 97 === 0 ? 'BBR' : null,
      decisionType: null,
      importedAt: '2026-12-01T00:00:00.000Z',
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function benchComputation(): Promise<number> {
  const cases = syntheticCases(200_000);
  const options = { from: asLocalDate('2025-01-01'), to: asLocalDate('2026-11-30'), asOf: asLocalDate('2026-11-30') };
  computeCaseStatistics(cases, options);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const began = performance.now();
    const statistics = computeCaseStatistics(cases, options);
    times.push(performance.now() - began);
    if (statistics.headline.decided === 0) throw new Error('nothing computed');
  }
  return median(times);
}

async function benchImport(): Promise<number> {
  const header = [
    'Sagsnummer',
    'Sagstype',
    'Enhed',
    'Modtaget',
    'Fuldt oplyst',
    'Afgjort',
    'Dage hos ansøger',
    'Servicemål (dage)',
  ];
  const lines = syntheticCases(20_000).map((record) =>
    [
      record.caseId,
      record.caseType,
      '',
      record.receivedOn,
      record.fullyInformedOn ?? '',
      record.decidedOn ?? '',
      record.pausedDays,
      record.targetDays,
    ].join(';'),
  );
  const bytes = new TextEncoder().encode(`\uFEFF${[header.join(';'), ...lines].join('\r\n')}\r\n`);
  const times: number[] = [];
  for (let run = 0; run < Math.min(runs, 5); run++) {
    const dir = mkdtempSync(join(tmpdir(), 'kh-goals-bench-'));
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const services = {
      store: createSqliteStore(db),
      quality: createSqliteQualityStore(db),
      goals: createSqliteGoalStore(db),
      clock: { now: () => new Date('2026-12-01T09:00:00.000Z') },
      ids: { next: () => `id${Math.random().toString(36).slice(2, 10)}` },
      settings: { timeZone: 'Europe/Copenhagen', organisationName: 'Bench', maxUploadBytes: 1 },
      events: { publish: async () => undefined },
    } as unknown as Services;
    const coordinator: Actor = { id: 'mette', unitId: 'teknik-miljo', roles: ['coordinator'] };
    await saveCaseSource(services, coordinator, {
      id: 'bom',
      etag: 0,
      name: 'Byg og Miljø',
      mapping: guessCaseMapping(header),
    });
    const began = performance.now();
    const result = await importCases(services, coordinator, { sourceId: 'bom', format: 'csv', bytes });
    times.push(performance.now() - began);
    if (result.rowCount !== 20_000) throw new Error(`imported ${result.rowCount}`);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return median(times);
}

const computation = await benchComputation();
const importing = await benchImport();
console.log(`goal computation over 200,000 cases: median ${computation.toFixed(1)} ms (target ≤ 300 ms)`);
console.log(`import of 20,000 rows (CSV → SQLite): median ${importing.toFixed(0)} ms (target ≤ 5,000 ms)`);
