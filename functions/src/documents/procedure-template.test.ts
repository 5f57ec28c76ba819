import JSZip from 'jszip';
import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import {
  buildProcedureDocx,
  buildProcedureMarkdown,
  procedurePlaceholders,
  procedureSections,
  type ProcedureDocumentInput,
} from './procedure-template.js';

const input: ProcedureDocumentInput = {
  code: 'MA-03',
  title: 'Håndtering af arbejdsulykker',
  organisation: 'Eksempel Kommune · Teknik og Miljø',
  versionLabel: '1.2',
  sections: {
    Formål: ['At sikre, at arbejdsulykker anmeldes og følges op, så de ikke gentager sig.'],
    Ansvar: ['- Lederen anmelder ulykken.', '- Arbejdsmiljørepræsentanten deltager i opfølgningen.'],
    Fremgangsmåde: [
      '1. Yd førstehjælp og tilkald hjælp.',
      '2. Anmeld ulykken i EASY inden for 9 dage.',
      '3. Gennemgå forløbet med medarbejderen.',
      'Husk: Alvorlige ulykker meldes straks til Arbejdstilsynet.\nRing 70 12 12 88.',
    ],
    Referencer: ['1. Arbejdsmiljøloven', '2. Bekendtgørelse om anmeldelse af arbejdsulykker'],
  },
};

type DocxParts = { document: string; core: string; styles: string; contentTypes: string };

async function docxParts(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string): Promise<string> => (await zip.file(path)?.async('string')) ?? '';
  return {
    document: await read('word/document.xml'),
    core: await read('docProps/core.xml'),
    styles: await read('word/styles.xml'),
    contentTypes: await read('[Content_Types].xml'),
  };
}

describe('procedureSections', () => {
  it('contains the sections every procedure must have, in order', () => {
    for (const required of ['Formål', 'Omfang', 'Ansvar', 'Fremgangsmåde', 'Registreringer', 'Referencer']) {
      expect(procedureSections).toContain(required);
    }
    expect(procedureSections.indexOf('Formål')).toBe(0);
    expect(procedureSections.indexOf('Ansvar')).toBeLessThan(procedureSections.indexOf('Fremgangsmåde'));
  });
});

describe('buildProcedureDocx', () => {
  it('produces a Word package with title and creator in the document properties', async () => {
    const bytes = await buildProcedureDocx(input);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const parts = await docxParts(bytes);
    expect(parts.contentTypes).toContain('wordprocessingml.document.main+xml');
    expect(parts.core).toContain('<dc:title>MA-03 Håndtering af arbejdsulykker</dc:title>');
    expect(parts.core).toContain('<dc:creator>Eksempel Kommune · Teknik og Miljø</dc:creator>');
    expect(parts.document).toContain('w:val="Heading1"');
    expect(parts.document).toContain('w:val="Heading2"');
  });

  it('renders through mammoth as h1 title, one h2 per section in order, and real lists', async () => {
    const { value: html, messages } = await mammoth.convertToHtml({
      buffer: Buffer.from(await buildProcedureDocx(input)),
    });
    expect(messages).toEqual([]);
    expect(html).toContain('<h1>MA-03 Håndtering af arbejdsulykker</h1>');
    expect(html).toContain('<p>Eksempel Kommune · Teknik og Miljø · Version 1.2</p>');
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1]);
    expect(headings).toEqual([...procedureSections]);
    expect(html).toContain(
      '<ul><li>Lederen anmelder ulykken.</li><li>Arbejdsmiljørepræsentanten deltager i opfølgningen.</li></ul>',
    );
    expect(html).toContain(
      '<ol><li>Yd førstehjælp og tilkald hjælp.</li><li>Anmeld ulykken i EASY inden for 9 dage.</li>',
    );
    expect(html).toContain('Arbejdstilsynet.<br />Ring 70 12 12 88.');
    // The numbered prefix is the list's job; it must not also be in the text.
    expect(html).not.toContain('1. Yd');
  });

  it('restarts step numbering in every section', async () => {
    const { document } = await docxParts(await buildProcedureDocx(input));
    const numIds = [...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1]);
    // Ansvar bullets (1 list) + Fremgangsmåde steps (3 paragraphs, 1 list) + Referencer steps (2, 1 list).
    expect(numIds).toHaveLength(7);
    const stepLists = new Set(numIds.slice(2));
    expect(stepLists.size).toBe(2);
  });

  it('fills empty sections with the Danish template guidance', async () => {
    const { value: html } = await mammoth.convertToHtml({
      buffer: Buffer.from(await buildProcedureDocx({ code: 'X-1', title: 'Tom', organisation: 'Eksempel Kommune' })),
    });
    for (const section of procedureSections) {
      expect(html).toContain(`<h2>${section}</h2><p><em>${procedurePlaceholders[section]}</em></p>`);
    }
    expect(html).toContain('<p>Eksempel Kommune</p>');
  });

  it('drops characters XML cannot hold, so Word can still open the file', async () => {
    const bytes = await buildProcedureDocx({
      ...input,
      sections: { Formål: ['Indsat fra et gammelt system\u0001\u0008 med styretegn\uFFFF.'] },
    });
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toContain('<p>Indsat fra et gammelt system med styretegn.</p>');
  });

  it('requires a code and a title', async () => {
    await expect(buildProcedureDocx({ ...input, code: '  ' })).rejects.toBeInstanceOf(AppError);
    await expect(buildProcedureDocx({ ...input, title: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('buildProcedureMarkdown', () => {
  it('has the same structure as the Word document', () => {
    const markdown = buildProcedureMarkdown(input);
    expect(
      markdown.startsWith(
        '# MA-03 Håndtering af arbejdsulykker\n\n_Eksempel Kommune · Teknik og Miljø · Version 1.2_\n',
      ),
    ).toBe(true);
    const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual([...procedureSections]);
    expect(markdown).toContain(
      '1. Yd førstehjælp og tilkald hjælp.\n2. Anmeld ulykken i EASY inden for 9 dage.\n3. Gennemgå forløbet med medarbejderen.',
    );
    expect(markdown).toContain('## Omfang\n\n_Beskriv hvilke enheder, medarbejdere og opgaver proceduren gælder for._');
  });

  it('renders as the intended HTML and keeps literal text literal', () => {
    const markdown = buildProcedureMarkdown({
      code: 'IT-9',
      title: 'Adgang til *fortrolige* data',
      organisation: 'Eksempel_Kommune',
      sections: { Formål: ['# ikke en overskrift', '2024. var året hvor alt ændrede sig'] },
    });
    const html = new MarkdownIt({ html: false }).render(markdown);
    expect(html).toContain('<h1>IT-9 Adgang til *fortrolige* data</h1>');
    expect(html).toContain('<p><em>Eksempel_Kommune</em></p>');
    expect(html).toContain('<p># ikke en overskrift</p>');
    expect(html).toContain('<p>2024. var året hvor alt ændrede sig</p>');
    expect(html.match(/<h2>/g)).toHaveLength(procedureSections.length);
  });
});
