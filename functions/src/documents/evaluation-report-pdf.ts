import type { LocalDate } from '../core/local-date.js';
import { intlTags, type Locale } from '../core/locale.js';
import PDFDocument from 'pdfkit';
import type { EvaluationPack } from '../app/assemble-evaluation-pack.js';
import {
  evaluationReportContent,
  reportTexts,
  type ReportBlock,
  type ReportColumn,
  type ReportContent,
} from './evaluation-report-content.js';

/**
 * The management evaluation as an A4 PDF (pdfkit): a title page with the meeting's facts and a
 * table of contents with page numbers, then one numbered section per part of the pack. Tables
 * repeat their header on a new page and never split a row; every page has a footer with
 * "Side n af m".
 *
 * The text uses the PDF standard fonts (Helvetica), which every viewer has and which cover
 * Danish and Norwegian letters (WinAnsi); characters outside that set are replaced, see `pdfSafe`.
 */

type Pdf = InstanceType<typeof PDFDocument>;

const page = { width: 595.28, height: 841.89, marginX: 56, top: 62, bottom: 66 };
const contentWidth = page.width - 2 * page.marginX;
const bodyBottom = page.height - page.bottom;

const colour = {
  text: '#1B1F24',
  muted: '#5A6570',
  heading: '#16365C',
  accent: '#2E75B6',
  rule: '#C8D2DC',
  headerFill: '#E4ECF4',
  zebra: '#F5F8FB',
};

const font = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
const size = { body: 10, table: 8.5, tableNote: 7.5, subheading: 11, heading: 15, title: 30 };

/** Code points the WinAnsi encoding of the standard fonts maps (besides Latin-1). */
const winAnsiExtras = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

function isWinAnsi(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    winAnsiExtras.has(codePoint)
  );
}

/**
 * Text as the standard fonts can draw it: composed (so "å" typed as a + ring is one letter),
 * other letters without their accents when that makes them drawable (č → c), anything else "?".
 * Without this, a character outside WinAnsi would be drawn as an unrelated glyph.
 */
export function pdfSafe(text: string): string {
  let result = '';
  for (const character of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').normalize('NFC')) {
    const codePoint = character.codePointAt(0) ?? 0x3f;
    if (isWinAnsi(codePoint)) {
      result += character;
      continue;
    }
    const stripped = character.normalize('NFD').replace(/\p{M}/gu, '');
    result += [...stripped].every((part) => isWinAnsi(part.codePointAt(0) ?? 0x3f)) && stripped !== '' ? stripped : '?';
  }
  return result;
}

class Layout {
  readonly doc: Pdf;
  y = page.top;

  constructor(doc: Pdf) {
    this.doc = doc;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = page.top;
  }

  /** Starts a new page unless `height` still fits above the footer. */
  ensureSpace(height: number): void {
    if (this.y + height > bodyBottom) this.newPage();
  }

  textHeight(text: string, width: number, fontName: string, fontSize: number, lineGap = 1.5): number {
    return this.doc.font(fontName).fontSize(fontSize).heightOfString(pdfSafe(text), { width, lineGap });
  }

  write(
    text: string,
    x: number,
    width: number,
    style: { font: string; size: number; colour: string; align?: 'left' | 'right' },
  ): void {
    this.doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.colour)
      .text(pdfSafe(text), x, this.y, { width, lineGap: 1.5, align: style.align ?? 'left' });
  }
}

type CellText = { main: string; note: string | null };

/** A cell's first line is its value; further lines are a note under it, set smaller and grey. */
function splitCell(text: string): CellText {
  const [main = '', ...rest] = text.split('\n');
  const note = rest.join('\n').trim();
  return { main, note: note === '' ? null : note };
}

const cellPadding = { x: 5, y: 4 };

function columnWidths(columns: ReportColumn[]): number[] {
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  return columns.map((column) => (column.weight / total) * contentWidth);
}

function cellHeight(layout: Layout, text: string, width: number, isHeader: boolean): number {
  const inner = width - 2 * cellPadding.x;
  if (isHeader) return layout.textHeight(text, inner, font.bold, size.table) + 2 * cellPadding.y;
  const cell = splitCell(text);
  const noteHeight = cell.note === null ? 0 : layout.textHeight(cell.note, inner, font.regular, size.tableNote) + 1.5;
  return layout.textHeight(cell.main, inner, font.regular, size.table) + noteHeight + 2 * cellPadding.y;
}

function drawRow(
  layout: Layout,
  columns: ReportColumn[],
  widths: number[],
  cells: string[],
  fill: string | null,
  isHeader: boolean,
): void {
  const height = Math.max(...cells.map((text, index) => cellHeight(layout, text, widths[index] ?? 0, isHeader)));
  const doc = layout.doc;
  if (fill !== null) doc.rect(page.marginX, layout.y, contentWidth, height).fill(fill);
  let x = page.marginX;
  const top = layout.y;
  cells.forEach((text, index) => {
    const width = widths[index] ?? 0;
    const inner = width - 2 * cellPadding.x;
    const align = columns[index]?.align ?? 'left';
    layout.y = top + cellPadding.y;
    if (isHeader) {
      layout.write(text, x + cellPadding.x, inner, {
        font: font.bold,
        size: size.table,
        colour: colour.heading,
        align,
      });
    } else {
      const cell = splitCell(text);
      layout.write(cell.main, x + cellPadding.x, inner, {
        font: font.regular,
        size: size.table,
        colour: colour.text,
        align,
      });
      if (cell.note !== null) {
        layout.y += layout.textHeight(cell.main, inner, font.regular, size.table) + 1.5;
        layout.write(cell.note, x + cellPadding.x, inner, {
          font: font.regular,
          size: size.tableNote,
          colour: colour.muted,
          align,
        });
      }
    }
    x += width;
  });
  layout.y = top + height;
  doc
    .moveTo(page.marginX, layout.y)
    .lineTo(page.marginX + contentWidth, layout.y)
    .lineWidth(isHeader ? 0.8 : 0.4)
    .strokeColor(isHeader ? colour.accent : colour.rule)
    .stroke();
}

function rowHeight(layout: Layout, widths: number[], cells: string[], isHeader: boolean): number {
  return Math.max(...cells.map((text, index) => cellHeight(layout, text, widths[index] ?? 0, isHeader)));
}

function drawTable(layout: Layout, block: Extract<ReportBlock, { kind: 'table' }>): void {
  if (block.rows.length === 0) {
    drawParagraph(layout, { kind: 'paragraph', text: block.emptyText, tone: 'muted' });
    return;
  }
  const widths = columnWidths(block.columns);
  const headers = block.columns.map((column) => column.header);
  const headerHeight = rowHeight(layout, widths, headers, true);
  // The header never stands alone at the bottom of a page: it goes with the first row.
  layout.ensureSpace(headerHeight + rowHeight(layout, widths, block.rows[0] ?? [], false));
  drawRow(layout, block.columns, widths, headers, colour.headerFill, true);
  block.rows.forEach((cells, index) => {
    const height = rowHeight(layout, widths, cells, false);
    if (layout.y + height > bodyBottom) {
      layout.newPage();
      drawRow(layout, block.columns, widths, headers, colour.headerFill, true);
    }
    drawRow(layout, block.columns, widths, cells, index % 2 === 1 ? colour.zebra : null, false);
  });
  layout.y += 10;
}

function drawParagraph(layout: Layout, block: Extract<ReportBlock, { kind: 'paragraph' }>): void {
  const style =
    block.tone === 'muted'
      ? { font: font.italic, size: size.body, colour: colour.muted }
      : { font: font.regular, size: size.body, colour: colour.text };
  // Line by line, so a long paragraph continues on the next page instead of running into the footer.
  for (const line of wrapLines(layout, block.text, style.font, style.size)) {
    const height = layout.textHeight(line, contentWidth, style.font, style.size);
    layout.ensureSpace(height);
    layout.write(line, page.marginX, contentWidth, style);
    layout.y += height;
  }
  layout.y += 8;
}

/** Splits text into the lines pdfkit would wrap it into at the content width. */
function wrapLines(layout: Layout, text: string, fontName: string, fontSize: number): string[] {
  const doc = layout.doc.font(fontName).fontSize(fontSize);
  const lines: string[] = [];
  for (const paragraph of pdfSafe(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && doc.widthOfString(candidate) > contentWidth) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

function drawFacts(layout: Layout, rows: [string, string][], labelWidth = 150): void {
  const valueWidth = contentWidth - labelWidth;
  for (const [label, value] of rows) {
    const height =
      Math.max(
        layout.textHeight(label, labelWidth - 10, font.bold, size.body),
        layout.textHeight(value, valueWidth, font.regular, size.body),
      ) + 5;
    layout.ensureSpace(height);
    const top = layout.y;
    layout.write(label, page.marginX, labelWidth - 10, { font: font.bold, size: size.body, colour: colour.muted });
    layout.y = top;
    layout.write(value, page.marginX + labelWidth, valueWidth, {
      font: font.regular,
      size: size.body,
      colour: colour.text,
    });
    layout.y = top + height;
  }
  layout.y += 8;
}

function drawSubheading(layout: Layout, text: string): void {
  const height = layout.textHeight(text, contentWidth, font.bold, size.subheading);
  // Keep the subheading with at least a few lines of what follows it.
  layout.ensureSpace(height + 60);
  layout.y += 4;
  layout.write(text, page.marginX, contentWidth, { font: font.bold, size: size.subheading, colour: colour.heading });
  layout.y += height + 4;
}

function drawHeading(layout: Layout, text: string): void {
  const height = layout.textHeight(text, contentWidth, font.bold, size.heading);
  if (layout.y > page.top) layout.y += 16;
  layout.ensureSpace(height + 90);
  layout.write(text, page.marginX, contentWidth, { font: font.bold, size: size.heading, colour: colour.heading });
  layout.y += height + 3;
  layout.doc
    .moveTo(page.marginX, layout.y)
    .lineTo(page.marginX + contentWidth, layout.y)
    .lineWidth(1.2)
    .strokeColor(colour.accent)
    .stroke();
  layout.y += 10;
}

function drawBlock(layout: Layout, block: ReportBlock): void {
  switch (block.kind) {
    case 'paragraph':
      return drawParagraph(layout, block);
    case 'subheading':
      return drawSubheading(layout, block.text);
    case 'facts':
      return drawFacts(layout, block.rows);
    case 'table':
      return drawTable(layout, block);
  }
}

function drawCover(layout: Layout, content: ReportContent): void {
  const doc = layout.doc;
  doc.rect(0, 0, page.width, 8).fill(colour.accent);
  layout.y = 120;
  layout.write(content.organisation.toUpperCase(), page.marginX, contentWidth, {
    font: font.bold,
    size: 11,
    colour: colour.accent,
  });
  layout.y += 26;
  layout.write(content.title, page.marginX, contentWidth, {
    font: font.bold,
    size: size.title,
    colour: colour.heading,
  });
  layout.y += layout.textHeight(content.title, contentWidth, font.bold, size.title) + 6;
  layout.write(content.subtitle, page.marginX, contentWidth, { font: font.regular, size: 12, colour: colour.muted });
  layout.y += 34;
  doc
    .moveTo(page.marginX, layout.y)
    .lineTo(page.marginX + contentWidth, layout.y)
    .lineWidth(0.6)
    .strokeColor(colour.rule)
    .stroke();
  layout.y += 14;
  drawFacts(layout, content.cover);
}

/** The contents list on the title page, drawn last because it needs the sections' page numbers. */
function drawContents(layout: Layout, content: ReportContent, top: number, pages: number[], heading: string): void {
  layout.y = top + 10;
  layout.write(heading, page.marginX, contentWidth, { font: font.bold, size: size.subheading, colour: colour.heading });
  layout.y += 22;
  content.sections.forEach((section, index) => {
    const label = `${index + 1}. ${section.heading}`;
    layout.write(label, page.marginX, contentWidth - 40, { font: font.regular, size: size.body, colour: colour.text });
    layout.write(String(pages[index] ?? ''), page.marginX + contentWidth - 40, 40, {
      font: font.regular,
      size: size.body,
      colour: colour.muted,
      align: 'right',
    });
    layout.y += 17;
  });
}

function drawFooters(doc: Pdf, content: ReportContent): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing below the bottom margin would make pdfkit start a new page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    const y = page.height - 42;
    doc
      .moveTo(page.marginX, y - 6)
      .lineTo(page.marginX + contentWidth, y - 6)
      .lineWidth(0.4)
      .strokeColor(colour.rule)
      .stroke();
    doc.font(font.regular).fontSize(7.5).fillColor(colour.muted);
    doc.text(pdfSafe(content.footer), page.marginX, y, { width: contentWidth - 90, lineBreak: false, ellipsis: true });
    doc.text(pdfSafe(content.pageLabel(index + 1, range.count)), page.marginX + contentWidth - 90, y, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins = margins;
  }
}

export async function buildEvaluationReportPdf(
  pack: EvaluationPack,
  locale: Locale,
  printedOn: LocalDate | null = null,
): Promise<Uint8Array> {
  const content = evaluationReportContent(pack, locale, printedOn);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: page.top, bottom: page.bottom, left: page.marginX, right: page.marginX },
    bufferPages: true,
    autoFirstPage: true,
    lang: intlTags[locale],
    displayTitle: true,
    info: {
      Title: pdfSafe(content.title),
      Author: pdfSafe(content.organisation),
      Subject: pdfSafe(content.subtitle),
      Creator: 'Kvalitetshåndbog',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const layout = new Layout(doc);
  drawCover(layout, content);
  const contentsTop = layout.y;
  const sectionPages: number[] = [];
  content.sections.forEach((section, index) => {
    if (index === 0) layout.newPage();
    drawHeading(layout, `${index + 1}. ${section.heading}`);
    sectionPages.push(doc.bufferedPageRange().count);
    for (const block of section.blocks) drawBlock(layout, block);
  });
  doc.switchToPage(0);
  drawContents(layout, content, contentsTop, sectionPages, reportTexts(locale)('contents'));
  drawFooters(doc, content);
  doc.end();
  await finished;
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
