import { describe, expect, it } from 'vitest';
import { isPublicRoute, matchRoute, pathFromSubPageId, paths } from './routes';

describe('matchRoute', () => {
  it('knows every scene', () => {
    expect(matchRoute('/', '').name).toBe('overview');
    expect(matchRoute('/', '?inTeams=1').name).toBe('overview');
    expect(matchRoute('/handbook', '').name).toBe('handbook');
    expect(matchRoute('/afvigelser', '?state=open').name).toBe('findings');
    expect(matchRoute('/tasks', '').name).toBe('tasks');
    expect(matchRoute('/goals', '?colour=red').name).toBe('goals');
    expect(matchRoute('/goals/g-1', '')).toEqual({ name: 'goal', id: 'g-1' });
    expect(matchRoute('/new/', '').name).toBe('new-procedure');
    expect(matchRoute('/chat', '').name).toBe('chat');
    expect(matchRoute('/search', '?q=byggesag')).toEqual({ name: 'search', q: 'byggesag' });
    expect(matchRoute('/procedures/p%2D1', '?version=v2')).toMatchObject({ name: 'procedure', id: 'p-1' });
    expect(matchRoute('/procedures/a/b', '').name).toBe('not-found');
    expect(matchRoute('/procedures/%E0%A4%A', '').name).toBe('not-found');
    expect(matchRoute('/procedures/p%2D1/approval', '')).toEqual({ name: 'approval', id: 'p-1' });
    expect(matchRoute('/procedures/p-1/approval/x', '').name).toBe('not-found');
  });

  it('builds paths that match back', () => {
    const path = paths.procedure('K-16', { version: 'v1' });
    const [pathname, search] = path.split('?');
    expect(matchRoute(pathname ?? '', `?${search}`)).toMatchObject({ name: 'procedure', id: 'K-16' });
    expect(paths.search('')).toBe('/search');
    expect(matchRoute(paths.chat(), '').name).toBe('chat');
    expect(matchRoute(paths.approval('p/æ 1'), '')).toEqual({ name: 'approval', id: 'p/æ 1' });
  });
});

describe('pathFromSubPageId: where a Teams deep link opens the tab', () => {
  it.each([
    ['/procedures/p-1/approval', '/procedures/p-1/approval'],
    ['/procedures/p%2F1/approval', '/procedures/p%2F1/approval'],
    ['/aarshjul?year=2026', '/aarshjul?year=2026'],
    [undefined, null],
    ['', null],
    ['procedures/p-1', null],
    ['//evil.example/procedures/p-1', null],
    ['/\\evil.example', null],
    ['https://evil.example/procedures/p-1', null],
    ['/nowhere', null],
    ['/configure', null],
  ])('%s → %s', (subPageId, expected) => {
    expect(pathFromSubPageId(subPageId)).toBe(expected);
  });
});

describe('the pages the Teams app manifest points at', () => {
  it('opens the competence matrix on the unit a procedure links to, or on none', () => {
    expect(paths.competences()).toBe('/competences');
    expect(paths.competences('natur')).toBe('/competences?unit=natur');
    expect(matchRoute('/competences', '?unit=natur')).toEqual({ name: 'competences', unitId: 'natur' });
    expect(matchRoute('/competences', '')).toEqual({ name: 'competences', unitId: null });
    expect(matchRoute('/competences', '?unit=')).toEqual({ name: 'competences', unitId: null });
  });

  it('matches /configure, /privacy and /terms, with or without a trailing slash or query', () => {
    expect(matchRoute('/configure', '')).toEqual({ name: 'configure' });
    expect(matchRoute('/configure/', '?inTeams=1')).toEqual({ name: 'configure' });
    expect(matchRoute('/privacy', '')).toEqual({ name: 'privacy' });
    expect(matchRoute('/terms/', '?lang=nb')).toEqual({ name: 'terms' });
    expect(matchRoute('/privacy/more', '').name).toBe('not-found');
  });

  it('builds the paths the manifest uses', () => {
    expect(paths.configure()).toBe('/configure');
    expect(paths.privacy()).toBe('/privacy');
    expect(paths.terms()).toBe('/terms');
  });

  it('renders only these pages without signing in', () => {
    for (const path of [paths.configure(), paths.privacy(), paths.terms()]) {
      expect(isPublicRoute(matchRoute(path, ''))).toBe(true);
    }
    for (const path of ['/', '/search', '/tasks', '/new', '/chat', '/procedures/K-16', '/nowhere']) {
      expect(isPublicRoute(matchRoute(path, ''))).toBe(false);
    }
  });

  it('opens the handbook filtered by the level and area a configured channel tab carries', () => {
    const route = matchRoute('/', '?inTeams=1&level=core&area=Byggesager+og+milj%C3%B8');
    expect(route.name).toBe('handbook');
    if (route.name !== 'handbook') return;
    expect(route.query.get('level')).toBe('core');
    expect(route.query.get('area')).toBe('Byggesager og miljø');
  });
});
