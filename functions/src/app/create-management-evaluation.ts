import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import { ensurePlannedInYear } from '../core/management-evaluation.js';
import { canManageQuality, ensure, type Actor } from '../core/policies.js';
import type { ManagementEvaluation } from '../core/quality-year-types.js';
import type { Services } from './ports.js';

/** Plans the year's management evaluation (ISO 9001 9.3). One per year: a second is DUPLICATE. */
export async function createManagementEvaluation(
  services: Services,
  actor: Actor,
  input: { year: number; plannedOn: LocalDate },
): Promise<ManagementEvaluation> {
  ensure(canManageQuality(actor), 'Only the quality coordinator plans the management evaluation.');
  ensurePlannedInYear(input.year, input.plannedOn);
  const existing = (await services.quality.listManagementEvaluations()).find(
    (evaluation) => evaluation.year === input.year,
  );
  if (existing) {
    throw new AppError('DUPLICATE', `The management evaluation for ${input.year} exists.`, {
      field: 'year',
      id: existing.id,
    });
  }
  const at = services.clock.now().toISOString();
  const evaluation: ManagementEvaluation = {
    id: services.ids.next(),
    etag: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: actor.id,
    year: input.year,
    plannedOn: input.plannedOn,
    heldOn: null,
    status: 'planned',
    participantIds: [],
    guests: [],
    conclusions: '',
    decisions: [],
    committee: null,
    committeeOn: null,
    publishedOn: null,
  };
  await services.quality.commit({
    expect: [{ collection: 'managementEvaluations', id: evaluation.id, etag: 0 }],
    managementEvaluations: [evaluation],
    trail: [
      {
        at,
        actorId: actor.id,
        action: 'management-evaluation.planned',
        procedureId: null,
        subjectId: evaluation.id,
        summary: `Management evaluation ${input.year} planned for ${input.plannedOn}`,
        details: { year: input.year, plannedOn: input.plannedOn },
      },
    ],
  });
  return evaluation;
}
