import { createSqliteGoalStore } from '../../functions/src/adapters/sqlite/sqlite-goal-store.js';
import { sqliteContractSite } from './contract-sites.js';
import { describeGoalStoreContract } from './goal-store-contract.js';

/** The GoalStore contract on a real SQLite file. */
describeGoalStoreContract('SQLite', async () => {
  const { db, trail, close } = await sqliteContractSite();
  return { store: createSqliteGoalStore(db), trail, close };
});
