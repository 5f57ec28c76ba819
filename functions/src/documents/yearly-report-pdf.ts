import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { intlTags } from '../core/locale.js';
import type { ChartBar, PublicBlock, YearlyReportView } from './yearly-report-content.js';

/**
 * The yearly public report as a tagged PDF (PDF/UA-1, pdfkit): the document's language
 * (`/Lang`), its title shown in the viewer's title bar (DisplayDocTitle), `/MarkInfo` Marked, a
 * structure tree in reading order (Document → H1, P, H2, H3, Table → TR → TH/TD, Figure with its
 * alt text), and everything that is not content (rules, fills, page numbers) marked as an
 * artifact. The text is set in DejaVu Sans, embedded (subset), so æ, ø, å and every other
 * character of the report are in the file and extract as text.
 */

type Pdf = InstanceType<typeof PDFDocument>;
type StructureElement = ReturnType<Pdf['struct']>;

const fontDirectory = new URL('../../assets/fonts/', import.meta.url);
let fontFiles: { regular: Buffer; bold: Buffer } | null = null;

/** The embedded fonts' files (functions/assets/fonts, DejaVu Sans), read once. */
function fontFilesOnce(): { regular: Buffer; bold: Buffer } {
  fontFiles ??= {
    regular: readFileSync(new URL('DejaVuSans.ttf', fontDirectory)),
    bold: readFileSync(new URL('DejaVuSans-Bold.ttf', fontDirectory)),
  };
  return fontFiles;
}

/**
 * The fonts as parsed by pdfkit's font library (fontkit), kept from the first report for every
 * later one: parsing the two DejaVu files is most of a report's time and memory churn. pdfkit
 * takes a parsed font as a font source (anything with `layout`) and makes its own subset per
 * document, so sharing the parsed font between documents is safe.
 */
type ParsedFont = { layout: (...args: unknown[]) => unknown };
let parsedFonts: { regular: ParsedFont; bold: ParsedFont } | null = null;

function parsedFontOf(doc: Pdf, name: 'regular' | 'bold'): ParsedFont {
  doc.font(name);
  return (doc as unknown as { _font: { font: ParsedFont } })._font.font;
}

const page = { width: 595.28, height: 841.89, marginX: 56, top: 60, bottom: 70 };
const contentWidth = page.width - 2 * page.marginX;

const colour = {
  text: '#1B1F24',
  muted: '#4A5560',
  heading: '#16365C',
  rule: '#C8D2DC',
  headerFill: '#E4ECF4',
  track: '#EEF2F6',
  target: '#1B1F24',
};
/** Status colours with at least 3:1 against white (WCAG 1.4.11); the status is also in words. */
const barColour = { green: '#1E7B34', yellow: '#9A6700', red: '#B3261E', none: '#6B7280' } as const;

const size = { body: 10, table: 8.5, h1: 24, h2: 15, h3: 11.5 };

function paragraph(doc: Pdf, parent: StructureElement, text: string, style: { bold?: boolean; muted?: boolean } = {}) {
  parent.add(
    doc.struct('P', {}, () => {
      doc
        .font(style.bold ? 'bold' : 'regular')
        .fontSize(size.body)
        .fillColor(style.muted ? colour.muted : colour.text)
        .text(text, page.marginX, doc.y, { width: contentWidth, lineGap: 2 });
    }),
  );
  doc.moveDown(0.5);
}

function heading(doc: Pdf, parent: StructureElement, level: 'H1' | 'H2' | 'H3', text: string): void {
  const fontSize = level === 'H1' ? size.h1 : level === 'H2' ? size.h2 : size.h3;
  // Keep a heading with what follows it.
  if (doc.y + fontSize * 2 + 100 > page.height - page.bottom) doc.addPage();
  if (level !== 'H1') doc.moveDown(0.6);
  parent.add(
    doc.struct(level, {}, () => {
      doc
        .font('bold')
        .fontSize(fontSize)
        .fillColor(colour.heading)
        .text(text, page.marginX, doc.y, { width: contentWidth });
    }),
  );
  doc.moveDown(0.4);
}

function artifact(doc: Pdf, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

function table(
  doc: Pdf,
  parent: StructureElement,
  block: Extract<PublicBlock, { kind: 'table' }> | { kind: 'facts'; rows: [string, string][] },
): void {
  if (block.kind === 'table' && block.rows.length === 0) {
    paragraph(doc, parent, block.emptyText, { muted: true });
    return;
  }
  const isFacts = block.kind === 'facts';
  const weights = isFacts ? [1.2, 3] : block.columns.map((column) => column.weight);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const header = isFacts
    ? []
    : [
        block.columns.map((column) => ({
          text: column.header,
          type: 'TH',
          scope: 'column',
          font: { src: 'bold' },
          backgroundColor: colour.headerFill,
          textColor: colour.heading,
          align: { x: column.align ?? 'left', y: 'top' },
        })),
      ];
  const rows = isFacts
    ? block.rows.map(([label, value]) => [
        { text: label, type: 'TH', scope: 'row', font: { src: 'bold' }, textColor: colour.heading },
        { text: value, type: 'TD', textColor: colour.text },
      ])
    : block.rows.map((row) =>
        row.map((text, index) => ({
          text,
          type: 'TD',
          textColor: colour.text,
          align: { x: block.columns[index]?.align ?? 'left', y: 'top' },
        })),
      );
  // Never a caption or a header row alone at the foot of a page.
  if (doc.y + 90 > page.height - page.bottom) doc.addPage();
  if (!isFacts && block.isCaptionVisible) paragraph(doc, parent, block.caption, { bold: true });
  doc.font('regular').fontSize(size.table);
  doc.table({
    position: { x: page.marginX, y: doc.y },
    columnStyles: weights.map((weight) => ({ width: (weight / total) * contentWidth })),
    defaultStyle: { border: { bottom: 0.5 }, borderColor: colour.rule, padding: 4 },
    structParent: parent,
    data: [...header, ...rows],
  } as unknown as Parameters<Pdf['table']>[0]);
  doc.x = page.marginX;
  doc.moveDown(0.8);
}

/** Horizontal bars, one per goal: the value's bar, the target's mark, and both in words beside it. */
function chart(doc: Pdf, parent: StructureElement, block: Extract<PublicBlock, { kind: 'chart' }>): void {
  const labelWidth = contentWidth * 0.38;
  const barWidth = contentWidth * 0.28;
  const rowHeight = 30;
  const height = block.bars.length * rowHeight + 8;
  if (doc.y + height + 20 > page.height - page.bottom) doc.addPage();
  const top = doc.y;
  const left = page.marginX;
  parent.add(
    doc.struct(
      'Figure',
      { alt: block.alt, bbox: [left, top, left + contentWidth, top + height] } as unknown as Parameters<
        Pdf['struct']
      >[1],
      () => {
        block.bars.forEach((bar: ChartBar, index) => {
          const y = top + index * rowHeight;
          const barX = left + labelWidth + 8;
          doc
            .font('regular')
            .fontSize(8.5)
            .fillColor(colour.text)
            .text(bar.label, left, y + 2, { width: labelWidth, height: rowHeight - 4, ellipsis: true });
          doc.rect(barX, y + 4, barWidth, 12).fill(colour.track);
          doc.rect(barX, y + 4, Math.max(1, barWidth * bar.valueAt), 12).fill(barColour[bar.colour]);
          const targetX = barX + barWidth * bar.targetAt;
          doc
            .moveTo(targetX, y)
            .lineTo(targetX, y + 20)
            .lineWidth(1.5)
            .strokeColor(colour.target)
            .stroke();
          doc
            .font('regular')
            .fontSize(8)
            .fillColor(colour.text)
            .text(`${bar.valueText} · ${bar.targetText} · ${bar.statusText}`, barX + barWidth + 8, y + 4, {
              width: contentWidth - labelWidth - barWidth - 16,
              height: rowHeight - 4,
            });
        });
      },
    ),
  );
  doc.y = top + height;
  doc.x = page.marginX;
  paragraph(doc, parent, block.caption, { muted: true });
}

function drawBlock(doc: Pdf, parent: StructureElement, block: PublicBlock): void {
  switch (block.kind) {
    case 'paragraph':
      paragraph(doc, parent, block.text);
      return;
    case 'subheading':
      heading(doc, parent, 'H3', block.text);
      return;
    case 'list': {
      const list = doc.struct('L');
      parent.add(list);
      for (const item of block.items) {
        const entry = doc.struct('LI');
        list.add(entry);
        entry.add(
          doc.struct('LBody', {}, () => {
            doc
              .font('regular')
              .fontSize(size.body)
              .fillColor(colour.text)
              .text(`• ${item}`, page.marginX, doc.y, { width: contentWidth });
          }),
        );
        entry.end();
      }
      list.end();
      doc.moveDown(0.5);
      return;
    }
    case 'facts':
    case 'table':
      table(doc, parent, block);
      return;
    case 'chart':
      chart(doc, parent, block);
      return;
  }
}

function drawFooters(doc: Pdf, view: YearlyReportView): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const margins = doc.page.margins;
    // Writing below the bottom margin would make pdfkit start a new page.
    doc.page.margins = { ...margins, bottom: 0 };
    const y = page.height - 44;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .moveTo(page.marginX, y - 6)
      .lineTo(page.marginX + contentWidth, y - 6)
      .lineWidth(0.4)
      .strokeColor(colour.rule)
      .stroke();
    doc.font('regular').fontSize(7.5).fillColor(colour.muted);
    doc.text(view.footer, page.marginX, y, {
      width: contentWidth - 90,
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(view.pageLabel(index + 1, range.count), page.marginX + contentWidth - 90, y, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins = margins;
  }
}

export async function buildYearlyReportPdf(view: YearlyReportView): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: intlTags[view.locale],
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: true,
    margins: { top: page.top, bottom: page.bottom, left: page.marginX, right: page.marginX },
    info: {
      Title: view.title,
      Author: view.organisation,
      Subject: view.subtitle,
      Creator: 'Kvalitetshåndbog',
    },
  } as unknown as ConstructorParameters<typeof PDFDocument>[0]);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const { regular, bold } = parsedFonts ?? fontFilesOnce();
  doc.registerFont('regular', regular as unknown as Buffer);
  doc.registerFont('bold', bold as unknown as Buffer);
  parsedFonts ??= { regular: parsedFontOf(doc, 'regular'), bold: parsedFontOf(doc, 'bold') };
  // pdfkit's table switches to a cell's font and back by the font's source, which for a registered
  // font is its file (or parsed font): each switch back would parse the whole file again (seconds per report).
  // Switching by the registered name finds the font already loaded.
  const switchFont = doc.font.bind(doc) as (...args: unknown[]) => Pdf;
  (doc as unknown as { font: (...args: unknown[]) => Pdf }).font = (source: unknown, ...rest: unknown[]) =>
    switchFont(source === regular ? 'regular' : source === bold ? 'bold' : source, ...rest);
  doc.font('regular');

  const root = doc.struct('Document');
  doc.addStructure(root);
  heading(doc, root, 'H1', view.title);
  paragraph(doc, root, view.subtitle, { muted: true });
  if (view.notice) paragraph(doc, root, view.notice, { bold: true });
  table(doc, root, { kind: 'facts', rows: view.facts });
  for (const section of view.sections) {
    const part = doc.struct('Sect');
    root.add(part);
    heading(doc, part, 'H2', section.heading);
    for (const block of section.blocks) drawBlock(doc, part, block);
    part.end();
  }
  artifact(doc, () => undefined);
  drawFooters(doc, view);
  root.end();
  doc.end();
  await finished;
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
