import { createSqliteFokusStore } from '../../functions/src/adapters/sqlite/sqlite-fokus-store.js';
import { sqliteContractSite } from './contract-sites.js';
import { describeFokusStoreContract } from './fokus-store-contract.js';

/** The FokusStore contract on a real SQLite file. */
describeFokusStoreContract('SQLite', async () => {
  const { db, trail, close } = await sqliteContractSite();
  return { store: createSqliteFokusStore(db), trail, close };
});
