import azureFunctions from '@azure/functions';
import { warmSearchIndexes } from '../../app/search-everything.js';
import { buildApi, createEmbeddedApp, type EmbeddedApp } from '../../compose.js';
import { loadConfig, startupWarnings } from '../../config.js';
import { nextSweepAt } from '../../core/reminder-schedule.js';
import { formatSweepSummary } from '../../jobs/format-sweep-summary.js';
import { sweepEmbeddedApp } from '../../jobs/sweep-embedded-app.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerHttpFunctions } from './register-functions.js';
import { createTabFunction } from './tab-function.js';

/**
 * The Azure Functions entry point (package.json "main" of the deployed function app). The
 * configuration is validated at cold start; the store is opened on first use.
 */
// @azure/functions is CommonJS; under ESM its named exports are reached through the default.
const { app } = azureFunctions;
const config = loadConfig();
for (const warning of startupWarnings(config)) console.warn(warning);
let composed: Promise<EmbeddedApp> | undefined;

// The search indexes start building in the background as soon as the app is composed.
const composedApp = () =>
  (composed ??= createEmbeddedApp(config).then((embedded) => {
    void warmSearchIndexes(embedded.services);
    return embedded;
  }));

registerHttpFunctions(app, buildApi(config), async (route) => {
  const { handlers } = await composedApp();
  const handler = [...handlers.entries()].find(([candidate]) => candidate.name === route.name)?.[1];
  if (!handler) throw new Error(`No handler for route ${route.name}`);
  return handler;
});

/**
 * The daily reminder sweep at 06:00 Europe/Copenhagen. Timer schedules are UTC, so it fires at
 * 04:00 and 05:00 UTC and sweeps only on the one that is 06:00 in Copenhagen (summer or winter
 * time). The ledger makes an extra run harmless anyway.
 */
app.timer('reminder-sweep', {
  schedule: '0 0 4,5 * * *',
  handler: async (_timer, context) => {
    const now = new Date();
    if (nextSweepAt(new Date(now.getTime() - 15 * 60_000), config.timeZone) > now) return;
    const result = await sweepEmbeddedApp(await composedApp(), { runId: context.invocationId });
    context.log(formatSweepSummary(result, 'en'));
  },
});

/**
 * The public answer page of personal survey links (no sign-in; public/survey-page.ts). A literal
 * route, so it wins over the tab's catch-all below.
 */
app.http('survey-page', {
  methods: ['GET', 'HEAD', 'POST'],
  route: 'survey/{token}',
  authLevel: 'anonymous',
  handler: async (request) => (await composedApp()).surveyPage(request),
});

/**
 * The public handbook and the published yearly reports (no sign-in; public/public-pages.ts). A
 * literal route, so it wins over the tab's catch-all below.
 */
app.http('public-pages', {
  methods: ['GET', 'HEAD'],
  route: 'public/{*path}',
  authLevel: 'anonymous',
  handler: async (request) => (await composedApp()).publicPages(request),
});

/**
 * The register's public form, its assets and the senders' status pages (no sign-in;
 * public/register-page.ts). Literal routes, so they win over the tab's catch-all below.
 */
app.http('register-page', {
  methods: ['GET', 'HEAD', 'POST'],
  route: 'register',
  authLevel: 'anonymous',
  handler: async (request) => (await composedApp()).registerPage(request),
});
app.http('register-status-page', {
  methods: ['GET', 'HEAD'],
  route: 'register/status/{token}',
  authLevel: 'anonymous',
  handler: async (request) => (await composedApp()).registerPage(request),
});
app.http('register-assets', {
  methods: ['GET', 'HEAD'],
  route: 'register/assets/{name}',
  authLevel: 'anonymous',
  handler: async (request) => (await composedApp()).registerPage(request),
});

/**
 * The built tab, from the same deployment (tab/dist beside functions/dist). Literal API routes
 * win over this catch-all in the Functions host's routing.
 */
const tabDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../tab/dist');
app.http('tab', {
  methods: ['GET', 'HEAD'],
  route: '{*path}',
  authLevel: 'anonymous',
  handler: createTabFunction(tabDir),
});
