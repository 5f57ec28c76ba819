import { promisify } from 'node:util';
import { inflate } from 'node:zlib';
import { AppError } from '../core/errors.js';

/**
 * Refuses documents that carry something that runs: macros, ActiveX controls, wrapped programs
 * in Word files; scripts, launch actions, embedded files and interactive forms in PDFs. A
 * procedure is read by everyone in the municipality, so the handbook must never hand out a
 * file that does more than show text. The check is by content; names and content types are
 * trivially forged.
 */
function activeContent(message: string, found: string): AppError {
  return new AppError('UNSAFE_DOCUMENT', message, { reason: 'active-content', found });
}

/** Parts that only exist to carry code or controls, wherever they sit in the package. */
const activeParts: readonly { pattern: RegExp; found: string }[] = [
  { pattern: /(?:^|\/)vbaProject\.bin$/i, found: 'vba-project' },
  { pattern: /(?:^|\/)vbaData\.xml$/i, found: 'vba-data' },
  { pattern: /(?:^|\/)activeX\//i, found: 'activex' },
  // Embedded macro-enabled Office files and programs dropped into the package as they are.
  { pattern: /\.(?:docm|dotm|xlsm|xltm|xlam|pptm|potm|ppam|ppsm|sldm)$/i, found: 'embedded-macro-file' },
  { pattern: /\.(?:exe|dll|com|scr|msi|bat|cmd|ps1|vbs|vbe|js|jse|wsf|wsh|hta|jar|lnk)$/i, found: 'embedded-program' },
];

/** Content types that declare code: macro-enabled main parts, VBA projects, ActiveX. */
const activeContentTypes = /macroEnabled|vbaProject|vbaData|activeX/i;

const ole2Magic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/**
 * Stream names inside an embedded OLE object that hold something executable: "Ole10Native" is
 * the Packager's wrapper around an arbitrary file (the classic way to mail a program inside a
 * Word file), "_VBA_PROJECT" an OLE document's macros. Stored as UTF-16LE. Embedded Excel
 * charts and equations have neither and pass.
 */
const executableOleStreams = ['Ole10Native', '_VBA_PROJECT'].map((name) => Buffer.from(name, 'utf16le'));
const windowsExecutable = Buffer.from('MZ');

/**
 * Throws UNSAFE_DOCUMENT (reason `active-content`) for an Office Open XML package with parts that
 * run. `files` are the package's unpacked parts (from the archive guard).
 */
export function ensureNoActiveOfficeContent(files: ReadonlyMap<string, Buffer>): void {
  for (const [name, content] of files) {
    for (const { pattern, found } of activeParts) {
      if (pattern.test(name)) throw activeContent(`The document contains active content (${name}).`, found);
    }
    if (/(?:^|\/)embeddings\//i.test(name)) {
      if (content.subarray(0, 2).equals(windowsExecutable)) {
        throw activeContent(`The document embeds a program (${name}).`, 'embedded-program');
      }
      if (content.subarray(0, 8).equals(ole2Magic) && executableOleStreams.some((stream) => content.includes(stream))) {
        throw activeContent(`The document embeds an object with executable content (${name}).`, 'ole-package');
      }
    }
  }
  const contentTypes = files.get('[Content_Types].xml')?.toString('utf8') ?? '';
  if (activeContentTypes.test(contentTypes)) {
    throw activeContent('The document declares macro or ActiveX content.', 'macro-content-type');
  }
}

/**
 * PDF names that make a document do something: run JavaScript (also from /OpenAction and /AA
 * actions, which always name /JS or /JavaScript), start programs, carry files, play rich media
 * or hold XFA forms (which have their own scripting).
 */
const activePdfNames = new Map([
  ['JavaScript', 'pdf-javascript'],
  ['JS', 'pdf-javascript'],
  ['Launch', 'pdf-launch'],
  ['EmbeddedFile', 'pdf-embedded-file'],
  ['EmbeddedFiles', 'pdf-embedded-file'],
  ['RichMedia', 'pdf-rich-media'],
  ['XFA', 'pdf-xfa'],
]);

/** A PDF name: "/" then regular characters up to the next whitespace or delimiter. */
const pdfName = /\/([^\s/[\]()<>{}%]*)/g;

/** "#xx" in a name is the byte xx, so /J#61vaScript is /JavaScript. */
function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * The data regions of the PDF's streams (between "stream" and "endstream"), in order. Compressed
 * images and fonts are random bytes, where a short name such as "/JS " turns up by chance about
 * once in 40 MB; long names never do.
 */
function streamRegions(text: string): [number, number][] {
  const regions: [number, number][] = [];
  const keyword = /(?<!end)stream\r?\n/g;
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    const end = text.indexOf('endstream', keyword.lastIndex);
    if (end < 0) break;
    regions.push([keyword.lastIndex, end]);
    keyword.lastIndex = end + 'endstream'.length;
  }
  return regions;
}

function insideRegion(regions: readonly [number, number][], at: number): boolean {
  let low = 0;
  let high = regions.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = regions[middle]!;
    if (at < start) high = middle - 1;
    else if (at >= end) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * The first active name in `text`. "/JS" is not looked for inside stream data (`regions`),
 * where it would be chance: a JavaScript action also always names its type, /S /JavaScript,
 * which is looked for everywhere.
 */
function findActiveName(text: string, regions: readonly [number, number][] = []): string | undefined {
  for (const match of text.matchAll(pdfName)) {
    const name = decodeName(match[1] ?? '');
    const found = activePdfNames.get(name);
    if (!found) continue;
    if (name === 'JS' && insideRegion(regions, match.index ?? 0)) continue;
    return found;
  }
  return undefined;
}

/**
 * Limits on looking inside a PDF's object streams. They hold object dictionaries only (no page
 * content or images): a few hundred KB, in at most a few hundred streams, in a long report.
 */
export const pdfScanLimits = {
  maxObjectStreams: 10_000,
  maxObjectStreamBytes: 8 * 1024 * 1024,
  maxTotalObjectStreamBytes: 32 * 1024 * 1024,
  /** How far the dictionary of an object stream may reach from its /ObjStm to its data. */
  dictionaryReach: 4096,
} as const;

const inflateAsync = promisify(inflate);

function unscannable(): AppError {
  return new AppError('UNSAFE_DOCUMENT', 'The PDF has an object stream that cannot be checked.', {
    reason: 'unscannable-content',
  });
}

/**
 * Where the object streams' data lie: after each /Type /ObjStm, the next "stream" keyword
 * (within the dictionary's reach) starts the data and "endstream" ends it. Returns the filters
 * the dictionary names. Bounded work: at most `maxObjectStreams`, each looked at within a window.
 */
function objectStreams(text: string): { start: number; end: number; filters: string[] }[] {
  const found: { start: number; end: number; filters: string[] }[] = [];
  for (const match of text.matchAll(pdfName)) {
    if (decodeName(match[1] ?? '') !== 'ObjStm') continue;
    if (found.length >= pdfScanLimits.maxObjectStreams) throw unscannable();
    const at = match.index ?? 0;
    const keyword = /stream\r?\n/.exec(text.slice(at, at + pdfScanLimits.dictionaryReach));
    if (!keyword) throw unscannable();
    const start = at + keyword.index + keyword[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) throw unscannable();
    const dictionary = text
      .slice(Math.max(0, at - pdfScanLimits.dictionaryReach), at + keyword.index)
      .split(/\bobj\b/)
      .at(-1)!
      .replace(pdfName, (_, name: string) => `/${decodeName(name)}`);
    const filter = /\/Filter\s*(\/[^\s/[\]<>]+|\[[^\]]*\])/.exec(dictionary)?.[1] ?? '';
    found.push({ start, end, filters: filter.match(/\/[^\s/[\]<>]+/g) ?? [] });
  }
  return found;
}

/**
 * Throws UNSAFE_DOCUMENT (reason `active-content`) for a PDF with active content. The raw bytes
 * are scanned, and since PDF 1.5 object streams hide object dictionaries in compressed streams,
 * each object stream is inflated (asynchronously, capped) and scanned too. An object stream
 * that cannot be inflated (another filter, encryption, damage) cannot be checked, so it is
 * refused (reason `unscannable-content`).
 */
export async function ensureNoActivePdfContent(bytes: Uint8Array): Promise<void> {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = raw.toString('latin1');
  const found = findActiveName(text, streamRegions(text));
  if (found) throw activeContent('The PDF contains active content (scripts, actions or embedded files).', found);

  let inflatedTotal = 0;
  for (const { start, end, filters } of objectStreams(text)) {
    if (filters.length > 1 || filters.some((name) => name !== '/FlateDecode')) throw unscannable();
    const packed = raw.subarray(start, end);
    let content: Buffer = packed;
    if (filters.length === 1) {
      const budget = Math.min(
        pdfScanLimits.maxObjectStreamBytes,
        pdfScanLimits.maxTotalObjectStreamBytes - inflatedTotal,
      );
      try {
        // Z_SYNC_FLUSH: the end-of-line before "endstream" is not part of the data.
        content = await inflateAsync(packed, { maxOutputLength: Math.max(budget, 1), finishFlush: 2 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new AppError('UNSAFE_DOCUMENT', 'The PDF’s object streams unpack beyond the limit.', {
            reason: 'archive-too-large',
            limit: pdfScanLimits.maxTotalObjectStreamBytes,
          });
        }
        throw unscannable();
      }
    }
    inflatedTotal += content.length;
    const hidden = findActiveName(content.toString('latin1'));
    if (hidden) throw activeContent('The PDF contains active content in a compressed object stream.', hidden);
  }
}
