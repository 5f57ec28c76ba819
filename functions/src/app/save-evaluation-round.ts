import { AppError } from '../core/errors.js';
import { roundProblems } from '../core/fokus-comparison.js';
import type { EvaluationRound, FokusTheme } from '../core/fokus-types.js';
import { canManageFokus, ensure, type Actor } from '../core/policies.js';
import type { RoundBody, RoundDto } from '../contract/fokus-schemas.js';
import { loadRound, roundView } from './fokus-views.js';
import { staleFokusRecordError } from './fokus-ports.js';
import type { Services } from './ports.js';
import { firstVersion, nextVersion, qualityTrail, stampOf } from './quality-records.js';

/** Creates an evaluation round (the coordinator): its themes, scale and units. */
export async function createEvaluationRound(services: Services, actor: Actor, body: RoundBody): Promise<RoundDto> {
  ensure(canManageFokus(actor), 'Only the quality coordinator sets up evaluation rounds.');
  const stamp = stampOf(services, actor);
  const round: EvaluationRound = {
    id: services.ids.next(),
    ...(await checkedFields(services, body, [])),
    ...firstVersion(stamp),
  };
  await services.fokus.commit({
    expect: [{ collection: 'rounds', id: round.id, etag: 0 }],
    rounds: [round],
    trail: [qualityTrail(stamp, 'fokus-round.created', round.id, `Evalueringsrunde oprettet: ${round.name}`)],
  });
  return roundView(round, []);
}

/** Changes a round; themes keep their ids (and their scores) when sent with them. */
export async function updateEvaluationRound(
  services: Services,
  actor: Actor,
  roundId: string,
  body: RoundBody,
  etag: number,
): Promise<RoundDto> {
  ensure(canManageFokus(actor), 'Only the quality coordinator changes evaluation rounds.');
  const existing = await loadRound(services, roundId);
  if (existing.etag !== etag)
    throw staleFokusRecordError('rounds', roundId, {
      etag: existing.etag,
      updatedBy: existing.updatedBy,
      updatedAt: existing.updatedAt,
    });
  const stamp = stampOf(services, actor);
  const round: EvaluationRound = {
    ...existing,
    ...(await checkedFields(services, body, existing.themes)),
    ...nextVersion(existing, stamp),
  };
  await services.fokus.commit({
    expect: [{ collection: 'rounds', id: round.id, etag }],
    rounds: [round],
    trail: [qualityTrail(stamp, 'fokus-round.updated', round.id, `Evalueringsrunde ændret: ${round.name}`)],
  });
  return roundView(round, await services.fokus.listUnitEvaluations({ roundId }));
}

async function checkedFields(services: Services, body: RoundBody, existingThemes: readonly FokusTheme[]) {
  const themes: FokusTheme[] = [];
  for (const theme of body.themes) {
    if (theme.id !== undefined && !existingThemes.some((known) => known.id === theme.id))
      throw new AppError('VALIDATION', `The round has no theme ${theme.id}.`, { field: 'themes' });
    themes.push({ id: theme.id ?? uniqueSlug(theme.name, [...existingThemes, ...themes]), name: theme.name });
  }
  const fields = {
    name: body.name,
    year: body.year,
    scaleMin: body.scaleMin,
    scaleMax: body.scaleMax,
    themes,
    unitIds: body.unitIds,
    note: body.note,
  };
  const [problem] = roundProblems(fields);
  if (problem) throw new AppError('VALIDATION', problem.message, { field: problem.field });
  const known = new Set((await services.store.listUnits()).map((unit) => unit.id));
  const unknown = body.unitIds.find((unitId) => !known.has(unitId));
  if (unknown !== undefined) throw new AppError('VALIDATION', `No unit with id ${unknown}.`, { field: 'unitIds' });
  return fields;
}

/** A theme id from its name ("Læring af fejl" → "laering-af-fejl"), made unique among the others. */
function uniqueSlug(name: string, taken: readonly FokusTheme[]): string {
  const base =
    name
      .toLocaleLowerCase('da')
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34) || 'tema';
  let candidate = base;
  for (let index = 2; taken.some((theme) => theme.id === candidate); index += 1) candidate = `${base}-${index}`;
  return candidate;
}
