import { deflateSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProcedureDocx } from '../../functions/src/documents/procedure-template.js';
import { people, startTestServer, type ApiResponse, type TestServer } from '../support/test-server.js';
import { buildZip, entriesOf, packEntry, packedRepeat, withEntry, wordParagraph } from '../support/zip-bombs.js';

/**
 * Issue 10, items 2, 11 and 13: hostile documents against the real server. Each is refused with
 * its own 4xx while the server keeps answering, and the procedure is exactly as it was.
 */
let server: TestServer;
let procedureId = '';
let cleanDocx: Uint8Array;

beforeAll(async () => {
  server = await startTestServer();
  const list = await server.api.get(people.natureAuthor, '/procedures?limit=1000');
  procedureId = list.body.items.find((item: { code: string }) => item.code === 'K-17').id;
  cleanDocx = await buildProcedureDocx({ code: 'K-17', title: 'Test', organisation: 'Eksempel Kommune' });
});
afterAll(async () => server?.stop());

const detail = async () => (await server.api.get(people.coordinator, `/procedures/${procedureId}`)).body;

/** Uploads `bytes` as the author and returns the answer, having checked the procedure did not change. */
async function refusedUpload(fileName: string, bytes: Uint8Array): Promise<ApiResponse> {
  const before = await detail();
  const response = await server.api.upload(people.natureAuthor, procedureId, fileName, bytes, before.etag);
  const after = await detail();
  expect(after).toEqual(before);
  return response;
}

/** Uploads while timing a health check started 50 ms later; the server must answer it within 1 s. */
async function refusedWhileHealthy(fileName: string, bytes: Uint8Array): Promise<ApiResponse> {
  const before = await detail();
  const upload = server.api.upload(people.natureAuthor, procedureId, fileName, bytes, before.etag);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  const health = await server.api.get(null, '/health');
  const healthMs = performance.now() - started;
  const response = await upload;
  expect(health.status).toBe(200);
  expect(healthMs).toBeLessThan(1000);
  expect(await detail()).toEqual(before);
  return response;
}

describe('decompression bombs (item 2)', () => {
  it.each([100, 400])(
    'a .docx whose document.xml unpacks to %i MB is refused at once',
    async (megabytes) => {
      const bomb = await withEntry(cleanDocx, {
        name: 'word/document.xml',
        packed: await packedRepeat(wordParagraph, megabytes * 1024 * 1024),
        declaredSize: megabytes * 1024 * 1024,
      });
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
      const response = await refusedWhileHealthy('bombe.docx', bomb);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('UNSAFE_DOCUMENT');
      expect(['archive-too-large', 'compression-ratio']).toContain(response.body.details.reason);
    },
    60_000,
  );

  it('a 400 MB bomb whose archive declares 40 KB is stopped at the declared size', async () => {
    const bomb = await withEntry(cleanDocx, {
      name: 'word/document.xml',
      packed: await packedRepeat(wordParagraph, 400 * 1024 * 1024),
      declaredSize: 40 * 1024,
    });
    const response = await refusedWhileHealthy('bombe.docx', bomb);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'UNSAFE_DOCUMENT', details: { reason: 'declared-size-mismatch' } });
  }, 60_000);

  it('an archive of 3,000 entries is refused before anything is unpacked', async () => {
    const entries = await entriesOf(cleanDocx);
    for (let index = 0; index < 3000; index++) entries.push(packEntry(`customXml/item${index}.xml`, '<a/>'));
    const response = await refusedUpload('mange.docx', buildZip(entries));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'UNSAFE_DOCUMENT', details: { reason: 'too-many-entries' } });
  });

  it('a competence import .xlsx whose sheet unpacks to 400 MB is refused, and the matrix is unchanged', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Kompetencer').addRow(['Person', 'Kompetence', 'Niveau', 'Gyldig til']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const bomb = await withEntry(xlsx, {
      name: 'xl/worksheets/sheet1.xml',
      packed: await packedRepeat('<row><c t="inlineStr"><is><t>x</t></is></c></row>', 400 * 1024 * 1024),
      declaredSize: 400 * 1024 * 1024,
    });
    const matrix = async () => (await server.api.get(people.coordinator, '/competence-matrix')).body;
    const before = await matrix();
    const upload = server.api.call(people.coordinator, 'POST', '/competence-matrix/import?format=xlsx&mode=apply', {
      raw: bomb,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    expect((await server.api.get(null, '/health')).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    const response = await upload;
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('UNSAFE_DOCUMENT');
    expect(await matrix()).toEqual(before);
  }, 60_000);

  it('a real Word document still passes the guard', async () => {
    const before = await detail();
    const response = await server.api.upload(people.natureAuthor, procedureId, 'ren.docx', cleanDocx, before.etag);
    expect(response.status).toBe(200);
    expect(response.body.draft.state).toBe('draft');
  });
});

const activeContent = { code: 'UNSAFE_DOCUMENT', details: { reason: 'active-content' } };

describe('active content (item 11)', () => {
  it.each([
    ['a VBA project under an ordinary content type', 'word/vbaProject.bin', 'VBA\u0000macro'],
    ['VBA data', 'word/vbaData.xml', '<wne:vbaSuppData/>'],
    [
      'an ActiveX control',
      'word/activeX/activeX1.xml',
      '<ax:ocx ax:classid="{8BD21D10-EC42-11CE-9E0D-00AA006002F3}"/>',
    ],
  ])('a .docx with %s is refused', async (_, name, content) => {
    const docx = await withEntry(cleanDocx, packEntry(name, content));
    const response = await refusedUpload('makro.docx', docx);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject(activeContent);
  });

  it('a .docx with an embedded OLE package (a wrapped program) is refused', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('\u0001Ole10Native', 'utf16le'),
      Buffer.from('MZ\u0090\u0000 payload.exe'),
    ]);
    const docx = await withEntry(cleanDocx, packEntry('word/embeddings/oleObject1.bin', ole));
    const response = await refusedUpload('pakke.docx', docx);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject(activeContent);
  });

  it('a .docx with a macro-enabled content type is refused', async () => {
    const entries = await entriesOf(cleanDocx);
    const types = entries.find((entry) => entry.name === '[Content_Types].xml')!;
    const xml = inflateRawSync(types.packed)
      .toString('utf8')
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    const docx = buildZip([...entries.filter((entry) => entry !== types), packEntry('[Content_Types].xml', xml)]);
    const response = await refusedUpload('typer.docx', docx);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject(activeContent);
  });

  const pdf = (...objects: string[]) =>
    new TextEncoder().encode(
      `%PDF-1.7\n${objects.map((body, index) => `${index + 1} 0 obj\n${body}\nendobj\n`).join('')}` +
        'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );
  const pages = '<< /Type /Pages /Kids [] /Count 0 >>';

  it.each([
    [
      'an /OpenAction that runs JavaScript',
      `<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>`,
    ],
    [
      'a name spelled with #-escapes',
      `<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >>`,
    ],
    ['a /Launch action', `<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>`],
    ['an embedded file', `<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [] >> >> >>`],
  ])('a PDF with %s is refused', async (_, catalog) => {
    const response = await refusedUpload('aktiv.pdf', pdf(catalog, pages));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject(activeContent);
  });

  it('a PDF that hides JavaScript inside a compressed object stream is refused', async () => {
    const hidden = '3 0 << /S /JavaScript /JS (app.launchURL("https://evil.example")) >>';
    const packed = deflateSync(Buffer.from(hidden));
    const objectStream = Buffer.concat([
      Buffer.from(`3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`),
      packed,
      Buffer.from('\nendstream\nendobj\n'),
    ]);
    const head = pdf('<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>', pages);
    const text = Buffer.from(head).toString('latin1');
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, text.indexOf('trailer')), 'latin1'),
      objectStream,
      Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    ]);
    const response = await refusedUpload('skjult.pdf', new Uint8Array(bytes));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject(activeContent);
  });

  it('a plain PDF with a harmless object stream still passes', async () => {
    const harmless = '3 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
    const packed = deflateSync(Buffer.from(harmless));
    const bytes = Buffer.concat([
      Buffer.from(pdf('<< /Type /Catalog /Pages 2 0 R /OpenAction [0 /Fit] >>', pages)),
      Buffer.from(`3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`),
      packed,
      Buffer.from('\nendstream\nendobj\n'),
    ]);
    const before = await detail();
    const response = await server.api.upload(people.natureAuthor, procedureId, 'ren.pdf', bytes, before.etag);
    expect(response.status).toBe(200);
  });
});

describe('errors in our own words (item 13)', () => {
  it('a .docx whose document.xml references an undefined entity gets our message, not the XML parser’s', async () => {
    const documentXml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:body><w:p><w:r><w:t>&xxe;&xxe2;</w:t></w:r></w:p></w:body></w:document>';
    const docx = await withEntry(cleanDocx, packEntry('word/document.xml', documentXml));
    const response = await refusedUpload('xxe.docx', docx);
    expect(response.status).toBe(415);
    expect(response.body).toEqual({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'The Word document could not be read; it may be damaged.',
      details: { reason: 'unreadable-docx', detected: 'docx', reference: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/xmldom|entity|xxe|passwd/i);
  });
});
