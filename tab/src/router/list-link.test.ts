import { describe, expect, it } from 'vitest';
import type { ListLink } from '../api/overview-api';
import { pathOfListLink } from './list-link';
import { matchRoute } from './routes';

const link = (list: ListLink['list'], query: Record<string, string> = {}, id: string | null = null): ListLink => ({
  list,
  id,
  query,
});

function routeOf(path: string) {
  const url = new URL(path, 'https://tab.invalid');
  return matchRoute(url.pathname, url.search);
}

describe('pathOfListLink: where a tile or an inbox item leads', () => {
  it('opens the handbook with the filter the figure was counted with', () => {
    const route = routeOf(pathOfListLink(link('procedures', { status: 'review-due', unit: 'natur' })));
    expect(route.name).toBe('handbook');
    expect(route.query.get('status')).toBe('review-due');
    expect(route.query.get('unit')).toBe('natur');
  });

  it.each([
    [link('findings', { state: 'open', unit: 'natur' }), 'findings', '/findings?state=open&unit=natur'],
    [link('actions', { view: 'overdue' }), 'actions', '/actions?view=overdue'],
    [link('audits', { year: '2026' }), 'audit', '/audit?year=2026'],
    [link('competences', { unit: 'natur' }), 'competences', '/competences?unit=natur'],
    [link('year-wheel', { year: '2027' }), 'yearWheel', '/year-wheel?year=2027'],
    [link('tasks', { due: 'overdue' }), 'tasks', '/tasks?due=overdue'],
    [link('goals', { colour: 'red' }), 'goals', '/goals?colour=red'],
    [link('approval', {}, 'p 1'), 'approval', '/procedures/p%201/approval'],
    [link('procedure', {}, 'p-1'), 'procedure', '/procedures/p-1'],
    [link('action', {}, 'a-1'), 'action', '/actions/a-1'],
    [link('audit', {}, 'au-1'), 'auditDetail', '/audit/au-1'],
    [link('surveys', { survey: 's-1', round: '2026' }), 'surveys', '/surveys?survey=s-1&round=2026'],
    [link('register', { view: 'all', unit: 'natur' }), 'register', '/reports?view=all&unit=natur'],
    [link('register-item', {}, 'r-1'), 'registerItem', '/reports/r-1'],
  ])('%o → %s', (given, routeName, path) => {
    expect(pathOfListLink(given)).toBe(path);
    expect(routeOf(path).name).toBe(routeName);
  });
});
