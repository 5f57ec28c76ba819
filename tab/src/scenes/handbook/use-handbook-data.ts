import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useAsync } from '../../shared/use-async';
import { toHandbookQuery, toListParams, type HandbookFilters } from './handbook-query';

const pageSize = 100;

/** The filtered, sorted table; "show more" grows the page instead of paging. */
export function useProcedureList(filters: HandbookFilters) {
  const api = useApi();
  const filterKey = toHandbookQuery(filters).toString();
  const [limit, setLimit] = useState({ filterKey, limit: pageSize });
  const currentLimit = limit.filterKey === filterKey ? limit.limit : pageSize;
  const list = useAsync(`${filterKey}|${currentLimit}`, (signal) =>
    api.listProcedures(toListParams(filters, currentLimit), signal),
  );
  return { list, showMore: () => setLimit({ filterKey, limit: currentLimit + pageSize }) };
}

/** The whole handbook for the structure tree and the filter options, independent of the filters. */
export function useHandbookStructure() {
  const api = useApi();
  const all = useAsync('all', (signal) => api.listProcedures({ sort: 'code', order: 'asc', limit: 1000 }, signal));
  const areas = useAsync('areas', (signal) => api.listAreas(signal));
  return { all, areas };
}
