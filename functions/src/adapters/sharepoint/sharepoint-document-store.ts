import { createHash } from 'node:crypto';
import type { DocumentStore } from '../../app/ports.js';
import { AppError } from '../../core/errors.js';
import { downloadFile, uploadFile } from './drive-files.js';
import type { GraphClient } from './graph-client.js';
import { isGraphError } from './graph-errors.js';
import { procedureLibrary } from './sharepoint-schema.js';

/** A driveItem id: letters, digits and a few separators; never a path. */
const refPattern = /^[A-Za-z0-9!_-]{1,200}$/;

/**
 * Procedure files in the "Procedurer" library's drive, content-addressed like the disk store:
 * a file is named by the SHA-256 of its bytes, so putting the same bytes again replaces the
 * file with itself (PUT by path replaces: https://learn.microsoft.com/en-us/graph/api/driveitem-put-content)
 * and yields the same driveItem id, which is the ref (the Revisions list's KhFileRef).
 * Files over 4 MB go through an upload session (see drive-files.ts).
 */
export function createSharePointDocumentStore(graph: GraphClient, driveId: string): DocumentStore {
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const item = await uploadFile(graph, { driveId, fileName: sha256, mediaType: 'application/octet-stream' }, bytes);
      return { ref: item.id, sha256, size: bytes.byteLength };
    },
    async get(ref) {
      if (!refPattern.test(ref)) throw new AppError('NOT_FOUND', 'No such file.');
      try {
        return await downloadFile(graph, driveId, ref);
      } catch (error) {
        if ((error instanceof AppError && error.code === 'NOT_FOUND') || (isGraphError(error) && error.status === 404))
          throw new AppError('NOT_FOUND', 'The procedure file is missing from the document store.', { ref });
        throw error;
      }
    },
  };
}

/** Finds the library's drive (two reads) and opens the document store on it. */
export async function openSharePointDocumentStore(graph: GraphClient, siteId: string): Promise<DocumentStore> {
  const list = await graph.get<{ id: string }>(
    `/sites/${siteId}/lists/${encodeURIComponent(procedureLibrary.displayName)}`,
  );
  const drive = await graph.get<{ id: string }>(`/sites/${siteId}/lists/${list.id}/drive`);
  return createSharePointDocumentStore(graph, drive.id);
}
