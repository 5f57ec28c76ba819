import { compareAcrossRounds, roundsInOrder, summariseRound } from '../core/fokus-comparison.js';
import type { EvaluationRound, UnitEvaluation } from '../core/fokus-types.js';
import { canManageFokus, canReadFokus, ensure, type Actor } from '../core/policies.js';
import { AppError } from '../core/errors.js';
import type { FokusOverviewDto, RoundDto } from '../contract/fokus-schemas.js';
import type { Services } from './ports.js';

/** Named auditor of an audit that is not cancelled (the auditors read FOKUS and the coverage matrix). */
export async function isNamedAuditor(services: Services, actor: Actor): Promise<boolean> {
  const audits = await services.quality.listAudits();
  return audits.some((audit) => audit.status !== 'cancelled' && audit.auditorIds.includes(actor.id));
}

export async function ensureMayReadFokus(services: Services, actor: Actor): Promise<void> {
  ensure(
    canReadFokus(actor, await isNamedAuditor(services, actor)),
    'Only leaders, the coordinator and auditors read the evaluation rounds.',
  );
}

export function roundView(round: EvaluationRound, evaluations: readonly UnitEvaluation[]): RoundDto {
  const { roundId: _roundId, ...summary } = summariseRound(round, evaluations);
  return {
    id: round.id,
    name: round.name,
    year: round.year,
    scaleMin: round.scaleMin,
    scaleMax: round.scaleMax,
    themes: round.themes,
    unitIds: round.unitIds,
    note: round.note,
    etag: round.etag,
    updatedAt: round.updatedAt,
    updatedBy: round.updatedBy,
    summary,
  };
}

/** Every round with its summary, and the units side by side across the rounds (core/fokus-comparison.ts). */
export async function getFokusOverview(services: Services, actor: Actor): Promise<FokusOverviewDto> {
  await ensureMayReadFokus(services, actor);
  const [rounds, evaluations, units] = await Promise.all([
    services.fokus.listRounds(),
    services.fokus.listUnitEvaluations(),
    services.store.listUnits(),
  ]);
  const ordered = roundsInOrder(rounds);
  const covered = new Set(ordered.flatMap((round) => round.unitIds));
  return {
    rounds: ordered.map((round) => roundView(round, evaluations)),
    units: units.filter((unit) => covered.has(unit.id)).map((unit) => ({ id: unit.id, name: unit.name })),
    comparison: compareAcrossRounds(
      ordered,
      evaluations,
      units.map((unit) => unit.id),
    ),
    abilities: { manage: canManageFokus(actor) },
  };
}

export async function loadRound(services: Services, roundId: string): Promise<EvaluationRound> {
  const round = await services.fokus.getRound(roundId);
  if (!round) throw new AppError('NOT_FOUND', `No evaluation round with id ${roundId}.`);
  return round;
}

/** One round with its summary (for its ETag before a change). */
export async function getRoundView(services: Services, actor: Actor, roundId: string): Promise<RoundDto> {
  await ensureMayReadFokus(services, actor);
  const round = await loadRound(services, roundId);
  return roundView(round, await services.fokus.listUnitEvaluations({ roundId }));
}
