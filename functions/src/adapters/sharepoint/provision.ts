import { isAppError } from '../../core/errors.js';
import type { BatchRequest, GraphClient, GraphMethod } from './graph-client.js';
import { handbookSchema, typeOf, type ColumnSpec, type ListSpec } from './sharepoint-schema.js';

/**
 * Creates the handbook's document library and lists in a SharePoint site, idempotently: it
 * reads what exists and plans only what is missing (a list, a column, an index), so a rerun
 * sends no write at all. It never deletes or retypes anything: a column whose type differs
 * from the schema is reported as drift for a person to decide about.
 *
 * Requests (Graph v1.0):
 * - GET  /sites/{hostname}:/{path}                      https://learn.microsoft.com/en-us/graph/api/site-getbypath
 * - GET  /sites/{site-id}/lists/{title}?$expand=columns https://learn.microsoft.com/en-us/graph/api/list-get
 * - POST /sites/{site-id}/lists (columns inline)        https://learn.microsoft.com/en-us/graph/api/list-create
 * - POST /sites/{site-id}/lists/{list-id}/columns      https://learn.microsoft.com/en-us/graph/api/list-post-columns
 * - PATCH …/columns/{column-id} { indexed: true }      https://learn.microsoft.com/en-us/graph/api/columndefinition-update
 * - PATCH …/columns/{column-id} { choice: { choices } } (same page: any property of a list
 *   column but its id may be updated): a choice column of an existing site gets the choices a
 *   newer schema added (e.g. new reminder stages in the ledger), which SharePoint would
 *   otherwise refuse to store. Choices are only ever added, never removed.
 * Column additions to existing lists go out as `$batch` (https://learn.microsoft.com/en-us/graph/json-batching).
 *
 * List views are not provisioned: Graph v1.0 has no API for them, and the app never reads
 * through a view (its queries filter on indexed columns), so every list keeps its default view.
 */

export type PlannedRequest = { method: GraphMethod; url: string; body?: unknown; why: string };

export type ProvisionResult = {
  siteId: string;
  /** Writes that are needed (dry run) or were sent, in order. */
  writes: PlannedRequest[];
  /** Differences the provisioner will not fix by itself. */
  drift: string[];
  dryRun: boolean;
};

type ExistingColumn = { id: string; name: string; indexed?: boolean; enforceUniqueValues?: boolean } & Record<
  string,
  unknown
>;
type ExistingList = { id: string; displayName: string; list?: { template?: string }; columns?: ExistingColumn[] };

/** Splits https://contoso.sharepoint.com/sites/kvalitet into the parts Graph's site-by-path needs. */
export function parseSiteUrl(siteUrl: string): { hostname: string; path: string } {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new Error(`--site must be a URL like https://contoso.sharepoint.com/sites/kvalitet, not "${siteUrl}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`--site must be an https URL, not "${siteUrl}"`);
  return { hostname: url.hostname, path: url.pathname.replace(/\/+$/, '') || '/' };
}

export async function provision(
  graph: GraphClient,
  options: { siteUrl: string; dryRun: boolean; schema?: ListSpec[] },
): Promise<ProvisionResult> {
  const schema = options.schema ?? handbookSchema;
  const { hostname, path } = parseSiteUrl(options.siteUrl);
  const site = await graph.get<{ id: string }>(`/sites/${hostname}:${path}`);
  const sitePath = `/sites/${site.id}`;

  const creations: PlannedRequest[] = [];
  const changes: PlannedRequest[] = [];
  const drift: string[] = [];
  for (const spec of schema) {
    const existing = await findList(graph, sitePath, spec.displayName);
    if (!existing) {
      creations.push({
        method: 'POST',
        url: `${sitePath}/lists`,
        body: {
          displayName: spec.displayName,
          description: spec.description,
          list: { template: spec.template },
          columns: spec.columns.filter((column) => !column.builtIn).map(columnDefinition),
        },
        why: `create ${spec.template} "${spec.displayName}" with ${spec.columns.filter((column) => !column.builtIn).length} columns`,
      });
      continue;
    }
    const template = existing.list?.template;
    if (template && template !== spec.template) {
      drift.push(`"${spec.displayName}" is a ${template}, the schema wants a ${spec.template}; left as it is.`);
      continue;
    }
    changes.push(...columnChanges(`${sitePath}/lists/${existing.id}`, spec, existing.columns ?? [], drift));
  }

  const writes = [...creations, ...changes];
  if (!options.dryRun) {
    // A new list carries its columns, so it is one request; changes to existing lists are batched.
    for (const request of creations)
      await graph.request({ method: request.method, url: request.url, body: request.body });
    const outcomes = await graph.batch(changes.map(({ method, url, body }): BatchRequest => ({ method, url, body })));
    const failed = outcomes.find((outcome) => !outcome.ok);
    if (failed && !failed.ok) throw failed.error;
  }
  return { siteId: site.id, writes, drift, dryRun: options.dryRun };
}

async function findList(graph: GraphClient, sitePath: string, displayName: string): Promise<ExistingList | null> {
  try {
    return await graph.get<ExistingList>(`${sitePath}/lists/${encodeURIComponent(displayName)}?$expand=columns`);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** What an existing list lacks: missing columns, and indexes (or uniqueness) the schema wants. */
export function columnChanges(
  listPath: string,
  spec: ListSpec,
  existing: ExistingColumn[],
  drift: string[],
): PlannedRequest[] {
  const planned: PlannedRequest[] = [];
  for (const column of spec.columns) {
    const found = existing.find((candidate) => candidate.name.toLowerCase() === column.name.toLowerCase());
    if (!found) {
      if (column.builtIn) drift.push(`"${spec.displayName}" lacks its built-in column ${column.name}.`);
      else
        planned.push({
          method: 'POST',
          url: `${listPath}/columns`,
          body: columnDefinition(column),
          why: `add column ${column.name} to "${spec.displayName}"`,
        });
      continue;
    }
    const type = typeOf(column);
    if (found[type] === undefined) {
      drift.push(`"${spec.displayName}".${column.name} is not a ${type} column; left as it is.`);
      continue;
    }
    const update: Record<string, unknown> = {};
    if (column.indexed && found.indexed !== true) update['indexed'] = true;
    if (column.unique && found.enforceUniqueValues !== true) update['enforceUniqueValues'] = true;
    const choices = missingChoices(column, found);
    if (choices !== null) update['choice'] = choices;
    if (Object.keys(update).length > 0)
      planned.push({
        method: 'PATCH',
        url: `${listPath}/columns/${found.id}`,
        body: update,
        why: `${Object.keys(update).join(' and ')} on "${spec.displayName}".${column.name}`,
      });
  }
  return planned;
}

/**
 * The choice column's definition with the schema's choices it lacks appended (existing ones
 * kept, in their order); null when it lacks none or is no choice column.
 */
function missingChoices(column: ColumnSpec, found: ExistingColumn): Record<string, unknown> | null {
  if (!('choice' in column.type)) return null;
  const existing = found['choice'] as { choices?: unknown } | undefined;
  const have = Array.isArray(existing?.choices) ? existing.choices.map(String) : [];
  const missing = column.type.choice.choices.filter((choice) => !have.includes(choice));
  if (missing.length === 0) return null;
  return { ...column.type.choice, choices: [...have, ...missing] };
}

/** A schema column as a Graph columnDefinition. */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  return {
    name: column.name,
    displayName: column.name,
    description: column.description,
    indexed: column.indexed === true,
    enforceUniqueValues: column.unique === true,
    ...column.type,
  };
}
