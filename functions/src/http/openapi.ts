import { z } from 'zod';
import { errorCatalogue } from '../core/errors.js';
import { errorSchema } from '../contract/schemas.js';
import { localUserHeader } from './authenticate.js';
import type { Route } from './route.js';

type JsonSchema = Record<string, unknown>;

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** OpenAPI 3.1, generated from the same route table and schemas that validate requests. */
export function buildOpenApi(routes: Route[], options: { mode: 'local' | 'production' }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [];
    for (const [location, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const json = toJsonSchema(schema, 'input');
      const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
      const required = new Set((json['required'] ?? []) as string[]);
      for (const [name, property] of Object.entries(properties)) {
        parameters.push({ name, in: location, required: location === 'path' || required.has(name), schema: property });
      }
    }
    if (route.conditional) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: true,
        description: 'The ETag of the procedure as read; a stale one gets 409 CONFLICT.',
        schema: { type: 'string' },
      });
    }
    const operation: Record<string, unknown> = {
      operationId: route.name,
      summary: route.summary,
      tags: [route.tag],
      parameters,
      responses: {
        [String(route.successStatus ?? 200)]:
          route.response === undefined
            ? {
                description: 'The file',
                content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
              }
            : {
                description: 'OK',
                content: { 'application/json': { schema: toJsonSchema(route.response, 'output') } },
              },
        default: { $ref: '#/components/responses/Error' },
      },
      ...(route.access === 'public' ? { security: [] } : {}),
    };
    if (route.body === 'binary') {
      operation['requestBody'] = {
        required: true,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      };
    } else if (route.body) {
      operation['requestBody'] = {
        required: true,
        content: { 'application/json': { schema: toJsonSchema(route.body, 'input') } },
      };
    }
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kvalitetshåndbog API',
      version: '0.1.0',
      description: [
        'Handbook and document control for a municipal quality management system.',
        'Errors are `{ code, message, details? }`. Codes:',
        ...Object.entries(errorCatalogue).map(
          ([code, entry]) => `- \`${code}\` (${entry.status}): ${entry.description}`,
        ),
      ].join('\n'),
    },
    servers: [{ url: '/api' }],
    security: [{ [options.mode === 'local' ? 'localUser' : 'entra']: [] }],
    paths,
    components: {
      securitySchemes: {
        localUser: {
          type: 'apiKey',
          in: 'header',
          name: localUserHeader,
          description: 'Local mode only: a demo person id.',
        },
        entra: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Entra ID access token (production).',
        },
      },
      responses: {
        Error: {
          description: 'An error from the catalogue',
          content: { 'application/json': { schema: toJsonSchema(errorSchema, 'output') } },
        },
      },
    },
  };
}
