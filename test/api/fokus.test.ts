import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coverageMatrixSchema,
  fokusOverviewSchema,
  roundSchema,
  scoreImportResultSchema,
  standardsSchema,
  type CoverageMatrixDto,
  type FokusOverviewDto,
} from '../../functions/src/contract/fokus-schemas.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/** FOKUS-style rounds, the standards worked by and the coverage matrix, over HTTP on real SQLite. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

/** A caseworker of Byg og Plan who is neither author nor named auditor. */
const bystander = 'rasmus-toft';
/** A caseworker named auditor of a demo audit. */
const auditor = people.environmentCaseworker;

const overview = async (as: string = people.coordinator) => {
  const response = await server.api.get<FokusOverviewDto>(as, '/fokus');
  expect(response.status).toBe(200);
  return fokusOverviewSchema.parse(response.body);
};
const cellOf = (data: FokusOverviewDto, unitId: string, roundId: string) =>
  data.comparison.find((row) => row.unitId === unitId)!.cells.find((cell) => cell.roundId === roundId)!;
const importScores = (as: string, roundId: string, raw: string | Uint8Array, query: string) =>
  server.api.call(as, 'POST', `/fokus/rounds/${roundId}/import?${query}`, {
    raw,
    contentType: typeof raw === 'string' ? 'text/csv' : 'application/octet-stream',
  });

describe('FOKUS-style evaluation rounds', () => {
  it('compares the demo’s units over three rounds, one not comparable, with the change', async () => {
    const data = await overview();
    expect(data.rounds.map((round) => round.year)).toEqual([2021, 2023, 2025]);
    expect(data.abilities.manage).toBe(true);
    expect(cellOf(data, 'byg-plan', 'fokus-2023')).toMatchObject({ standing: 'not-comparable', mean: null });
    // Measured from 2021, the last round Byg og Plan was comparable in.
    expect(cellOf(data, 'byg-plan', 'fokus-2025')).toMatchObject({
      standing: 'comparable',
      change: { fromRoundId: 'fokus-2021', meanPoints: 1.25 },
    });
    expect(data.rounds[1]!.summary).toMatchObject({ comparableCount: 2, notComparableUnitIds: ['byg-plan'] });
  });

  it.each([
    [people.natureLeader, 200],
    [auditor, 200],
    [bystander, 403],
  ])('%s reads the rounds: %i', async (as, status) => {
    const response = await server.api.get(as, '/fokus');
    expect(response.status).toBe(status);
    if (status === 200) expect(response.body.abilities.manage).toBe(false);
  });

  it('lets the coordinator set up a round and enter scores; a partial unit is not comparable', async () => {
    const body = {
      name: 'Evaluering 2027',
      year: 2027,
      scaleMin: 1,
      scaleMax: 5,
      themes: [{ name: 'Klager' }, { name: 'Svartider' }],
      unitIds: ['natur', 'miljo'],
    };
    expect((await server.api.post(people.natureLeader, '/fokus/rounds', body)).status).toBe(403);
    expect((await server.api.post(people.coordinator, '/fokus/rounds', { ...body, scaleMax: 1 })).status).toBe(400);
    expect((await server.api.post(people.coordinator, '/fokus/rounds', { ...body, unitIds: ['nowhere'] })).status).toBe(
      400,
    );
    const created = await server.api.post(people.coordinator, '/fokus/rounds', body);
    expect(created.status).toBe(201);
    const round = roundSchema.parse(created.body);
    expect(round.themes.map((theme) => theme.id)).toEqual(['klager', 'svartider']);

    const put = (as: string, unitId: string, json: unknown) =>
      server.api.call(as, 'PUT', `/fokus/rounds/${round.id}/units/${unitId}`, { json });
    expect((await put(people.natureLeader, 'natur', { scores: [] })).status).toBe(403);
    expect((await put(people.coordinator, 'natur', { scores: [{ themeId: 'klager', score: 6 }] })).status).toBe(400);
    expect((await put(people.coordinator, 'byg-plan', { scores: [{ themeId: 'klager', score: 3 }] })).status).toBe(400);
    const partial = await put(people.coordinator, 'natur', { scores: [{ themeId: 'klager', score: 4 }] });
    expect(partial.status).toBe(200);
    expect(partial.body.summary).toMatchObject({ comparableCount: 0, notComparableUnitIds: ['natur'] });

    const read = await server.api.get(people.natureLeader, `/fokus/rounds/${round.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe(`"${round.etag + 0}"`);
    expect((await server.api.get(bystander, `/fokus/rounds/${round.id}`)).status).toBe(403);
    const renamed = await server.api.call(people.coordinator, 'PUT', `/fokus/rounds/${round.id}`, {
      json: { ...body, name: 'Evaluering 2027 (rettet)', themes: round.themes },
      ifMatch: String(round.etag),
    });
    expect(renamed.status).toBe(200);
    const stale = await server.api.call(people.coordinator, 'PUT', `/fokus/rounds/${round.id}`, {
      json: body,
      ifMatch: String(round.etag),
    });
    expect(stale.status).toBe(409);
  });
});

describe('importing a round’s scores', () => {
  const roundId = 'fokus-2025';
  const header = 'Enhed;Klagesagsbehandling;Sagsbehandlingstider;Borgerbetjening;Læring af fejl;Bemærkning';

  it('previews and applies a good CSV file', async () => {
    const file = `\uFEFF${header}\nNatur;4;3,5;4;3;\nMiljø;;;2;;Kun borgerbetjening\n`;
    const preview = await importScores(people.coordinator, roundId, file, 'mode=preview');
    expect(preview.status).toBe(200);
    expect(scoreImportResultSchema.parse(preview.body)).toMatchObject({ isApplied: false, errorCount: 0 });
    expect(cellOf(await overview(), 'miljo', roundId).standing).toBe('comparable');

    const applied = await importScores(people.coordinator, roundId, file, 'mode=apply');
    expect(applied.status).toBe(200);
    expect(applied.body.isApplied).toBe(true);
    const data = await overview();
    expect(cellOf(data, 'natur', roundId)).toMatchObject({ standing: 'comparable', total: 14.5 });
    expect(cellOf(data, 'miljo', roundId)).toMatchObject({ standing: 'not-comparable', note: 'Kun borgerbetjening' });
  });

  it('imports an .xlsx file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Scorer');
    sheet.addRow(header.split(';'));
    sheet.addRow(['Miljø', 4, 3, 3, 3, '']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const applied = await importScores(people.coordinator, roundId, bytes, 'format=xlsx&mode=apply');
    expect(applied.status).toBe(200);
    expect(cellOf(await overview(), 'miljo', roundId)).toMatchObject({ standing: 'comparable', total: 13 });
  });

  it('reports every bad row and column and imports nothing', async () => {
    const before = await overview();
    const file = [header, 'Natur;1;1;1;1;', 'Teknik og Miljø;1;1;1;1;', 'Byg og Plan;5;x;1;1;', 'natur;1;1;1;1;'].join(
      '\n',
    );
    const refused = await importScores(people.coordinator, roundId, file, 'mode=apply');
    expect(refused.status).toBe(400);
    expect(
      refused.body.details.errors.map((error: { line: number; column: string; code: string }) => [
        error.line,
        error.column,
        error.code,
      ]),
    ).toEqual([
      [3, 'Enhed', 'unit-outside-round'],
      [4, 'Klagesagsbehandling', 'bad-score'],
      [4, 'Sagsbehandlingstider', 'bad-score'],
      [5, 'Enhed', 'duplicate-unit'],
    ]);
    expect(await overview()).toEqual(before);

    const wrongColumns = await importScores(people.coordinator, roundId, 'Enhed;Tema\nNatur;1\n', 'mode=preview');
    expect(wrongColumns.status).toBe(200);
    expect(wrongColumns.body.errors.map((error: { code: string }) => error.code)).toContain('missing-column');
  });

  it('refuses anyone but the coordinator, and an unknown round', async () => {
    expect((await importScores(people.natureLeader, roundId, `${header}\n`, 'mode=preview')).status).toBe(403);
    expect((await importScores(people.coordinator, 'nowhere', `${header}\n`, 'mode=preview')).status).toBe(404);
  });
});

describe('standards and the coverage matrix', () => {
  const matrix = async (as: string = people.coordinator) => {
    const response = await server.api.get<CoverageMatrixDto>(as, '/coverage');
    expect(response.status).toBe(200);
    return coverageMatrixSchema.parse(response.body);
  };
  const rowOf = (data: CoverageMatrixDto, standard: string, clause: string) =>
    data.standards.find((entry) => entry.standard === standard)!.rows.find((row) => row.clause === clause)!;

  it('shows ISO 9001 and 14001 with an uncovered clause, procedures and audits placed', async () => {
    const data = await matrix();
    expect(data.standards.map((entry) => entry.standard)).toEqual(['iso9001', 'iso14001']);
    expect(rowOf(data, 'iso14001', '8.2').isCovered).toBe(false);
    expect(rowOf(data, 'iso14001', '6.1.2').procedures.map((item) => item.title)).toEqual([
      expect.stringMatching(/^K-04 /),
    ]);
    expect(rowOf(data, 'iso9001', '7.5').audits.length).toBeGreaterThan(0);
    expect(data.hasGoals).toBe(false);
  });

  it('counts an audit citing another standard’s clause', async () => {
    const created = await server.api.post(people.coordinator, '/audits', {
      kind: 'internal',
      title: 'Beredskab på genbrugspladsen',
      clauses: ['14001:8.2'],
      plannedOn: '2027-05-03',
    });
    expect(created.status).toBe(201);
    expect(rowOf(await matrix(), 'iso14001', '8.2')).toMatchObject({
      isCovered: true,
      audits: [{ kind: 'audit', title: 'Beredskab på genbrugspladsen' }],
    });
    expect(
      (
        await server.api.post(people.coordinator, '/audits', {
          kind: 'internal',
          title: 'x',
          clauses: ['27001:5.1'],
          plannedOn: '2027-05-03',
        })
      ).status,
    ).toBe(400);
  });

  it.each([
    [people.natureAuthor, 200],
    [people.natureLeader, 200],
    [auditor, 200],
    [bystander, 403],
  ])('%s reads the coverage matrix: %i', async (as, status) => {
    expect((await server.api.get(as, '/coverage')).status).toBe(status);
  });

  it('lets the coordinator alone choose the standards, guarded by the etag', async () => {
    const read = standardsSchema.parse((await server.api.get(bystander, '/standards')).body);
    expect(read).toMatchObject({ chosen: ['iso9001', 'iso14001'], abilities: { choose: false } });
    const choose = (as: string, standardIds: string[], etag: number) =>
      server.api.call(as, 'PUT', '/standards', { json: { standardIds }, ifMatch: String(etag) });
    expect((await choose(people.natureLeader, ['iso9001'], read.etag)).status).toBe(403);
    expect((await choose(people.coordinator, ['iso9001', 'iso45001'], read.etag + 1)).status).toBe(409);
    expect((await choose(people.coordinator, ['iso27001'], read.etag)).status).toBe(400);
    const chosen = await choose(people.coordinator, ['iso45001', 'iso9001'], read.etag);
    expect(chosen.status).toBe(200);
    expect(chosen.body.chosen).toEqual(['iso9001', 'iso45001']);
    expect((await matrix()).standards.map((entry) => entry.standard)).toEqual(['iso9001', 'iso45001']);
  });
});
