import { openSharePointFokusStore } from '../../functions/src/adapters/sharepoint/sharepoint-fokus-store.js';
import { sharePointContractSite } from './contract-sites.js';
import { describeFokusStoreContract } from './fokus-store-contract.js';

/** The FokusStore contract on SharePoint lists, through the Graph double (a fresh site per test). */
describeFokusStoreContract('SharePoint (Graph double)', async () => {
  const { graph, site, trail, close } = await sharePointContractSite();
  return { store: await openSharePointFokusStore(graph, site.id), trail, close };
});
