import { ConfigError, startupWarnings } from '../../config.js';
import { formatSweepSummary } from '../../jobs/format-sweep-summary.js';
import { scheduleLocalSweep } from '../../jobs/schedule-local-sweep.js';
import { sweepEmbeddedApp } from '../../jobs/sweep-embedded-app.js';
import { startLocalServer } from './server.js';

/** `npm start`: the embedded default with demo data. */
try {
  const started = Date.now();
  const local = await startLocalServer();
  const { config } = local.app;
  console.log(`Kvalitetshåndbog kører på ${local.url}  (API: ${local.url}/api/openapi.json)`);
  console.log(
    `  data: ${config.dataDir} · tilstand: ${config.mode} · lager: ${config.store} · klar på ${Date.now() - started} ms`,
  );
  const stopSweep = config.sweepOnTimer
    ? scheduleLocalSweep(
        async () => console.log(formatSweepSummary(await sweepEmbeddedApp(local.app))),
        local.app.services.clock,
        { timeZone: config.timeZone, onError: (error) => console.error('The reminder sweep failed:', error) },
      )
    : () => undefined;
  if (config.sweepOnTimer) console.log('  påmindelser: hver dag kl. 06:00 (npm run sweep kører dem nu)');
  for (const warning of startupWarnings(config)) console.warn(warning);
  const stop = () => {
    stopSweep();
    void local.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`The port is in use. Stop the other process or start with PORT=<another port> npm start.`);
    process.exit(2);
  }
  throw error;
}
