import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../functions/src/compose.js';
import type { Route } from '../../functions/src/http/route.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Every resource that takes If-Match tells its ETag in the header, on read and on write, so a
 * client (the tab, a script, a Graph-style integration) never has to dig it out of the body.
 */
const routes = buildApi({ mode: 'local', maxUploadBytes: 1024 });

/** The resource a conditional route acts on: its path with trailing segments removed until a GET exists. */
function resourceOf(route: Route): Route | undefined {
  const segments = route.path.split('/');
  while (segments.length > 1) {
    const path = segments.join('/');
    const found = routes.find((candidate) => candidate.method === 'GET' && candidate.path === path);
    if (found) return found;
    segments.pop();
  }
  return undefined;
}

describe('the route table', () => {
  const conditional = routes.filter((route) => route.conditional);

  it.each(conditional.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s has a GET of its resource whose body carries the etag',
    (_name, route) => {
      const resource = resourceOf(route);
      expect(resource, `no GET for the resource of ${route.path}`).toBeDefined();
      const shape = (resource!.response as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
      expect(shape && 'etag' in shape, `${resource!.path} answers without an etag`).toBe(true);
    },
  );
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const coordinator = people.coordinator;
const quoted = (etag: string | number) => `"${String(etag).replace(/"/g, '')}"`;

async function expectEtagHeader(path: string, as: string = coordinator) {
  const response = await server.api.get(as, path);
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
  expect(response.headers.get('etag'), path).toBe(quoted(response.body.etag));
  return response;
}

describe('ETag headers over HTTP', () => {
  it('every kind of record that takes If-Match tells its ETag when read', async () => {
    const procedures = await server.api.get(coordinator, '/procedures?limit=1');
    await expectEtagHeader(`/procedures/${procedures.body.items[0].id}`);

    const audits = await server.api.get(coordinator, '/audits');
    await expectEtagHeader(`/audits/${audits.body.audits[0].id}`);

    const items = await server.api.get(coordinator, '/audit-programme/items');
    await expectEtagHeader(`/audit-programme/items/${items.body.items[0].id}`);

    const findings = await server.api.get(coordinator, '/findings?state=all');
    await expectEtagHeader(`/findings/${findings.body.findings[0].id}`);

    const certificates = await server.api.get(coordinator, '/certificates');
    await expectEtagHeader(`/certificates/${certificates.body.certificates[0].id}`);

    const board = await server.api.get(coordinator, '/corrective-actions');
    const action = Object.values(board.body.columns as Record<string, { id: string }[]>).flat()[0]!;
    await expectEtagHeader(`/corrective-actions/${action.id}`);

    const evaluations = await server.api.get(coordinator, '/management-evaluations');
    await expectEtagHeader(`/management-evaluations/${evaluations.body.items[0].id}`);

    const wheel = await server.api.get(coordinator, `/year-wheel?year=${new Date().getFullYear()}`);
    const occurrence = (wheel.body.months as { occurrences: { id: string }[] }[]).flatMap((m) => m.occurrences)[0]!;
    await expectEtagHeader(`/year-wheel/occurrences/${occurrence.id}`);

    const matrix = await server.api.get(coordinator, '/competence-matrix');
    const cell = await expectEtagHeader(
      `/competence-matrix/${matrix.body.people[0].id}/${matrix.body.competences[0].id}`,
    );
    expect(typeof cell.body.etag).toBe('number');
  });

  it('a write answers with the new ETag, and the old one is refused afterwards', async () => {
    const audits = await server.api.get(coordinator, '/audits');
    const audit = audits.body.audits.find((candidate: { status: string }) => candidate.status === 'planned');
    const read = await expectEtagHeader(`/audits/${audit.id}`);
    const changed = await server.api.call(coordinator, 'PATCH', `/audits/${audit.id}`, {
      json: { scope: `${read.body.scope} (ETag-test)` },
      ifMatch: read.headers.get('etag')!,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.headers.get('etag')).toBe(quoted(changed.body.etag));
    expect(changed.headers.get('etag')).not.toBe(read.headers.get('etag'));
    const stale = await server.api.call(coordinator, 'PATCH', `/audits/${audit.id}`, {
      json: { scope: 'lost update' },
      ifMatch: read.headers.get('etag')!,
    });
    expect(stale.status).toBe(409);
  });

  it('an unknown single record is 404 in the contract shape', async () => {
    for (const path of ['/findings/nope', '/certificates/nope', '/audit-programme/items/nope']) {
      const response = await server.api.get(coordinator, path);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
  });
});
