import PDFDocument from 'pdfkit';
import { intlTags, type Locale } from '../core/locale.js';
import { serverTexts } from '../i18n/server-texts.js';
import type { DocumentStamp } from './document-stamp.js';
import { pdfSafe } from './evaluation-report-pdf.js';

/**
 * The PDF rendition of a procedure version, for reading and printing: its content from the
 * sanitised HTML the product already made of it (mammoth for .docx, markdown-it for .md), with
 * the identification in the footer and, on an obsolete version, the warning in the header, on
 * every page. A PDF original has no HTML (the product reads no text out of PDFs): its rendition
 * is the stamped cover page with the original attached unchanged (a PDF file attachment).
 */

type Pdf = InstanceType<typeof PDFDocument>;
type Block = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph' | 'item' | 'pre'; text: string };

const page = { width: 595.28, height: 841.89, marginX: 56, top: 78, bottom: 78 };
const contentWidth = page.width - 2 * page.marginX;
const font = { regular: 'Helvetica', bold: 'Helvetica-Bold' };
const colour = { text: '#1B1F24', muted: '#5A6570', heading: '#16365C', warning: '#C00000', rule: '#C8D2DC' };
const headingSize = [0, 17, 14, 12, 11, 10.5, 10];

function decodeEntities(text: string): string {
  return text.replace(
    /&(?:(amp|lt|gt|quot|apos|nbsp)|#(\d+)|#x([0-9a-f]+));/gi,
    (_entity, name?: string, decimal?: string, hex?: string) => {
      if (name) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[name.toLowerCase()] ?? '';
      const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : ' ';
    },
  );
}

function inlineText(html: string, keepLines = false): string {
  const text = decodeEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ''));
  return keepLines
    ? text
    : text
        .replace(/[^\S\n]+/g, ' ')
        .replace(/ *\n */g, '\n')
        .trim();
}

/** Blocks of the sanitised, structural-only HTML (`render-document.ts`): headings, paragraphs, items, rows. */
export function blocksOfHtml(html: string): Block[] {
  const rows = html.replace(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi, (_row, cells: string) => {
    const texts = [...cells.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((cell) => inlineText(cell[1] ?? ''));
    return `<p>${texts.join(' | ').replace(/</g, '&lt;')}</p>`;
  });
  const blocks: Block[] = [];
  for (const match of rows.matchAll(/<(h[1-6]|p|li|pre)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    const tag = (match[1] ?? 'p').toLowerCase();
    const inner = match[2] ?? '';
    if (tag === 'pre') {
      blocks.push({ kind: 'pre', text: inlineText(inner, true) });
      continue;
    }
    // A list item holding a nested list: its own words only, the nested items follow on their own.
    const text = inlineText(tag === 'li' ? inner.replace(/<(ul|ol)\b[\s\S]*$/i, '') : inner);
    if (text === '') continue;
    if (tag.startsWith('h')) blocks.push({ kind: 'heading', level: Number(tag.slice(1)), text });
    else blocks.push({ kind: tag === 'li' ? 'item' : 'paragraph', text });
  }
  return blocks;
}

function drawBlock(doc: Pdf, block: Block): void {
  if (block.kind === 'heading') {
    doc.moveDown(0.6);
    doc
      .font(font.bold)
      .fontSize(headingSize[block.level] ?? 10)
      .fillColor(colour.heading);
    doc.text(pdfSafe(block.text), { width: contentWidth });
    doc.moveDown(0.25);
    return;
  }
  doc.font(font.regular).fontSize(10).fillColor(colour.text);
  if (block.kind === 'item') {
    doc.text(pdfSafe(`•  ${block.text}`), page.marginX + 12, doc.y, { width: contentWidth - 12, indent: 0 });
    doc.x = page.marginX;
  } else if (block.kind === 'pre') {
    doc.font('Courier').fontSize(9).text(pdfSafe(block.text), page.marginX, doc.y, { width: contentWidth });
  } else {
    doc.text(pdfSafe(block.text), page.marginX, doc.y, { width: contentWidth });
  }
  doc.moveDown(0.45);
}

function drawStamps(doc: Pdf, stamp: DocumentStamp, locale: Locale): void {
  const t = serverTexts(locale, 'exports');
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing into the margins would otherwise make pdfkit start a new page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    if (stamp.warning) {
      doc.font(font.bold).fontSize(13).fillColor(colour.warning);
      doc.text(pdfSafe(stamp.warning), page.marginX, 34, { width: contentWidth, align: 'center', lineBreak: false });
    }
    const y = page.height - 58;
    doc
      .moveTo(page.marginX, y - 6)
      .lineTo(page.marginX + contentWidth, y - 6)
      .lineWidth(0.4)
      .strokeColor(colour.rule)
      .stroke();
    doc.font(font.regular).fontSize(7.5).fillColor(colour.muted);
    doc.text(pdfSafe(stamp.identification), page.marginX, y, { width: contentWidth - 70, height: 22 });
    doc.text(
      pdfSafe(t('document.page', { page: index + 1, pages: range.count })),
      page.marginX + contentWidth - 70,
      y,
      {
        width: 70,
        align: 'right',
        lineBreak: false,
      },
    );
    doc.page.margins = margins;
  }
}

export type RenditionInput = {
  title: string;
  html: string;
  stamp: DocumentStamp;
  locale: Locale;
  organisation: string;
  /** A PDF original: attached unchanged, since its pages cannot be redrawn here. */
  pdfOriginal?: { bytes: Uint8Array; fileName: string } | undefined;
};

export async function buildVersionRenditionPdf(input: RenditionInput): Promise<Uint8Array> {
  const t = serverTexts(input.locale, 'exports');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: page.top, bottom: page.bottom, left: page.marginX, right: page.marginX },
    bufferPages: true,
    autoFirstPage: true,
    lang: intlTags[input.locale],
    displayTitle: true,
    info: {
      Title: pdfSafe(input.title),
      Author: pdfSafe(input.organisation),
      Subject: pdfSafe(input.stamp.identification),
      Creator: 'Kvalitetshåndbog',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc
    .font(font.regular)
    .fontSize(8.5)
    .fillColor(colour.muted)
    .text(pdfSafe(input.organisation), { width: contentWidth });
  doc.font(font.bold).fontSize(20).fillColor(colour.heading).text(pdfSafe(input.title), { width: contentWidth });
  doc
    .font(font.regular)
    .fontSize(9)
    .fillColor(colour.muted)
    .text(pdfSafe(input.stamp.identification), { width: contentWidth });
  doc.moveDown(1);
  if (input.pdfOriginal) {
    doc
      .font(font.regular)
      .fontSize(10)
      .fillColor(colour.text)
      .text(pdfSafe(t('document.pdfOriginal')), { width: contentWidth });
    const bytes = input.pdfOriginal.bytes;
    doc.file(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      name: input.pdfOriginal.fileName,
      type: 'application/pdf',
    });
  } else {
    const blocks = blocksOfHtml(input.html);
    if (blocks.length === 0)
      doc
        .font(font.regular)
        .fontSize(10)
        .fillColor(colour.text)
        .text(pdfSafe(t('document.emptyContent')), { width: contentWidth });
    for (const block of blocks) drawBlock(doc, block);
  }
  drawStamps(doc, input.stamp, input.locale);
  doc.end();
  await finished;
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
