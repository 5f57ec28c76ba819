import type { AccessRequest } from '../core/access-request.js';
import type { TrailEntry } from '../core/types.js';

/**
 * Aktindsigt / innsyn requests: a port of its own beside `Store`. Every write is whole or nothing.
 */
export type AccessRequestStore = {
  /** Open ones first, by deadline; then answered ones, newest received first. */
  listAccessRequests(): Promise<AccessRequest[]>;
  getAccessRequest(id: string): Promise<AccessRequest | undefined>;
  /**
   * Writes the request and its trail entry in one transaction; CONFLICT (details: etag,
   * updatedBy, updatedAt) unless the stored etag is `expectedEtag` (0: must not exist yet).
   */
  saveAccessRequest(request: AccessRequest, expectedEtag: number, trail: Omit<TrailEntry, 'seq'>): Promise<void>;
};
