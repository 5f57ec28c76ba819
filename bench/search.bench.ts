/**
 * Search benchmark, in-process: `npx tsx bench/search.bench.ts`.
 *
 * The search use case alone (no HTTP), so the figure holds on a machine others are loading too:
 * starts the local host with a fresh data folder (demo municipality), bulk-seeds 5,000 procedures,
 * then times (1) bringing the index up to date with the 5,000 new ones, (2) one publication, (3)
 * searchEverything over the handbook benchmark's queries, one after another, after a warm-up.
 * Prints p50/p95 per query and overall, and the machine's load averages.
 *
 * Knobs (environment): BENCH_PROCEDURES (5000), BENCH_ROUNDS (100 rounds over the queries),
 * BENCH_CPU_PROFILE=1 writes a V8 CPU profile of the timed rounds to the temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { searchEverything } from '../functions/src/app/search-everything.js';
import { startBenchServer } from './bench-server.js';
import { searchTerms } from './search-terms.js';
import { seedBulk } from './seed-bulk.js';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const procedureCount = env('BENCH_PROCEDURES', 5000);
const rounds = env('BENCH_ROUNDS', 100);
const targetP95Ms = 10;

const dataDir = mkdtempSync(join(tmpdir(), 'kh-search-bench-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
const server = await startBenchServer({ dataDir });
const { services } = server.app;
const actor = { id: 'karen-holt', unitId: 'natur', roles: ['caseworker' as const] };
const search = (q: string) => searchEverything(services, actor, { q, limit: 20, offset: 0 });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const ms = (value: number) => value.toFixed(2).padStart(8);

await search('tilsyn'); // the demo handbook's index
let stage = performance.now();
const seeded = await seedBulk(services, server.app.db, {
  count: procedureCount,
  batchSize: 250,
  seed: 20_240_611,
  now: new Date(),
});
console.log(`Seeded ${procedureCount} procedures in ${((performance.now() - stage) / 1000).toFixed(1)} s`);

stage = performance.now();
await search('tilsyn');
console.log(
  `Index brought up to date with ${procedureCount} new procedures: ${(performance.now() - stage).toFixed(0)} ms`,
);

const procedureId = seeded.publishedIds[0]!;
const procedure = (await services.store.getProcedure(procedureId))!;
const version = (await services.store.getVersion(procedure.currentVersionId!))!;
await services.store.commit({
  procedures: [{ ...procedure, currentVersionId: `${version.id}-b`, etag: procedure.etag + 1 }],
  versions: [{ ...version, id: `${version.id}-b`, text: `${version.text}\nEt nyt afsnit.` }],
});
stage = performance.now();
await search('tilsyn');
console.log(`Index brought up to date after one publication: ${(performance.now() - stage).toFixed(1)} ms`);

for (let round = 0; round < 10; round++) for (const term of searchTerms) await search(term);
const profile = process.env['BENCH_CPU_PROFILE'] === '1' ? new Session() : null;
if (profile) {
  profile.connect();
  await profile.post('Profiler.enable');
  await profile.post('Profiler.start');
}
const perTerm = new Map<string, number[]>(searchTerms.map((term) => [term, []]));
const all: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const term of searchTerms) {
    const started = performance.now();
    await search(term);
    const elapsed = performance.now() - started;
    perTerm.get(term)!.push(elapsed);
    all.push(elapsed);
  }
}
if (profile) {
  const { profile: cpu } = await profile.post('Profiler.stop');
  const file = join(tmpdir(), `search-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.cpuprofile`);
  writeFileSync(file, JSON.stringify(cpu));
  console.log(`CPU profile: ${file}`);
}

console.log(`\nsearchEverything, in-process, ${rounds} rounds over ${searchTerms.length} queries (ms):`);
console.log(`${'query'.padEnd(30)}      p50      p95      max`);
for (const [term, samples] of perTerm) {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`${term.padEnd(30)} ${ms(percentile(sorted, 50))} ${ms(percentile(sorted, 95))} ${ms(sorted.at(-1)!)}`);
}
const sorted = [...all].sort((a, b) => a - b);
const p95 = percentile(sorted, 95);
console.log(
  `${'all'.padEnd(30)} ${ms(percentile(sorted, 50))} ${ms(p95)} ${ms(sorted.at(-1)!)}   target p95 ≤ ${targetP95Ms}: ${p95 <= targetP95Ms ? 'ok' : 'MISSED'}`,
);
console.log(
  `Load averages (1, 5, 15 min): ${loadavg()
    .map((value) => value.toFixed(2))
    .join(', ')}`,
);
await server.close();
