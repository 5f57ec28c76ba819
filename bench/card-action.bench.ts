/**
 * Card action round trip: an approver presses Approve on an approval card. Measures the whole
 * HTTP round trip of the `adaptiveCard/action` invoke at /api/messages (Teams SDK, validation,
 * the approval use case with its SQLite transaction, building the outcome card, updating the
 * local outbox) on a handbook of 5,044 procedures. Target: p95 ≤ 300 ms.
 *
 * Run: npm run bench:card-action
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cardActionInvoke } from '../test/support/activities.js';
import { startBenchServer } from './bench-server.js';
import { seedBulk } from './seed-bulk.js';

const rounds = Number(process.env.ROUNDS ?? 300);
const dataDir = mkdtempSync(join(tmpdir(), 'kh-card-bench-'));
const server = await startBenchServer({ dataDir, mode: 'local', sweepOnTimer: false, quiet: false });
const { services, db } = server.app;

try {
  const seeded = performance.now();
  await seedBulk(services, db, { count: 5000, batchSize: 250, seed: 7, now: new Date() });
  console.log(`Seeded 5,000 procedures in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  const call = async (path: string, as: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}/api${path}`, {
      ...init,
      headers: { 'x-local-user': as, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<any>;
  };

  // Published demo procedures whose owner is an author with a leader as approver, and no open draft.
  const people = await services.store.listPeople();
  const candidates = [];
  for (let number = 1; number <= 24; number++) {
    const procedure = await services.store.getProcedureByCode(`K-${String(number).padStart(2, '0')}`);
    if (!procedure?.currentVersionId) continue;
    const owner = people.find((person) => person.id === procedure.ownerId)!;
    if (procedure.draftVersionId || !owner.roles.includes('author') || owner.roles.includes('coordinator')) continue;
    candidates.push(procedure);
  }
  console.log(`Revising ${candidates.length} procedures round robin, ${rounds} approvals`);

  const invoke = (approverId: string, verb: string, data: Record<string, unknown>) =>
    cardActionInvoke(approverId, verb, data);

  const approveTimes: number[] = [];
  const refreshTimes: number[] = [];
  for (let round = 0; round < rounds + 20; round++) {
    const procedure = candidates[round % candidates.length]!;
    const detail = await call(`/procedures/${procedure.id}`, procedure.ownerId);
    const uploaded = await call(`/procedures/${procedure.id}/draft/file?fileName=revision.md`, procedure.ownerId, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'if-match': detail.etag },
      body: `# ${procedure.code}\n\n## Formål\n\nRevision ${round}.\n`,
    });
    const submitted = await call(`/procedures/${procedure.id}/draft/submit`, procedure.ownerId, {
      method: 'POST',
      headers: { 'if-match': uploaded.etag },
      body: JSON.stringify({ changeSummary: `Revision ${round}` }),
    });
    if (!submitted.pendingApproval)
      throw new Error(
        `no pending approval after submit of ${procedure.code}: draft ${JSON.stringify(submitted.draft)?.slice(0, 200)}`,
      );
    const approvalId = submitted.pendingApproval.id as string;
    const post = async (body: unknown) => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as { statusCode: number };
      const elapsed = performance.now() - started;
      if (result.statusCode !== 200) throw new Error(`card action answered ${JSON.stringify(result).slice(0, 200)}`);
      return elapsed;
    };
    const refresh = await post(invoke(procedure.approverId, 'refresh', { subject: 'approval', approvalId }));
    const approve = await post(invoke(procedure.approverId, 'approve', { approvalId }));
    if (round >= 20) {
      refreshTimes.push(refresh);
      approveTimes.push(approve);
    }
    const after = await services.store.getApproval(approvalId);
    if (after?.decision !== 'approved') throw new Error(`approval ${approvalId} was not approved`);
  }

  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    return `n ${sorted.length}  p50 ${at(0.5)}  p95 ${at(0.95)}  p99 ${at(0.99)}  max ${sorted.at(-1)!.toFixed(1)} ms`;
  };
  console.log(
    `approve (Action.Execute → published version + outcome card)  ${stats(approveTimes)}   target p95 ≤ 300 ms`,
  );
  console.log(`refresh (card view for the approver)                         ${stats(refreshTimes)}`);
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
