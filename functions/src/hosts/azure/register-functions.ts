import type { HttpFunctionOptions, HttpHandler } from '@azure/functions';
import type { RouteHandler } from '../../http/handle-route.js';
import type { Route } from '../../http/route.js';

/** The part of `@azure/functions`' `app` this module needs; tests pass a recorder instead. */
export type HttpRegistrar = { http(name: string, options: HttpFunctionOptions): void };

/**
 * Registers one Azure Function per route of the table, with the same method and path
 * ("api/procedures/{id}"). `handlerFor` may resolve the composed app
 * lazily, so registration stays synchronous as the Functions host expects.
 */
export function registerHttpFunctions(
  registrar: HttpRegistrar,
  routes: Route[],
  handlerFor: (route: Route) => Promise<RouteHandler>,
): void {
  for (const route of routes) {
    const handler: HttpHandler = async (request, context) => (await handlerFor(route))(request, context);
    registrar.http(route.name, {
      methods: [route.method],
      // host.json sets routePrefix "" so that the tab can be served at the root; the API keeps /api.
      route: `api${route.path}`,
      authLevel: 'anonymous',
      handler,
    });
  }
}
