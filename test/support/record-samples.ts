import type { z } from 'zod';
import type { RecordDeclaration } from '../../functions/src/records/declare.js';

/**
 * A record of a declared kind for the contract suites: every field the test does not care about
 * gets a plain value from the declaration's schema (the first choice of an enum, null where the
 * field may be empty, [] for a list), the overrides set the rest, and the result is checked
 * against the schema, so a fixture cannot drift from the declaration. A field whose value the
 * schema cannot invent (a JSON blob, a calendar date without null) must be given.
 */
export function sampleOf<T, S extends z.ZodObject>(
  declaration: RecordDeclaration<T, S>,
  overrides: Partial<T> = {},
): T {
  const record: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(declaration.schema.shape)) {
    if (field in overrides) continue;
    const value = plainValue(schema as z.ZodType);
    if (value === missing)
      throw new Error(`sampleOf(${declaration.kind}): give ${field}, the schema has no plain value for it`);
    record[field] = value;
  }
  return declaration.schema.parse({ ...record, ...overrides }) as T;
}

const missing = Symbol('missing');

function plainValue(schema: z.ZodType): unknown {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'nullable':
      return null;
    case 'optional':
      return undefined;
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'number':
      return lowerBound(def['checks'] as unknown[] | undefined) ?? 0;
    case 'string':
      // A refined string (a calendar date) is given by the test; a plain one is 'sample'.
      return (def['checks'] as unknown[] | undefined)?.some(isRefinement) ? missing : 'sample';
    case 'enum':
      return Object.values(def['entries'] as Record<string, string>)[0];
    case 'record':
      return {};
    case 'object': {
      const shape = def['shape'] as Record<string, z.ZodType>;
      const value = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, plainValue(field)]));
      return Object.values(value).includes(missing) ? missing : value;
    }
    default:
      return missing;
  }
}

function isRefinement(check: unknown): boolean {
  return (check as { _zod?: { def?: { check?: string } } })._zod?.def?.check === 'custom';
}

/** A number's minimum (`.min(n)`), the plain value of a field that may not be 0. */
function lowerBound(checks: unknown[] | undefined): number | undefined {
  for (const check of checks ?? []) {
    const def = (check as { _zod?: { def?: { check?: string; value?: number } } })._zod?.def;
    if (def?.check === 'greater_than' && def.value !== undefined) return def.value;
  }
  return undefined;
}
