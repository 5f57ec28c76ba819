/** The tab's places. Paths are the public contract for deep links from Teams and e-mail. */
export type Route =
  | { name: 'overview'; query: URLSearchParams }
  | { name: 'handbook'; query: URLSearchParams }
  | { name: 'findings'; query: URLSearchParams }
  | { name: 'procedure'; id: string; query: URLSearchParams }
  | { name: 'approval'; id: string }
  | { name: 'search'; q: string }
  | { name: 'tasks'; query: URLSearchParams }
  | { name: 'competences'; unitId: string | null }
  | { name: 'audit'; query: URLSearchParams }
  | { name: 'audit-detail'; id: string }
  | { name: 'actions'; query: URLSearchParams }
  | { name: 'action'; id: string }
  | { name: 'evaluation' }
  | { name: 'year-wheel'; year: number | null }
  | { name: 'surveys'; query: URLSearchParams }
  | { name: 'new-procedure' }
  | { name: 'chat' }
  | { name: 'configure' }
  | { name: 'privacy' }
  | { name: 'terms' }
  | { name: 'not-found' };

/**
 * Pages that render without signing in and without calling the API before they show: the privacy
 * and terms pages (linked from the Teams app manifest) and the tab configuration page Teams opens
 * when the app is added to a channel or group chat.
 */
export type PublicRoute = Extract<Route, { name: 'configure' | 'privacy' | 'terms' }>;

export function isPublicRoute(route: Route): route is PublicRoute {
  return route.name === 'configure' || route.name === 'privacy' || route.name === 'terms';
}

/**
 * The handbook's filters in a query. The root used to be the handbook, and channel tabs configured
 * on a level or area still point there with these: such a root opens the handbook, a bare root
 * (or one with only ?inTeams=1) the overview.
 */
const handbookFilterKeys = ['level', 'area', 'status', 'owner', 'unit', 'sort', 'order'];

export function matchRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html')
    return handbookFilterKeys.some((key) => query.has(key)) ? { name: 'handbook', query } : { name: 'overview', query };
  if (path === '/handbook') return { name: 'handbook', query };
  if (path === '/afvigelser') return { name: 'findings', query };
  if (path === '/search') return { name: 'search', q: query.get('q') ?? '' };
  if (path === '/tasks') return { name: 'tasks', query };
  if (path === '/competences') return { name: 'competences', unitId: query.get('unit') || null };
  if (path === '/audit') return { name: 'audit', query };
  const audit = /^\/audit\/([^/]+)$/.exec(path);
  if (audit?.[1]) {
    try {
      return { name: 'audit-detail', id: decodeURIComponent(audit[1]) };
    } catch {
      return { name: 'not-found' };
    }
  }
  if (path === '/handlinger') return { name: 'actions', query };
  if (path === '/ledelsens-evaluering') return { name: 'evaluation' };
  if (path === '/aarshjul') {
    const year = Number(query.get('year'));
    return { name: 'year-wheel', year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null };
  }
  if (path === '/surveys') return { name: 'surveys', query };
  if (path === '/new') return { name: 'new-procedure' };
  if (path === '/chat') return { name: 'chat' };
  if (path === '/configure') return { name: 'configure' };
  if (path === '/privacy') return { name: 'privacy' };
  if (path === '/terms') return { name: 'terms' };
  const action = /^\/handlinger\/([^/]+)$/.exec(path);
  if (action?.[1]) {
    try {
      return { name: 'action', id: decodeURIComponent(action[1]) };
    } catch {
      return { name: 'not-found' };
    }
  }
  const approval = /^\/procedures\/([^/]+)\/approval$/.exec(path);
  if (approval?.[1]) {
    try {
      return { name: 'approval', id: decodeURIComponent(approval[1]) };
    } catch {
      return { name: 'not-found' };
    }
  }
  const procedure = /^\/procedures\/([^/]+)$/.exec(path);
  if (procedure?.[1]) {
    try {
      return { name: 'procedure', id: decodeURIComponent(procedure[1]), query };
    } catch {
      return { name: 'not-found' };
    }
  }
  return { name: 'not-found' };
}

export const paths = {
  /** The tab's home: the overview ("Overblik"); `scope` picks a narrower one than the widest. */
  overview: (scope?: string) => withQuery('/', new URLSearchParams(scope ? { scope } : {})),
  handbook: (query?: URLSearchParams) => withQuery('/handbook', query),
  /** Findings: the open nonconformities by default; `unit` and `year` narrow them. */
  findings: (query?: Record<string, string>) => withQuery('/afvigelser', new URLSearchParams(query)),
  procedure: (id: string, query?: Record<string, string>) =>
    withQuery(`/procedures/${encodeURIComponent(id)}`, new URLSearchParams(query)),
  /**
   * The approver's view of a procedure's draft: the comparison with the current version, then
   * Approve/Reject. The approval card's "Åbn kladden" links here (bot/approval-view.ts `approvalPath`).
   */
  approval: (id: string) => `/procedures/${encodeURIComponent(id)}/approval`,
  search: (q: string) => withQuery('/search', new URLSearchParams(q ? { q } : {})),
  tasks: (query?: Record<string, string>) => withQuery('/tasks', new URLSearchParams(query)),
  /** The competence matrix, opened on one unit when given. */
  competences: (unitId?: string) => withQuery('/competences', new URLSearchParams(unitId ? { unit: unitId } : {})),
  audit: (year?: number) => withQuery('/audit', new URLSearchParams(year ? { year: String(year) } : {})),
  auditDetail: (id: string) => `/audit/${encodeURIComponent(id)}`,
  /** The board; `unit`, `owner` and `view=overdue` (the overdue list only) filter it. */
  actions: (query?: Record<string, string>) => withQuery('/handlinger', new URLSearchParams(query)),
  action: (id: string) => `/handlinger/${encodeURIComponent(id)}`,
  evaluation: () => '/ledelsens-evaluering',
  /** The bot's year-wheel reminders link here (functions/src/bot/approval-view.ts `yearWheelUrl`). */
  yearWheel: (year?: number) => withQuery('/aarshjul', new URLSearchParams(year ? { year: String(year) } : {})),
  /** Satisfaction surveys; `survey` and `round` pick the results shown. */
  surveys: (query?: { survey?: string; round?: string }) => withQuery('/surveys', new URLSearchParams(query)),
  newProcedure: () => '/new',
  /** The local stand-in for the bot's chat in Teams. */
  chat: () => '/chat',
  /** The manifest's configurationUrl, privacyUrl and termsOfUseUrl: keep these paths stable. */
  configure: () => '/configure',
  privacy: () => '/privacy',
  terms: () => '/terms',
};

/**
 * The tab path a Teams deep link carries as its subEntityId (the tab reads it as
 * `page.subPageId`), or null when it is not one of the tab's own pages. Only a same-origin path
 * is accepted: a deep link must never send the tab elsewhere.
 */
export function pathFromSubPageId(subPageId: string | null | undefined): string | null {
  if (!subPageId || !subPageId.startsWith('/') || subPageId.startsWith('//') || subPageId.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(subPageId, 'https://tab.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'https://tab.invalid') return null;
  const route = matchRoute(url.pathname, url.search);
  return route.name === 'not-found' || isPublicRoute(route) ? null : url.pathname + url.search;
}

function withQuery(path: string, query?: URLSearchParams): string {
  const search = query?.toString();
  return search ? `${path}?${search}` : path;
}
