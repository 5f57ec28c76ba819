import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { detectDocumentKind, documentMediaTypes, sanitizeFileName } from './detect-document-kind.js';
import { buildProcedureDocx } from './procedure-template.js';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the promise to reject');
}

function thrown(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the call to throw');
}

const encoder = new TextEncoder();

const procedureDocx = buildProcedureDocx({
  code: 'KV-07',
  title: 'Behandling af klager',
  organisation: 'Eksempel Kommune · Teknik og Miljø',
  versionLabel: '2.1',
  sections: { Formål: ['At sikre en ensartet og rettidig behandling af borgernes klager.'] },
});

const minimalPdf = encoder.encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(files)) zip.file(path, content);
  return zip.generateAsync({ type: 'uint8array' });
}

/** The generated procedure, with its main content type swapped for the macro-enabled one. */
async function asMacroEnabled(docx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const contentTypes = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    contentTypes.replace(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      'application/vnd.ms-word.document.macroEnabled.main+xml',
    ),
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('detectDocumentKind', () => {
  it('accepts a generated Word document as docx, whatever the case of the extension', async () => {
    const bytes = await procedureDocx;
    await expect(detectDocumentKind(bytes, 'KV-07 Behandling af klager.docx')).resolves.toEqual({
      kind: 'docx',
      mediaType: documentMediaTypes.docx,
      extension: '.docx',
    });
    await expect(detectDocumentKind(bytes, 'KLAGER.DOCX')).resolves.toMatchObject({ kind: 'docx' });
  });

  it('accepts a PDF and Markdown by content and canonicalises .markdown to .md', async () => {
    await expect(detectDocumentKind(minimalPdf, 'Arbejdsmiljø.pdf')).resolves.toEqual({
      kind: 'pdf',
      mediaType: 'application/pdf',
      extension: '.pdf',
    });
    const markdown = encoder.encode('# Vejledning\n\nSørg for at gemme blanketten på drevet.\r\n\tIndrykket\f\n');
    await expect(detectDocumentKind(markdown, 'vejledning.markdown')).resolves.toEqual({
      kind: 'markdown',
      mediaType: 'text/markdown; charset=utf-8',
      extension: '.md',
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('# Æblegrød')]);
    await expect(detectDocumentKind(withBom, 'opskrift.md')).resolves.toMatchObject({ kind: 'markdown' });
  });

  it('refuses a Windows executable renamed to .docx and says what it looks like', async () => {
    const executable = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const error = await rejection(detectDocumentKind(executable, 'virus.docx'));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.message).toMatch(/Windows executable/);
    expect(error.details).toEqual({ reason: 'not-a-document', fileName: 'virus.docx', detected: 'windows-executable' });
  });

  it('refuses a PDF named .docx, naming both what the name claims and what the content is', async () => {
    const error = await rejection(detectDocumentKind(minimalPdf, 'referat.docx'));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.message).toMatch(/PDF document/);
    expect(error.message).toMatch(/not a Word document/);
    expect(error.details).toEqual({
      reason: 'name-mismatch',
      fileName: 'referat.docx',
      extension: '.docx',
      detected: 'pdf',
      rename: '.pdf',
    });
  });

  it('refuses a Word document named .pdf or without an accepted extension', async () => {
    const bytes = await procedureDocx;
    const asPdf = await rejection(detectDocumentKind(bytes, 'procedure.pdf'));
    expect(asPdf.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(asPdf.details).toEqual({
      reason: 'name-mismatch',
      fileName: 'procedure.pdf',
      extension: '.pdf',
      detected: 'docx',
      rename: '.docx',
    });
    const noExtension = await rejection(detectDocumentKind(bytes, 'procedure'));
    expect(noExtension.message).toMatch(/no file extension/);
    expect(noExtension.details).toMatchObject({ reason: 'no-extension', extension: '', rename: '.docx' });
  });

  it('refuses Markdown named .docx and text with an unaccepted extension', async () => {
    const text = encoder.encode('Bare tekst, ikke Word.');
    const asDocx = await rejection(detectDocumentKind(text, 'notat.docx'));
    expect(asDocx.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(asDocx.details).toEqual({
      reason: 'name-mismatch',
      fileName: 'notat.docx',
      extension: '.docx',
      detected: 'markdown',
      rename: '.md',
    });
    const asTxt = await rejection(detectDocumentKind(text, 'notat.txt'));
    expect(asTxt.message).toMatch(/"\.txt", which is not accepted/);
    expect(asTxt.details).toMatchObject({ reason: 'name-mismatch', fileName: 'notat.txt', extension: '.txt' });
  });

  it('refuses a ZIP archive that is not a Word document', async () => {
    const zip = await zipOf({ 'readme.txt': 'hej', 'data/tal.csv': '1;2;3' });
    const error = await rejection(detectDocumentKind(zip, 'arkiv.docx'));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.message).toMatch(/not a Word document/);
    expect(error.details).toEqual({ reason: 'not-a-document', fileName: 'arkiv.docx', detected: 'zip' });
  });

  it('names an Excel workbook in disguise', async () => {
    const xlsx = await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    const error = await rejection(detectDocumentKind(xlsx, 'budget.docx'));
    expect(error.message).toMatch(/Excel workbook/);
    expect(error.details?.detected).toBe('xlsx');
  });

  it('refuses a ZIP that has Word parts but a foreign main content type, and macro-enabled documents', async () => {
    const fake = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect((await rejection(detectDocumentKind(fake, 'falsk.docx'))).details?.detected).toBe('word-template');
    const docm = await asMacroEnabled(await procedureDocx);
    const error = await rejection(detectDocumentKind(docm, 'makro.docx'));
    // Refused for what it may carry (issue 10, item 11), not merely as another format.
    expect(error.code).toBe('UNSAFE_DOCUMENT');
    expect(error.details).toMatchObject({ reason: 'active-content', found: 'macro-content-type' });
  });

  it('refuses a corrupt ZIP', async () => {
    const bytes = await procedureDocx;
    const truncated = bytes.slice(0, Math.floor(bytes.length / 2));
    const error = await rejection(detectDocumentKind(truncated, 'halv.docx'));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.details).toEqual({ reason: 'not-a-document', fileName: 'halv.docx', detected: 'corrupt-zip' });
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await rejection(detectDocumentKind(garbage, 'skrald.docx'))).details?.detected).toBe('corrupt-zip');
  });

  it('refuses invalid UTF-8 named .md', async () => {
    // "Sø" in Windows-1252 (0xF8 alone is not valid UTF-8), a classic from old Danish text files.
    const latin1 = new Uint8Array([0x53, 0xf8, 0x20, 0x6f, 0x67, 0x20, 0x61, 0xe5]);
    const error = await rejection(detectDocumentKind(latin1, 'noter.md'));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.message).toMatch(/not valid UTF-8/);
    expect(error.details).toEqual({ reason: 'not-a-document', fileName: 'noter.md', detected: 'binary' });
  });

  it('refuses valid UTF-8 that contains NUL or other control characters', async () => {
    for (const control of ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085']) {
      const bytes = encoder.encode(`# Titel\n\nTekst${control}mere tekst`);
      const error = await rejection(detectDocumentKind(bytes, 'styretegn.md'));
      expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(error.details?.detected).toBe('binary');
    }
  });

  it('refuses an empty file as a validation error', async () => {
    const error = await rejection(detectDocumentKind(new Uint8Array(0), 'tom.md'));
    expect(error.code).toBe('VALIDATION');
  });
});

describe('sanitizeFileName', () => {
  it('returns the trimmed, NFC-normalised name', () => {
    expect(sanitizeFileName('  KV-07 Behandling af klager – udkast.docx \n')).toBe(
      'KV-07 Behandling af klager – udkast.docx',
    );
    const decomposed = 'Va\u030Arsag.md'; // "Vårsag" as macOS sends it
    expect(sanitizeFileName(decomposed)).toBe('Vårsag.md');
    expect(sanitizeFileName('x'.repeat(195) + '.docx')).toHaveLength(200);
  });

  it.each([
    ['../../etc/passwd'],
    ['..'],
    ['mappe/fil.docx'],
    ['C:\\Users\\x\\fil.docx'],
    ['..\\fil.docx'],
    ['fil\u0000.docx'],
    ['fil\n.docx'],
    ['rapport\u202Excod.exe'],
    [''],
    ['   '],
    ['x'.repeat(197) + '.docx'],
  ])('rejects %j', (name) => {
    expect(thrown(() => sanitizeFileName(name)).code).toBe('VALIDATION');
  });
});
