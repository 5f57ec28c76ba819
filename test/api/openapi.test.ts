import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { buildApi } from '../../functions/src/compose.js';

describe('/api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document by an independent validator', async () => {
    const routes = buildApi({ mode: 'local', maxUploadBytes: 10 * 1024 * 1024 });
    const openapi = routes.find((route) => route.name === 'openapi')!;
    const result = await openapi.handler({} as never);
    const document = (result as { body: Record<string, unknown> }).body;
    const validation = await validate(structuredClone(document) as never);
    expect(validation.valid, JSON.stringify((validation as { errors?: unknown }).errors)).toBe(true);
  });
});
