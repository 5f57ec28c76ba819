import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit } from '../../functions/src/core/quality-year-types.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/** The årshjul over HTTP against the demo database; a year of its own (2031) keeps the demo's out. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.stop());

const year = 2031;
type Occurrence = {
  id: string;
  kind: string;
  title: string;
  dueOn: string;
  owner: { id: string; name: string };
  origin: { kind: string; auditId?: string };
  completedOn: string | null;
  isEdited: boolean;
  status: string;
  etag: string;
  abilities: { edit: boolean; complete: boolean; delete: boolean };
};

const auditOf = (id: string, plannedOn: string, auditorIds: string[]): Audit => {
  const now = new Date().toISOString();
  return {
    id,
    etag: 1,
    createdAt: now,
    updatedAt: now,
    updatedBy: people.coordinator,
    kind: 'internal',
    year,
    title: 'Dokumentstyring',
    programmeItemId: null,
    certificateId: null,
    unitId: 'natur',
    clauses: ['7.5'],
    procedureIds: [],
    scope: 'Styring af dokumenteret information',
    criteria: 'ISO 9001:2015 7.5',
    auditorIds,
    externalAuditors: [],
    plannedOn: plannedOn as LocalDate,
    status: 'planned',
    checklist: [],
    report: null,
  };
};

const wheel = async (as: string, y = year) =>
  (
    await server.api.get<{
      months: { month: number; occurrences: Occurrence[] }[];
      abilities: Record<string, boolean>;
    }>(as, `/year-wheel?year=${y}`)
  ).body;
const all = (body: { months: { occurrences: Occurrence[] }[] }) => body.months.flatMap((month) => month.occurrences);
const patch = (as: string, id: string, json: unknown, ifMatch?: string) =>
  server.api.call<Occurrence & { code?: string; details?: unknown }>(as, 'PATCH', `/year-wheel/occurrences/${id}`, {
    json,
    ...(ifMatch ? { ifMatch } : {}),
  });
const generate = (as: string) => server.api.call(as, 'POST', `/year-wheel/${year}/generate`);
const remove = (as: string, id: string, ifMatch: string) =>
  server.api.call(as, 'DELETE', `/year-wheel/occurrences/${id}`, { ifMatch });

describe('the årshjul API', () => {
  it('generates the year from the audits and the recurring activities, idempotently, for the coordinator only', async () => {
    await server.app.services.quality.commit({
      audits: [auditOf('yw-audit-1', `${year}-03-10`, [people.natureAuthor])],
    });
    const refused = await generate(people.natureLeader);
    expect(refused.status).toBe(403);

    const first = await generate(people.coordinator);
    expect(first.status).toBe(200);
    const created = first.body.created as Occurrence[];
    const kinds = created.map((occurrence) => occurrence.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'internal-audit',
        'management-evaluation',
        'yearly-publication',
        'satisfaction-survey',
        'goal-revision',
      ]),
    );
    const audit = created.find((occurrence) => occurrence.origin.auditId === 'yw-audit-1')!;
    expect(audit).toMatchObject({
      title: 'Intern audit: Dokumentstyring',
      dueOn: `${year}-03-10`,
      owner: { id: people.natureAuthor, name: 'Peter Lund' },
      status: 'planned',
      abilities: { edit: true, complete: true, delete: false },
    });

    const second = await generate(people.coordinator);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ created: [], updated: [], orphans: [] });
    expect(second.body.unchangedCount).toBe(created.length);

    const read = await wheel(people.natureCaseworker);
    expect(read.months.map((month) => month.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(all(read)).toHaveLength(created.length);
    expect(read.months[2]!.occurrences.map((occurrence) => occurrence.id)).toContain(audit.id);
    expect(read.abilities).toEqual({ generate: false, create: false });
    expect(all(read).every((occurrence) => !occurrence.abilities.edit && !occurrence.abilities.delete)).toBe(true);
  });

  it('refuses a bad year', async () => {
    for (const path of ['/year-wheel?year=abc', '/year-wheel?year=1999', '/year-wheel', '/year-wheel?year=2031&x=1']) {
      const response = await server.api.get(people.coordinator, path);
      expect(response.status, path).toBe(400);
      expect(response.body.code).toBe('VALIDATION');
    }
    expect((await server.api.call(people.coordinator, 'POST', '/year-wheel/20x1/generate')).status).toBe(400);
  });

  it('edits an occurrence with If-Match, keeps the edit on regeneration, and refuses stale, bad and foreign writes', async () => {
    const occurrence = all(await wheel(people.coordinator)).find((item) => item.kind === 'goal-revision')!;
    expect((await patch(people.coordinator, occurrence.id, { dueOn: `${year}-11-20` })).status).toBe(428);

    const moved = await patch(
      people.coordinator,
      occurrence.id,
      { dueOn: `${year}-11-20`, ownerId: people.natureLeader, title: 'Revision af mål og KPI' },
      occurrence.etag,
    );
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).toBe(moved.body.etag);
    expect(moved.body).toMatchObject({
      dueOn: `${year}-11-20`,
      owner: { id: people.natureLeader, name: 'Anne Birk' },
      title: 'Revision af mål og KPI',
      isEdited: true,
    });

    const stale = await patch(people.coordinator, occurrence.id, { note: 'x' }, occurrence.etag);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');

    for (const [body, field] of [
      [{ dueOn: '2031-02-30' }, 'dueOn'],
      [{ ownerId: 'nobody-here' }, 'ownerId'],
      [{ title: '' }, 'title'],
      [{ colour: 'red' }, ''],
      [{}, ''],
    ] as const) {
      const bad = await patch(people.coordinator, occurrence.id, body, moved.body.etag);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.code).toBe('VALIDATION');
      if (field) expect(JSON.stringify(bad.body.details)).toContain(field);
    }

    // The owner (a leader) may mark it done, not move it; a stranger may do neither.
    expect((await patch(people.natureLeader, occurrence.id, { dueOn: `${year}-12-01` }, moved.body.etag)).status).toBe(
      403,
    );
    expect(
      (await patch(people.environmentCaseworker, occurrence.id, { completedOn: `${year}-11-19` }, moved.body.etag))
        .status,
    ).toBe(403);
    const done = await patch(people.natureLeader, occurrence.id, { completedOn: `${year}-11-19` }, moved.body.etag);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ completedOn: `${year}-11-19`, status: 'done' });
    const undone = await patch(people.natureLeader, occurrence.id, { completedOn: null }, done.body.etag);
    expect(undone.body).toMatchObject({ completedOn: null });

    const regenerated = await generate(people.coordinator);
    expect(regenerated.body.created).toEqual([]);
    expect(regenerated.body.updated).toEqual([]);
    const after = all(await wheel(people.coordinator)).find((item) => item.id === occurrence.id)!;
    expect(after).toMatchObject({ dueOn: `${year}-11-20`, title: 'Revision af mål og KPI' });
  });

  it('adds and removes manual activities, and refuses to remove a generated one', async () => {
    const bad = await server.api.post(people.coordinator, '/year-wheel/occurrences', {
      title: 'Temadag',
      dueOn: 'next week',
      ownerId: people.coordinator,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('dueOn');
    const unknownOwner = await server.api.post(people.coordinator, '/year-wheel/occurrences', {
      title: 'Temadag',
      dueOn: `${year}-06-01`,
      ownerId: 'ghost',
    });
    expect(unknownOwner.status).toBe(400);
    expect(
      (
        await server.api.post(people.natureLeader, '/year-wheel/occurrences', {
          title: 'Temadag',
          dueOn: `${year}-06-01`,
          ownerId: people.natureLeader,
        })
      ).status,
    ).toBe(403);

    const created = await server.api.post<Occurrence>(people.coordinator, '/year-wheel/occurrences', {
      title: 'Temadag om kvalitet',
      dueOn: `${year}-06-01`,
      ownerId: people.director,
      note: 'Hele ledergruppen',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'other',
      origin: { kind: 'manual' },
      owner: { id: people.director },
      abilities: { delete: true },
    });
    expect(all(await wheel(people.coordinator)).map((item) => item.id)).toContain(created.body.id);

    const generated = all(await wheel(people.coordinator)).find((item) => item.kind === 'yearly-publication')!;
    const refused = await remove(people.coordinator, generated.id, generated.etag);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('INVALID_STATE');

    expect((await remove(people.natureLeader, created.body.id, created.body.etag)).status).toBe(403);
    expect((await remove(people.coordinator, created.body.id, '"99"')).status).toBe(409);
    expect((await remove(people.coordinator, created.body.id, created.body.etag)).status).toBe(200);
    expect(all(await wheel(people.coordinator)).map((item) => item.id)).not.toContain(created.body.id);
    expect((await remove(people.coordinator, created.body.id, created.body.etag)).status).toBe(404);
  });
});
