import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from './routes';

describe('matchRoute', () => {
  it('knows every scene', () => {
    expect(matchRoute('/', '').name).toBe('handbook');
    expect(matchRoute('/tasks', '').name).toBe('tasks');
    expect(matchRoute('/new/', '').name).toBe('new-procedure');
    expect(matchRoute('/chat', '').name).toBe('chat');
    expect(matchRoute('/search', '?q=byggesag')).toEqual({ name: 'search', q: 'byggesag' });
    expect(matchRoute('/procedures/p%2D1', '?version=v2')).toMatchObject({ name: 'procedure', id: 'p-1' });
    expect(matchRoute('/procedures/a/b', '').name).toBe('not-found');
    expect(matchRoute('/procedures/%E0%A4%A', '').name).toBe('not-found');
  });

  it('builds paths that match back', () => {
    const path = paths.procedure('K-16', { version: 'v1' });
    const [pathname, search] = path.split('?');
    expect(matchRoute(pathname ?? '', `?${search}`)).toMatchObject({ name: 'procedure', id: 'K-16' });
    expect(paths.search('')).toBe('/search');
    expect(matchRoute(paths.chat(), '').name).toBe('chat');
  });
});
