import { describe, expect, it } from 'vitest';
import { defaultFilters, parseHandbookQuery, toHandbookQuery, toggleSort } from './handbook-query';

describe('handbook query', () => {
  it('round-trips filters through the URL', () => {
    const filters = {
      ...defaultFilters,
      level: 'core' as const,
      area: 'Byggesager',
      status: 'review-overdue' as const,
      sort: 'title' as const,
      order: 'desc' as const,
    };
    expect(parseHandbookQuery(toHandbookQuery(filters))).toEqual(filters);
  });

  it('ignores values it does not know', () => {
    expect(parseHandbookQuery(new URLSearchParams('level=x&status=y&sort=z&order=up'))).toEqual(defaultFilters);
  });

  it('keeps the default state out of the URL', () => {
    expect(toHandbookQuery(defaultFilters).toString()).toBe('');
  });

  it('flips the order on the sorted column and starts ascending on another', () => {
    expect(toggleSort(defaultFilters, 'code')).toMatchObject({ sort: 'code', order: 'desc' });
    expect(toggleSort({ ...defaultFilters, order: 'desc' }, 'owner')).toMatchObject({ sort: 'owner', order: 'asc' });
  });
});
