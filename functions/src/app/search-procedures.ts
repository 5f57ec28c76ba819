import type { SearchResult } from '../contract/schemas.js';
import { toFullTextQuery, toSubstringQuery } from '../core/search-query.js';
import type { Services } from './ports.js';

/** Full-text search over the published handbook: code, title, metadata and the document text. */
export async function searchProcedures(services: Services, input: { q: string; limit: number }): Promise<SearchResult> {
  const words = toFullTextQuery(input.q);
  if (words === null) return { query: input.q, hits: [] };
  const hits = await services.store.search({ words, substrings: toSubstringQuery(input.q) }, input.limit);
  return {
    query: input.q,
    hits: hits.map(({ procedureId, code, title, snippet }) => ({ procedureId, code, title, snippet })),
  };
}
