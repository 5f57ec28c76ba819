import { createSqliteQualityStore } from '../../functions/src/adapters/sqlite/sqlite-quality-store.js';
import { createSqliteDeadlines } from '../../functions/src/adapters/sqlite/sqlite-deadlines.js';
import { createSqliteRegisterStore } from '../../functions/src/adapters/sqlite/sqlite-register-store.js';
import { sqliteContractSite } from './contract-sites.js';
import { describeRegisterStoreContract } from './register-store-contract.js';

/** The RegisterStore contract on a real SQLite file. */
describeRegisterStoreContract('SQLite', async () => {
  const { db, trail, close } = await sqliteContractSite();
  const quality = createSqliteQualityStore(db);
  return {
    store: createSqliteRegisterStore(db),
    trail,
    correctiveActions: () => quality.listCorrectiveActions(),
    registerDeadlines: async () => createSqliteDeadlines(db).list(['register-reply']),
    close,
  };
});
