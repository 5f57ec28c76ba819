import { loadProcedure } from '../app/procedure-context.js';
import type { Services } from '../app/ports.js';
import { searchEverything } from '../app/search-everything.js';
import { isAppError } from '../core/errors.js';
import { versionLabel } from '../core/lifecycle.js';
import type { Actor } from '../core/policies.js';
import { procedureUrl } from './approval-view.js';
import type { ProcedureCardModel } from './cards/procedure-card.js';

/**
 * The one door from chat to search: the bot's "søg …" and the search message extension both
 * come here, so the query and the card come from the same search as the tab's. Only procedures
 * the person may read (the REST detail's rule, `loadProcedure`) are returned, as card models.
 */
export async function searchForChat(
  deps: { services: Services; publicUrl: string },
  actor: Actor,
  q: string,
  limit: number,
): Promise<ProcedureCardModel[]> {
  const { services } = deps;
  const result = await searchEverything(services, actor, { q, limit, offset: 0, kinds: ['procedure'] });
  if (result.hits.length === 0) return [];
  const [units, people] = await Promise.all([services.store.listUnits(), services.store.listPeople()]);
  const models: ProcedureCardModel[] = [];
  for (const hit of result.hits) {
    let procedure;
    try {
      ({ procedure } = await loadProcedure(services, actor, hit.procedureId ?? hit.id));
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') continue;
      throw error;
    }
    const current = procedure.currentVersionId
      ? await services.store.getVersion(procedure.currentVersionId)
      : undefined;
    models.push({
      procedure: { id: procedure.id, code: procedure.code, title: procedure.title },
      area: procedure.area,
      unitName: units.find((unit) => unit.id === procedure.unitId)?.name ?? null,
      ownerName: people.find((person) => person.id === procedure.ownerId)?.name ?? procedure.ownerId,
      versionLabel: current ? versionLabel(current) : null,
      nextReviewOn: procedure.nextReviewOn,
      snippet: hit.snippet,
      openUrl: procedureUrl(deps.publicUrl, procedure.id),
    });
  }
  return models;
}
