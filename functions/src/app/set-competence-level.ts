import { personCompetenceEtag } from '../core/competence-etag.js';
import { validUntilFrom } from '../core/competence-gaps.js';
import type { CompetenceLevel, Evidence, PersonCompetence } from '../core/competence-types.js';
import { AppError } from '../core/errors.js';
import { canManageCompetences, canSetCompetenceLevel, ensure, type Actor } from '../core/policies.js';
import { loadParentOf } from './competence-scope.js';
import type { LocalDate } from '../core/local-date.js';
import type { MatrixCell } from './competence-matrix.js';
import type { Services } from './ports.js';

export type SetCompetenceLevelInput = {
  personId: string;
  competenceId: string;
  /** The cell's etag as read (0: there was no record). */
  etag: number;
  level: CompetenceLevel;
  evidence: Evidence | null;
  /** Omitted: follows from the evidence date and the competence's validity. */
  validUntil?: LocalDate | null | undefined;
};

/**
 * Sets one cell of the matrix. A person setting their own level records a self-assessment; a
 * leader of the person's unit (or a unit above it) or the coordinator setting someone else's
 * confirms it. Refused with CONFLICT when the cell changed since it was read.
 */
export async function setCompetenceLevel(
  services: Services,
  actor: Actor,
  input: SetCompetenceLevelInput,
): Promise<MatrixCell> {
  ensure(
    actor.id === input.personId || canManageCompetences(actor),
    'Only leaders, the coordinator and the person may set a level.',
  );
  const [person, competences, parentOf] = await Promise.all([
    services.store.getPerson(input.personId),
    services.store.listCompetences(),
    loadParentOf(services),
  ]);
  if (!person) throw new AppError('NOT_FOUND', `No person with id ${input.personId}.`);
  ensure(
    canSetCompetenceLevel(actor, person, parentOf),
    'A leader sets levels only in their own unit and the units below it.',
  );
  const competence = competences.find((candidate) => candidate.id === input.competenceId);
  if (!competence) throw new AppError('NOT_FOUND', `No competence with id ${input.competenceId}.`);
  const isSelf = actor.id === input.personId;
  const evidenceDate = input.evidence?.date ?? null;
  const record: PersonCompetence = {
    personId: input.personId,
    competenceId: input.competenceId,
    level: input.level,
    evidence: input.evidence,
    validUntil:
      input.validUntil !== undefined
        ? input.validUntil
        : evidenceDate === null
          ? null
          : validUntilFrom(evidenceDate, competence.validityMonths),
    assessment: isSelf ? 'self' : 'confirmed',
    confirmedBy: isSelf ? null : actor.id,
  };
  await services.store.commit({
    expectPersonCompetence: { personId: input.personId, competenceId: input.competenceId, etag: input.etag },
    personCompetences: [record],
    trail: [
      {
        at: services.clock.now().toISOString(),
        actorId: actor.id,
        action: isSelf ? 'competence.self-assessed' : 'competence.confirmed',
        procedureId: null,
        subjectId: `${record.personId}:${record.competenceId}`,
        summary: `${person.name}: ${competence.name}, niveau ${record.level}`,
        details: { level: record.level, validUntil: record.validUntil, evidence: record.evidence },
      },
    ],
  });
  return { ...record, etag: personCompetenceEtag(record) };
}
