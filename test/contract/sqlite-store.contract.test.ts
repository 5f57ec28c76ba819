import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../functions/src/adapters/sqlite/open-database.js';
import { createSqliteStore, upsertDirectory } from '../../functions/src/adapters/sqlite/sqlite-store.js';
import { describeStoreContract } from './store-contract.js';

/** The Store contract on a real SQLite file, seeded with units and people through `upsertDirectory`. */
describeStoreContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kh-contract-'));
  const db = openDatabase(join(dir, 'store.sqlite'));
  return {
    store: createSqliteStore(db),
    seed: async (directory) => upsertDirectory(db, directory),
    close: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
