import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentStore } from '../../app/ports.js';
import { AppError } from '../../core/errors.js';

const refPattern = /^[0-9a-f]{64}$/;

/**
 * Procedure files on disk, named by their SHA-256. Writes go to a temporary file that is
 * flushed and renamed into place, so a crash never leaves a half-written procedure file, and
 * a reference can never point outside the folder (it must be 64 hex characters).
 */
export function createDiskDocumentStore(root: string): DocumentStore {
  const pathOf = (ref: string) => {
    if (!refPattern.test(ref)) throw new AppError('NOT_FOUND', 'No such file.');
    return join(root, ref.slice(0, 2), ref);
  };
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (!exists) {
        await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
        const temporary = `${target}.${randomUUID()}.tmp`;
        const handle = await open(temporary, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, target);
      }
      return { ref: sha256, sha256, size: bytes.byteLength };
    },
    async get(ref) {
      try {
        return new Uint8Array(await readFile(pathOf(ref)));
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('NOT_FOUND', 'The procedure file is missing from the document store.', { ref });
      }
    },
  };
}
