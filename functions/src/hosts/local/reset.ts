import { rm } from 'node:fs/promises';
import { ConfigError, loadConfig } from '../../config.js';

/** `npm run reset`: deletes the local data folder; the next `npm start` seeds the demo again. */
try {
  const config = loadConfig();
  await rm(config.dataDir, { recursive: true, force: true });
  console.log(`Slettet lokale data i ${config.dataDir}. Næste "npm start" opretter demodata igen.`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
