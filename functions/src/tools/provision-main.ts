import { EnvironmentCredential } from '@azure/identity';
import { tokenProviderFrom } from '../adapters/sharepoint/graph-auth.js';
import { runProvisionCommand } from '../adapters/sharepoint/provision-command.js';
import { apiClientIdForProvisioning } from '../config.js';

/**
 * `npm run provision -- --site <url> [--dry-run]`: creates the handbook's library and lists in
 * a SharePoint site (see adapters/sharepoint/provision.ts). Signs in app-only: Azure
 * Identity's EnvironmentCredential reads AZURE_TENANT_ID, AZURE_CLIENT_ID and
 * AZURE_CLIENT_SECRET and uses a ClientSecretCredential, so no secret passes the command line.
 * ENTRA_CLIENT_ID, when set, fills in the API app in the printed site grant.
 */
process.exitCode = await runProvisionCommand(process.argv.slice(2), {
  tokens: tokenProviderFrom(new EnvironmentCredential()),
  // The API app registration the printed Sites.Selected grant names (often not the one signed in here).
  apiClientId: apiClientIdForProvisioning(),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
