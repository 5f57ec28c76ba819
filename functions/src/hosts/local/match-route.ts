import type { Route } from '../../http/route.js';

export type RouteMatch = { route: Route; params: Record<string, string> } | { route: null; allowed: string[] };

type Compiled = { route: Route; pattern: RegExp; names: string[]; literalSegments: number };

/**
 * Matches a request path against the route table the way Azure Functions does: literal
 * segments win over {parameters} ("/procedures/areas" before "/procedures/{id}").
 */
export function createRouteMatcher(routes: Route[]): (method: string, path: string) => RouteMatch {
  const compiled: Compiled[] = routes
    .map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          const parameter = /^\{(\w+)\}$/.exec(segment);
          if (!parameter) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(parameter[1] as string);
          return '([^/]+)';
        })
        .join('/');
      return {
        route,
        pattern: new RegExp(`^${source}$`),
        names,
        literalSegments: route.path.split('/').length - names.length,
      };
    })
    .sort((a, b) => b.literalSegments - a.literalSegments);
  return (method, path) => {
    const allowed: string[] = [];
    for (const candidate of compiled) {
      const match = candidate.pattern.exec(path);
      if (!match) continue;
      if (candidate.route.method !== method) {
        allowed.push(candidate.route.method);
        continue;
      }
      const params: Record<string, string> = {};
      candidate.names.forEach((name, index) => {
        params[name] = decodeURIComponent(match[index + 1] as string);
      });
      return { route: candidate.route, params };
    }
    return { route: null, allowed };
  };
}
