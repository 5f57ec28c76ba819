import { ConfigError } from '../../config.js';
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
  const stop = () => {
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
