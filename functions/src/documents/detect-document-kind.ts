import { AppError } from '../core/errors.js';
import { ensureNoActiveOfficeContent, ensureNoActivePdfContent } from './active-content.js';
import { openArchive, UnreadableArchive } from './archive-guard.js';

/** The three document formats the handbook stores. Everything else is refused at upload. */
export type DocumentKind = 'docx' | 'pdf' | 'markdown';

export type DocumentExtension = '.docx' | '.pdf' | '.md';

export type DetectedDocument = {
  kind: DocumentKind;
  mediaType: string;
  /** Canonical extension for the kind ('.md' also for files uploaded as '.markdown'). */
  extension: DocumentExtension;
};

export const documentMediaTypes: Record<DocumentKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  markdown: 'text/markdown; charset=utf-8',
};

const canonicalExtensions: Record<DocumentKind, DocumentExtension> = {
  docx: '.docx',
  pdf: '.pdf',
  markdown: '.md',
};

const acceptedExtensions: Record<DocumentKind, readonly string[]> = {
  docx: ['.docx'],
  pdf: ['.pdf'],
  markdown: ['.md', '.markdown'],
};

const kindDescriptions: Record<DocumentKind, string> = {
  docx: 'a Word document (.docx)',
  pdf: 'a PDF document',
  markdown: 'a Markdown/plain-text file',
};

/**
 * What the bytes turned out to be. `detected` is a stable slug for API clients (it goes into the
 * error details); `description` is the English phrase used in the error message.
 */
type Sniffed = { ok: true; kind: DocumentKind } | { ok: false; detected: string; description: string };

/**
 * Formats people commonly upload by mistake (or on purpose). They are recognised only to give a
 * precise error message; none of them is ever accepted, whatever the file is called.
 */
const foreignSignatures: readonly { magic: readonly number[]; detected: string; description: string }[] = [
  { magic: [0x4d, 0x5a], detected: 'windows-executable', description: 'looks like a Windows executable' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], detected: 'elf-executable', description: 'looks like a Linux executable' },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], detected: 'macho-executable', description: 'looks like a macOS executable' },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    detected: 'ole2',
    description: 'looks like an old Office 97–2003 file (.doc/.xls/.msg); save it as .docx or PDF',
  },
  {
    magic: [0x7b, 0x5c, 0x72, 0x74, 0x66],
    detected: 'rtf',
    description: 'looks like an RTF document, not a Word document',
  },
  { magic: [0x89, 0x50, 0x4e, 0x47], detected: 'png', description: 'looks like a PNG image' },
  { magic: [0xff, 0xd8, 0xff], detected: 'jpeg', description: 'looks like a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], detected: 'gif', description: 'looks like a GIF image' },
  { magic: [0x1f, 0x8b], detected: 'gzip', description: 'looks like a gzip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], detected: 'rar', description: 'looks like a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], detected: '7z', description: 'looks like a 7-Zip archive' },
];

const zipLocalHeader = [0x50, 0x4b, 0x03, 0x04] as const; // "PK\x03\x04"
const pdfHeader = [0x25, 0x50, 0x44, 0x46, 0x2d] as const; // "%PDF-"

const wordMainContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/**
 * C0 controls other than \t \n \f \r, DEL, and C1 controls. Real Markdown never contains them;
 * binary files that happen to be valid UTF-8 almost always do. C1 controls in valid UTF-8 are a
 * classic sign of text that was mis-decoded (e.g. Windows-1252 read as Latin-1 and re-encoded).
 */
const forbiddenTextControls = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/u;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((byte, index) => bytes[index] === byte);
}

/**
 * The largest `word/document.xml` that is rendered. mammoth holds the whole XML tree: measured,
 * a 5 MB part takes 3.5 s and 0.5 GB, a 20 MB part 14 s and 2.3 GB. A 300-page procedure with
 * Word's usual markup is 3–6 MB; 8 MB keeps one upload well under a gigabyte.
 */
export const maxWordBodyBytes = 8 * 1024 * 1024;

const corruptZip: Sniffed = {
  ok: false,
  detected: 'corrupt-zip',
  description: 'is a damaged ZIP archive, not a readable Word document',
};

/**
 * What an Office Open XML container holds. The archive guard unpacks it under its limits first
 * (UNSAFE_DOCUMENT when they are exceeded), so nothing below inflates anything itself.
 */
async function sniffZip(bytes: Uint8Array): Promise<Sniffed> {
  let files: Map<string, Buffer>;
  try {
    files = await openArchive(bytes);
  } catch (error) {
    if (error instanceof UnreadableArchive) return corruptZip;
    throw error;
  }
  const contentTypesEntry = files.get('[Content_Types].xml');
  if (!contentTypesEntry) {
    return { ok: false, detected: 'zip', description: 'is a ZIP archive, not a Word document' };
  }
  if (!files.has('word/document.xml')) {
    // Other Office Open XML packages share the container; name them so the user knows what went wrong.
    if (files.has('xl/workbook.xml')) {
      return { ok: false, detected: 'xlsx', description: 'looks like an Excel workbook, not a Word document' };
    }
    if (files.has('ppt/presentation.xml')) {
      return { ok: false, detected: 'pptx', description: 'looks like a PowerPoint presentation, not a Word document' };
    }
    return { ok: false, detected: 'zip', description: 'is a ZIP archive, not a Word document' };
  }
  const body = files.get('word/document.xml')!;
  if (body.length > maxWordBodyBytes) {
    throw new AppError(
      'UNSAFE_DOCUMENT',
      `The document's text part unpacks to ${body.length} bytes; at most ${maxWordBodyBytes} can be rendered.`,
      { reason: 'archive-too-large', part: 'word/document.xml', limit: maxWordBodyBytes },
    );
  }
  // Macro-enabled documents (.docm, or any part that carries code) are refused for what they
  // contain, before the content type is looked at.
  ensureNoActiveOfficeContent(files);
  const contentTypes = new TextDecoder('utf-8').decode(contentTypesEntry);
  if (!contentTypes.includes(wordMainContentType)) {
    return {
      ok: false,
      detected: 'word-template',
      description: 'is a Word template or other Word package, not a .docx document',
    };
  }
  return { ok: true, kind: 'docx' };
}

function sniffText(bytes: Uint8Array): Sniffed {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      detected: 'binary',
      description: 'is not valid UTF-8 text (binary data, or text saved in another encoding)',
    };
  }
  if (text.includes('\u0000') || forbiddenTextControls.test(text)) {
    return {
      ok: false,
      detected: 'binary',
      description: 'contains control characters, so it is binary data rather than text',
    };
  }
  return { ok: true, kind: 'markdown' };
}

async function sniff(bytes: Uint8Array): Promise<Sniffed> {
  if (startsWith(bytes, zipLocalHeader)) return sniffZip(bytes);
  if (startsWith(bytes, pdfHeader)) {
    await ensureNoActivePdfContent(bytes);
    return { ok: true, kind: 'pdf' };
  }
  for (const signature of foreignSignatures) {
    if (startsWith(bytes, signature.magic)) {
      return { ok: false, detected: signature.detected, description: signature.description };
    }
  }
  return sniffText(bytes);
}

/** Lower-cased extension including the dot, or '' when the name has none. */
function extensionOf(fileName: string): string {
  const trimmed = fileName.trim();
  const dot = trimmed.lastIndexOf('.');
  return dot <= 0 ? '' : trimmed.slice(dot).toLowerCase();
}

function kindForExtension(extension: string): DocumentKind | undefined {
  return (Object.keys(acceptedExtensions) as DocumentKind[]).find((kind) =>
    acceptedExtensions[kind].includes(extension),
  );
}

/**
 * Decides what an uploaded file is from its bytes, then insists that its name agrees. The content
 * decides because names are trivially forged; the name must still agree because users and Word
 * open downloaded files by extension, so a PDF stored as "x.docx" would be broken for everyone.
 *
 * The name is not sanitised here; call `sanitizeFileName` for the display name separately.
 */
export async function detectDocumentKind(bytes: Uint8Array, fileName: string): Promise<DetectedDocument> {
  if (bytes.length === 0) {
    throw new AppError('VALIDATION', 'The file is empty.', { reason: 'empty-file', fileName });
  }
  const sniffed = await sniff(bytes);
  if (!sniffed.ok) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The file "${fileName}" ${sniffed.description}. Only .docx, .pdf and .md documents are accepted.`,
      { reason: 'not-a-document', fileName, detected: sniffed.detected },
    );
  }
  const extension = extensionOf(fileName);
  if (!acceptedExtensions[sniffed.kind].includes(extension)) {
    const claimedKind = kindForExtension(extension);
    const claim =
      claimedKind === undefined
        ? extension === ''
          ? 'has no file extension'
          : `has the extension "${extension}", which is not accepted`
        : `is named like ${kindDescriptions[claimedKind]}`;
    const actual =
      claimedKind === undefined
        ? `its content is ${kindDescriptions[sniffed.kind]}`
        : `its content is ${kindDescriptions[sniffed.kind]}, not ${kindDescriptions[claimedKind]}`;
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The file "${fileName}" ${claim}, but ${actual}. ` +
        `If that is what it is, rename it to ${canonicalExtensions[sniffed.kind]}.`,
      {
        reason: extension === '' ? 'no-extension' : 'name-mismatch',
        fileName,
        extension,
        detected: sniffed.kind,
        rename: canonicalExtensions[sniffed.kind],
      },
    );
  }
  return {
    kind: sniffed.kind,
    mediaType: documentMediaTypes[sniffed.kind],
    extension: canonicalExtensions[sniffed.kind],
  };
}

const maxFileNameLength = 200;

/**
 * Bidirectional overrides/isolates let "rapport\u202Excod.exe" display as "rapport.docx"-like text;
 * they have no place in a file name.
 */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/u;
const controlCharacters = /\p{Cc}/u;

/**
 * Validates a user-supplied file name for display and as the download name. Files are stored by
 * content hash, so this is not a storage path; it is still strict, because the name ends up in
 * Content-Disposition headers, logs and other people's Downloads folders.
 */
export function sanitizeFileName(name: string): string {
  // NFC so that names uploaded from macOS (decomposed "å") compare and display like everyone else's.
  const trimmed = name.normalize('NFC').trim();
  const reject = (reason: string): never => {
    throw new AppError('VALIDATION', `Invalid file name: ${reason}.`, { field: 'fileName', reason });
  };
  if (trimmed === '') reject('it is empty');
  if ([...trimmed].length > maxFileNameLength) reject(`it is longer than ${maxFileNameLength} characters`);
  if (controlCharacters.test(trimmed)) reject('it contains control characters');
  if (bidiControls.test(trimmed)) reject('it contains bidirectional text controls');
  if (/[/\\]/.test(trimmed)) reject('it contains a path separator');
  if (trimmed.includes('..')) reject('it contains ".."');
  return trimmed;
}
