import { backfillDeadlines } from './backfill-deadlines.js';
import { AppError } from '../../core/errors.js';
import { createGraphClient, graphRoot, type TokenProvider } from './graph-client.js';
import { provision, type PlannedRequest } from './provision.js';

/**
 * `npm run provision -- --site <url> [--dry-run]`: the command behind functions/src/tools/provision-main.ts,
 * with its world (token, fetch, output) passed in so tests can run it against the Graph double.
 */

/** The display name the site grant gives the API app unless --app-name says otherwise. */
const defaultAppName = 'Kvalitetshåndbog';
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const provisionUsage = `Usage: npm run provision -- --site https://<tenant>.sharepoint.com/sites/<site> [--dry-run]

Creates the document library "Procedurer" and the handbook's lists in the site, with their
columns and indexes. Safe to run again: it creates only what is missing. Then prints the grant
that gives the API app (Sites.Selected) write access to this one site.

  --site <url>           the SharePoint site
  --dry-run              read what exists and print the requests that would be sent; change nothing
  --graph-base <url>     Graph version root (default ${graphRoot})
  --app-client-id <id>   the API app registration's client id, for the grant (default: ENTRA_CLIENT_ID)
  --app-name <name>      its display name, for the grant (default: ${defaultAppName})

Signs in app-only with the Azure Identity environment variables AZURE_TENANT_ID,
AZURE_CLIENT_ID and AZURE_CLIENT_SECRET: an app registration with the Sites.Manage.All
application permission (list-create and column-create need it).`;

export type ProvisionCommandWorld = {
  tokens: TokenProvider;
  /** The API app registration's client id when --app-client-id is not given (ENTRA_CLIENT_ID). */
  apiClientId?: string;
  fetch?: typeof fetch;
  out: (line: string) => void;
  err: (line: string) => void;
};

export async function runProvisionCommand(argv: string[], world: ProvisionCommandWorld): Promise<number> {
  const args = parseArguments(argv);
  if ('error' in args) {
    world.err(args.error);
    world.err(provisionUsage);
    return 2;
  }
  if (args.help) {
    world.out(provisionUsage);
    return 0;
  }
  const graph = createGraphClient({
    tokens: world.tokens,
    baseUrl: args.graphBase,
    ...(world.fetch ? { fetch: world.fetch } : {}),
    paceToBudget: true,
  });
  try {
    const result = await provision(graph, { siteUrl: args.site, dryRun: args.dryRun });
    const root = args.graphBase.replace(/\/+$/, '');
    world.out(
      result.dryRun
        ? `Dry run against site ${result.siteId}: nothing was changed.`
        : `Provisioned site ${result.siteId}.`,
    );
    if (result.writes.length === 0) world.out('Everything exists already: no changes needed.');
    else {
      world.out(result.dryRun ? 'These requests would be sent:' : 'Sent:');
      for (const request of result.writes) world.out(describe(root, request));
    }
    for (const line of result.drift) world.out(`Drift (not changed): ${line}`);
    if (!result.dryRun) {
      // The deadline index (app/deadline-index.ts) from the records already on the site.
      const filled = await backfillDeadlines(graph, result.siteId);
      world.out(
        `Deadlines index: ${filled.created} entries created, ${filled.updated} updated, ${filled.deleted} removed.`,
      );
    }
    world.out(
      `Graph: ${graph.meter.requests} requests, ${graph.meter.total} resource units` +
        (result.dryRun ? `; ${result.writes.length} writes planned, none sent.` : `; ${result.writes.length} writes.`),
    );
    world.out('List views are left as SharePoint creates them: Graph v1.0 has no API for views.');
    for (const block of siteGrant(root, result.siteId, args, world.apiClientId)) world.out(block);
    return result.drift.length > 0 ? 1 : 0;
  } catch (error) {
    // GraphError (status, code, request id), NOT_FOUND for a wrong --site, or a credential error.
    if (error instanceof Error) {
      const notFound = error instanceof AppError && error.code === 'NOT_FOUND';
      world.err(
        `Provisioning failed: ${notFound ? `${error.message} Is ${args.site} the right --site?` : error.message}`,
      );
      return 1;
    }
    throw error;
  }
}

function describe(root: string, request: PlannedRequest): string {
  const lines = [`${request.method} ${root}${request.url}    # ${request.why}`];
  if (request.body !== undefined) lines.push(`  ${JSON.stringify(request.body)}`);
  return lines.join('\n');
}

/**
 * The one grant the running app needs: the API app registration has the Microsoft Graph
 * application permission Sites.Selected, which reaches no site until a site permission names
 * it. Microsoft's request (https://learn.microsoft.com/graph/api/site-post-permissions; it
 * needs Sites.FullControl.All, e.g. a SharePoint Administrator in Graph Explorer) and PnP
 * PowerShell's equivalent (https://pnp.github.io/powershell/cmdlets/Grant-PnPEntraIDAppSitePermission.html),
 * with the site id just resolved and the configured client id filled in.
 */
function siteGrant(root: string, siteId: string, args: Arguments, fallbackClientId: string | undefined): string[] {
  const clientId = (args.appClientId || fallbackClientId || '').toLowerCase();
  const id = guid.test(clientId) ? clientId : '<ENTRA_CLIENT_ID>';
  const body = { roles: ['write'], grantedToIdentities: [{ application: { id, displayName: args.appName } }] };
  const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;
  return [
    'Grant the API app write access to this one site (Sites.Selected), once, as a SharePoint Administrator (the request needs Sites.FullControl.All):',
    [
      `POST ${root}/sites/${siteId}/permissions`,
      'Content-Type: application/json',
      '',
      JSON.stringify(body, null, 2),
    ].join('\n'),
    'Or with PnP PowerShell:',
    `Grant-PnPEntraIDAppSitePermission -AppId ${id} -DisplayName ${quoted(args.appName)} -Permissions Write -Site ${args.site}`,
    ...(id === clientId ? [] : ["Fill in the API app's client id: pass --app-client-id <id> or set ENTRA_CLIENT_ID."]),
  ];
}

type Arguments = {
  site: string;
  dryRun: boolean;
  graphBase: string;
  help: boolean;
  appClientId: string;
  appName: string;
};

function parseArguments(argv: string[]): Arguments | { error: string } {
  const args: Arguments = {
    site: '',
    dryRun: false,
    graphBase: graphRoot,
    help: false,
    appClientId: '',
    appName: defaultAppName,
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined || next.startsWith('--')) throw new Error(`${argument} needs a value`);
      return next;
    };
    try {
      if (argument === '--site') args.site = value();
      else if (argument.startsWith('--site=')) args.site = argument.slice('--site='.length);
      else if (argument === '--dry-run') args.dryRun = true;
      else if (argument === '--graph-base') args.graphBase = value();
      else if (argument === '--app-client-id') args.appClientId = value();
      else if (argument === '--app-name') args.appName = value();
      else if (argument === '--help' || argument === '-h') args.help = true;
      else return { error: `Unknown argument: ${argument}` };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
  if (!args.help && !args.site) return { error: '--site is required' };
  if (args.appClientId && !guid.test(args.appClientId))
    return { error: '--app-client-id must be the application (client) id, a GUID' };
  return args;
}
