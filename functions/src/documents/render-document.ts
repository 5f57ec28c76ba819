import { randomUUID } from 'node:crypto';
import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { AppError } from '../core/errors.js';
import type { DocumentKind } from './detect-document-kind.js';

export type RenderedDocument = {
  /** Sanitised, structural-only HTML for the tab ('' for PDF, which the tab embeds as a file). */
  html: string;
  /** Plain text with whitespace collapsed, for the full-text index. */
  text: string;
};

/**
 * Caps on what one document may put into the database and every reader's browser. A document
 * whose HTML exceeds `maxRenderedHtmlChars` is refused rather than cut: a procedure shown only
 * in part would mislead its readers. The index text is cut at `maxIndexTextChars` instead: it only
 * feeds search, and the first megabyte of a document holds plenty of its words.
 */
export const maxRenderedHtmlChars = 2 * 1024 * 1024;
export const maxIndexTextChars = 1024 * 1024;

function capped(rendered: RenderedDocument): RenderedDocument {
  if (rendered.html.length > maxRenderedHtmlChars) {
    throw new AppError(
      'UNSAFE_DOCUMENT',
      `The document renders to ${rendered.html.length} characters of HTML; at most ${maxRenderedHtmlChars}.`,
      { reason: 'rendered-too-large', limit: maxRenderedHtmlChars },
    );
  }
  if (rendered.text.length <= maxIndexTextChars) return rendered;
  return { html: rendered.html, text: rendered.text.slice(0, maxIndexTextChars) };
}

const allowedLinkTarget = /^(?:https?:|mailto:|#)/i;

/**
 * The one sanitiser every rendered document goes through. Uploaded documents are written by
 * anyone in the municipality and shown to everyone, so only structure survives: no styles, no
 * scripts, no event handlers, no images (mammoth would inline them as data: URIs), no ids (they
 * can clobber globals in the tab's DOM).
 */
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: (
    'h1 h2 h3 h4 h5 h6 p ul ol li strong em b i u a table thead tbody tr th td ' +
    'blockquote code pre br hr sup sub span'
  ).split(' '),
  allowedAttributes: {
    a: ['href', 'rel'],
    // mammoth writes merged Word table cells as colspan/rowspan; without them tables fall apart.
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  // "//evil.example" would otherwise pass as a relative URL.
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      // sanitize-html lets relative URLs through; a relative link in an uploaded document would
      // point into the tab's own origin, so only absolute http(s)/mailto and in-page anchors stay.
      const href = attribs.href?.trim() ?? '';
      const attributes: sanitizeHtml.Attributes = allowedLinkTarget.test(href)
        ? { href, rel: 'noopener noreferrer' }
        : {};
      return { tagName, attribs: attributes };
    },
  },
};

export function sanitizeDocumentHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/** Collapses all whitespace runs (including non-breaking spaces) so the text indexes cleanly. */
export function normaliseIndexText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

// markdown-it's own link validation already refuses javascript:/vbscript:/file: URLs; the
// sanitiser is the second, format-independent line of defence.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Plain text of a Markdown document, taken from the token stream so entities stay decoded. */
function markdownText(source: string): string {
  const pieces: string[] = [];
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') pieces.push(child.content);
        else if (child.type === 'softbreak' || child.type === 'hardbreak') pieces.push(' ');
        else if (child.type === 'image') pieces.push(child.content);
      }
    } else if (token.type === 'fence' || token.type === 'code_block') {
      pieces.push(token.content);
    }
    pieces.push(' ');
  }
  return pieces.join('');
}

function renderMarkdown(bytes: Uint8Array): RenderedDocument {
  // Detection already proved the bytes are UTF-8; a leading BOM is dropped by TextDecoder.
  const source = new TextDecoder('utf-8').decode(bytes);
  return {
    html: sanitizeDocumentHtml(markdown.render(source)),
    text: normaliseIndexText(markdownText(source)),
  };
}

const blockBoundary = /<br\s*\/?>|<\/?(?:p|h[1-6]|li|ul|ol|table|thead|tbody|tr|td|th|blockquote|pre|hr)\b[^>]*>/gi;

/**
 * Plain text from mammoth's HTML. mammoth's `extractRawText` drops Word line breaks (Shift+Enter),
 * gluing "sagen.<br>Ny" into "sagen.Ny", which ruins the index; its HTML keeps them. This is only
 * exact for mammoth's own output: it escapes "<" and ">" in text and attributes, so every "<...>"
 * is a tag, and it produces no entities beyond &amp; &lt; &gt; &quot; (numeric ones are decoded too).
 */
function mammothHtmlToText(html: string): string {
  return html
    .replace(blockBoundary, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:lt|gt|quot|#(\d+)|#x([0-9a-f]+));/gi, (entity: string, decimal?: string, hex?: string) => {
      if (decimal !== undefined || hex !== undefined) {
        const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
        return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : ' ';
      }
      return { '&lt;': '<', '&gt;': '>', '&quot;': '"' }[entity.toLowerCase()] ?? entity;
    })
    .replace(/&amp;/g, '&');
}

async function renderDocx(bytes: Uint8Array): Promise<RenderedDocument> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let converted: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    converted = await mammoth.convertToHtml(
      { buffer },
      {
        // Images are dropped by the sanitiser anyway; this stops mammoth base64-encoding them first.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        // Never follow links to files outside the package (linked images and the like).
        externalFileAccess: false,
      },
    );
  } catch (error) {
    // The library's own words (XML parser messages, entity names, paths) go to the log only,
    // under a reference the answer carries; the client gets ours.
    const reference = randomUUID();
    console.warn(`[documents] A Word document could not be read (reference ${reference}):`, error);
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The Word document could not be read; it may be damaged.', {
      reason: 'unreadable-docx',
      detected: 'docx',
      reference,
    });
  }
  // mammoth's messages are warnings about unmapped styles and the like; the output is still
  // usable, so they are deliberately not surfaced as errors.
  return {
    html: sanitizeDocumentHtml(converted.value),
    text: normaliseIndexText(mammothHtmlToText(converted.value)),
  };
}

/**
 * Turns a stored document into what the tab shows and what the search index stores. `kind` must
 * come from `detectDocumentKind`, never from the file name.
 */
export async function renderDocument(bytes: Uint8Array, kind: DocumentKind): Promise<RenderedDocument> {
  switch (kind) {
    case 'docx':
      return capped(await renderDocx(bytes));
    case 'markdown':
      return capped(renderMarkdown(bytes));
    case 'pdf':
      // The tab embeds the PDF itself, so there is no HTML. There is no PDF text extractor among
      // the dependencies, so PDFs are not full-text indexed (only their metadata is searchable).
      return { html: '', text: '' };
  }
}
