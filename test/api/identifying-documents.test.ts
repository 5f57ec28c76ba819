import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';
import { pdfPages as pdfText } from '../support/pdf-text.js';

/** ISO 9001 7.5.3: a downloaded version names and stamps itself; the stored original stays as it was. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

type Version = {
  id: string;
  state: string;
  label: string | null;
  supersededBy: { label: string | null } | null;
  file: { name: string; sha256: string; mediaType: string };
};

async function docxParts(bytes: Uint8Array): Promise<{ document: string; footers: string[]; headers: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const names = Object.keys(zip.files);
  return {
    document: await text('word/document.xml'),
    footers: await Promise.all(names.filter((name) => /^word\/.*footer.*\.xml$/i.test(name)).map(text)),
    headers: await Promise.all(names.filter((name) => /^word\/.*header.*\.xml$/i.test(name)).map(text)),
  };
}

const plain = (xml: string) => xml.replace(/<[^>]*>/g, '');

async function download(as: string, path: string) {
  const response = await fetch(`${server.url}/api${path}`, { headers: { 'x-local-user': as } });
  return {
    status: response.status,
    disposition: response.headers.get('content-disposition') ?? '',
    type: response.headers.get('content-type') ?? '',
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

const storedSha = (version: Version) =>
  createHash('sha256')
    .update(readFileSync(join(server.dataDir, 'files', version.file.sha256.slice(0, 2), version.file.sha256)))
    .digest('hex');

/** A demo procedure with an obsolete version beside its published one. */
async function procedureWithHistory() {
  const list = await server.api.get(people.coordinator, '/procedures?limit=1000');
  for (const item of list.body.items as { id: string }[]) {
    const detail = (await server.api.get(people.coordinator, `/procedures/${item.id}`)).body;
    const versions = detail.versions as Version[];
    if (versions.some((v) => v.state === 'obsolete') && versions.some((v) => v.state === 'published')) return detail;
  }
  throw new Error('The demo has no procedure with an obsolete version.');
}

describe('downloads that identify themselves', () => {
  it('names a published .docx "<code> <title> v<version>" and stamps its footer, leaving the stored file untouched', async () => {
    const detail = await procedureWithHistory();
    const published = (detail.versions as Version[]).find((v) => v.state === 'published')!;
    const label = published.label!;
    const before = storedSha(published);
    expect(before).toBe(published.file.sha256);

    const file = await download(people.natureCaseworker, `/procedures/${detail.id}/versions/${published.id}/file`);
    expect(file.status).toBe(200);
    const name = `${detail.code} ${detail.title} v${label}.docx`;
    expect(file.disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(file.disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; /);
    expect(file.disposition).not.toContain(encodeURIComponent(published.file.name));

    const parts = await docxParts(file.bytes);
    const footer = parts.footers.map(plain).join(' ');
    expect(footer).toContain(`${detail.code} ${detail.title}`);
    expect(footer).toContain(`version ${label}`);
    expect(footer).toMatch(/godkendt \d{2}-\d{2}-\d{4} af \S+/);
    expect(parts.headers.map(plain).join(' ')).not.toContain('Ugyldig');
    // The stamped copy is a new file; the stored original is byte for byte what was uploaded.
    expect(createHash('sha256').update(file.bytes).digest('hex')).not.toBe(before);
    expect(storedSha(published)).toBe(before);
  });

  it('stamps an obsolete version "Ugyldig — erstattet af version N" on every page, in .docx and in its PDF rendition', async () => {
    const detail = await procedureWithHistory();
    const versions = detail.versions as Version[];
    const obsolete = versions.find((v) => v.state === 'obsolete')!;
    const before = storedSha(obsolete);
    const docx = await download(people.coordinator, `/procedures/${detail.id}/versions/${obsolete.id}/file`);
    expect(docx.status).toBe(200);
    const parts = await docxParts(docx.bytes);
    const header = parts.headers.map(plain).join(' ');
    expect(header).toMatch(/Ugyldig — erstattet af version \d+\.\d+/);
    // Every section of the document points at a stamped header and footer.
    const sections = parts.document.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) {
      expect(section).toMatch(/<w:headerReference w:type="default"/);
      expect(section).toMatch(/<w:footerReference w:type="default"/);
    }

    const pdf = await download(people.coordinator, `/procedures/${detail.id}/versions/${obsolete.id}/file?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(decodeURIComponent(pdf.disposition.split("UTF-8''")[1] ?? '')).toBe(
      `${detail.code} ${detail.title} v${obsolete.label}.pdf`,
    );
    const pages = await pdfText(pdf.bytes);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      expect(page).toMatch(/Ugyldig — erstattet af version \d+\.\d+/);
      expect(page).toContain(`Ugyldig — erstattet af version ${obsolete.supersededBy!.label}`);
      expect(page).toContain(`version ${obsolete.label}`);
    }
    // The rendition carries the content the product already read out of the .docx.
    expect(pages.join(' ')).toContain('Formål');

    const norwegian = await download(
      people.coordinator,
      `/procedures/${detail.id}/versions/${obsolete.id}/file?format=pdf&locale=nb`,
    );
    expect((await pdfText(norwegian.bytes)).join(' ')).toMatch(/Ugyldig — erstattet av versjon \d+\.\d+/);
    expect(storedSha(obsolete)).toBe(before);
  });

  it('refuses a bad format and hides another procedure’s version', async () => {
    const detail = await procedureWithHistory();
    const published = (detail.versions as Version[]).find((v) => v.state === 'published')!;
    const bad = await server.api.get(
      people.coordinator,
      `/procedures/${detail.id}/versions/${published.id}/file?format=exe`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');
    const list = await server.api.get(people.coordinator, '/procedures?limit=1000');
    const other = (list.body.items as { id: string }[]).find((item) => item.id !== detail.id)!;
    const wrong = await download(people.coordinator, `/procedures/${other.id}/versions/${published.id}/file`);
    expect(wrong.status).toBe(404);
  });

  it('names a draft by its procedure, not by the uploaded file', async () => {
    const detail = await server.api.procedureByCode('K-17', people.natureAuthor);
    const uploaded = await server.api.upload(
      people.natureAuthor,
      detail.id,
      'k17-rev.md',
      '# K-17\n\n## Formål\n\nNy tekst.\n',
      detail.etag,
    );
    expect(uploaded.status).toBe(200);
    const file = await download(
      people.natureAuthor,
      `/procedures/${detail.id}/versions/${uploaded.body.draft.id}/file`,
    );
    expect(file.status).toBe(200);
    expect(file.disposition).not.toContain('k17-rev');
    expect(decodeURIComponent(file.disposition.split("UTF-8''")[1] ?? '')).toBe(
      `${detail.code} ${detail.title} kladde.md`,
    );
    expect(new TextDecoder().decode(file.bytes)).toContain('kladde, ikke godkendt');
  });
});
