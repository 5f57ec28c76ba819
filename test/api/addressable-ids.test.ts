import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/** Item 12 of the trust issue: every id the product creates can be used in its own paths. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const coordinator = people.coordinator;
const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

describe('ids the product creates', () => {
  it('every seeded record’s id is within the API’s id alphabet', async () => {
    const get = async (path: string) => (await server.api.get(coordinator, path)).body;
    const [competences, procedures, audits, findings, units, people_, items, certificates] = await Promise.all([
      get('/competences'),
      get('/procedures?limit=200'),
      get('/audits'),
      get('/findings?state=all'),
      get('/units'),
      get('/people'),
      get('/audit-programme/items'),
      get('/certificates'),
    ]);
    const ids: string[] = [
      ...competences.competences.map((record: { id: string }) => record.id),
      ...competences.requirements.map((record: { id: string }) => record.id),
      ...competences.externalCoverage.map((record: { id: string }) => record.id),
      ...procedures.items.map((record: { id: string }) => record.id),
      ...audits.audits.map((record: { id: string }) => record.id),
      ...findings.findings.map((record: { id: string }) => record.id),
      ...(units.units ?? units).map((record: { id: string }) => record.id),
      ...(people_.people ?? people_).map((record: { id: string }) => record.id),
      ...items.items.map((record: { id: string }) => record.id),
      ...certificates.certificates.map((record: { id: string }) => record.id),
    ];
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.filter((candidate) => !idPattern.test(candidate))).toEqual([]);
  });

  it('the area requirement of Miljø can be removed by its id', async () => {
    const { body } = await server.api.get(coordinator, '/competences');
    const requirement = body.requirements.find(
      (candidate: { scope: { kind: string; area?: string }; competenceId: string }) =>
        candidate.scope.kind === 'area' && candidate.scope.area === 'Miljø' && candidate.competenceId === 'aktindsigt',
    );
    expect(requirement.id).toBe('req-miljoe-aktindsigt');
    const removed = await server.api.call(coordinator, 'DELETE', `/competence-requirements/${requirement.id}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    const after = await server.api.get(coordinator, '/competences');
    expect(after.body.requirements.map((candidate: { id: string }) => candidate.id)).not.toContain(requirement.id);
  });
});
