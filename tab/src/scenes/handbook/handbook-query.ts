import type { ProcedureListParams } from '../../api/api';
import type { ProcedureSortKey, ProcedureStatusFilter, ProcessLevel } from '../../api/contract';

export type HandbookFilters = {
  level: ProcessLevel | null;
  area: string | null;
  status: ProcedureStatusFilter | null;
  ownerId: string | null;
  unitId: string | null;
  sort: ProcedureSortKey;
  order: 'asc' | 'desc';
};

export const processLevelOrder: readonly ProcessLevel[] = ['management', 'core', 'support'];
export const statusFilters: readonly ProcedureStatusFilter[] = [
  'published',
  'unpublished',
  'in-approval',
  'draft',
  'review-overdue',
  'review-due',
];
const sortKeys: readonly ProcedureSortKey[] = ['code', 'title', 'owner', 'nextReview', 'updated', 'level'];

export const defaultFilters: HandbookFilters = {
  level: null,
  area: null,
  status: null,
  ownerId: null,
  unitId: null,
  sort: 'code',
  order: 'asc',
};

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The URL is the filter state, so a filtered view can be bookmarked and shared. */
export function parseHandbookQuery(query: URLSearchParams): HandbookFilters {
  return {
    level: oneOf(processLevelOrder, query.get('level')),
    area: query.get('area') || null,
    status: oneOf(statusFilters, query.get('status')),
    ownerId: query.get('owner') || null,
    unitId: query.get('unit') || null,
    sort: oneOf(sortKeys, query.get('sort')) ?? defaultFilters.sort,
    order: query.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

export function toHandbookQuery(filters: HandbookFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.level) query.set('level', filters.level);
  if (filters.area) query.set('area', filters.area);
  if (filters.status) query.set('status', filters.status);
  if (filters.ownerId) query.set('owner', filters.ownerId);
  if (filters.unitId) query.set('unit', filters.unitId);
  if (filters.sort !== defaultFilters.sort) query.set('sort', filters.sort);
  if (filters.order !== defaultFilters.order) query.set('order', filters.order);
  return query;
}

export function toListParams(filters: HandbookFilters, limit: number): ProcedureListParams {
  return {
    level: filters.level ?? undefined,
    area: filters.area ?? undefined,
    status: filters.status ?? undefined,
    ownerId: filters.ownerId ?? undefined,
    unitId: filters.unitId ?? undefined,
    sort: filters.sort,
    order: filters.order,
    limit,
  };
}

/** Clicking the sorted column flips the order; another column sorts ascending. */
export function toggleSort(filters: HandbookFilters, key: ProcedureSortKey): HandbookFilters {
  if (filters.sort === key) return { ...filters, order: filters.order === 'asc' ? 'desc' : 'asc' };
  return { ...filters, sort: key, order: 'asc' };
}

export function hasActiveFilters(filters: HandbookFilters): boolean {
  return Boolean(filters.level || filters.area || filters.status || filters.ownerId || filters.unitId);
}
