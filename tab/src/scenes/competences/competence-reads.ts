import type { QueryKey } from '@tanstack/react-query';
import { queryKeyOf } from '../../api/query-client';

/**
 * The reads a level change or an import can change besides the matrix itself: the gaps, a
 * procedure's competence requirements, and the task lists.
 */
export function readsOfCompetenceLevels(): QueryKey[] {
  return [
    queryKeyOf('competence-gaps'),
    queryKeyOf('procedure-competences'),
    queryKeyOf('my-tasks'),
    queryKeyOf('overview'),
  ];
}
