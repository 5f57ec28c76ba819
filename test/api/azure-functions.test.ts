import azureFunctions, { type HttpFunctionOptions } from '@azure/functions';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedApp, type EmbeddedApp } from '../../functions/src/compose.js';
import { loadConfig } from '../../functions/src/config.js';
import { registerHttpFunctions } from '../../functions/src/hosts/azure/register-functions.js';
import { freshSeededDataDir } from '../support/seeded-template.js';

const { HttpRequest, InvocationContext } = azureFunctions;

let app: EmbeddedApp;
let dataDir: string;
const registered = new Map<string, HttpFunctionOptions>();

beforeAll(async () => {
  dataDir = await freshSeededDataDir('kh-azure-');
  app = await createEmbeddedApp({ ...loadConfig({}), dataDir, seedDemo: false });
  registerHttpFunctions({ http: (name, options) => registered.set(name, options) }, app.routes, async (route) =>
    app.handlers.get(route)!,
  );
});
afterAll(() => {
  app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the Azure Functions registration', () => {
  it('registers every route of the table once, with its method and path', () => {
    expect(registered.size).toBe(app.routes.length);
    expect(registered.get('procedures-get')).toMatchObject({
      methods: ['GET'],
      route: 'api/procedures/{id}',
      authLevel: 'anonymous',
    });
    expect(registered.get('draft-upload')).toMatchObject({ methods: ['PUT'], route: 'api/procedures/{id}/draft/file' });
  });

  it('serves a list request through the registered handler', async () => {
    const options = registered.get('procedures-list')!;
    const request = new HttpRequest({
      method: 'GET',
      url: 'http://localhost/api/procedures?level=support&limit=3',
      headers: { 'x-local-user': 'karen-holt' },
    });
    const response = await options.handler(request, new InvocationContext({ functionName: 'procedures-list' }));
    expect(response.status).toBe(200);
    const body = (response as { jsonBody: { items: { level: string }[]; total: number } }).jsonBody;
    expect(body.items).toHaveLength(3);
    expect(body.items.every((item) => item.level === 'support')).toBe(true);
    expect(body.total).toBe(11);
  });

  it('answers a bad body with the error catalogue’s shape', async () => {
    const options = registered.get('procedures-create')!;
    const request = new HttpRequest({
      method: 'POST',
      url: 'http://localhost/api/procedures',
      headers: { 'x-local-user': 'mette-kjaer', 'content-type': 'application/json' },
      body: { string: '{"code":' },
    });
    const response = await options.handler(request, new InvocationContext({ functionName: 'procedures-create' }));
    expect(response.status).toBe(400);
    expect((response as { jsonBody: { code: string } }).jsonBody.code).toBe('BAD_JSON');
  });

  it('publishes OpenAPI 3.1 describing every route', async () => {
    const options = registered.get('openapi')!;
    const response = await options.handler(
      new HttpRequest({ method: 'GET', url: 'http://localhost/api/openapi.json' }),
      new InvocationContext(),
    );
    const document = (response as { jsonBody: { openapi: string; paths: Record<string, Record<string, unknown>> } })
      .jsonBody;
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.values(document.paths).flatMap((methods) => Object.keys(methods));
    expect(operations).toHaveLength(app.routes.length);
    const create = document.paths['/procedures']!['post'] as {
      requestBody: { content: Record<string, { schema: { required: string[] } }> };
    };
    expect(create.requestBody.content['application/json']!.schema.required).toContain('code');
    const update = document.paths['/procedures/{id}']!['patch'] as { parameters: { name: string; in: string }[] };
    expect(update.parameters).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header' }));
  });
});
