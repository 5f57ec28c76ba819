import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let today: LocalDate;
beforeAll(async () => {
  // A day of its own: late in December the demo's planned evaluation and "last year" move on.
  server = await startTestServer({ startsAt: new Date('2026-06-02T07:00:00.000Z') });
  today = localDateOf(server.app.services.clock.now(), server.app.services.settings.timeZone);
}, 120_000); // seeding the demo on its own day takes seconds more than copying the template
afterAll(async () => server?.stop());

type Item = { id: string; year: number; status: string };
async function lastYearsEvaluation() {
  const items = (await server.api.get(people.coordinator, '/management-evaluations')).body.items as Item[];
  const last = items.find((item) => item.year === Number(today.slice(0, 4)) - 1 && item.status === 'published');
  expect(last).toBeDefined();
  return (await server.api.get(people.coordinator, `/management-evaluations/${last!.id}`)).body;
}

describe('records that stay as they were, over HTTP', () => {
  it('shows the demo’s published evaluation with the figures of its meeting day, not today’s', async () => {
    const evaluation = await lastYearsEvaluation();
    expect(evaluation.record).toMatchObject({ locked: true, frozenAsOf: evaluation.heldOn, correctedBy: null });
    const pack = (await server.api.get(people.natureCaseworker, `/management-evaluations/${evaluation.id}/pack`)).body;
    expect(pack.frozen).toMatchObject({ asOf: evaluation.heldOn });
    expect(pack.frozen.lockedAt).not.toBeNull();
    expect(pack.asOf).toBe(evaluation.heldOn);
    expect(pack.period.to).toBe(evaluation.heldOn);
    // Nothing closed after the meeting is shown closed in it.
    for (const row of pack.actions.closedInPeriod) expect(row.closedOn <= evaluation.heldOn).toBe(true);
    // Its first decision's action was closed in September; the record as published shows it open.
    const live = evaluation.decisions[0].action;
    expect(live.status).toBe('closed');
    expect(pack.evaluation.decisions[0].action.status).not.toBe('closed');
    // The snapshot does not move when live data does: close a fresh action today, read again.
    const created = await server.api.post(people.coordinator, '/corrective-actions', {
      source: { kind: 'other', title: 'Efter mødet', unitId: 'natur' },
    });
    expect(created.status).toBe(201);
    const again = (await server.api.get(people.natureCaseworker, `/management-evaluations/${evaluation.id}/pack`)).body;
    expect(again).toEqual(pack);

    // The report says so, with the meeting day: "Fastfrosset … 12-03-…".
    const response = await fetch(
      `${server.url}/api/management-evaluations/${evaluation.id}/export?format=pdf&locale=da`,
      { headers: { 'x-local-user': people.natureCaseworker } },
    );
    const pdf = await getDocument({ data: new Uint8Array(await response.arrayBuffer()), isEvalSupported: false })
      .promise;
    const first = await (await pdf.getPage(1)).getTextContent();
    const text = first.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    await pdf.destroy();
    const [year, month, day] = (evaluation.heldOn as string).split('-');
    // "Tallene blev fastfrosset ved mødet 12. marts 2025 og ændres ikke", on the cover.
    expect(text.replace(/\s+/g, ' ')).toMatch(
      new RegExp(`Tallene blev fastfrosset ved mødet ${Number(day)}\\. \\p{L}+ ${year} og ændres ikke`, 'u'),
    );
    expect(month).toMatch(/^\d\d$/);
  });

  it('refuses edits of a published evaluation with 409 RECORD_LOCKED and a translated message’s code; nothing changes', async () => {
    const evaluation = await lastYearsEvaluation();
    const tries = [
      { conclusions: 'Ændret efter offentliggørelsen' },
      { decisions: [] },
      { committee: null },
      { status: 'held' },
    ];
    for (const json of tries) {
      const response = await server.api.call(people.coordinator, 'PATCH', `/management-evaluations/${evaluation.id}`, {
        json,
        ifMatch: evaluation.etag,
      });
      expect(response.status, JSON.stringify(json)).toBe(409);
      expect(response.body).toMatchObject({
        code: 'RECORD_LOCKED',
        details: { kind: 'management-evaluation', id: evaluation.id },
      });
    }
    const after = (await server.api.get(people.coordinator, `/management-evaluations/${evaluation.id}`)).body;
    expect(after).toEqual(evaluation);
    expect(after.abilities).toMatchObject({ edit: false, correct: true });
    const reader = (await server.api.get(people.natureCaseworker, `/management-evaluations/${evaluation.id}`)).body;
    expect(reader.abilities.correct).toBe(false);
  });

  it('corrects a published evaluation with a new, linked record and its reason; only the coordinator, once', async () => {
    const evaluation = await lastYearsEvaluation();
    const correct = (as: string, json: unknown, ifMatch = evaluation.etag) =>
      server.api.call(as, 'POST', `/management-evaluations/${evaluation.id}/correction`, { json, ifMatch });
    expect((await correct(people.natureLeader, { reason: 'Fejl i konklusionen' })).status).toBe(403);
    expect((await correct(people.coordinator, { reason: '' })).status).toBe(400);
    expect((await correct(people.coordinator, {})).status).toBe(400);
    expect((await correct(people.coordinator, { reason: 'x' }, '"999"')).body.code).toBe('CONFLICT');
    const made = await correct(people.coordinator, { reason: 'Udvalgets dato var forkert' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      year: evaluation.year,
      status: 'held',
      conclusions: evaluation.conclusions,
      record: {
        locked: false,
        corrects: { id: evaluation.id, year: evaluation.year },
        correctionReason: 'Udvalgets dato var forkert',
        frozenAsOf: evaluation.heldOn,
      },
      abilities: { edit: true },
    });
    const original = (await server.api.get(people.coordinator, `/management-evaluations/${evaluation.id}`)).body;
    expect(original.record.correctedBy).toEqual({ id: made.body.id, year: evaluation.year });
    expect(original.abilities.correct).toBe(false);
    expect(original.conclusions).toBe(evaluation.conclusions);
    const twice = await correct(people.coordinator, { reason: 'Igen' }, original.etag);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'INVALID_STATE', details: { status: 'corrected' } });

    // The correction is edited, then published: from then on it is locked as well.
    const fixed = await server.api.call(people.coordinator, 'PATCH', `/management-evaluations/${made.body.id}`, {
      json: { committeeOn: evaluation.committeeOn, publishedOn: today, status: 'published' },
      ifMatch: made.body.etag,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.record.locked).toBe(true);
    const after = await server.api.call(people.coordinator, 'PATCH', `/management-evaluations/${made.body.id}`, {
      json: { conclusions: 'x' },
      ifMatch: fixed.body.etag,
    });
    expect(after.body.code).toBe('RECORD_LOCKED');
    // Its pack holds the original meeting's figures.
    const [originalPack, correctionPack] = await Promise.all([
      server.api.get(people.coordinator, `/management-evaluations/${evaluation.id}/pack`),
      server.api.get(people.coordinator, `/management-evaluations/${made.body.id}/pack`),
    ]);
    expect(correctionPack.body.asOf).toBe(originalPack.body.asOf);
    expect(correctionPack.body.actions).toEqual(originalPack.body.actions);
  });
});
