/** The tab's places. Paths are the public contract for deep links from Teams and e-mail. */
export type Route =
  | { name: 'handbook'; query: URLSearchParams }
  | { name: 'procedure'; id: string; query: URLSearchParams }
  | { name: 'search'; q: string }
  | { name: 'tasks' }
  | { name: 'new-procedure' }
  | { name: 'chat' }
  | { name: 'not-found' };

export function matchRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') return { name: 'handbook', query };
  if (path === '/search') return { name: 'search', q: query.get('q') ?? '' };
  if (path === '/tasks') return { name: 'tasks' };
  if (path === '/new') return { name: 'new-procedure' };
  if (path === '/chat') return { name: 'chat' };
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
  handbook: (query?: URLSearchParams) => withQuery('/', query),
  procedure: (id: string, query?: Record<string, string>) =>
    withQuery(`/procedures/${encodeURIComponent(id)}`, new URLSearchParams(query)),
  search: (q: string) => withQuery('/search', new URLSearchParams(q ? { q } : {})),
  tasks: () => '/tasks',
  newProcedure: () => '/new',
  /** The local stand-in for the bot's chat in Teams. */
  chat: () => '/chat',
};

function withQuery(path: string, query?: URLSearchParams): string {
  const search = query?.toString();
  return search ? `${path}?${search}` : path;
}
