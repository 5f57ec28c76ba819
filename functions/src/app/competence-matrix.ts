import { personCompetenceEtag } from '../core/competence-etag.js';
import { unitWithDescendants } from '../core/competence-gaps.js';
import type { Competence, PersonCompetence } from '../core/competence-types.js';
import { AppError } from '../core/errors.js';
import { canManageCompetences, type Actor } from '../core/policies.js';
import type { Person, Unit } from '../core/types.js';
import type { Services } from './ports.js';

export type MatrixPerson = Pick<Person, 'id' | 'name' | 'title' | 'unitId' | 'email'>;
export type MatrixCell = PersonCompetence & { etag: number };

export type CompetenceMatrix = {
  unitId: string | null;
  competences: Competence[];
  people: MatrixPerson[];
  /** Only the pairs that have a record; a missing pair is level 0 with etag 0. */
  cells: MatrixCell[];
  abilities: { manage: boolean };
};

/** The people in `unitId` and the units below it; everyone when `unitId` is undefined. */
export function peopleOfUnit(people: Person[], units: Unit[], unitId: string | undefined): Person[] {
  if (unitId === undefined) return people;
  if (!units.some((unit) => unit.id === unitId)) throw new AppError('NOT_FOUND', `No unit with id ${unitId}.`);
  const unitIds = unitWithDescendants(unitId, units);
  return people.filter((person) => unitIds.has(person.unitId));
}

/**
 * People × competences with levels, validity and assessment. One read per table (people, units,
 * competences, levels), whatever the size of the matrix.
 */
export async function getCompetenceMatrix(
  services: Services,
  actor: Actor,
  input: { unitId?: string | undefined },
): Promise<CompetenceMatrix> {
  const [people, units, competences, records] = await Promise.all([
    services.store.listPeople(),
    services.store.listUnits(),
    services.store.listCompetences(),
    services.store.listPersonCompetences(),
  ]);
  const members = peopleOfUnit(people, units, input.unitId);
  const memberIds = new Set(members.map((person) => person.id));
  return {
    unitId: input.unitId ?? null,
    competences,
    people: members.map(({ id, name, title, unitId, email }) => ({ id, name, title, unitId, email })),
    cells: records
      .filter((record) => memberIds.has(record.personId))
      .map((record) => ({ ...record, etag: personCompetenceEtag(record) })),
    abilities: { manage: canManageCompetences(actor) },
  };
}
