import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, Finding } from '../../functions/src/core/quality-year-types.js';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';
import { findingRecord } from '../../functions/src/records/index.js';
import { sampleOf } from '../support/record-samples.js';
import { pdfPages } from '../support/pdf-text.js';

let server: TestServer;
let today: LocalDate;
beforeAll(async () => {
  // A day of its own: late in December the demo's planned evaluation and "last year" move on.
  server = await startTestServer({ startsAt: new Date('2026-06-02T07:00:00.000Z') });
  today = localDateOf(server.app.services.clock.now(), server.app.services.settings.timeZone);
}, 120_000); // seeding the demo on its own day takes seconds more than copying the template
afterAll(async () => server?.stop());

const patch = (as: string, id: string, json: unknown, ifMatch: string) =>
  server.api.call(as, 'PATCH', `/management-evaluations/${id}`, { json, ifMatch });

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pages = await pdfPages(bytes);
  return { pages: pages.length, text: pages.join(' ') };
}
const squeeze = (text: string) => text.replace(/\s+/g, '');

async function download(path: string): Promise<Uint8Array> {
  const response = await fetch(`${server.url}/api${path}`, { headers: { 'x-local-user': people.natureCaseworker } });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe('the management evaluation over HTTP', () => {
  it('comes with the demo: last year published with its decisions’ actions, this year planned ahead', async () => {
    const list = (await server.api.get(people.coordinator, '/management-evaluations')).body.items as {
      id: string;
      year: number;
      status: string;
      plannedOn: string;
    }[];
    const planned = list.find((item) => item.status === 'planned' && item.plannedOn > today);
    expect(planned).toBeDefined();
    const last = list.find((item) => item.year === (planned?.year ?? 0) - 1);
    const detail = (await server.api.get(people.coordinator, `/management-evaluations/${last?.id}`)).body;
    expect(detail).toMatchObject({ status: 'published', committee: 'Teknik- og Miljøudvalget' });
    expect(detail.decisions).toHaveLength(3);
    const outcomes = detail.decisions.map((decision: { action: { status: string; isOverdue: boolean } | null }) =>
      decision.action === null ? 'none' : decision.action.isOverdue ? 'overdue' : decision.action.status,
    );
    expect(outcomes).toEqual(['closed', 'overdue', 'none']);
    const board = (await server.api.get(people.coordinator, '/corrective-actions')).body;
    for (const status of ['open', 'planned', 'implemented', 'closed']) {
      expect(board.columns[status].length, status).toBeGreaterThanOrEqual(2);
    }
    expect(board.overdue.length).toBeGreaterThanOrEqual(1);
  });

  it('plans a year once, records the meeting and publishes, refusing bad steps', async () => {
    const bad = [
      { year: 2024 },
      { year: 2024, plannedOn: '2024-13-01' },
      { year: 1999, plannedOn: '1999-03-01' },
      { year: 2024, plannedOn: '2024-03-01', extra: true },
    ];
    for (const body of bad) {
      expect(
        (await server.api.post(people.coordinator, '/management-evaluations', body)).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect(
      (await server.api.post(people.coordinator, '/management-evaluations', { year: 2024, plannedOn: '2025-03-01' }))
        .status,
    ).toBe(400);
    expect(
      (await server.api.post(people.natureLeader, '/management-evaluations', { year: 2024, plannedOn: '2024-03-01' }))
        .status,
    ).toBe(403);
    const created = await server.api.post(people.coordinator, '/management-evaluations', {
      year: 2024,
      plannedOn: '2024-03-01',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ year: 2024, status: 'planned', etag: '"1"', abilities: { edit: true } });
    const id = created.body.id as string;
    const twice = await server.api.post(people.coordinator, '/management-evaluations', {
      year: 2024,
      plannedOn: '2024-04-01',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('DUPLICATE');

    expect((await patch(people.coordinator, id, { status: 'held' }, '"1"')).body.code).toBe('VALIDATION');
    expect((await patch(people.coordinator, id, { participantIds: ['nobody'] }, '"1"')).status).toBe(400);
    expect((await patch(people.coordinator, id, {}, '"1"')).status).toBe(400);
    expect((await patch(people.natureLeader, id, { conclusions: 'x' }, '"1"')).status).toBe(403);
    expect((await server.api.get(people.coordinator, `/management-evaluations/${id}`)).body.etag).toBe('"1"');

    const held = await patch(
      people.coordinator,
      id,
      {
        heldOn: '2024-03-04',
        participantIds: [people.director, people.coordinator],
        guests: ['Revisor fra DS Certificering'],
        conclusions: 'Kvalitetsledelsessystemet er egnet og virker.',
        decisions: [
          { text: 'Indfør fristkontrol i miljøtilsyn', ownerId: 'jens-mortensen', dueOn: '2024-09-01' },
          { text: 'Opdatér skabelonen for afgørelser', ownerId: null, dueOn: null },
        ],
        status: 'held',
      },
      '"1"',
    );
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({
      status: 'held',
      participants: [{ id: people.director, name: 'Lars Holm' }, { id: people.coordinator }],
      decisions: [{ owner: { id: 'jens-mortensen' }, action: null }, { owner: null }],
    });
    const stale = await patch(people.coordinator, id, { conclusions: 'x' }, '"1"');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');

    const decisionId = held.body.decisions[0].id as string;
    const forbidden = await server.api.post(
      people.natureLeader,
      `/management-evaluations/${id}/decisions/${decisionId}/action`,
      {},
      '"2"',
    );
    expect(forbidden.status).toBe(403);
    const action = await server.api.post(
      people.coordinator,
      `/management-evaluations/${id}/decisions/${decisionId}/action`,
      {},
      '"2"',
    );
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({
      title: 'Indfør fristkontrol i miljøtilsyn',
      status: 'open',
      owner: { id: 'jens-mortensen' },
      dueOn: '2024-09-01',
      source: { kind: 'management-decision', evaluationId: id, decisionId, year: 2024 },
    });
    const again = await server.api.post(
      people.coordinator,
      `/management-evaluations/${id}/decisions/${decisionId}/action`,
      {},
      '"3"',
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_STATE');
    expect(
      (await server.api.post(people.coordinator, `/management-evaluations/${id}/decisions/nope/action`, {}, '"3"'))
        .status,
    ).toBe(404);

    const linked = (await server.api.get(people.natureCaseworker, `/management-evaluations/${id}`)).body;
    expect(linked.etag).toBe('"3"');
    expect(linked.abilities.edit).toBe(false);
    expect(linked.decisions[0].action).toMatchObject({ id: action.body.id, status: 'open' });
    const removeLinked = await patch(people.coordinator, id, { decisions: [] }, '"3"');
    expect(removeLinked.status).toBe(409);
    expect(removeLinked.body.code).toBe('INVALID_STATE');

    expect((await patch(people.coordinator, id, { status: 'published' }, '"3"')).status).toBe(400);
    const published = await patch(
      people.coordinator,
      id,
      {
        committee: 'Teknik- og Miljøudvalget',
        committeeOn: '2024-04-10',
        publishedOn: '2024-04-15',
        status: 'published',
      },
      '"3"',
    );
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      status: 'published',
      committee: 'Teknik- og Miljøudvalget',
      publishedOn: '2024-04-15',
    });
    const back = await patch(people.coordinator, id, { status: 'held' }, '"4"');
    expect(back.status).toBe(409);
    // Published is locked: any change, a step back too, is refused before its rules are looked at.
    expect(back.body).toMatchObject({ code: 'RECORD_LOCKED', details: { kind: 'management-evaluation', id } });

    const list = await server.api.get(people.natureCaseworker, '/management-evaluations');
    expect(
      list.body.items.some((item: { id: string; decisionCount: number }) => item.id === id && item.decisionCount === 2),
    ).toBe(true);
    expect(list.body.abilities.create).toBe(false);
  });

  it('the pack shows a newly closed action and an open major finding; the exports hold the year and the decisions', async () => {
    const year = Number(today.slice(0, 4));
    const existing = (await server.api.get(people.coordinator, '/management-evaluations')).body.items.find(
      (item: { year: number }) => item.year === year,
    );
    const evaluationId: string =
      existing?.id ??
      (await server.api.post(people.coordinator, '/management-evaluations', { year, plannedOn: addDays(today, 0) }))
        .body.id;
    const at = new Date().toISOString();
    const audit: Audit = {
      id: 'pack-audit',
      etag: 1,
      createdAt: at,
      updatedAt: at,
      updatedBy: people.coordinator,
      kind: 'surveillance',
      year,
      title: 'Overvågningsaudit til pakken',
      programmeItemId: null,
      certificateId: null,
      unitId: 'byg-plan',
      clauses: ['8.5.1'],
      procedureIds: [],
      scope: 'Byggesager',
      criteria: 'ISO 9001:2015',
      auditorIds: [],
      externalAuditors: ['DS Certificering'],
      plannedOn: today,
      status: 'reported',
      checklist: [],
      report: null,
    };
    const major: Finding = sampleOf(findingRecord, {
      id: 'pack-major',
      etag: 1,
      createdAt: at,
      updatedAt: at,
      updatedBy: people.coordinator,
      auditId: audit.id,
      grade: 'major',
      clause: '8.5.1',
      unitId: 'byg-plan',
      description: 'Sagsbehandlingsfrister overskrides uden besked til ansøger.',
      foundOn: today,
    });
    await server.app.services.quality.commit({ audits: [audit], findings: [major] });

    const closedTitle = 'Pakketest: lukket efter effektiv kontrol';
    const created = await server.api.post(people.coordinator, '/corrective-actions', {
      source: { kind: 'other', title: closedTitle, unitId: 'natur' },
    });
    const id = created.body.id as string;
    const step = (name: string, json: unknown, etag: number, as: string = people.coordinator) =>
      server.api.post(as, `/corrective-actions/${id}/${name}`, json, `"${etag}"`);
    await step(
      'analyseAndPlan',
      { rootCause: 'r', plan: 'p', ownerId: people.natureLeader, dueOn: addDays(today, 10) },
      1,
    );
    await step(
      'markImplemented',
      { implementedOn: addDays(today, -30), description: 'Gennemført.' },
      2,
      people.natureLeader,
    );
    const closed = await step('checkEffectiveness', { isEffective: true, note: 'Virker.' }, 3);
    expect(closed.body.status).toBe('closed');

    const pack = await server.api.get(people.natureCaseworker, `/management-evaluations/${evaluationId}/pack`);
    expect(pack.status).toBe(200);
    expect(pack.body.year).toBe(year);
    const closedRow = pack.body.actions.closedInPeriod.find((row: { id: string }) => row.id === id);
    expect(closedRow).toMatchObject({ title: closedTitle, closedOn: today, effectivenessCheck: { isEffective: true } });
    const open = pack.body.audits.openFindings.find((row: { id: string }) => row.id === major.id);
    expect(open).toMatchObject({ grade: 'major', auditTitle: audit.title, action: null });
    expect(pack.body.qualityGoals.status).toBe('available');

    // A decision to find in the exports.
    const current = (await server.api.get(people.coordinator, `/management-evaluations/${evaluationId}`)).body;
    const decisionText = 'Eksporttest: styrk fristkontrollen i byggesager';
    const withDecision = await patch(
      people.coordinator,
      evaluationId,
      {
        decisions: [
          ...current.decisions.map(
            (decision: { id: string; text: string; owner: { id: string } | null; dueOn: string | null }) => ({
              id: decision.id,
              text: decision.text,
              ownerId: decision.owner?.id ?? null,
              dueOn: decision.dueOn,
            }),
          ),
          { text: decisionText, ownerId: 'sofie-dahl', dueOn: null },
        ],
      },
      current.etag,
    );
    expect(withDecision.status).toBe(200);

    const pdf = await download(`/management-evaluations/${evaluationId}/export?format=pdf&locale=da`);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(squeeze(text)).toContain(squeeze(`Ledelsens evaluering ${year}`));
    expect(squeeze(text)).toContain(squeeze(decisionText));

    const docx = await download(`/management-evaluations/${evaluationId}/export?format=docx&locale=en`);
    const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
    const words = xml.replace(/<[^>]+>/g, '');
    expect(words).toContain(`Management review ${year}`);
    expect(words).toContain(decisionText);

    const head = await fetch(`${server.url}/api/management-evaluations/${evaluationId}/export?format=docx&locale=nb`, {
      headers: { 'x-local-user': people.natureCaseworker },
    });
    expect(head.headers.get('content-disposition')).toContain(encodeURIComponent(`Ledelsens gjennomgang ${year}.docx`));
    await head.arrayBuffer();
    expect(
      (await server.api.get(people.coordinator, `/management-evaluations/${evaluationId}/export?format=odt`)).status,
    ).toBe(400);
    expect((await server.api.get(people.coordinator, `/management-evaluations/nope/export?format=pdf`)).status).toBe(
      404,
    );
  });
});
