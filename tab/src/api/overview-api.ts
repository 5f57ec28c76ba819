import { ApiRequestError } from './api-error';
import type { TypedClient } from './typed-client';
import type { z } from 'zod';
import type { InboxItemDto, overviewScopeSchema } from '../../../functions/src/contract/schemas';
import type { FindingViewDto } from './audit-api';

export type { InboxItemDto, ListLink, OverviewDto, OverviewTileDto } from '../../../functions/src/contract/schemas';

type OverviewScope = z.infer<typeof overviewScopeSchema>;

/** The contract's scopes (the type makes this list exactly theirs). */
const overviewScopes: Record<OverviewScope, true> = { organisation: true, unit: true, personal: true };
const isOverviewScope = (value: string): value is OverviewScope => Object.hasOwn(overviewScopes, value);

/** A scope the contract does not know fails as the server would fail it (VALIDATION), unsent. */
function scopeOf(scope: string | undefined): OverviewScope | undefined {
  if (scope === undefined || isOverviewScope(scope)) return scope;
  throw new ApiRequestError({ status: 400, code: 'VALIDATION', message: `Invalid query: scope: ${scope}` });
}

/** The overview, the findings list it leads to, and the actions the inbox does in place. */
export function createOverviewApi(api: TypedClient) {
  return {
    getOverview: async (scope: string | undefined, signal?: AbortSignal) =>
      api.call('overview', { query: { scope: scopeOf(scope) }, signal }),
    listFindings: (
      query: { state: 'open' | 'all'; unitId?: string | undefined; year?: number | undefined },
      signal?: AbortSignal,
    ): Promise<{ findings: FindingViewDto[] }> => api.call('findings-list', { query, signal }),
    /** The acknowledgement an inbox item carries (its procedure and exact version). */
    acknowledgeInboxItem: (item: InboxItemDto) =>
      api.call('acknowledgements-give', {
        params: { id: item.target.procedureId ?? '', versionId: item.target.versionId ?? '' },
        body: {},
      }),
    /** Marks the inbox item's årshjul occurrence done today, under the ETag the inbox read. */
    completeInboxOccurrence: (item: InboxItemDto, today: string) =>
      api.call('year-wheel-occurrence-update', {
        params: { id: item.target.occurrenceId ?? '' },
        body: { completedOn: today },
        ifMatch: item.target.etag ?? undefined,
      }),
  };
}
