import { createHash } from 'node:crypto';
import { Document, Footer, Header, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildProcedureDocx } from './procedure-template.js';
import { stampDocx } from './stamp-docx.js';

const stamp = {
  identification: 'K-17 Dispensation & <æøå> · version 1.2 · godkendt 03-02-2025 af Anne Birk',
  warning: 'Ugyldig — erstattet af version 2.0',
};

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const names = Object.keys(zip.files);
  return {
    zip,
    document: await read('word/document.xml'),
    rels: await read('word/_rels/document.xml.rels'),
    types: await read('[Content_Types].xml'),
    footers: await Promise.all(names.filter((n) => /^word\/[^/]*footer[^/]*\.xml$/i.test(n)).map(read)),
    headers: await Promise.all(names.filter((n) => /^word\/[^/]*header[^/]*\.xml$/i.test(n)).map(read)),
  };
}

const plain = (xml: string) =>
  xml
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

describe('stampDocx', () => {
  it('adds a footer and, when obsolete, a header to a document without them, leaving the input bytes alone', async () => {
    const original = await buildProcedureDocx({
      code: 'K-17',
      title: 'Dispensation',
      organisation: 'Eksempel Kommune',
    });
    const before = createHash('sha256').update(original).digest('hex');
    const stamped = await stampDocx(original, stamp);
    expect(createHash('sha256').update(original).digest('hex')).toBe(before);
    const result = await parts(stamped);
    expect(result.footers.map(plain).join(' ')).toContain(stamp.identification);
    expect(result.headers.map(plain).join(' ')).toContain(stamp.warning);
    expect(result.document).toMatch(/<w:footerReference w:type="default" r:id="rIdKqhStampFooter"\/>/);
    expect(result.rels).toContain('Target="kqhStampFooter.xml"');
    expect(result.types).toContain('/word/kqhStampHeader.xml');
    // Word's own reader still reads it, body unchanged.
    const text = await mammoth.extractRawText({ buffer: Buffer.from(stamped) });
    expect(text.value).toContain('Dispensation');
  });

  it('appends to the footers a document already has, first-page ones included, and gives no header when current', async () => {
    const original = new Uint8Array(
      await Packer.toBuffer(
        new Document({
          sections: [
            {
              properties: { titlePage: true },
              headers: { default: new Header({ children: [new Paragraph('Eget sidehoved')] }) },
              footers: {
                default: new Footer({ children: [new Paragraph('Egen sidefod')] }),
                first: new Footer({ children: [new Paragraph('Forside-fod')] }),
              },
              children: [new Paragraph('Indhold')],
            },
          ],
        }),
      ),
    );
    const result = await parts(await stampDocx(original, { ...stamp, warning: null }));
    const footers = result.footers.map(plain);
    expect(footers.find((footer) => footer.includes('Egen sidefod'))).toContain(stamp.identification);
    expect(footers.find((footer) => footer.includes('Forside-fod'))).toContain(stamp.identification);
    expect(result.headers.map(plain).join(' ')).not.toContain('Ugyldig');
    expect(result.headers.map(plain).join(' ')).toContain('Eget sidehoved');
    // Its own footers serve every page, so no part of the product's is added.
    expect(Object.keys(result.zip.files)).not.toContain('word/kqhStampFooter.xml');
  });

  it('refuses bytes that are not a Word package', async () => {
    await expect(stampDocx(new TextEncoder().encode('not a zip'), stamp)).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });
});
