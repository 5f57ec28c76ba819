import { describe, expect, it } from 'vitest';
import { isPublicRoute, matchRoute, pathFromSubPageId, paths, resolveLocation } from './routes';

describe('matchRoute', () => {
  it('knows every scene', () => {
    expect(matchRoute('/', '').name).toBe('overview');
    expect(matchRoute('/', '?inTeams=1').name).toBe('overview');
    expect(matchRoute('/handbook', '').name).toBe('handbook');
    expect(matchRoute('/findings', '?state=open').name).toBe('findings');
    expect(matchRoute('/tasks', '').name).toBe('tasks');
    expect(matchRoute('/new/', '').name).toBe('newProcedure');
    expect(matchRoute('/goals', '?colour=red').name).toBe('goals');
    expect(matchRoute('/goals/g-1', '')).toMatchObject({ name: 'goal', params: { id: 'g-1' } });
    expect(matchRoute('/chat', '').name).toBe('chat');
    expect(matchRoute('/actions', '?view=overdue').name).toBe('actions');
    expect(matchRoute('/actions/a-1', '')).toMatchObject({ name: 'action', params: { id: 'a-1' } });
    expect(matchRoute('/management-evaluation', '').name).toBe('evaluation');
    expect(matchRoute('/year-wheel', '?year=2027').name).toBe('yearWheel');
    expect(matchRoute('/search', '?q=byggesag').query.get('q')).toBe('byggesag');
    expect(matchRoute('/procedures/p%2D1', '?version=v2')).toMatchObject({ name: 'procedure', params: { id: 'p-1' } });
    expect(matchRoute('/procedures/a/b', '').name).toBe('not-found');
    expect(matchRoute('/procedures/%E0%A4%A', '').name).toBe('not-found');
    expect(matchRoute('/procedures/p%2D1/approval', '')).toMatchObject({ name: 'approval', params: { id: 'p-1' } });
    expect(matchRoute('/procedures/p-1/approval/x', '').name).toBe('not-found');
    expect(matchRoute('/nowhere', '').name).toBe('not-found');
  });

  it('builds paths that match back, ids decoded once', () => {
    const path = paths.procedure('K-16', { version: 'v1' });
    expect(path).toBe('/procedures/K-16?version=v1');
    const [pathname, search] = path.split('?');
    expect(matchRoute(pathname ?? '', `?${search}`)).toMatchObject({ name: 'procedure', params: { id: 'K-16' } });
    expect(paths.search({ q: '' })).toBe('/search');
    expect(matchRoute(paths.chat(), '').name).toBe('chat');
    for (const id of ['p/æ 1', '50%', 'a%2Fb']) {
      expect(paths.approval(id)).toMatch(/^\/procedures\/[^/]+\/approval$/);
      expect(matchRoute(paths.approval(id), '')).toMatchObject({ name: 'approval', params: { id } });
    }
  });

  it('leaves empty query values out and keeps the rest', () => {
    expect(paths.audit({ year: 2026 })).toBe('/audit?year=2026');
    expect(paths.audit({ year: undefined })).toBe('/audit');
    expect(paths.overview({ scope: null })).toBe('/');
    expect(paths.handbook(new URLSearchParams({ level: 'core', area: 'Byggesager og miljø' }))).toBe(
      '/handbook?level=core&area=Byggesager+og+milj%C3%B8',
    );
  });
});

describe('moved paths: the Danish paths of cards already posted redirect to the English ones', () => {
  it.each([
    ['/afvigelser', '?state=open&unit=natur', '/findings?state=open&unit=natur'],
    ['/handlinger', '?view=overdue', '/actions?view=overdue'],
    ['/handlinger/', '', '/actions'],
    ['/handlinger/ca%201', '', '/actions/ca%201'],
    ['/ledelsens-evaluering', '', '/management-evaluation'],
    ['/aarshjul', '?year=2026', '/year-wheel?year=2026'],
    ['/index.html', '?inTeams=1', '/?inTeams=1'],
    ['/', '?inTeams=1&level=core', '/handbook?inTeams=1&level=core'],
  ])('%s%s → %s', (pathname, search, target) => {
    expect(resolveLocation(pathname, search)).toEqual({ kind: 'redirect', to: target });
  });

  it('ends at the scene the new path shows', () => {
    expect(matchRoute('/handlinger/ca%201', '')).toMatchObject({ name: 'action', params: { id: 'ca 1' } });
    expect(matchRoute('/aarshjul', '?year=2026').query.get('year')).toBe('2026');
  });
});

describe('pathFromSubPageId: where a Teams deep link opens the tab', () => {
  it.each([
    ['/procedures/p-1/approval', '/procedures/p-1/approval'],
    ['/procedures/p%2F1/approval', '/procedures/p%2F1/approval'],
    ['/year-wheel?year=2026', '/year-wheel?year=2026'],
    ['/aarshjul?year=2026', '/year-wheel?year=2026'],
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
    expect(paths.competences({ unit: 'natur' })).toBe('/competences?unit=natur');
    expect(matchRoute('/competences', '?unit=natur').query.get('unit')).toBe('natur');
  });

  it('matches /configure, /privacy and /terms, with or without a trailing slash or query', () => {
    expect(matchRoute('/configure', '').name).toBe('configure');
    expect(matchRoute('/configure/', '?inTeams=1').name).toBe('configure');
    expect(matchRoute('/privacy', '').name).toBe('privacy');
    expect(matchRoute('/terms/', '?lang=nb').name).toBe('terms');
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
    expect(route.query.get('level')).toBe('core');
    expect(route.query.get('area')).toBe('Byggesager og miljø');
  });
});
