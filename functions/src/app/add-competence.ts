import { competenceIdFrom, competenceNameKey } from '../core/competence-requirements.js';
import type { Competence } from '../core/competence-types.js';
import { AppError } from '../core/errors.js';
import { canManageCompetences, ensure, type Actor } from '../core/policies.js';
import type { Services } from './ports.js';

export type AddCompetenceInput = Omit<Competence, 'id'>;

/**
 * Adds a competence to the catalogue. Names are unique regardless of case; the id is built from the
 * name ("Støj og lugt" → "stoej-og-lugt"), with a generated suffix when that id is taken.
 */
export async function addCompetence(services: Services, actor: Actor, input: AddCompetenceInput): Promise<Competence> {
  ensure(canManageCompetences(actor), 'Only leaders and the coordinator may add competences.');
  const competences = await services.store.listCompetences();
  const name = input.name.trim().replace(/\s+/g, ' ');
  const taken = competences.find((competence) => competenceNameKey(competence.name) === competenceNameKey(name));
  if (taken)
    throw new AppError('DUPLICATE', `A competence named ${taken.name} exists.`, {
      field: 'name',
      competenceId: taken.id,
    });
  const base = competenceIdFrom(name);
  const isTaken = (id: string) => competences.some((competence) => competence.id === id);
  const id = base === '' ? services.ids.next() : isTaken(base) ? `${base}-${services.ids.next()}` : base;
  const competence: Competence = { ...input, id, name };
  await services.store.commit({
    competences: [competence],
    trail: [
      {
        at: services.clock.now().toISOString(),
        actorId: actor.id,
        action: 'competence.added',
        procedureId: null,
        subjectId: competence.id,
        summary: `Kompetence oprettet: ${competence.name}`,
        details: { category: competence.category, validityMonths: competence.validityMonths },
      },
    ],
  });
  return competence;
}
