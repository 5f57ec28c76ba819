import type { TypedClient } from './typed-client';
import type {
  AccessAnswerBody,
  AccessRequestDto,
  CreateAccessRequestBody,
} from '../../../functions/src/contract/access-request-schemas';

export type { AccessRequestDto } from '../../../functions/src/contract/access-request-schemas';

/** Aktindsigt / innsyn requests: the coordinator's list, the export (kept) and the answer. */
export function createAccessApi(api: TypedClient) {
  return {
    listAccessRequests: (signal?: AbortSignal) => api.call('access-requests-list', { signal }),
    createAccessRequest: (body: CreateAccessRequestBody) => api.call('access-requests-create', { body }),
    produceAccessExport: (request: AccessRequestDto, includeDrafts: boolean) =>
      api.call('access-requests-export', {
        params: { id: request.id },
        body: { includeDrafts },
        ifMatch: String(request.etag),
      }),
    downloadAccessExport: (requestId: string, number: number) =>
      api.download('access-requests-export-file', { params: { id: requestId, number: String(number) } }),
    answerAccessRequest: (request: AccessRequestDto, body: AccessAnswerBody) =>
      api.call('access-requests-answer', { params: { id: request.id }, body, ifMatch: String(request.etag) }),
  };
}
