import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { toHandbookQuery, toListParams, type HandbookFilters } from './handbook-query';

const pageSize = 100;

/** The filtered, sorted table; "show more" grows the page instead of paging. */
export function useProcedureList(filters: HandbookFilters) {
  const api = useApi();
  const filterKey = toHandbookQuery(filters).toString();
  const [limit, setLimit] = useState({ filterKey, limit: pageSize });
  const currentLimit = limit.filterKey === filterKey ? limit.limit : pageSize;
  const list = useApiQuery(queryKeyOf('procedures-list', { query: toListParams(filters, currentLimit) }), (signal) =>
    api.listProcedures(toListParams(filters, currentLimit), signal),
  );
  return { list, showMore: () => setLimit({ filterKey, limit: currentLimit + pageSize }) };
}

/** The whole handbook for the structure tree and the filter options, independent of the filters. */
export function useHandbookStructure() {
  const api = useApi();
  const all = useApiQuery(
    queryKeyOf('procedures-list', { query: { sort: 'code', order: 'asc', limit: 1000 } }),
    (signal) => api.listProcedures({ sort: 'code', order: 'asc', limit: 1000 }, signal),
  );
  const areas = useApiQuery(queryKeyOf('procedures-areas'), (signal) => api.listAreas(signal));
  return { all, areas };
}
