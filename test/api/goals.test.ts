import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../functions/src/documents/competence-sheet.js';
import { people, startTestServer, type ApiResponse, type TestServer } from '../support/test-server.js';

/**
 * Issue 14 over HTTP against real SQLite: the quality policy, goals, a case source's mapping,
 * preview and import of case exports (good and bad files, re-import, 20,000 rows), the figures,
 * a goal turning red reaching its owner's årshjul, and the 403s.
 */
let server: TestServer;
const coordinator = people.coordinator;
const caseworker = people.natureCaseworker;
const leader = people.natureLeader;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const header = 'Sagsnr.;Kategori;Afdeling;Modtaget;Fuldt oplyst;Afgørelse;Dage hos ansøger;Servicemål;Fritaget;Ansøger';
const mapping = {
  caseId: 'Sagsnr.',
  caseType: 'Kategori',
  unit: 'Afdeling',
  receivedOn: 'Modtaget',
  fullyInformedOn: 'Fuldt oplyst',
  decidedOn: 'Afgørelse',
  pausedDays: 'Dage hos ansøger',
  targetDays: 'Servicemål',
  exemptionReason: 'Fritaget',
  decisionType: null,
};
const csv = (...rows: string[]) => `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
const good = csv(
  'T-1;Testtype;Byg og Plan;05-01-2025;;04.02.2025;3;40;;Hans Hansen',
  'T-2;Testtype;byg-plan;2025-01-05;2025-01-10;2025-04-30;0;40;;Grete Jensen',
  'T-3;Testtype;;05.01.2025;;;0;40;;',
  'T-4;Testtype;;05.01.2025;;2025-06-01;0;40;Lovliggørelse;',
);

async function importFile(
  sourceId: string,
  body: string | Uint8Array,
  options: { as?: string; format?: 'csv' | 'xlsx'; mode?: 'import' | 'preview' } = {},
): Promise<ApiResponse> {
  return server.api.call(
    options.as ?? coordinator,
    'POST',
    `/case-sources/${sourceId}/${options.mode ?? 'import'}?format=${options.format ?? 'csv'}`,
    {
      raw: body,
      contentType: options.format === 'xlsx' ? 'application/octet-stream' : 'text/csv',
    },
  );
}

async function statistics(caseType: string) {
  const response = await server.api.get(
    coordinator,
    `/case-statistics?from=2025-01-01&to=2025-12-31&caseType=${encodeURIComponent(caseType)}`,
  );
  expect(response.status).toBe(200);
  return response.body;
}

async function saveSource(id: string, as: string = coordinator, ifMatch = '"0"') {
  return server.api.call(as, 'PUT', `/case-sources/${id}`, { json: { name: `Kilde ${id}`, mapping }, ifMatch });
}

describe('quality policy', () => {
  it('is written by the coordinator, read by everyone, and refused from a stale read or another role', async () => {
    const text = { da: 'Vi træffer rigtige afgørelser til tiden.', nb: 'Vi fatter riktige vedtak i tide.' };
    const body = { text, adoptedBy: 'Byrådet', adoptedOn: '2025-06-19', isPublished: true };
    expect((await server.api.call(caseworker, 'PUT', '/quality-policy', { json: body, ifMatch: '"0"' })).status).toBe(
      403,
    );
    const current = await server.api.get(coordinator, '/quality-policy');
    const etag = current.body.policy?.etag ?? 0;
    const saved = await server.api.call(coordinator, 'PUT', '/quality-policy', { json: body, ifMatch: `"${etag}"` });
    expect(saved.status).toBe(200);
    expect(saved.body.policy).toMatchObject({ text, adoptedBy: 'Byrådet', isPublished: true, etag: etag + 1 });
    expect(saved.body.policy.publishedOn).not.toBeNull();
    const read = await server.api.get(caseworker, '/quality-policy');
    expect(read.body).toMatchObject({ policy: { adoptedBy: 'Byrådet' }, abilities: { edit: false } });
    const stale = await server.api.call(coordinator, 'PUT', '/quality-policy', { json: body, ifMatch: `"${etag}"` });
    expect(stale.status).toBe(409);
    const empty = await server.api.call(coordinator, 'PUT', '/quality-policy', {
      json: { ...body, text: {} },
      ifMatch: `"${etag + 1}"`,
    });
    expect(empty.status).toBe(400);
  });
});

describe('case data import', () => {
  beforeAll(async () => {
    expect((await saveSource('test-bom')).status).toBe(200);
  });

  it('maps, previews and imports a semicolon file with BOM and Danish dates, keeping no names', async () => {
    const preview = await importFile('test-bom', good, { mode: 'preview' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ isMappingSaved: true, rowCount: 4, errors: [], errorCount: 0 });
    expect(preview.body.cases[0]).toMatchObject({
      caseId: 'T-1',
      unitId: 'byg-plan',
      receivedOn: '2025-01-05',
      decidedOn: '2025-02-04',
    });
    expect((await statistics('Testtype')).headline.decided).toBe(0);

    const imported = await importFile('test-bom', good);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rowCount: 4, created: 4, updated: 0 });
    expect(JSON.stringify((await importFile('test-bom', good, { mode: 'preview' })).body)).not.toContain('Hansen');
    const figures = await statistics('Testtype');
    // T-1 in 30 days, T-2 from fully informed 110 days; T-3 open (backlog); T-4 exempt.
    expect(figures.headline).toMatchObject({ decided: 2, withinTarget: 1, sharePercent: 50 });
    expect(figures).toMatchObject({ backlog: 1, exempt: 1 });
  });

  it('updates cases imported again instead of adding them twice', async () => {
    const again = csv('T-2;Testtype;byg-plan;2025-01-05;2025-01-10;2025-02-01;0;40;;');
    const imported = await importFile('test-bom', again);
    expect(imported.body).toMatchObject({ rowCount: 1, created: 0, updated: 1 });
    const figures = await statistics('Testtype');
    expect(figures.headline).toMatchObject({ decided: 2, withinTarget: 2, sharePercent: 100 });
  });

  it('reads an .xlsx export and a comma-separated one', async () => {
    const xlsx = await writeXlsx('Sager', header.split(';'), [
      ['X-1', 'Xlsxtype', '', '2025-03-01', '', '2025-03-20', '0', '40', '', ''],
    ]);
    const fromXlsx = await importFile('test-bom', xlsx, { format: 'xlsx' });
    expect(fromXlsx.status).toBe(200);
    expect(fromXlsx.body).toMatchObject({ created: 1 });
    const comma = `${header.replaceAll(';', ',')}\n"C-1",Kommatype,,01.03.2025,,20.03.2025,0,40,,\n`;
    expect((await importFile('test-bom', comma)).body).toMatchObject({ created: 1 });
    expect((await statistics('Kommatype')).headline.decided).toBe(1);
  });

  it.each([
    ['wrong columns', 'Sag;Type;Modtaget\nZ-1;Z;2025-01-01', [1, 'caseId', 'unmapped-field']],
    ['an impossible date', csv('Z-1;Ztype;;30.02.2025;;;0;40;;'), [2, 'receivedOn', 'bad-date']],
    ['decided before received', csv('Z-1;Ztype;;2025-03-01;;2025-02-01;0;40;;'), [2, 'decidedOn', 'date-order']],
    [
      'a case id twice',
      csv('Z-1;Ztype;;2025-03-01;;;0;40;;', 'Z-1;Ztype;;2025-03-02;;;0;40;;'),
      [3, 'caseId', 'duplicate-case'],
    ],
    ['an unknown unit', csv('Z-1;Ztype;Ukendt enhed;2025-03-01;;;0;40;;'), [2, 'unit', 'unknown-unit']],
  ])(
    'refuses a file with %s, naming line and field, and imports nothing',
    async (_name, file, [line, column, code]) => {
      const before = await statistics('Ztype');
      const response = await importFile('test-bom', `${file}\r\nZ-9;Ztype;;2025-03-01;;2025-03-02;0;40;;`);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION');
      expect(response.body.details.errors[0]).toMatchObject({ line, column, code });
      expect(await statistics('Ztype')).toEqual(before);
    },
  );

  it('imports 20,000 rows', async () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => {
      const day = String((index % 28) + 1).padStart(2, '0');
      return `B-${index};Bulktype;;${day}.01.2025;;${day}.02.2025;0;${index % 3 === 0 ? 20 : 40};;`;
    });
    const response = await importFile('test-bom', csv(...rows));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ rowCount: 20_000, created: 20_000 });
    expect((await statistics('Bulktype')).headline.decided).toBe(20_000);
  });

  it('refuses import and mapping to everyone but the coordinator, and import without a saved mapping', async () => {
    for (const as of [caseworker, leader, people.director]) {
      expect((await importFile('test-bom', good, { as })).status).toBe(403);
      expect((await importFile('test-bom', good, { as, mode: 'preview' })).status).toBe(403);
      expect((await saveSource('other', as)).status).toBe(403);
      expect((await server.api.get(as, '/case-sources')).status).toBe(403);
    }
    expect((await importFile('never-mapped', good)).status).toBe(404);
    expect((await saveSource('test-bom')).status).toBe(409);
  });
});

describe('goals', () => {
  const goal = {
    title: 'Testmål: 95 % inden for servicemål',
    description: 'Andel af afgjorte sager inden for servicemålet.',
    clauses: ['6.2'],
    target: { direction: 'at-least', value: 95, unit: 'percent' },
    scope: { caseTypes: ['Redtype'], unitIds: [] },
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    cadence: 'monthly',
    ownerId: leader,
    measurement: { kind: 'cases', metric: 'share-within-target' },
    thresholds: { yellowWithinPoints: 5 },
    status: 'active',
    revisionMonth: 11,
  };

  it('is set by the coordinator only and read by everyone', async () => {
    expect((await server.api.post(caseworker, '/goals', goal)).status).toBe(403);
    expect((await server.api.post(coordinator, '/goals', { ...goal, periodTo: '2024-12-31' })).status).toBe(400);
    expect((await server.api.post(coordinator, '/goals', { ...goal, ownerId: 'nobody' })).status).toBe(400);
    const created = await server.api.post(coordinator, '/goals', goal);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: goal.title,
      lastReading: { colour: 'none' },
      abilities: { edit: true },
    });
    const list = await server.api.get(caseworker, '/goals');
    expect(list.status).toBe(200);
    expect(list.body.abilities.create).toBe(false);
    expect(list.body.goals.find((item: { id: string }) => item.id === created.body.id).abilities).toEqual({
      edit: false,
      enterValue: false,
    });
    const patch = await server.api.call(caseworker, 'PATCH', `/goals/${created.body.id}`, {
      json: { title: 'Mit mål' },
      ifMatch: `"${created.body.etag}"`,
    });
    expect(patch.status).toBe(403);
  });

  it('turns red after an import and gives its owner an årshjul activity (once)', async () => {
    const created = await server.api.post(coordinator, '/goals', { ...goal, title: 'Rødt testmål' });
    const id = created.body.id as string;
    const red = csv('R-1;Redtype;;2025-01-01;;2025-01-20;0;40;;', 'R-2;Redtype;;2025-01-01;;2025-06-20;0;40;;');
    const imported = await importFile('test-bom', red);
    expect(imported.body.goals).toContainEqual({ goalId: id, colour: 'red', value: 50, hasTurnedRed: true });
    const detail = await server.api.get(leader, `/goals/${id}`);
    expect(detail.body.lastReading).toMatchObject({ colour: 'red', value: 50 });
    expect(detail.body.statistics.headline).toMatchObject({ decided: 2, withinTarget: 1 });
    const redSince = detail.body.lastReading.redSince as string;
    const activity = await server.api.get(leader, `/year-wheel/occurrences/goal-red-${id}-${redSince}`);
    expect(activity.status).toBe(200);
    expect(activity.body).toMatchObject({ owner: { id: leader }, kind: 'goal-revision', dueOn: redSince });
    const again = await importFile('test-bom', red);
    expect(again.body.goals).toContainEqual({ goalId: id, colour: 'red', value: 50, hasTurnedRed: false });
  });
});
