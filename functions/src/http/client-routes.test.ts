import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generatedClientRoutesFile, renderClientRoutes, tabRoutes } from './client-routes.js';
import { defineRoute, json } from './route.js';

describe("the tab's API client derived from the route table", () => {
  it('is up to date: run `npm run generate:api-routes` after changing a route', async () => {
    const file = fileURLToPath(new URL(`../../../${generatedClientRoutesFile}`, import.meta.url));
    expect(readFileSync(file, 'utf8')).toBe(await renderClientRoutes());
  });

  it('names every route the tab may call, with its method and path', async () => {
    const source = await renderClientRoutes();
    for (const route of tabRoutes()) expect(source).toContain(`'${route.method} ${route.path}'`);
    expect(source).toContain("'bot-messages': { body: unknown; response: unknown }");
  });

  it('refuses a route whose schema the contract does not export (its type could not be named)', async () => {
    const inline = defineRoute({
      name: 'inline-schema',
      method: 'GET',
      path: '/inline',
      summary: 'A route with an inline response schema',
      tag: 'test',
      access: 'signed-in',
      response: z.object({ ok: z.boolean() }),
      handler: async () => json({ ok: true }),
    });
    await expect(renderClientRoutes([inline])).rejects.toThrow(
      'inline-schema: its response schema is not exported from functions/src/contract',
    );
  });
});
