import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { detectDocumentKind } from './detect-document-kind.js';
import { buildProcedureDocx } from './procedure-template.js';
import {
  maxIndexTextChars,
  maxRenderedHtmlChars,
  normaliseIndexText,
  renderDocument,
  sanitizeDocumentHtml,
} from './render-document.js';

const encoder = new TextEncoder();

async function docxWithLinks(links: { text: string; link: string }[]): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            children: links.flatMap(({ text, link }) => [
              new ExternalHyperlink({ link, children: [new TextRun({ text, style: 'Hyperlink' })] }),
              new TextRun(' '),
            ]),
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('renderDocument: Word', () => {
  it('renders a generated procedure end to end: detected as docx, headings as h2, Danish text indexed', async () => {
    const bytes = await buildProcedureDocx({
      code: 'AF-02',
      title: 'Affaldssortering på genbrugspladsen',
      organisation: 'Eksempel Kommune · Teknik og Miljø',
      versionLabel: '3.0',
      sections: {
        Formål: ['At sikre korrekt sortering af farligt affald, så miljø og medarbejdere beskyttes.'],
        Fremgangsmåde: [
          '1. Kontrollér læsset ved ankomst.',
          '2. Henvis borgeren til rette container.\nSpørg ved tvivl.',
        ],
        Registreringer: ['- Vejesedler gemmes i fem år.'],
      },
    });
    const { kind } = await detectDocumentKind(bytes, 'AF-02.docx');
    expect(kind).toBe('docx');

    const { html, text } = await renderDocument(bytes, kind);
    expect(html).toContain('<h1>AF-02 Affaldssortering på genbrugspladsen</h1>');
    for (const section of ['Formål', 'Omfang', 'Ansvar', 'Fremgangsmåde', 'Registreringer', 'Referencer']) {
      expect(html).toContain(`<h2>${section}</h2>`);
    }
    expect(html).toContain('<ol><li>Kontrollér læsset ved ankomst.</li>');
    expect(html).toContain('<ul><li>Vejesedler gemmes i fem år.</li></ul>');

    expect(text).toContain('sortering af farligt affald, så miljø og medarbejdere beskyttes');
    expect(text).toContain('Kontrollér læsset ved ankomst.');
    expect(text).toContain('Affaldssortering på genbrugspladsen');
    // A Word line break must separate words in the index (mammoth's raw text would glue them).
    expect(text).toContain('container. Spørg ved tvivl.');
    expect(text).toMatch(/æ/);
    expect(text).toMatch(/ø/);
    expect(text).toMatch(/å/);
    expect(text).not.toMatch(/\s{2}|^\s|\s$/);
    expect(text).not.toMatch(/[<>]/);
  });

  it('strips javascript: hyperlinks from a Word document and keeps safe ones with rel', async () => {
    const bytes = await docxWithLinks([
      { text: 'Klik her', link: 'javascript:alert(document.cookie)' },
      { text: 'Også her', link: ' JaVaScRiPt:alert(1)' },
      { text: 'Data', link: 'data:text/html,<script>alert(1)</script>' },
      { text: 'Borger.dk', link: 'https://www.borger.dk/' },
      { text: 'Skriv til os', link: 'mailto:kvalitet@eksempel.dk' },
    ]);
    const { html, text } = await renderDocument(bytes, 'docx');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/data:/i);
    expect(html).toContain('<a>Klik her</a>');
    expect(html).toContain('<a href="https://www.borger.dk/" rel="noopener noreferrer">Borger.dk</a>');
    expect(html).toContain('<a href="mailto:kvalitet@eksempel.dk" rel="noopener noreferrer">Skriv til os</a>');
    expect(text).toBe('Klik her Også her Data Borger.dk Skriv til os');
  });

  it('refuses a damaged Word document as an unsupported media type', async () => {
    const bytes = await buildProcedureDocx({ code: 'X-1', title: 'Skadet', organisation: 'Eksempel Kommune' });
    const error = await renderDocument(bytes.slice(0, 200), 'docx').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('renderDocument: limits', () => {
  const encoder = new TextEncoder();

  it('refuses a document whose HTML would exceed the cap rather than show it in part', async () => {
    const source = encoder.encode(`# Stor\n\n${'ord '.repeat(maxRenderedHtmlChars / 4 + 1000)}\n`);
    const error = await renderDocument(source, 'markdown').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'UNSAFE_DOCUMENT', details: { reason: 'rendered-too-large' } });
  });

  it('cuts the index text at its cap and keeps the whole HTML', async () => {
    const paragraphs = Array.from({ length: 1300 }, (_, index) => `Afsnit ${index} ${'tekst '.repeat(150)}`);
    const rendered = await renderDocument(encoder.encode(paragraphs.join('\n\n')), 'markdown');
    expect(rendered.text.length).toBe(maxIndexTextChars);
    expect(rendered.html).toContain('Afsnit 1299');
  });
});

describe('renderDocument: Markdown', () => {
  it('renders structure and Danish text', async () => {
    const source =
      '# Vejledning\n\n## Formål\n\nSørg for **sikker** håndtering af _personoplysninger_.\n\n- Lås skærmen\n- Brug krypteret mail\n';
    const { html, text } = await renderDocument(encoder.encode(source), 'markdown');
    expect(html).toContain('<h2>Formål</h2>');
    expect(html).toContain('<p>Sørg for <strong>sikker</strong> håndtering af <em>personoplysninger</em>.</p>');
    expect(html).toContain('<ul>\n<li>Lås skærmen</li>');
    expect(text).toBe(
      'Vejledning Formål Sørg for sikker håndtering af personoplysninger. Lås skærmen Brug krypteret mail',
    );
  });

  it('renders neither scripts nor javascript: links', async () => {
    const source = [
      '# Angreb',
      '<script>alert(1)</script>',
      '[x](javascript:alert(1))',
      '[y](JAVASCRIPT:alert(1))',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">z</a>',
      '[relativ](/api/admin/delete)',
      '[protokol-relativ](//evil.example/)',
      'Se https://www.retsinformation.dk for loven.',
    ].join('\n\n');
    const { html, text } = await renderDocument(encoder.encode(source), 'markdown');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<a[^>]*javascript:/i);
    expect(html).not.toMatch(/href="\/\//);
    expect(html).not.toMatch(/href="\/api/);
    // html: false shows raw HTML as text, escaped; that is harmless and tells the author what happened.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(
      '<a href="https://www.retsinformation.dk" rel="noopener noreferrer">https://www.retsinformation.dk</a>',
    );
    expect(text).toContain('Se https://www.retsinformation.dk for loven.');
  });

  it('keeps code and in-page anchors, decodes entities in the index text', async () => {
    const source = 'Brug `a < b && c` og se [afsnit 2](#afsnit-2).\n\n```\nkode & mere\n```\n';
    const { html, text } = await renderDocument(encoder.encode(source), 'markdown');
    expect(html).toContain('<code>a &lt; b &amp;&amp; c</code>');
    expect(html).toContain('<a href="#afsnit-2" rel="noopener noreferrer">afsnit 2</a>');
    expect(html).toContain('<pre><code>kode &amp; mere\n</code></pre>');
    expect(text).toBe('Brug a < b && c og se afsnit 2. kode & mere');
  });
});

describe('renderDocument: PDF', () => {
  it('returns no HTML and no text; the tab embeds the file', async () => {
    await expect(renderDocument(encoder.encode('%PDF-1.7\n%%EOF\n'), 'pdf')).resolves.toEqual({ html: '', text: '' });
  });
});

describe('sanitizeDocumentHtml', () => {
  it('keeps structure and removes everything active or presentational', () => {
    const dirty =
      '<h2 style="color:red" onclick="x()">Titel</h2>' +
      '<p class="c" id="location">Tekst<iframe src="https://evil.example"></iframe></p>' +
      '<table><tbody><tr><td colspan="2" onmouseover="x()">Celle</td></tr></tbody></table>' +
      '<p><img src="data:image/png;base64,AAAA"><a href="vbscript:msgbox" target="_blank">v</a></p>' +
      '<style>body{display:none}</style><svg><script>alert(1)</script></svg>';
    expect(sanitizeDocumentHtml(dirty)).toBe(
      '<h2>Titel</h2><p>Tekst</p><table><tbody><tr><td colspan="2">Celle</td></tr></tbody></table><p><a>v</a></p>',
    );
  });
});

describe('normaliseIndexText', () => {
  it('collapses whitespace runs including non-breaking spaces and tabs', () => {
    expect(normaliseIndexText('  Kvalitets\u00a0håndbog\t\n\n  for\r\nkommunen  ')).toBe(
      'Kvalitets håndbog for kommunen',
    );
  });
});
