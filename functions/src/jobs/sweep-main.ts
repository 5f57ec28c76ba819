import { createEmbeddedApp } from '../compose.js';
import { ConfigError, loadConfig } from '../config.js';
import { formatSweepSummary } from './format-sweep-summary.js';
import { sweepEmbeddedApp } from './sweep-embedded-app.js';

/**
 * `npm run sweep`: runs the reminder sweep once against the local data, with the local outbox
 * (the tab's chat pane) as the way out, and prints who got what. `--en` / `--nb` for the
 * report in English or Norwegian.
 */
const locale = process.argv.includes('--en') ? 'en' : process.argv.includes('--nb') ? 'nb' : 'da';
try {
  const config = loadConfig();
  const app = await createEmbeddedApp(config);
  try {
    const result = await sweepEmbeddedApp(app);
    console.log(formatSweepSummary(result, locale));
  } finally {
    app.close();
  }
  process.exit(0);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
