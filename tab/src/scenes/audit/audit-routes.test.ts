import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from '../../router/routes';

describe('audit routes', () => {
  it('matches the programme with its year and an audit by id', () => {
    const route = matchRoute('/audit', '?year=2025');
    expect(route.name).toBe('audit');
    expect(route.query.get('year')).toBe('2025');
    expect(matchRoute(paths.auditDetail('a-1'), '')).toMatchObject({ name: 'auditDetail', params: { id: 'a-1' } });
    expect(paths.audit({ year: 2026 })).toBe('/audit?year=2026');
    expect(matchRoute('/audit/a/b', '').name).toBe('not-found');
    expect(matchRoute('/audit/%E0%A4%A', '').name).toBe('not-found');
  });
});
