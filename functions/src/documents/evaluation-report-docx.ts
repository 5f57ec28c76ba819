import type { LocalDate } from '../core/local-date.js';
import type { Locale } from '../core/locale.js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { EvaluationPack } from '../app/assemble-evaluation-pack.js';
import {
  evaluationReportContent,
  type ReportBlock,
  type ReportColumn,
  type ReportContent,
} from './evaluation-report-content.js';

/**
 * The management evaluation as a Word document (A4), with the same content as the PDF: a title
 * page, then one numbered section per part of the pack. Headings use Word's built-in styles (the
 * navigation pane works), table header rows repeat on every page and rows are not split across
 * pages, and the footer numbers the pages ("Side n af m").
 */

const colour = {
  heading: '16365C',
  accent: '2E75B6',
  muted: '5A6570',
  rule: 'C8D2DC',
  headerFill: 'E4ECF4',
  zebra: 'F5F8FB',
};

/** A4 in twentieths of a point, with 2 cm margins. */
const pageSize = { width: 11906, height: 16838 };
const margin = 1134;
const contentWidth = pageSize.width - 2 * margin;

/** XML 1.0 refuses these; the docx package passes them through, and Word then refuses the file. */
const xmlInvalidCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function clean(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(xmlInvalidCharacters, '')
    .normalize('NFC');
}

/** Runs for one line-broken text; "\n" becomes a line break because a TextRun would render it as a space. */
function runs(
  text: string,
  style: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {},
): ParagraphChild[] {
  return clean(text)
    .split('\n')
    .map((line, index) => new TextRun({ text: line, break: index === 0 ? undefined : 1, ...style }));
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: colour.rule };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function cell(
  text: string,
  width: number,
  options: { isHeader: boolean; align: ReportColumn['align']; fill: string | null },
): TableCell {
  const [main = '', ...rest] = text.split('\n');
  const note = rest.join('\n').trim();
  const alignment = options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const children = [
    new Paragraph({
      alignment,
      children: runs(main, options.isHeader ? { bold: true, color: colour.heading, size: 18 } : { size: 18 }),
    }),
  ];
  if (!options.isHeader && note !== '') {
    children.push(new Paragraph({ alignment, children: runs(note, { color: colour.muted, size: 16 }) }));
  }
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 90, right: 90 },
    shading: options.fill === null ? undefined : { type: ShadingType.CLEAR, color: 'auto', fill: options.fill },
    borders: {
      top: none,
      left: none,
      right: none,
      bottom: options.isHeader ? { style: BorderStyle.SINGLE, size: 8, color: colour.accent } : thin,
    },
    children,
  });
}

function table(block: Extract<ReportBlock, { kind: 'table' }>): Table | Paragraph {
  if (block.rows.length === 0) return mutedParagraph(block.emptyText);
  const total = block.columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = block.columns.map((column) => Math.round((column.weight / total) * contentWidth));
  const row = (cells: string[], isHeader: boolean, fill: string | null) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: cells.map((text, index) =>
        cell(text, widths[index] ?? 0, { isHeader, align: block.columns[index]?.align, fill }),
      ),
    });
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [
      row(
        block.columns.map((column) => column.header),
        true,
        colour.headerFill,
      ),
      ...block.rows.map((cells, index) => row(cells, false, index % 2 === 1 ? colour.zebra : null)),
    ],
  });
}

function mutedParagraph(text: string): Paragraph {
  return new Paragraph({ spacing: { after: 160 }, children: runs(text, { italics: true, color: colour.muted }) });
}

function facts(rows: [string, string][]): Table {
  const labelWidth = Math.round(contentWidth * 0.3);
  const plain = (text: string, width: number, isLabel: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 0, right: 90 },
      borders: { top: none, bottom: none, left: none, right: none },
      children: [new Paragraph({ children: runs(text, isLabel ? { bold: true, color: colour.muted } : {}) })],
    });
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: [labelWidth, contentWidth - labelWidth],
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [plain(label, labelWidth, true), plain(value, contentWidth - labelWidth, false)],
        }),
    ),
  });
}

function blockChildren(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [
        block.tone === 'muted'
          ? mutedParagraph(block.text)
          : new Paragraph({ spacing: { after: 160 }, children: runs(block.text) }),
      ];
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: runs(block.text) })];
    case 'facts':
      return [facts(block.rows), new Paragraph({ children: [] })];
    case 'table':
      return [table(block), new Paragraph({ children: [] })];
  }
}

function titlePage(content: ReportContent): (Paragraph | Table)[] {
  return [
    new Paragraph({
      spacing: { before: 2400, after: 120 },
      children: runs(content.organisation.toUpperCase(), { bold: true, color: colour.accent, size: 22 }),
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(content.title) }),
    new Paragraph({ spacing: { after: 480 }, children: runs(content.subtitle, { color: colour.muted, size: 24 }) }),
    facts(content.cover),
  ];
}

export async function buildEvaluationReportDocx(
  pack: EvaluationPack,
  locale: Locale,
  printedOn: LocalDate | null = null,
): Promise<Uint8Array> {
  const content = evaluationReportContent(pack, locale, printedOn);
  const body: (Paragraph | Table)[] = [];
  content.sections.forEach((section, index) => {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: index === 0,
        keepNext: true,
        children: runs(`${index + 1}. ${section.heading}`),
      }),
    );
    for (const block of section.blocks) body.push(...blockChildren(block));
  });
  const [pageBefore, pageBetween] = content.pageLabel(1, 2).split(/\d+/);
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: clean(`${content.footer}    `), size: 15, color: colour.muted }),
          new TextRun({
            children: [pageBefore ?? '', PageNumber.CURRENT, pageBetween ?? ' / ', PageNumber.TOTAL_PAGES],
            size: 15,
            color: colour.muted,
          }),
        ],
      }),
    ],
  });
  const document = new Document({
    title: clean(content.title),
    creator: clean(content.organisation) || 'Kvalitetshåndbog',
    description: clean(content.subtitle),
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 21 } },
        title: { run: { font: 'Calibri', size: 56, bold: true, color: colour.heading } },
        heading1: {
          run: { font: 'Calibri', size: 30, bold: true, color: colour.heading },
          paragraph: { spacing: { before: 360, after: 160 } },
        },
        heading2: {
          run: { font: 'Calibri', size: 23, bold: true, color: colour.heading },
          paragraph: { spacing: { before: 200, after: 100 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: pageSize, margin: { top: margin, bottom: margin, left: margin, right: margin } },
        },
        footers: { default: footer },
        children: [...titlePage(content), ...body],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
