/**
 * API latency benchmark: `npm run bench`.
 *
 * Starts the local host in-process on a free port with a fresh temporary data folder (demo
 * municipality seeded), bulk-seeds 5,000 more procedures through Store.commit, then measures
 * the read endpoints over real HTTP with a keep-alive connection, one request at a time:
 * warm-up, then ~2,000 timed requests per scenario. Prints p50/p95/p99/max per scenario, an
 * in-process breakdown (store call vs request construction vs whole handler vs JSON), memory
 * and the database size, and writes the figures to bench/results/handbook-<date>.json.
 *
 * Knobs (environment): BENCH_PROCEDURES (5000), BENCH_REQUESTS (2000), BENCH_WARMUP (100),
 * BENCH_MAX_SECONDS_PER_SCENARIO (30), BENCH_KEEP_DATA=1 keeps the temporary data folder.
 */
import azureFunctions from '@azure/functions';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ProcedureQuery, Services } from '../functions/src/app/ports.js';
import { getProcedureDetail, listProcedures } from '../functions/src/app/procedure-views.js';
import { today } from '../functions/src/app/procedure-context.js';
import { procedureIndexInput, procedureOptions, searchEverything } from '../functions/src/app/search-everything.js';
import { createSearchIndex } from '../functions/src/core/search-index.js';
import { parseQuery } from '../functions/src/core/search-text.js';
import type { Actor } from '../functions/src/core/policies.js';
import { isCoordinator } from '../functions/src/core/policies.js';
import { startBenchServer } from './bench-server.js';
import { searchTerms } from './search-terms.js';
import { createRandom, seedBulk } from './seed-bulk.js';

const { HttpRequest, InvocationContext } = azureFunctions;

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const procedureCount = env('BENCH_PROCEDURES', 5000);
const requestCount = env('BENCH_REQUESTS', 2000);
const warmupCount = env('BENCH_WARMUP', 100);
const maxSecondsPerScenario = env('BENCH_MAX_SECONDS_PER_SCENARIO', 30);
const profileIterations = 200;
const targetP95Ms = 10;

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const runStarted = performance.now();

// ---------------------------------------------------------------------------------------------
// Statistics

type Stats = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentile.
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    count: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted.at(-1) ?? NaN),
    mean: round(sorted.reduce((total, value) => total + value, 0) / Math.max(sorted.length, 1)),
  };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// A real GC before memory snapshots, without needing `node --expose-gc` on the npm script.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
type MemorySnapshot = {
  stage: string;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  rssAnon: number | null;
};
const memoryStages: MemorySnapshot[] = [];

/** Anonymous (malloc + V8) resident memory on Linux; null elsewhere. */
function rssAnon(): number | null {
  try {
    const match = /^RssAnon:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function snapshotMemory(stage: string, gc = true): MemorySnapshot {
  if (gc) collectGarbage();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const snapshot = { stage, rss, heapUsed, heapTotal, external, rssAnon: rssAnon() };
  memoryStages.push(snapshot);
  return snapshot;
}

// ---------------------------------------------------------------------------------------------
// Start and seed

const dataDir = mkdtempSync(join(tmpdir(), 'kvalitetshaandbog-bench-'));
console.log(`Data folder: ${dataDir}`);
// Also cleans up when the run fails half-way.
process.on('exit', () => {
  if (process.env['BENCH_KEEP_DATA'] !== '1') rmSync(dataDir, { recursive: true, force: true });
});
let stage = performance.now();
// Thousands of requests a minute as one person: the rate limits are lifted (see bench-server.ts).
const local = await startBenchServer({ dataDir });
const demoSeedMs = performance.now() - stage;
const { app } = local;
const services: Services = app.services;

// SQL-level timing: statements the store prepares lazily (the list queries) are wrapped so the
// profile can split a list request into its rows query and its count query. Off while timing HTTP.
type SqlSample = { source: string; ms: number; args: unknown[] };
let sqlSamples: SqlSample[] | null = null;
const prepare = app.db.prepare.bind(app.db);
(app.db as unknown as { prepare: (source: string) => unknown }).prepare = (source: string) => {
  const statement = prepare(source) as unknown as Record<'all' | 'get', (...args: unknown[]) => unknown>;
  for (const method of ['all', 'get'] as const) {
    const original = statement[method].bind(statement);
    statement[method] = (...args: unknown[]) => {
      if (sqlSamples === null) return original(...args);
      const started = performance.now();
      const value = original(...args);
      sqlSamples.push({ source, ms: performance.now() - started, args });
      return value;
    };
  }
  return statement;
};
snapshotMemory('after start + demo seed');
const demoCount = (await services.store.listProcedures(coordinatorQuery())).total;
console.log(
  `Server at ${local.url}; demo handbook seeded (${demoCount} procedures) in ${(demoSeedMs / 1000).toFixed(1)} s`,
);

stage = performance.now();
const seeded = await seedBulk(services, app.db, {
  count: procedureCount,
  batchSize: 250,
  seed: 20_240_611,
  now: new Date(),
});
const bulkSeedMs = performance.now() - stage;
app.db.pragma('wal_checkpoint(TRUNCATE)');
app.db.exec('ANALYZE');
const totalProcedures = (await services.store.listProcedures(coordinatorQuery())).total;
snapshotMemory('after bulk seed');
console.log(
  `Seeded ${procedureCount} procedures (${seeded.versions} versions, ${seeded.batches} transactions) in ${(bulkSeedMs / 1000).toFixed(1)} s` +
    ` → ${totalProcedures} procedures in the handbook`,
);

function coordinatorQuery(): ProcedureQuery {
  return {
    viewer: { id: 'mette-kjaer', isCoordinator: true },
    today: today(services),
    sort: 'code',
    order: 'asc',
    limit: 1,
    offset: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP client: one keep-alive connection, requests strictly one after another.

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const base = new URL(local.url);

function get(path: string, user: string): Promise<{ status: number; bytes: number; ms: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: 'GET',
        agent,
        headers: { 'x-local-user': user, accept: 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, bytes: body.byteLength, ms: performance.now() - started, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Scenarios

const caseworker = 'karen-holt';
const coordinator = 'mette-kjaer';
const random = createRandom(7);

const listFilters = [
  'level=core&area=Milj%C3%B8',
  'level=core&area=Natur&status=published',
  'level=support&status=review-overdue',
  'unitId=byg-plan',
  'level=management',
  'status=review-due',
  'area=Vand&sort=title',
  'ownerId=henrik-skov',
];
const listSorts = [
  'sort=title',
  'sort=owner',
  'sort=nextReview',
  'sort=nextReview&order=desc',
  'sort=updated&order=desc',
  'sort=level',
  'sort=level&order=desc',
  'sort=code&order=desc',
];
type Broken = { path: string; user: string; status: number; message: string };
const broken: Broken[] = [];

/** Requests every variant once; variants that do not answer 200 are reported and left out of the timing. */
async function working(variants: string[], toPath: (variant: string) => string, user: string): Promise<string[]> {
  const ok: string[] = [];
  for (const variant of variants) {
    const response = await get(toPath(variant), user);
    if (response.status === 200) {
      ok.push(variant);
      continue;
    }
    let message = response.body.toString('utf8').slice(0, 200);
    try {
      message = (JSON.parse(response.body.toString('utf8')) as { message?: string }).message ?? message;
    } catch {
      // keep the raw text
    }
    broken.push({ path: toPath(variant), user, status: response.status, message });
    console.log(`  ! ${toPath(variant)} answered ${response.status} (${message}); left out of the timing`);
  }
  if (ok.length === 0) throw new Error(`Every variant of ${toPath('…')} failed; nothing to measure.`);
  return ok;
}

console.log('\nChecking every request variant once …');
const goodFilters = await working(listFilters, (query) => `/api/procedures?${query}`, caseworker);
const goodSorts = await working(listSorts, (query) => `/api/procedures?${query}`, caseworker);
const goodTerms = await working(searchTerms, (term) => `/api/search?q=${encodeURIComponent(term)}`, caseworker);
const ids = seeded.procedureIds;
const publishedIds = seeded.publishedIds;

type Scenario = { name: string; endpoint: string; user: string; path: (i: number) => string };
const scenarios: Scenario[] = [
  { name: 'list default', endpoint: 'GET /api/procedures', user: caseworker, path: () => '/api/procedures' },
  {
    name: 'list filter',
    endpoint: 'GET /api/procedures?<filter>',
    user: caseworker,
    path: (i) => `/api/procedures?${goodFilters[i % goodFilters.length]}`,
  },
  {
    name: 'list sort',
    endpoint: 'GET /api/procedures?sort=…',
    user: caseworker,
    path: (i) => `/api/procedures?${goodSorts[i % goodSorts.length]}`,
  },
  { name: 'list default (coord.)', endpoint: 'GET /api/procedures', user: coordinator, path: () => '/api/procedures' },
  {
    name: 'search',
    endpoint: 'GET /api/search?q=…',
    user: caseworker,
    path: (i) => `/api/search?q=${encodeURIComponent(goodTerms[i % goodTerms.length] as string)}`,
  },
  {
    name: 'detail',
    endpoint: 'GET /api/procedures/{id}',
    user: caseworker,
    path: () => `/api/procedures/${random.pick(publishedIds)}`,
  },
  {
    name: 'detail (coord.)',
    endpoint: 'GET /api/procedures/{id}',
    user: coordinator,
    path: () => `/api/procedures/${random.pick(ids)}`,
  },
];

// Server-side time of the route handler (auth, zod, use case, store) during the HTTP run, so the
// HTTP figure can be split into handler time and everything around it (node:http, send, client).
let handlerSamples: number[] | null = null;
for (const [route, handler] of app.handlers) {
  app.handlers.set(route, async (request, context) => {
    const started = performance.now();
    const response = await handler(request, context);
    handlerSamples?.push(performance.now() - started);
    return response;
  });
}

type ScenarioResult = Scenario & {
  stats: Stats;
  handler: Stats;
  meanBytes: number;
  statuses: Record<string, number>;
  seconds: number;
  truncated: boolean;
};
const results: ScenarioResult[] = [];

for (const scenario of scenarios) {
  // Sanity check first: a benchmark of error responses would be meaningless.
  const probe = await get(scenario.path(0), scenario.user);
  if (probe.status !== 200)
    throw new Error(
      `${scenario.name}: ${scenario.path(0)} answered ${probe.status}: ${probe.body.toString('utf8').slice(0, 300)}`,
    );
  for (let i = 0; i < warmupCount; i++) await get(scenario.path(i), scenario.user);
  const samples: number[] = [];
  const serverSamples: number[] = [];
  handlerSamples = serverSamples;
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const started = performance.now();
  let truncated = false;
  for (let i = 0; i < requestCount; i++) {
    const response = await get(scenario.path(i), scenario.user);
    samples.push(response.ms);
    bytes += response.bytes;
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (performance.now() - started > maxSecondsPerScenario * 1000) {
      truncated = true;
      break;
    }
  }
  handlerSamples = null;
  const result = {
    ...scenario,
    stats: stats(samples),
    handler: stats(serverSamples),
    meanBytes: Math.round(bytes / samples.length),
    statuses,
    seconds: (performance.now() - started) / 1000,
    truncated,
  };
  results.push(result);
  console.log(
    `  ${scenario.name.padEnd(22)} ${String(result.stats.count).padStart(5)} req  p50 ${ms(result.stats.p50)}  p95 ${ms(result.stats.p95)} ms` +
      `  (handler p50 ${ms(result.handler.p50)})` +
      (truncated ? `  (stopped after ${maxSecondsPerScenario} s)` : ''),
  );
}

// ---------------------------------------------------------------------------------------------
// In-process breakdown: where the time of one request goes.

type Step = { step: string; stats: Stats };
type Variant = { variant: string; store: Stats; rowsQuery?: Stats; countQuery?: Stats; total?: number };
type Breakdown = {
  scenario: string;
  steps: Step[];
  variants?: Variant[];
  queryPlans?: { query: string; plan: string[] }[];
};

async function time(fn: () => unknown, iterations = profileIterations): Promise<Stats> {
  for (let i = 0; i < 10; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

function actorOf(id: string): Actor {
  return {
    id,
    unitId: id === caseworker ? 'natur' : 'teknik-miljo',
    roles: id === caseworker ? ['caseworker'] : ['coordinator', 'author'],
  };
}

const routeByName = (name: string) => {
  const route = app.routes.find((candidate) => candidate.name === name);
  if (!route) throw new Error(`No route ${name}`);
  return { route, handler: app.handlers.get(route)! };
};

function buildRequest(path: string, user: string, params: Record<string, string> = {}) {
  return new HttpRequest({
    method: 'GET',
    url: `http://127.0.0.1${path}`,
    headers: { 'x-local-user': user, host: '127.0.0.1', accept: 'application/json' },
    params,
  });
}

function parseListQuery(query: string): Omit<ProcedureQuery, 'viewer' | 'today'> {
  const parsed = Object.fromEntries(new URLSearchParams(query));
  return {
    level: parsed['level'] as ProcedureQuery['level'],
    area: parsed['area'],
    status: parsed['status'] as ProcedureQuery['status'],
    ownerId: parsed['ownerId'],
    unitId: parsed['unitId'],
    sort: (parsed['sort'] ?? 'code') as ProcedureQuery['sort'],
    order: (parsed['order'] ?? 'asc') as ProcedureQuery['order'],
    limit: 100,
    offset: 0,
  };
}

/** Times the store call and, through the prepare hook, its rows and count statements separately. */
async function timeListVariant(
  query: ProcedureQuery,
  variant: string,
  iterations: number,
): Promise<Variant & { samples: SqlSample[] }> {
  const samples: SqlSample[] = [];
  sqlSamples = samples;
  const store = await time(() => services.store.listProcedures(query), iterations);
  sqlSamples = null;
  const pick = (pattern: RegExp) => samples.filter((sample) => pattern.test(sample.source.trim()));
  const rows = pick(/^SELECT p\.\*/);
  const count = pick(/^SELECT count\(\*\)/);
  const { total } = await services.store.listProcedures(query);
  return {
    variant: variant || '(default)',
    store,
    ...(rows.length > 0 ? { rowsQuery: stats(rows.map((sample) => sample.ms)) } : {}),
    ...(count.length > 0 ? { countQuery: stats(count.map((sample) => sample.ms)) } : {}),
    total,
    samples,
  };
}

function queryPlan(sample: SqlSample | undefined): string[] {
  if (!sample) return [];
  const plan = prepare(`EXPLAIN QUERY PLAN ${sample.source}`).all(...(sample.args as [])) as { detail: string }[];
  return plan.map((row) => row.detail);
}

async function profileList(name: string, user: string, queries: string[]): Promise<Breakdown> {
  const { handler } = routeByName('procedures-list');
  const actor = actorOf(user);
  const viewer = { id: user, isCoordinator: isCoordinator(actor) };
  const first = queries[0] ?? '';
  const path = `/api/procedures${first ? `?${first}` : ''}`;
  const storeQuery = (query: string): ProcedureQuery => ({ ...parseListQuery(query), viewer, today: today(services) });
  const response = await handler(buildRequest(path, user), new InvocationContext({ functionName: 'bench' }));
  const main = await timeListVariant(storeQuery(first), first, profileIterations);
  const variants: Variant[] = [];
  const queryPlans: { query: string; plan: string[] }[] = [];
  for (const query of queries) {
    const { samples, ...variant } = query === first ? main : await timeListVariant(storeQuery(query), query, 50);
    variants.push(variant);
    const rows = samples.find((sample) => /^SELECT p\.\*/.test(sample.source.trim()));
    const count = samples.find((sample) => /^SELECT count/.test(sample.source.trim()));
    queryPlans.push({ query: `rows: ${query || '(default)'}`, plan: queryPlan(rows) });
    if (query === first) queryPlans.push({ query: `count: ${query || '(default)'}`, plan: queryPlan(count) });
  }
  const steps: Step[] = [{ step: 'store.listProcedures (rows + count)', stats: main.store }];
  if (main.rowsQuery) steps.push({ step: '  rows query (LIMIT 100)', stats: main.rowsQuery });
  if (main.countQuery) steps.push({ step: '  count query', stats: main.countQuery });
  steps.push(
    {
      step: 'use case listProcedures (+people, present)',
      stats: await time(() => listProcedures(services, actor, parseListQuery(first))),
    },
    {
      step: 'new HttpRequest + InvocationContext',
      stats: await time(() => (buildRequest(path, user), new InvocationContext({ functionName: 'bench' }))),
    },
    {
      step: 'route handler (auth, zod, use case)',
      stats: await time(() => handler(buildRequest(path, user), new InvocationContext({ functionName: 'bench' }))),
    },
    { step: 'JSON.stringify(response)', stats: await time(() => JSON.stringify(response.jsonBody)) },
  );
  return { scenario: name, steps, variants, queryPlans };
}

async function profileSearch(): Promise<Breakdown> {
  const { handler } = routeByName('search');
  const term = searchTerms[0] as string;
  const path = `/api/search?q=${encodeURIComponent(term)}`;
  const response = await handler(buildRequest(path, caseworker), new InvocationContext({ functionName: 'bench' }));
  const actor = actorOf(caseworker);
  const search = (q: string) => searchEverything(services, actor, { q, limit: 20, offset: 0 });
  const variants: { variant: string; store: Stats }[] = [];
  for (const q of goodTerms) variants.push({ variant: q, store: await time(() => search(q), 30) });
  const sources = await services.store.listSearchSources();
  return {
    scenario: 'search',
    steps: [
      { step: 'store.searchStamp', stats: await time(() => services.store.searchStamp()) },
      {
        step: 'store.listSearchSources (on a change)',
        stats: await time(() => services.store.listSearchSources(), 10),
      },
      {
        step: 'build the index (on a change)',
        stats: await time(() => createSearchIndex(sources.map(procedureIndexInput), procedureOptions), 5),
      },
      { step: `parseQuery ("${term}")`, stats: await time(() => parseQuery(term)) },
      { step: `use case searchEverything ("${term}")`, stats: await time(() => search(term)) },
      {
        step: 'new HttpRequest + InvocationContext',
        stats: await time(() => (buildRequest(path, caseworker), new InvocationContext({ functionName: 'bench' }))),
      },
      {
        step: 'route handler (auth, zod, use case)',
        stats: await time(() =>
          handler(buildRequest(path, caseworker), new InvocationContext({ functionName: 'bench' })),
        ),
      },
      { step: 'JSON.stringify(response)', stats: await time(() => JSON.stringify(response.jsonBody)) },
    ],
    variants,
  };
}

async function profileDetail(name: string, user: string, pool: string[]): Promise<Breakdown> {
  const { handler } = routeByName('procedures-get');
  const actor = actorOf(user);
  const pick = createRandom(11);
  const id = pool[0] as string;
  const response = await handler(
    buildRequest(`/api/procedures/${id}`, user, { id }),
    new InvocationContext({ functionName: 'bench' }),
  );
  const { store } = services;
  return {
    scenario: name,
    steps: [
      { step: 'store.getProcedure', stats: await time(() => store.getProcedure(pick.pick(pool))) },
      {
        step: 'store reads of one detail (sequential)',
        stats: await time(async () => {
          const procedureId = pick.pick(pool);
          const procedure = await store.getProcedure(procedureId);
          await store.listVersions(procedureId);
          await store.listApprovals(procedureId);
          await store.listReviews(procedureId);
          await store.listUnits();
          await store.listPeople();
          if (procedure?.currentVersionId) {
            await store.listAcknowledgementRequests(procedure.currentVersionId);
            await store.listAcknowledgements(procedure.currentVersionId);
          }
          await store.listTrail(procedureId);
        }),
      },
      {
        step: 'use case getProcedureDetail',
        stats: await time(() => getProcedureDetail(services, actor, pick.pick(pool))),
      },
      {
        step: 'new HttpRequest + InvocationContext',
        stats: await time(
          () => (buildRequest(`/api/procedures/${id}`, user, { id }), new InvocationContext({ functionName: 'bench' })),
        ),
      },
      {
        step: 'route handler (auth, zod, use case)',
        stats: await time(() => {
          const target = pick.pick(pool);
          return handler(
            buildRequest(`/api/procedures/${target}`, user, { id: target }),
            new InvocationContext({ functionName: 'bench' }),
          );
        }),
      },
      { step: 'JSON.stringify(response)', stats: await time(() => JSON.stringify(response.jsonBody)) },
    ],
  };
}

console.log('\nProfiling in-process …');
const breakdowns: Breakdown[] = [
  await profileList('list default', caseworker, ['']),
  await profileList('list filter', caseworker, goodFilters),
  await profileList('list sort', caseworker, goodSorts),
  await profileList('list default (coord.)', coordinator, ['']),
  await profileSearch(),
  await profileDetail('detail', caseworker, publishedIds),
  await profileDetail('detail (coord.)', coordinator, ids),
];

// ---------------------------------------------------------------------------------------------
// Memory, size, report

const memory = snapshotMemory('after the run (before GC)', false);
snapshotMemory('after the run (after GC)');
const dbFile = join(dataDir, 'kvalitetshaandbog.sqlite');
const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);
const dbBytes = sizeOf(dbFile);
const walBytes = sizeOf(`${dbFile}-wal`);
const filesBytes = (function folderSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((total, name) => {
    const path = join(dir, name);
    const info = statSync(path);
    return total + (info.isDirectory() ? folderSize(path) : info.size);
  }, 0);
})(join(dataDir, 'files'));

console.log(
  `\nKvalitetshåndbog API benchmark — ${totalProcedures} procedures, sequential keep-alive HTTP, target p95 ≤ ${targetP95Ms} ms`,
);
const header = `${'scenario'.padEnd(22)} ${'endpoint'.padEnd(30)} ${'n'.padStart(5)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(8)} ${'KB'.padStart(6)} ${'hdl p50'.padStart(8)} ${'hdl p95'.padStart(8)}  target`;
console.log(header);
console.log('-'.repeat(header.length));
for (const result of results) {
  const { stats: s } = result;
  console.log(
    `${result.name.padEnd(22)} ${result.endpoint.padEnd(30)} ${String(s.count).padStart(5)} ${ms(s.p50).padStart(7)} ${ms(s.p95).padStart(7)} ${ms(s.p99).padStart(7)} ${ms(s.max).padStart(8)} ${(result.meanBytes / 1024).toFixed(1).padStart(6)} ${ms(result.handler.p50).padStart(8)} ${ms(result.handler.p95).padStart(8)}  ${s.p95 <= targetP95Ms ? 'ok' : 'MISSED'}`,
  );
}
console.log(
  '(latencies in ms, measured by the client; KB = mean response body; hdl = the route handler alone, measured in the server)',
);

console.log('\nIn-process breakdown (median / p95 ms over repeated calls):');
for (const breakdown of breakdowns) {
  console.log(`  ${breakdown.scenario}`);
  for (const step of breakdown.steps)
    console.log(`    ${step.step.padEnd(44)} ${ms(step.stats.p50).padStart(7)} / ${ms(step.stats.p95).padStart(7)}`);
  if (breakdown.variants && breakdown.variants.length > 1) {
    const split = breakdown.variants.some((variant) => variant.rowsQuery);
    console.log(
      `    store time per variant (median / p95)${split ? '; rows query / count query medians; total rows' : ''}:`,
    );
    for (const variant of breakdown.variants) {
      const extra = split
        ? `   rows ${ms(variant.rowsQuery?.p50 ?? NaN).padStart(6)}  count ${ms(variant.countQuery?.p50 ?? NaN).padStart(6)}  n=${variant.total ?? '?'}`
        : '';
      console.log(
        `      ${variant.variant.padEnd(42)} ${ms(variant.store.p50).padStart(7)} / ${ms(variant.store.p95).padStart(7)}${extra}`,
      );
    }
  }
}

console.log(
  '\nSQLite query plans of the list queries (first variant of each list scenario; all rows-query variants in the JSON):',
);
const printedPlans = new Set<string>();
for (const breakdown of breakdowns) {
  for (const { query, plan } of breakdown.queryPlans ?? []) {
    const key = `${query}|${plan.join('|')}`;
    if (printedPlans.has(key) || plan.length === 0) continue;
    if (!query.startsWith('count') && query !== (breakdown.queryPlans?.[0]?.query ?? '')) continue;
    printedPlans.add(key);
    console.log(`  ${breakdown.scenario} — ${query}: ${plan.join(' → ')}`);
  }
}

const totalSeconds = (performance.now() - runStarted) / 1000;
console.log('\nMemory (server and client share this process):');
for (const snapshot of memoryStages) {
  console.log(
    `  ${snapshot.stage.padEnd(28)} rss ${mb(snapshot.rss).padStart(9)}  heapUsed ${mb(snapshot.heapUsed).padStart(9)}  heapTotal ${mb(snapshot.heapTotal).padStart(9)}` +
      `  external ${mb(snapshot.external).padStart(8)}${snapshot.rssAnon === null ? '' : `  rssAnon ${mb(snapshot.rssAnon).padStart(9)}`}`,
  );
}
console.log(
  '  (rss includes the benchmark client and native memory the allocator keeps after the bulk seed; it stays even after the database is closed, so compare heapUsed and the growth during the HTTP run)',
);
console.log(`SQLite: ${mb(dbBytes)} (+ WAL ${mb(walBytes)}); document files ${mb(filesBytes)}`);
console.log(
  `Seeding: demo ${(demoSeedMs / 1000).toFixed(1)} s, bulk ${(bulkSeedMs / 1000).toFixed(1)} s; whole run ${totalSeconds.toFixed(1)} s`,
);

if (broken.length > 0) {
  console.log('\nRequests that failed (not timed):');
  for (const failure of broken) console.log(`  ${failure.status} ${failure.path} — ${failure.message}`);
}

const missed = results.filter((result) => result.stats.p95 > targetP95Ms);
if (missed.length > 0)
  console.log(
    `\nMissed the p95 target: ${missed.map((result) => `${result.name} (${ms(result.stats.p95)} ms)`).join(', ')}`,
  );

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: benchDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}
const commit = gitCommit();
const date = new Date().toISOString().slice(0, 10);
const resultsDir = join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
const resultFile = join(resultsDir, `handbook-${date}.json`);
writeFileSync(
  resultFile,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      commit,
      environment: {
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? null,
        totalMemory: totalmem(),
      },
      settings: {
        procedures: procedureCount,
        requestsPerScenario: requestCount,
        warmup: warmupCount,
        maxSecondsPerScenario,
        targetP95Ms,
      },
      handbook: {
        totalProcedures,
        demoProcedures: demoCount,
        seededProcedures: procedureCount,
        seededVersions: seeded.versions,
      },
      seeding: { demoMs: Math.round(demoSeedMs), bulkMs: Math.round(bulkSeedMs) },
      scenarios: results.map((result) => ({
        name: result.name,
        endpoint: result.endpoint,
        user: result.user,
        examplePath: result.path(0),
        latencyMs: result.stats,
        serverHandlerMs: result.handler,
        meanResponseBytes: result.meanBytes,
        statuses: result.statuses,
        seconds: Math.round(result.seconds * 10) / 10,
        truncated: result.truncated,
        meetsTarget: result.stats.p95 <= targetP95Ms,
      })),
      breakdown: breakdowns,
      failedRequests: broken,
      memory: {
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        heapTotal: memory.heapTotal,
        external: memory.external,
        stages: memoryStages,
      },
      storage: { sqliteBytes: dbBytes, walBytes, documentFilesBytes: filesBytes },
      totalSeconds: Math.round(totalSeconds * 10) / 10,
    },
    null,
    2,
  )}\n`,
);
console.log(`Results written to ${resultFile}`);

agent.destroy();
await local.close();
if (process.env['BENCH_KEEP_DATA'] === '1') console.log(`Kept ${dataDir}`);
else rmSync(dataDir, { recursive: true, force: true });
