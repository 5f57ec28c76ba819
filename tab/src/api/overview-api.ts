import type { HttpClient } from './http-client';
import type { InboxItemDto, OverviewDto } from '../../../functions/src/contract/schemas';
import type { FindingViewDto } from './audit-api';

export type { InboxItemDto, ListLink, OverviewDto, OverviewTileDto } from '../../../functions/src/contract/schemas';

const enc = encodeURIComponent;

/** The overview, the findings list it leads to, and the actions the inbox does in place. */
export function createOverviewApi(http: HttpClient) {
  return {
    getOverview: (scope: string | undefined, signal?: AbortSignal) =>
      http.requestJson<OverviewDto>('/api/overview', { query: { scope }, signal }),
    listFindings: (
      query: { state: 'open' | 'all'; unitId?: string | undefined; year?: number | undefined },
      signal?: AbortSignal,
    ) => http.requestJson<{ findings: FindingViewDto[] }>('/api/findings', { query, signal }),
    /** The acknowledgement an inbox item carries (its procedure and exact version). */
    acknowledgeInboxItem: (item: InboxItemDto) =>
      http.requestJson<unknown>(
        `/api/procedures/${enc(item.target.procedureId ?? '')}/versions/${enc(item.target.versionId ?? '')}/acknowledgement`,
        { method: 'POST', json: {} },
      ),
    /** Marks the inbox item's årshjul occurrence done today, under the ETag the inbox read. */
    completeInboxOccurrence: (item: InboxItemDto, today: string) =>
      http.requestJson<unknown>(`/api/year-wheel/occurrences/${enc(item.target.occurrenceId ?? '')}`, {
        method: 'PATCH',
        json: { completedOn: today },
        ifMatch: item.target.etag ?? undefined,
      }),
  };
}
