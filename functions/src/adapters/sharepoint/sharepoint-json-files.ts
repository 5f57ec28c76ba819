import { createHash } from 'node:crypto';
import type { DocumentStore } from '../../app/ports.js';
import { AppError } from '../../core/errors.js';

/**
 * JSON values too long for a list item's multi-line text column, kept as files in the drive.
 *
 * A multi-line plain text column holds 63,999 characters (the figure SharePoint's limits are
 * usually quoted with; test/graph-double/tenant.ts refuses more). A frozen pack of a large
 * organisation, or the file lists of many aktindsigt exports, can pass it. Such a value is
 * written as a JSON file through the document store (the procedure library's drive,
 * content-addressed by SHA-256, exactly as procedure files are), and the column holds a small
 * pointer instead: `{ "khJsonFile": { ref, sha256, size } }`. Reading resolves the pointer and
 * checks the bytes' hash, so a snapshot read back is the one written or an error, never another.
 *
 * Why a file, not the value split over several items: one item stays one record (its eTag, its
 * If-Match, its lock), the file is written before the item and is immutable (a changed value is
 * a new file under another name), so a failed commit leaves at most an unreferenced file, never
 * a half-written record. Values up to `inlineJsonLimit` stay in the column, as before.
 */

/** Longest JSON text kept in the column itself: well under 63,999, room for escaping and the other fields. */
export const inlineJsonLimit = 30_000;

export type JsonFilePointer = { khJsonFile: { ref: string; sha256: string; size: number } };

export type JsonFiles = {
  /** The value, or a pointer to its JSON file when its text is longer than `inlineJsonLimit`. */
  outline<T>(value: T): Promise<T | JsonFilePointer>;
  /** The value a pointer stands for (read and hash-checked); any other value as it is. */
  inline<T>(value: T | JsonFilePointer): Promise<T>;
};

export function isJsonFilePointer(value: unknown): value is JsonFilePointer {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'khJsonFile') return false;
  const file = (value as { khJsonFile: unknown }).khJsonFile as Record<string, unknown> | null;
  return (
    typeof file === 'object' &&
    file !== null &&
    typeof file['ref'] === 'string' &&
    typeof file['sha256'] === 'string' &&
    typeof file['size'] === 'number'
  );
}

/** `documents` is opened on first use: a store that never meets a long value reads no drive. */
export function createJsonFiles(documents: () => Promise<DocumentStore>, limit = inlineJsonLimit): JsonFiles {
  return {
    async outline(value) {
      const text = JSON.stringify(value);
      if (text === undefined || text.length <= limit) return value;
      const stored = await (await documents()).put(new TextEncoder().encode(text));
      return { khJsonFile: { ref: stored.ref, sha256: stored.sha256, size: stored.size } };
    },
    async inline<T>(value: T | JsonFilePointer): Promise<T> {
      if (!isJsonFilePointer(value)) return value as T;
      const { ref, sha256 } = value.khJsonFile;
      const bytes = await (await documents()).get(ref);
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256)
        throw new AppError('INTERNAL', `The JSON file ${ref} does not have the hash its record holds.`, {
          ref,
          expected: sha256,
          actual,
        });
      return JSON.parse(new TextDecoder().decode(bytes)) as T;
    },
  };
}
