import { createSqliteSurveyStore } from '../../functions/src/adapters/sqlite/sqlite-survey-store.js';
import { sqliteContractSite } from './contract-sites.js';
import { describeSurveyStoreContract } from './survey-store-contract.js';

/** The SurveyStore contract on a real SQLite file. */
describeSurveyStoreContract('SQLite', async () => {
  const { db, trail, close } = await sqliteContractSite();
  return { store: createSqliteSurveyStore(db), trail, close };
});
