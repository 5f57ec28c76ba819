import { personCompetenceEtag } from '../core/competence-etag.js';
import { unitWithDescendants } from '../core/competence-gaps.js';
import type { Competence, Evidence, PersonCompetence } from '../core/competence-types.js';
import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import { canManageCompetences, competenceUnitsManagedBy, type Actor } from '../core/policies.js';
import type { Person, Unit } from '../core/types.js';
import type { Services } from './ports.js';

export type MatrixPerson = Pick<Person, 'id' | 'name' | 'title' | 'unitId' | 'email'>;
export type MatrixCell = PersonCompetence & { etag: number };

/** The matrix as read: the members of the unit, every competence and the members' recorded levels. */
export type CompetenceMatrixRecords = {
  unitId: string | null;
  competences: Competence[];
  people: MatrixPerson[];
  /** Only the pairs that have a record, and only for listed competences; a missing pair is level 0. */
  records: PersonCompetence[];
  /** manageUnitIds: the units whose people's levels the actor may set (besides their own level). */
  abilities: { manage: boolean; manageUnitIds: string[] };
};

/**
 * The matrix as sent to the tab (300 × 150 must stay small and cheap): people and competences
 * once, then the recorded cells column by column. A cell's position is
 * `personIndex × competences.length + competenceIndex`; a position not listed is level 0 with etag 0.
 */
export type CompetenceMatrix = Omit<CompetenceMatrixRecords, 'records'> & {
  cells: {
    /** Positions of the recorded cells, ascending. */
    position: number[];
    /** One digit per recorded cell: its level. */
    level: string;
    /** One letter per recorded cell: `s` self-assessed, `c` confirmed. */
    assessment: string;
    /** Per recorded cell: send it back as If-Match to change the cell. */
    etag: number[];
    /** Position → valid until, only for cells that expire. */
    validUntil: Record<string, LocalDate>;
    /** Position → evidence, only for cells that have it (kept when the tab changes the level). */
    evidence: Record<string, Evidence>;
  };
};

/** The people in `unitId` and the units below it; everyone when `unitId` is undefined. */
export function peopleOfUnit(people: Person[], units: Unit[], unitId: string | undefined): Person[] {
  if (unitId === undefined) return people;
  if (!units.some((unit) => unit.id === unitId)) throw new AppError('NOT_FOUND', `No unit with id ${unitId}.`);
  const unitIds = unitWithDescendants(unitId, units);
  return people.filter((person) => unitIds.has(person.unitId));
}

/**
 * People × competences with their recorded levels. One read per table (people, units,
 * competences, levels), whatever the size of the matrix.
 */
export async function readCompetenceMatrix(
  services: Services,
  actor: Actor,
  input: { unitId?: string | undefined },
): Promise<CompetenceMatrixRecords> {
  const [people, units, competences, records] = await Promise.all([
    services.store.listPeople(),
    services.store.listUnits(),
    services.store.listCompetences(),
    services.store.listPersonCompetences(),
  ]);
  const members = peopleOfUnit(people, units, input.unitId);
  const memberIds = new Set(members.map((person) => person.id));
  const competenceIds = new Set(competences.map((competence) => competence.id));
  return {
    unitId: input.unitId ?? null,
    competences,
    people: members.map(({ id, name, title, unitId, email }) => ({ id, name, title, unitId, email })),
    records: records.filter((record) => memberIds.has(record.personId) && competenceIds.has(record.competenceId)),
    abilities: { manage: canManageCompetences(actor), manageUnitIds: competenceUnitsManagedBy(actor, units) },
  };
}

/** GET /competence-matrix: the matrix in its compact form. */
export async function getCompetenceMatrix(
  services: Services,
  actor: Actor,
  input: { unitId?: string | undefined },
): Promise<CompetenceMatrix> {
  return compactMatrix(await readCompetenceMatrix(services, actor, input));
}

/** Records → positions; each position at most once (the store keys records by person and competence). */
export function compactMatrix(matrix: CompetenceMatrixRecords): CompetenceMatrix {
  const { records, ...rest } = matrix;
  const width = matrix.competences.length;
  const personIndex = new Map(matrix.people.map((person, index) => [person.id, index]));
  const competenceIndex = new Map(matrix.competences.map((competence, index) => [competence.id, index]));
  // Record index by position (-1: none), so the cells come out in position order without a sort.
  const recordAt = new Int32Array(matrix.people.length * width).fill(-1);
  records.forEach((record, index) => {
    recordAt[personIndex.get(record.personId)! * width + competenceIndex.get(record.competenceId)!] = index;
  });
  const position: number[] = [];
  const etag: number[] = [];
  const validUntil: Record<string, LocalDate> = {};
  const evidence: Record<string, Evidence> = {};
  let level = '';
  let assessment = '';
  for (let at = 0; at < recordAt.length; at++) {
    const index = recordAt[at]!;
    if (index < 0) continue;
    const record = records[index]!;
    position.push(at);
    level += record.level;
    assessment += record.assessment === 'self' ? 's' : 'c';
    etag.push(personCompetenceEtag(record));
    if (record.validUntil !== null) validUntil[at] = record.validUntil;
    if (record.evidence !== null) evidence[at] = record.evidence;
  }
  return { ...rest, cells: { position, level, assessment, etag, validUntil, evidence } };
}

/**
 * One cell of the matrix with its etag: the recorded level, or level 0 with etag 0 when nothing
 * is recorded yet (the If-Match that creates the first record).
 */
export async function getMatrixCell(
  services: Services,
  input: { personId: string; competenceId: string },
): Promise<MatrixCell> {
  const [person, competences, records] = await Promise.all([
    services.store.getPerson(input.personId),
    services.store.listCompetences(),
    services.store.listPersonCompetences({ personId: input.personId }),
  ]);
  if (!person) throw new AppError('NOT_FOUND', `No person with id ${input.personId}.`);
  if (!competences.some((competence) => competence.id === input.competenceId))
    throw new AppError('NOT_FOUND', `No competence with id ${input.competenceId}.`);
  const record = records.find((candidate) => candidate.competenceId === input.competenceId);
  if (!record) {
    return { ...input, level: 0, evidence: null, validUntil: null, assessment: 'self', confirmedBy: null, etag: 0 };
  }
  return { ...record, etag: personCompetenceEtag(record) };
}
