import { AppError } from '../core/errors.js';
import { scoreProblem } from '../core/fokus-comparison.js';
import { unitEvaluationId, type ThemeScore, type UnitEvaluation } from '../core/fokus-types.js';
import { canManageFokus, ensure, type Actor } from '../core/policies.js';
import type { RoundDto } from '../contract/fokus-schemas.js';
import { loadRound, roundView } from './fokus-views.js';
import type { Services } from './ports.js';
import { firstVersion, nextVersion, qualityTrail, stampOf } from './quality-records.js';

/**
 * Sets one unit's scores in a round (the coordinator): the themes it was evaluated on; a theme
 * left out makes the unit "ikke sammenlignelig" in the round. Answers the round with its summary.
 */
export async function setUnitScores(
  services: Services,
  actor: Actor,
  input: { roundId: string; unitId: string; scores: ThemeScore[]; note: string },
): Promise<RoundDto> {
  ensure(canManageFokus(actor), 'Only the quality coordinator enters scores.');
  const round = await loadRound(services, input.roundId);
  if (!round.unitIds.includes(input.unitId))
    throw new AppError('VALIDATION', `The round does not cover the unit ${input.unitId}.`, { field: 'unitId' });
  const seen = new Set<string>();
  for (const score of input.scores) {
    const problem = seen.has(score.themeId)
      ? `The theme ${score.themeId} is scored twice.`
      : scoreProblem(round, score);
    if (problem !== null) throw new AppError('VALIDATION', problem, { field: 'scores', themeId: score.themeId });
    seen.add(score.themeId);
  }
  const stamp = stampOf(services, actor);
  const existing = (await services.fokus.listUnitEvaluations({ roundId: round.id })).find(
    (evaluation) => evaluation.unitId === input.unitId,
  );
  const evaluation: UnitEvaluation = {
    id: unitEvaluationId(round.id, input.unitId),
    roundId: round.id,
    unitId: input.unitId,
    scores: input.scores,
    note: input.note,
    ...(existing ? { createdAt: existing.createdAt, ...nextVersion(existing, stamp) } : firstVersion(stamp)),
  };
  await services.fokus.commit({
    expect: [{ collection: 'unitEvaluations', id: evaluation.id, etag: existing?.etag ?? 0 }],
    unitEvaluations: [evaluation],
    trail: [
      qualityTrail(stamp, 'fokus-scores.set', evaluation.id, `Scorer sat for ${input.unitId} i ${round.name}`, {
        scores: input.scores,
      }),
    ],
  });
  return roundView(round, await services.fokus.listUnitEvaluations({ roundId: round.id }));
}
