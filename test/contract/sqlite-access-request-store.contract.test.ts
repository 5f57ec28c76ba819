import { createSqliteAccessRequestStore } from '../../functions/src/adapters/sqlite/sqlite-access-request-store.js';
import { createSqliteDeadlines } from '../../functions/src/adapters/sqlite/sqlite-deadlines.js';
import { describeAccessRequestStoreContract } from './access-request-store-contract.js';
import { sqliteContractSite } from './contract-sites.js';

/** The AccessRequestStore contract on a real SQLite file. */
describeAccessRequestStoreContract('SQLite', async () => {
  const { db, trail, close } = await sqliteContractSite();
  const deadlines = createSqliteDeadlines(db);
  return {
    store: createSqliteAccessRequestStore(db),
    trail,
    deadlines: async () => deadlines.list(['access-request']),
    close,
  };
});
