import azureFunctions from '@azure/functions';
import { buildApi, createEmbeddedApp, type EmbeddedApp } from '../../compose.js';
import { loadConfig } from '../../config.js';
import { registerHttpFunctions } from './register-functions.js';

/**
 * The Azure Functions entry point (package.json "main" of the deployed function app). The
 * configuration is validated at cold start; the store is opened on first use.
 */
// @azure/functions is CommonJS; under ESM its named exports are reached through the default.
const { app } = azureFunctions;
const config = loadConfig();
let composed: Promise<EmbeddedApp> | undefined;

registerHttpFunctions(app, buildApi(config), async (route) => {
  composed ??= createEmbeddedApp(config);
  const handlers = (await composed).handlers;
  const handler = [...handlers.entries()].find(([candidate]) => candidate.name === route.name)?.[1];
  if (!handler) throw new Error(`No handler for route ${route.name}`);
  return handler;
});
