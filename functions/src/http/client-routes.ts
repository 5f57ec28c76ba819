import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import * as contract from '../contract/schemas.js';
import type { Route } from './route.js';
import { buildRoutes } from './routes.js';

/**
 * The tab's typed API client is derived from the route table: this renders
 * tab/src/api/routes.generated.ts, which holds each route's method and path (runtime data, no
 * zod) and its params, query, body and response types as references to the route's own contract
 * schemas (types only, erased from the bundle). `npm run generate:api-routes` writes it; a unit
 * test (client-routes.test.ts) fails when the file no longer matches the table.
 */
export const generatedClientRoutesFile = 'tab/src/api/routes.generated.ts';

/**
 * Routes whose wire format is not ours: the bot endpoint takes Bot Framework activities (in
 * Teams the Bot Connector sends them; locally the chat pane imitates it) and answers with the bot's
 * invoke response. The tab types those in tab/src/api/chat-contract.ts.
 */
const botFrameworkRoutes = new Set(['bot-messages']);

/** The route table as the tab sees it (the options only change limits and access, not schemas). */
export function tabRoutes(): Route[] {
  return buildRoutes({ mode: 'local', maxUploadBytes: 1 });
}

/** Every schema the contract exports (and those one level inside an exported record), by its name. */
function contractSchemaNames(): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const [name, value] of Object.entries(contract)) {
    if (value instanceof z.ZodType) {
      if (!names.has(value)) names.set(value, name);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (inner instanceof z.ZodType && !names.has(inner)) names.set(inner, `${name}.${key}`);
      }
    }
  }
  return names;
}

export async function renderClientRoutes(routes: readonly Route[] = tabRoutes()): Promise<string> {
  const names = contractSchemaNames();
  const problems: string[] = [];
  const schemaType = (route: Route, part: string, schema: unknown, direction: 'input' | 'output'): string => {
    const name = names.get(schema);
    if (name === undefined) {
      problems.push(`${route.name}: its ${part} schema is not exported from functions/src/contract`);
      return 'never';
    }
    return `z.${direction}<typeof contract.${name}>`;
  };

  const runtime: string[] = [];
  const types: string[] = [];
  for (const route of routes) {
    const key = JSON.stringify(route.name);
    runtime.push(`  ${key}: ${JSON.stringify(`${route.method} ${route.path}`)},`);
    if (botFrameworkRoutes.has(route.name)) {
      types.push(`  ${key}: { body: unknown; response: unknown };`);
      continue;
    }
    const members: string[] = route.conditional ? ['conditional: true'] : [];
    if (route.params) members.push(`params: ${schemaType(route, 'params', route.params, 'input')}`);
    if (route.query) members.push(`query: ${schemaType(route, 'query', route.query, 'input')}`);
    if (route.body === 'binary') members.push('body: Blob');
    else if (route.body) members.push(`body: ${schemaType(route, 'body', route.body, 'input')}`);
    members.push(
      route.response === undefined
        ? 'file: true; response: Blob'
        : `response: ${schemaType(route, 'response', route.response, 'output')}`,
    );
    types.push(`  ${key}: { ${members.join('; ')} };`);
  }
  if (problems.length > 0) throw new Error(`Cannot derive the tab's API client:\n${problems.join('\n')}`);

  const source = [
    '// Generated from the route table (functions/src/http/*routes.ts) by `npm run generate:api-routes`.',
    '// Do not edit: functions/src/http/client-routes.test.ts fails when this file and the table differ.',
    "import type { z } from 'zod';",
    "import type * as contract from '../../../functions/src/contract/schemas';",
    '',
    '/** Method and path of every route (runtime data: no zod, nothing else). */',
    'export const apiRoutes = {',
    ...runtime,
    '} as const;',
    '',
    '/**',
    ' * Params, query and body (as sent) and response (as received) of every route, from its contract',
    ' * schemas; `conditional` routes need If-Match, `file` routes answer with a file.',
    ' */',
    'export type ApiRouteTypes = {',
    ...types,
    '};',
    '',
  ].join('\n');
  const options = await resolveConfig(generatedClientRoutesFile);
  return format(source, { ...options, filepath: generatedClientRoutesFile });
}
