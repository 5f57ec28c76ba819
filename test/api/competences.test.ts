import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competenceMatrixSchema, type CompetenceMatrixDto } from '../../functions/src/contract/schemas.js';
import { matrixHeader } from '../../functions/src/core/competence-import.js';
import { matrixCells } from '../support/competence-matrix.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const put = (as: string, personId: string, competenceId: string, json: unknown, ifMatch: string) =>
  server.api.call(as, 'PUT', `/competence-matrix/${personId}/${competenceId}`, { json, ifMatch });

// The matrix is compact (people and competences once, recorded cells in columns): decode it as the tab does.
const cellsOf = (matrix: CompetenceMatrixDto) => matrixCells(competenceMatrixSchema.parse(matrix));
const cellOf = (matrix: CompetenceMatrixDto, personId: string, competenceId: string) =>
  cellsOf(matrix).find((cell) => cell.personId === personId && cell.competenceId === competenceId);

describe('competences and the matrix', () => {
  it('lists the seeded competences with requirements and coverage, to everyone', async () => {
    const response = await server.api.get(people.environmentCaseworker, '/competences');
    expect(response.status).toBe(200);
    expect(response.body.competences.length).toBeGreaterThan(20);
    expect(response.body.requirements.length).toBeGreaterThan(20);
    expect(response.body.externalCoverage).toHaveLength(1);
    expect(response.body.abilities.manage).toBe(false);
    expect((await server.api.get(people.natureLeader, '/competences')).body.abilities.manage).toBe(true);
  });

  it('shows a unit’s people and their levels, and refuses an unknown unit', async () => {
    const matrix = await server.api.get(people.natureCaseworker, '/competence-matrix?unitId=natur');
    expect(matrix.status).toBe(200);
    const unitIds = new Set(matrix.body.people.map((person: { unitId: string }) => person.unitId));
    expect([...unitIds]).toEqual(['natur']);
    const cells = cellsOf(matrix.body);
    expect(cells.length).toBeGreaterThan(0);
    const positions: number[] = matrix.body.cells.position;
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    expect(Math.max(...positions)).toBeLessThan(matrix.body.people.length * matrix.body.competences.length);
    expect((await server.api.get(people.natureCaseworker, '/competence-matrix?unitId=nowhere')).status).toBe(404);
  });

  it('lets a person self-assess, a leader confirm, and refuses stale writes and strangers', async () => {
    const read = async () => (await server.api.get(people.coordinator, '/competence-matrix')).body;
    const before = cellOf(await read(), people.natureCaseworker, 'aktindsigt');
    const etag = String(before?.etag ?? 0);

    const self = await put(people.natureCaseworker, people.natureCaseworker, 'aktindsigt', { level: 2 }, etag);
    expect(self.status).toBe(200);
    expect(self.body).toMatchObject({ level: 2, assessment: 'self', confirmedBy: null });

    const stale = await put(people.natureLeader, people.natureCaseworker, 'aktindsigt', { level: 3 }, etag);
    expect(stale.status).toBe(409);

    const stranger = await put(people.environmentCaseworker, people.natureCaseworker, 'aktindsigt', { level: 4 }, '0');
    expect(stranger.status).toBe(403);

    const confirmed = await put(
      people.natureLeader,
      people.natureCaseworker,
      'aktindsigt',
      { level: 3, evidence: { kind: 'course', title: 'Aktindsigt i praksis', date: '2026-03-01' } },
      String(self.body.etag),
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ level: 3, assessment: 'confirmed', confirmedBy: people.natureLeader });
    // The compact matrix carries what the tab sends back: the etag and the evidence (kept on a level change).
    expect(cellOf(await read(), people.natureCaseworker, 'aktindsigt')).toEqual({
      personId: people.natureCaseworker,
      competenceId: 'aktindsigt',
      level: 3,
      assessment: 'confirmed',
      evidence: { kind: 'course', title: 'Aktindsigt i praksis', date: '2026-03-01' },
      validUntil: confirmed.body.validUntil,
      etag: confirmed.body.etag,
    });

    const badLevel = await put(people.natureLeader, people.natureCaseworker, 'aktindsigt', { level: 5 }, '1');
    expect(badLevel.status).toBe(400);
  });

  it('reports gaps, single-person tasks, external coverage and expiring qualifications', async () => {
    const report = await server.api.get(people.coordinator, '/competence-gaps');
    expect(report.status).toBe(200);
    const states = report.body.gaps.map((gap: { coverage: string }) => gap.coverage);
    expect(states).toContain('unmet');
    expect(states).toContain('external');
    expect(report.body.gaps.some((gap: { isSinglePersonDependency: boolean }) => gap.isSinglePersonDependency)).toBe(
      true,
    );
    expect(report.body.expiring.some((item: { isExpired: boolean }) => !item.isExpired)).toBe(true);
    expect(report.body.expiring.every((item: { daysLeft: number }) => item.daysLeft <= 90)).toBe(true);
  });

  it('records an external coverage decision from a leader only', async () => {
    const { requirements } = (await server.api.get(people.coordinator, '/competences')).body;
    const natura = requirements.find(
      (requirement: { competenceId: string }) => requirement.competenceId === 'natura-2000',
    );
    const body = { requirementId: natura.id, supplier: 'Habitat Rådgivning', contractEnd: null, note: 'Et år.' };
    expect((await server.api.post(people.natureCaseworker, '/competence-coverage', body)).status).toBe(403);
    const decided = await server.api.post(people.natureLeader, '/competence-coverage', body);
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({ supplier: 'Habitat Rådgivning', decidedBy: people.natureLeader });
    const unknown = await server.api.post(people.natureLeader, '/competence-coverage', {
      ...body,
      requirementId: 'r-x',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('competence matrix import and export', () => {
  const csv = (...lines: string[]) => '\uFEFF' + lines.join('\r\n') + '\r\n';
  const header = 'Person;Kompetence;Niveau;Gyldig til';
  const upload = (as: string, query: string, raw: string | Uint8Array) =>
    server.api.call(as, 'POST', `/competence-matrix/import?${query}`, { raw, contentType: 'text/csv' });
  const matrix = async () => (await server.api.get(people.coordinator, '/competence-matrix')).body;

  it('exports CSV for Danish Excel with the same numbers as the matrix, people by e-mail, and it imports back unchanged', async () => {
    const asCsv = await fetch(`${server.url}/api/competence-matrix/export?format=csv&unitId=natur`, {
      headers: { 'x-local-user': people.natureCaseworker },
    });
    expect(asCsv.status).toBe(200);
    const bytes = new Uint8Array(await asCsv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [head, ...lines] = text.split('\r\n').filter((line) => line !== '');
    expect(head).toBe(matrixHeader.join(';'));
    expect(text).toContain('Naturbeskyttelse § 3');
    const natur = (await server.api.get(people.natureCaseworker, '/competence-matrix?unitId=natur')).body;
    const emailOf = new Map(natur.people.map((person: { id: string; email: string }) => [person.id, person.email]));
    const nameOf = new Map(
      natur.competences.map((competence: { id: string; name: string }) => [competence.id, competence.name]),
    );
    const fromApi = cellsOf(natur).map(
      (cell) => `${emailOf.get(cell.personId)}|${nameOf.get(cell.competenceId)}|${cell.level}|${cell.validUntil ?? ''}`,
    );
    const fromFile = lines.map((line) => {
      const [person, , competence, level, validUntil] = line.split(';');
      return `${person}|${competence}|${level}|${validUntil}`;
    });
    expect(fromFile.length).toBeGreaterThan(0);
    expect([...fromFile].sort()).toEqual([...fromApi].sort());
    // No person ids ("anne-birk"): the e-mail and the name identify a person.
    for (const person of natur.people as { id: string }[])
      expect(text).not.toMatch(new RegExp(`(^|;)${person.id};`, 'm'));
    const again = await upload(people.coordinator, 'format=csv&mode=preview', text);
    expect(again.body).toMatchObject({ changes: [], errors: [] });
  });

  it('previews a good import without writing, then applies it in full', async () => {
    const file = csv(
      header,
      `${people.environmentCaseworker};Jordflytning;4;2029-12-31`,
      `${people.environmentCaseworker}@eksempel-kommune.dk;Lokalplanlægning;1;`,
    );
    const preview = await upload(people.coordinator, 'format=csv&mode=preview', file);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.isApplied).toBe(false);
    expect(preview.body.changes).toMatchObject([
      {
        line: 2,
        personId: people.environmentCaseworker,
        competenceId: 'jordflytning',
        to: { level: 4, validUntil: '2029-12-31' },
      },
      {
        line: 3,
        personId: people.environmentCaseworker,
        competenceId: 'lokalplan',
        to: { level: 1, validUntil: null },
      },
    ]);
    expect(cellOf(await matrix(), people.environmentCaseworker, 'jordflytning')?.level).not.toBe(4);

    const applied = await upload(people.coordinator, 'format=csv&mode=apply', file);
    expect(applied.status).toBe(200);
    expect(applied.body.isApplied).toBe(true);
    const after = await matrix();
    expect(cellOf(after, people.environmentCaseworker, 'jordflytning')).toMatchObject({
      level: 4,
      assessment: 'confirmed',
    });
    expect(cellOf(after, people.environmentCaseworker, 'lokalplan')).toMatchObject({ level: 1 });

    const again = await upload(people.coordinator, 'format=csv&mode=preview', file);
    expect(again.body).toMatchObject({ changes: [], unchangedLines: [2, 3], errors: [] });
  });

  it('reports each bad row with its line and column, and imports nothing', async () => {
    const before = await matrix();
    const file = csv(
      header,
      `${people.buildingAuthor};Lokalplanlægning;3;`,
      `${people.buildingAuthor};Jordflytning;7;`,
      `nobody@eksempel-kommune.dk;Jordflytning;2;`,
      `${people.buildingAuthor};Lokalplanlægning;2;`,
      `${people.buildingAuthor};Svejsning;2;`,
      `${people.buildingAuthor};Spildevandstilladelser;2;31-12-2027`,
    );
    const preview = await upload(people.coordinator, 'format=csv&mode=preview', file);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([
      {
        line: 3,
        column: 'Niveau',
        code: 'unknown-level',
        params: { value: '7', min: 0, max: 4 },
        message: expect.stringContaining('Unknown level'),
      },
      {
        line: 4,
        column: 'Person',
        code: 'unknown-person',
        params: { value: 'nobody@eksempel-kommune.dk' },
        message: expect.stringContaining('Unknown person'),
      },
      {
        line: 5,
        column: null,
        code: 'duplicate-row',
        params: { person: expect.any(String), competence: 'Lokalplanlægning', firstLine: 2 },
        message: expect.stringContaining('line 2'),
      },
      {
        line: 6,
        column: 'Kompetence',
        code: 'unknown-competence',
        params: { value: 'Svejsning' },
        message: expect.stringContaining('Unknown competence'),
      },
      {
        line: 7,
        column: 'Gyldig til',
        code: 'bad-date',
        params: { value: '31-12-2027' },
        message: expect.stringContaining('not a date'),
      },
    ]);
    const applied = await upload(people.coordinator, 'format=csv&mode=apply', file);
    expect(applied.status).toBe(400);
    expect(applied.body.details.errors.map((error: { code: string }) => error.code)).toEqual([
      'unknown-level',
      'unknown-person',
      'duplicate-row',
      'unknown-competence',
      'bad-date',
    ]);
    expect(cellsOf(await matrix())).toEqual(cellsOf(before));
  });

  it('refuses a file with a wrong column header on line 1, and imports by leaders only', async () => {
    const wrong = csv('Person;Kompetence;Level;Gyldig til', `${people.buildingAuthor};Jordflytning;2;`);
    const preview = await upload(people.coordinator, 'format=csv&mode=preview', wrong);
    expect(preview.body.errors).toEqual([
      {
        line: 1,
        column: 'Level',
        code: 'unknown-column',
        params: { value: 'Level', expected: 'Person, Navn, Kompetence, Niveau, Gyldig til, Vurdering' },
        message: expect.stringContaining('Unknown column'),
      },
      {
        line: 1,
        column: 'Niveau',
        code: 'missing-column',
        params: { value: 'Niveau' },
        message: expect.stringContaining('missing'),
      },
    ]);
    expect((await upload(people.coordinator, 'format=csv&mode=apply', wrong)).status).toBe(400);
    const asCaseworker = await upload(people.natureCaseworker, 'format=csv&mode=preview', csv(header));
    expect(asCaseworker.status).toBe(403);
  });

  it('imports .xlsx, with dates typed as dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.addRow(['Person', 'Navn', 'Kompetence', 'Niveau', 'Gyldig til']);
    sheet.addRow([people.buildingAuthor, 'Henrik', 'Intern auditor (ISO 9001)', 2, new Date(Date.UTC(2028, 5, 30))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const applied = await upload(people.coordinator, 'format=xlsx&mode=apply', bytes);
    expect(applied.status).toBe(200);
    expect(applied.body.changes).toMatchObject([{ line: 2, to: { level: 2, validUntil: '2028-06-30' } }]);
    expect(cellOf(await matrix(), people.buildingAuthor, 'intern-auditor')).toMatchObject({ level: 2 });
    const garbage = await upload(people.coordinator, 'format=xlsx&mode=preview', 'not a workbook');
    expect(garbage.status).toBe(400);
  });
});

/**
 * Issue 10, item 5: a leader manages the competences of their own unit and the units below it,
 * never a unit beside or above; the coordinator manages all. In the demo Natur, Miljø and Byg og
 * Plan are siblings under Teknik og Miljø, whose leader is the director.
 */
describe('a leader’s competence authority reaches their own unit and the units below it', () => {
  const environmentLeader = 'jens-mortensen';
  const stored = () => server.app.services.store.listPersonCompetences();
  const coverage = () => server.app.services.store.listExternalCoverage();
  const etagOf = async (personId: string, competenceId: string) =>
    String(
      cellOf((await server.api.get(people.coordinator, '/competence-matrix')).body, personId, competenceId)?.etag ?? 0,
    );

  it('refuses a Miljø leader who confirms a Natur caseworker’s level, and nothing changes', async () => {
    const before = await stored();
    const etag = await etagOf(people.natureCaseworker, 'naturbeskyttelse-3');
    const refused = await put(environmentLeader, people.natureCaseworker, 'naturbeskyttelse-3', { level: 4 }, etag);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(await stored()).toEqual(before);
  });

  it('lets the unit’s own leader, the leader of the unit above and the coordinator confirm; a person still self-assesses', async () => {
    for (const [actor, level] of [
      [people.natureLeader, 1],
      [people.director, 2],
      [people.coordinator, 3],
    ] as const) {
      const etag = await etagOf(people.natureCaseworker, 'naturbeskyttelse-3');
      const confirmed = await put(actor, people.natureCaseworker, 'naturbeskyttelse-3', { level }, etag);
      expect(confirmed.status, actor).toBe(200);
      expect(confirmed.body).toMatchObject({ level, assessment: 'confirmed', confirmedBy: actor });
    }
    const etag = await etagOf(environmentLeader, 'naturbeskyttelse-3');
    const self = await put(environmentLeader, environmentLeader, 'naturbeskyttelse-3', { level: 1 }, etag);
    expect(self.status).toBe(200);
    expect(self.body).toMatchObject({ assessment: 'self' });
  });

  it('tells the tab which units’ rows the caller may edit', async () => {
    const abilitiesOf = async (as: string) => (await server.api.get(as, '/competence-matrix')).body.abilities;
    const all = ['byg-plan', 'miljo', 'natur', 'teknik-miljo'];
    expect(await abilitiesOf(environmentLeader)).toEqual({ manage: true, manageUnitIds: ['miljo'] });
    expect((await abilitiesOf(people.director)).manageUnitIds.sort()).toEqual(all);
    expect((await abilitiesOf(people.coordinator)).manageUnitIds.sort()).toEqual(all);
    expect(await abilitiesOf(people.natureCaseworker)).toEqual({ manage: false, manageUnitIds: [] });
  });

  it('refuses a Miljø leader’s import with Natur rows as a whole, naming the rows, and writes nothing', async () => {
    const csv = (...lines: string[]) => '\uFEFF' + lines.join('\r\n') + '\r\n';
    const upload = (as: string, query: string, raw: string) =>
      server.api.call(as, 'POST', `/competence-matrix/import?${query}`, { raw, contentType: 'text/csv' });
    const file = csv(
      'Person;Kompetence;Niveau;Gyldig til',
      `${people.environmentCaseworker};Jordflytning;3;`,
      `${people.natureCaseworker};Naturbeskyttelse § 3;4;`,
      `${people.natureAuthor}@eksempel-kommune.dk;Natura 2000 og habitatvurdering;4;`,
    );
    const before = await stored();
    const preview = await upload(environmentLeader, 'format=csv&mode=preview', file);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([
      {
        line: 3,
        column: 'Person',
        code: 'person-out-of-scope',
        params: { value: 'Karen Holt' },
        message: expect.stringContaining('Karen Holt'),
      },
      {
        line: 4,
        column: 'Person',
        code: 'person-out-of-scope',
        params: { value: 'Peter Lund' },
        message: expect.stringContaining('Peter Lund'),
      },
    ]);
    const applied = await upload(environmentLeader, 'format=csv&mode=apply', file);
    expect(applied.status).toBe(403);
    expect(applied.body.code).toBe('FORBIDDEN');
    expect(applied.body.details.errors.map((error: { line: number }) => error.line)).toEqual([3, 4]);
    expect(await stored()).toEqual(before);

    // The director's authority covers Natur and Miljø alike.
    expect((await upload(people.director, 'format=csv&mode=apply', file)).status).toBe(200);
  });

  it('refuses a Miljø leader’s external coverage decision for a Natur requirement', async () => {
    const { requirements } = (await server.api.get(people.coordinator, '/competences')).body;
    const k16 = (await server.app.services.store.getProcedureByCode('K-16'))!.id;
    const natur = requirements.find(
      (requirement: { scope: { kind: string; procedureId?: string } }) =>
        requirement.scope.kind === 'procedure' && requirement.scope.procedureId === k16,
    );
    const miljo = requirements.find(
      (requirement: { scope: { kind: string; unitId?: string } }) =>
        requirement.scope.kind === 'unit' && requirement.scope.unitId === 'miljo',
    );
    const body = { requirementId: natur.id, supplier: 'Natur-rådgiverne', contractEnd: null, note: 'Prøve.' };
    const before = await coverage();
    const refused = await server.api.post(environmentLeader, '/competence-coverage', body);
    expect(refused.status).toBe(403);
    expect(await coverage()).toEqual(before);
    const own = await server.api.post(environmentLeader, '/competence-coverage', { ...body, requirementId: miljo.id });
    expect(own.status).toBe(201);
  });
});
