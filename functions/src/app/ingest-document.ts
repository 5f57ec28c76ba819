import { AppError } from '../core/errors.js';
import type { StoredFile } from '../core/types.js';
import { detectDocumentKind, sanitizeFileName } from '../documents/detect-document-kind.js';
import { renderDocument } from '../documents/render-document.js';
import type { Services } from './ports.js';

export type IngestedDocument = { file: StoredFile; text: string; html: string };

/**
 * Checks an uploaded procedure file (size, name, type by content), renders it for reading and
 * indexing, and stores its bytes. Stored bytes are content-addressed, so a write that fails
 * later leaves at most an unreferenced file, never a changed record.
 */
export async function ingestDocument(
  services: Services,
  bytes: Uint8Array,
  fileName: string,
): Promise<IngestedDocument> {
  const { maxUploadBytes } = services.settings;
  if (bytes.byteLength > maxUploadBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The file is ${bytes.byteLength} bytes; the limit is ${maxUploadBytes}.`, {
      size: bytes.byteLength,
      limit: maxUploadBytes,
    });
  }
  const name = sanitizeFileName(fileName);
  const { kind, mediaType } = await detectDocumentKind(bytes, name);
  const { html, text } = await renderDocument(bytes, kind);
  const stored = await services.documents.put(bytes);
  return { file: { ref: stored.ref, sha256: stored.sha256, size: stored.size, name, mediaType }, text, html };
}
