import type { GraphClient } from './graph-client.js';

/**
 * Procedure files in the document library's drive. Small files go up in one PUT; larger ones
 * through an upload session, in fragments that are multiples of 320 KiB.
 * - https://learn.microsoft.com/en-us/graph/api/driveitem-put-content ("only supports files up to 4MB")
 * - https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession
 */

export const simpleUploadLimitBytes = 4 * 1024 * 1024;
/** Ten 320 KiB units: under the 60 MiB a fragment may have, a multiple of 320 KiB as required. */
export const uploadFragmentBytes = 10 * 320 * 1024;

/** Graph's alias for the top folder of a drive (driveItem "root"). */
export const driveRootAlias = 'root';

/** Where a folder is created in a drive (driveitem-post-children): under `parentId`, or the top. */
export function driveChildrenPath(driveId: string, parentId: string = driveRootAlias): string {
  return `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(parentId)}/children`;
}

export type DriveItem = {
  id: string;
  name: string;
  size: number;
  eTag?: string;
  parentReference?: { driveId?: string };
};

export async function uploadFile(
  graph: GraphClient,
  target: { driveId: string; parentId?: string; fileName: string; mediaType: string },
  bytes: Uint8Array,
): Promise<DriveItem> {
  const item = `/drives/${encodeURIComponent(target.driveId)}/items/${encodeURIComponent(target.parentId ?? driveRootAlias)}:/${encodeURIComponent(target.fileName)}:`;
  if (bytes.length <= simpleUploadLimitBytes) {
    const response = await graph.request<DriveItem>({
      method: 'PUT',
      url: `${item}/content`,
      headers: { 'Content-Type': target.mediaType },
      body: bytes,
    });
    return response.body;
  }
  // The SDK's LargeFileUploadTask sends the fragments to the session's uploadUrl, without a token.
  return graph.uploadLarge<DriveItem>(
    `${item}/createUploadSession`,
    { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
    bytes,
    target.fileName,
    uploadFragmentBytes,
  );
}

/** The file's bytes (Graph answers 302 to a pre-authenticated download URL, which fetch follows). */
export async function downloadFile(graph: GraphClient, driveId: string, itemId: string): Promise<Uint8Array> {
  const response = await graph.request<Uint8Array>({
    method: 'GET',
    url: `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(itemId)}/content`,
    expect: 'bytes',
  });
  return response.body;
}
