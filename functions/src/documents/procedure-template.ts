import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { AppError } from '../core/errors.js';

/**
 * The sections of a procedure in the handbook, in order. The set follows the usual ISO 9001-style
 * procedure layout that Danish municipalities use ("Formål, Omfang, Ansvar, Fremgangsmåde, ...").
 */
export const procedureSections = [
  'Formål',
  'Omfang',
  'Definitioner',
  'Ansvar',
  'Fremgangsmåde',
  'Afvigelser',
  'Registreringer',
  'Referencer',
] as const;

export type ProcedureSection = (typeof procedureSections)[number];

export type ProcedureDocumentInput = {
  code: string;
  title: string;
  /** Shown under the title, e.g. "Eksempel Kommune · Teknik og Miljø". */
  organisation: string;
  versionLabel?: string;
  /**
   * Paragraphs per section. A paragraph starting with "- " is a bullet, one starting with "1. "
   * (any number) is a numbered step; line breaks inside a paragraph are kept.
   */
  sections?: Partial<Record<ProcedureSection, string[]>>;
};

/** Guidance shown in empty sections, so a new procedure reads like a template to fill in. */
export const procedurePlaceholders: Record<ProcedureSection, string> = {
  Formål: 'Beskriv formålet med proceduren.',
  Omfang: 'Beskriv hvilke enheder, medarbejdere og opgaver proceduren gælder for.',
  Definitioner: 'Forklar de begreber og forkortelser, der bruges i proceduren.',
  Ansvar: 'Angiv hvem der udfører, godkender og vedligeholder proceduren.',
  Fremgangsmåde: 'Beskriv trin for trin, hvordan opgaven udføres.',
  Afvigelser: 'Beskriv hvordan afvigelser og fejl håndteres og registreres.',
  Registreringer: 'Angiv hvilken dokumentation der gemmes, hvor den gemmes, og hvor længe.',
  Referencer: 'Henvis til love, standarder og andre dokumenter, som proceduren bygger på.',
};

type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'bullet'; text: string }
  | { type: 'step'; text: string }
  | { type: 'placeholder'; text: string };

const bulletPrefix = /^[-*]\s+/;
const stepPrefix = /^\d{1,3}[.)]\s+/;

/**
 * Characters that are not allowed in XML 1.0. The docx package escapes markup but passes these
 * through, and Word then refuses to open the file ("unreadable content"), so they are removed.
 * Lone surrogates (invalid in XML too) become U+FFFD in `cleanText`.
 */
const xmlInvalidCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function cleanText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(xmlInvalidCharacters, '')
    .normalize('NFC');
}

function classify(paragraph: string): Block {
  const text = cleanText(paragraph).trim();
  if (bulletPrefix.test(text)) return { type: 'bullet', text: text.replace(bulletPrefix, '') };
  if (stepPrefix.test(text)) return { type: 'step', text: text.replace(stepPrefix, '') };
  return { type: 'paragraph', text };
}

function sectionBlocks(input: ProcedureDocumentInput, section: ProcedureSection): Block[] {
  const paragraphs = (input.sections?.[section] ?? []).filter((paragraph) => paragraph.trim() !== '');
  if (paragraphs.length === 0) return [{ type: 'placeholder', text: procedurePlaceholders[section] }];
  return paragraphs.map(classify);
}

function requireText(value: string, field: string): string {
  const text = cleanText(value).trim();
  if (text === '') throw new AppError('VALIDATION', `The procedure ${field} must not be empty.`, { field });
  return text;
}

function heading(input: ProcedureDocumentInput): string {
  return `${requireText(input.code, 'code')} ${requireText(input.title, 'title')}`;
}

function metadataLine(input: ProcedureDocumentInput): string {
  const parts = [cleanText(input.organisation).trim()];
  const version = input.versionLabel === undefined ? '' : cleanText(input.versionLabel).trim();
  // The version and its status live in the handbook, not in the file: a file written as a
  // draft is the very file that gets published, so it must not say "Kladde" in its body.
  if (version !== '') parts.push(`Version ${version}`);
  return parts.filter((part) => part !== '').join(' · ');
}

// ---------------------------------------------------------------------------------------------
// Word

const stepsReference = 'procedure-steps';

/** Runs for one paragraph; "\n" becomes a line break because a TextRun would render it as a space. */
function runs(text: string, style: { italics?: boolean; color?: string; size?: number } = {}): ParagraphChild[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => new TextRun({ text: line, break: index === 0 ? undefined : 1, ...style }));
}

function wordBlock(block: Block, sectionIndex: number): Paragraph {
  switch (block.type) {
    case 'bullet':
      return new Paragraph({ children: runs(block.text), bullet: { level: 0 } });
    case 'step':
      // One list instance per section, so numbering restarts at 1 in every section.
      return new Paragraph({
        children: runs(block.text),
        numbering: { reference: stepsReference, level: 0, instance: sectionIndex },
      });
    case 'placeholder':
      return new Paragraph({ children: runs(block.text, { italics: true, color: '767676' }) });
    case 'paragraph':
      return new Paragraph({ children: runs(block.text) });
  }
}

/**
 * Builds a new procedure as a real Word document. Headings use Word's built-in "Heading 1/2"
 * styles (not just big bold text), so Word's navigation pane works and mammoth maps them to
 * h1/h2 when the document is rendered back in the tab.
 */
export async function buildProcedureDocx(input: ProcedureDocumentInput): Promise<Uint8Array> {
  const title = heading(input);
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
    new Paragraph({ children: runs(metadataLine(input), { size: 18, color: '595959' }) }),
  ];
  procedureSections.forEach((section, sectionIndex) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section)] }));
    for (const block of sectionBlocks(input, section)) children.push(wordBlock(block, sectionIndex));
  });

  const document = new Document({
    title,
    creator: cleanText(input.organisation).trim() || 'Kvalitetshåndbog',
    description: 'Procedure i kvalitetshåndbogen',
    numbering: {
      config: [
        {
          reference: stepsReference,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Escapes inline Markdown in text that is meant literally (title, organisation). */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
}

/**
 * Paragraph text is author-written Markdown, but a leading "#", ">" or "1." would silently turn a
 * plain paragraph into a heading, quote or list; escape the start so it stays a paragraph.
 */
function escapeParagraphStart(text: string): string {
  return text.replace(/^(\s*)([#>+=-]|\d+[.)])/u, (_, space: string, marker: string) =>
    /^\d/.test(marker) ? `${space}${marker.replace(/([.)])$/, '\\$1')}` : `${space}\\${marker}`,
  );
}

/** Hard line breaks inside one paragraph or list item (two trailing spaces would be invisible). */
function keepLineBreaks(text: string, indent: string): string {
  return text.split(/\r?\n/).join(`\\\n${indent}`);
}

function markdownBlocks(blocks: Block[]): string {
  const out: string[] = [];
  let step = 0;
  let previous: Block['type'] | undefined;
  for (const block of blocks) {
    if (block.type !== 'step') step = 0;
    let line: string;
    switch (block.type) {
      case 'bullet':
        line = `- ${keepLineBreaks(block.text, '  ')}`;
        break;
      case 'step':
        step += 1;
        line = `${step}. ${keepLineBreaks(block.text, '   ')}`;
        break;
      case 'placeholder':
        line = `_${escapeInline(block.text)}_`;
        break;
      case 'paragraph':
        line = keepLineBreaks(escapeParagraphStart(block.text), '');
        break;
    }
    // Consecutive items of the same list are joined without a blank line so the list stays tight.
    const sameList = previous === block.type && (block.type === 'bullet' || block.type === 'step');
    out.push(sameList ? `\n${line}` : `${out.length === 0 ? '' : '\n\n'}${line}`);
    previous = block.type;
  }
  return out.join('');
}

/** The same procedure template as Markdown, for procedures kept as .md files. */
export function buildProcedureMarkdown(input: ProcedureDocumentInput): string {
  const parts = [`# ${escapeInline(heading(input))}`, `_${escapeInline(metadataLine(input))}_`];
  for (const section of procedureSections) {
    parts.push(`## ${section}`, markdownBlocks(sectionBlocks(input, section)));
  }
  return `${parts.join('\n\n')}\n`;
}
