import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type ApiResponse, type TestServer } from '../support/test-server.js';

/**
 * Issue 10, item 6: an import answers in proportion to the limits, not to the file. Rows and
 * columns are capped, and only the first 100 row errors are listed, with the total count.
 */
let server: TestServer;
let auditId = '';

beforeAll(async () => {
  server = await startTestServer();
  const certificate = (await server.api.get(people.coordinator, '/certificates')).body.certificates[0];
  const created = await server.api.post(people.coordinator, '/audits', {
    kind: 'surveillance',
    title: 'Grænsetest',
    certificateId: certificate.id,
    plannedOn: '2033-03-10',
  });
  auditId = created.body.id;
});
afterAll(async () => server?.stop());

const matrix = async () => (await server.api.get(people.coordinator, '/competence-matrix')).body;
const findings = async () => (await server.api.get(people.coordinator, `/audits/${auditId}/findings`)).body;

async function importMatrix(query: string, raw: string | Uint8Array): Promise<ApiResponse & { bytes: number }> {
  const response = await server.api.call(people.coordinator, 'POST', `/competence-matrix/import?${query}`, { raw });
  return { ...response, bytes: JSON.stringify(response.body).length };
}

async function importFindings(mode: string, raw: string): Promise<ApiResponse & { bytes: number }> {
  const response = await server.api.call(
    people.coordinator,
    'POST',
    `/audits/${auditId}/findings/import?mode=${mode}`,
    {
      raw,
      contentType: 'text/csv',
    },
  );
  return { ...response, bytes: JSON.stringify(response.body).length };
}

const matrixHeader = 'Person;Kompetence;Niveau;Gyldig til';

describe('competence matrix import', () => {
  it('2 MB of "x" lines gets a small 413, not hundreds of megabytes of errors', async () => {
    const before = await matrix();
    const response = await importMatrix(
      'format=csv&mode=preview',
      `${matrixHeader}\n${'x\n'.repeat(1024 * 1024 - 40)}`,
    );
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { reason: 'too-many-rows', limit: 5000 },
    });
    expect(response.bytes).toBeLessThan(2000);
    expect(await matrix()).toEqual(before);
  });

  it('lists the first 100 errors of a file within the limits and counts them all', async () => {
    const response = await importMatrix('format=csv&mode=preview', `${matrixHeader}\n${'x\n'.repeat(4000)}`);
    expect(response.status).toBe(200);
    expect(response.body.errors).toHaveLength(100);
    expect(response.body.errorCount).toBe(4000 * 3);
    expect(response.body.errors[0]).toMatchObject({ line: 2, code: 'unknown-person' });
    expect(response.bytes).toBeLessThan(200 * 1024);
  });

  it('apply refuses with the same bounded list and imports nothing', async () => {
    const before = await matrix();
    const response = await importMatrix('format=csv&mode=apply', `${matrixHeader}\n${'x\n'.repeat(4000)}`);
    expect(response.status).toBe(400);
    expect(response.body.details.errors).toHaveLength(100);
    expect(response.body.details.errorCount).toBe(12000);
    expect(response.bytes).toBeLessThan(200 * 1024);
    expect(await matrix()).toEqual(before);
  });

  it('a row of 300 columns is refused', async () => {
    const response = await importMatrix('format=csv&mode=preview', `${matrixHeader}\n${'a;'.repeat(300)}\n`);
    expect(response.status).toBe(413);
    expect(response.body.details).toMatchObject({ reason: 'too-many-columns', limit: 200 });
  });

  it('a generated .xlsx of 150,000 rows gets a small 413', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Kompetencer');
    sheet.addRow(matrixHeader.split(';'));
    for (let row = 0; row < 150_000; row++) sheet.addRow(['x', 'y', 'z']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const before = await matrix();
    const response = await importMatrix('format=xlsx&mode=preview', bytes);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { reason: 'too-many-rows' } });
    expect(response.bytes).toBeLessThan(2000);
    expect(await matrix()).toEqual(before);
  }, 60_000);
});

describe('findings import', () => {
  const header = 'grade;clause;procedure;unit;description;foundOn';

  it('2 MB of "x" lines gets a small 413 at the edge; 100,000 lines within the body limit a small 413 too', async () => {
    const before = await findings();
    const huge = await importFindings('apply', `${header}\n${'x\n'.repeat(1024 * 1024 - 40)}`);
    expect(huge.status).toBe(413);
    expect(huge.bytes).toBeLessThan(2000);
    const long = await importFindings('apply', `${header}\n${'x\n'.repeat(100_000)}`);
    expect(long.status).toBe(413);
    expect(long.body.details).toMatchObject({ reason: 'too-many-rows', limit: 5000 });
    expect(long.bytes).toBeLessThan(2000);
    expect(await findings()).toEqual(before);
  });

  it('lists the first 100 errors and counts them all, in preview and in the refused apply', async () => {
    const before = await findings();
    const preview = await importFindings('preview', `${header}\n${'x\n'.repeat(3000)}`);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toHaveLength(100);
    expect(preview.body.errorCount).toBeGreaterThanOrEqual(3000);
    expect(preview.bytes).toBeLessThan(200 * 1024);
    const applied = await importFindings('apply', `${header}\n${'x\n'.repeat(3000)}`);
    expect(applied.status).toBe(400);
    expect(applied.body.details.errors).toHaveLength(100);
    expect(applied.body.details.errorCount).toBe(preview.body.errorCount);
    expect(await findings()).toEqual(before);
  });
});
