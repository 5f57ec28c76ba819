import type { EvaluationRound, UnitEvaluation } from './fokus-types.js';

/**
 * The comparison rules of FOKUS-style rounds (fokus-types.ts), pure.
 *
 * - A unit is **comparable** in a round when it has a score for every theme of the round. A unit
 *   scored on part of the themes is "ikke sammenlignelig": its scores are shown, but it has no
 *   total or mean, it is left out of the round's figures, and no change is computed to or from it.
 * - **Total** is the sum of the unit's scores; **mean** the total over the number of themes;
 *   **percent** places the mean on the round's scale (scale minimum 0 %, maximum 100 %), so rounds
 *   with different scales or themes can still be set side by side.
 * - The **change** of a comparable unit is measured from the previous round (by year) in which the
 *   unit was comparable: in percentage points always, and in mean points when both rounds used
 *   the same scale (otherwise null: a 3 on 0–4 is not a 3 on 1–5).
 */

export type ScoreStanding = 'comparable' | 'not-comparable' | 'not-evaluated' | 'not-covered';

export type Scorecard = {
  roundId: string;
  unitId: string;
  /** `comparable`: every theme scored; `not-comparable`: part of them; `not-evaluated`: covered, no scores yet. */
  standing: Exclude<ScoreStanding, 'not-covered'>;
  /** Per theme of the round, in the round's order; null where the unit was not scored. */
  scores: { themeId: string; score: number | null }[];
  missingThemeIds: string[];
  /** null unless comparable. */
  total: number | null;
  mean: number | null;
  percent: number | null;
  note: string;
};

export function scorecardOf(round: EvaluationRound, unitId: string, evaluation: UnitEvaluation | undefined): Scorecard {
  const scoreOf = new Map((evaluation?.scores ?? []).map((entry) => [entry.themeId, entry.score]));
  const scores = round.themes.map((theme) => ({ themeId: theme.id, score: scoreOf.get(theme.id) ?? null }));
  const missingThemeIds = scores.filter((entry) => entry.score === null).map((entry) => entry.themeId);
  const scoredCount = scores.length - missingThemeIds.length;
  const standing = scoredCount === 0 ? 'not-evaluated' : missingThemeIds.length === 0 ? 'comparable' : 'not-comparable';
  const isComparable = standing === 'comparable' && scores.length > 0;
  const total = isComparable ? roundTo(scores.reduce((sum, entry) => sum + entry.score!, 0)) : null;
  const mean = total === null ? null : roundTo(total / scores.length);
  return {
    roundId: round.id,
    unitId,
    standing,
    scores,
    missingThemeIds,
    total,
    mean,
    percent: mean === null ? null : percentOnScale(round, mean),
    note: evaluation?.note ?? '',
  };
}

/** Where a mean lies on the round's scale, 0–100 (rounded to one decimal). */
export function percentOnScale(round: Pick<EvaluationRound, 'scaleMin' | 'scaleMax'>, mean: number): number {
  return roundTo(((mean - round.scaleMin) / (round.scaleMax - round.scaleMin)) * 100, 1);
}

export type RoundSummary = {
  roundId: string;
  /** Units covered by the round that are comparable in it. */
  comparableCount: number;
  notComparableUnitIds: string[];
  notEvaluatedUnitIds: string[];
  /** Mean of the comparable units' means; null without any. */
  mean: number | null;
  percent: number | null;
};

export function summariseRound(round: EvaluationRound, evaluations: readonly UnitEvaluation[]): RoundSummary {
  const cards = round.unitIds.map((unitId) =>
    scorecardOf(
      round,
      unitId,
      evaluations.find((evaluation) => evaluation.roundId === round.id && evaluation.unitId === unitId),
    ),
  );
  const comparable = cards.filter((card) => card.standing === 'comparable');
  const mean =
    comparable.length === 0 ? null : roundTo(comparable.reduce((sum, card) => sum + card.mean!, 0) / comparable.length);
  return {
    roundId: round.id,
    comparableCount: comparable.length,
    notComparableUnitIds: cards.filter((card) => card.standing === 'not-comparable').map((card) => card.unitId),
    notEvaluatedUnitIds: cards.filter((card) => card.standing === 'not-evaluated').map((card) => card.unitId),
    mean,
    percent: mean === null ? null : percentOnScale(round, mean),
  };
}

export type ComparisonCell =
  | { roundId: string; standing: 'not-covered' }
  | (Scorecard & {
      /** From the previous round the unit was comparable in; null for its first comparable round or when not comparable. */
      change: { fromRoundId: string; percentPoints: number; meanPoints: number | null } | null;
    });

export type UnitComparison = { unitId: string; cells: ComparisonCell[] };

/** The rounds in order of year (then name), the order the comparison's columns take. */
export function roundsInOrder(rounds: readonly EvaluationRound[]): EvaluationRound[] {
  return [...rounds].sort((a, b) => a.year - b.year || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * Units side by side across rounds (2013 → 2015 → 2017): one row per unit any round covers (in
 * the order `unitOrder` gives, then by id), one cell per round in year order.
 */
export function compareAcrossRounds(
  rounds: readonly EvaluationRound[],
  evaluations: readonly UnitEvaluation[],
  unitOrder: readonly string[] = [],
): UnitComparison[] {
  const ordered = roundsInOrder(rounds);
  const unitIds = [...new Set(ordered.flatMap((round) => round.unitIds))].sort(
    (a, b) => rank(unitOrder, a) - rank(unitOrder, b) || a.localeCompare(b),
  );
  const evaluationOf = new Map(
    evaluations.map((evaluation) => [`${evaluation.roundId}\u0000${evaluation.unitId}`, evaluation]),
  );
  return unitIds.map((unitId) => {
    let previous: { round: EvaluationRound; card: Scorecard } | null = null;
    const cells = ordered.map((round): ComparisonCell => {
      if (!round.unitIds.includes(unitId)) return { roundId: round.id, standing: 'not-covered' };
      const card = scorecardOf(round, unitId, evaluationOf.get(`${round.id}\u0000${unitId}`));
      if (card.standing !== 'comparable') return { ...card, change: null };
      const change =
        previous === null
          ? null
          : {
              fromRoundId: previous.round.id,
              percentPoints: roundTo(card.percent! - previous.card.percent!, 1),
              meanPoints: hasSameScale(round, previous.round) ? roundTo(card.mean! - previous.card.mean!) : null,
            };
      previous = { round, card };
      return { ...card, change };
    });
    return { unitId, cells };
  });
}

function hasSameScale(a: EvaluationRound, b: EvaluationRound): boolean {
  return a.scaleMin === b.scaleMin && a.scaleMax === b.scaleMax;
}

function rank(order: readonly string[], id: string): number {
  const index = order.indexOf(id);
  return index === -1 ? order.length : index;
}

/** Two decimals by default: scores are entered with at most two. */
function roundTo(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** What a round must satisfy; each problem names its field. Empty: the round is valid. */
export function roundProblems(
  round: Pick<EvaluationRound, 'name' | 'year' | 'scaleMin' | 'scaleMax' | 'themes' | 'unitIds'>,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (round.name.trim() === '') problems.push({ field: 'name', message: 'The round needs a name.' });
  if (!(round.scaleMin < round.scaleMax))
    problems.push({ field: 'scaleMax', message: 'The top of the scale must be above its bottom.' });
  if (round.themes.length === 0) problems.push({ field: 'themes', message: 'The round needs at least one theme.' });
  const names = round.themes.map((theme) => theme.name.trim().toLocaleLowerCase('da'));
  if (new Set(names).size !== names.length)
    problems.push({ field: 'themes', message: 'Two themes have the same name.' });
  if (new Set(round.themes.map((theme) => theme.id)).size !== round.themes.length)
    problems.push({ field: 'themes', message: 'Two themes have the same id.' });
  if (new Set(round.unitIds).size !== round.unitIds.length)
    problems.push({ field: 'unitIds', message: 'A unit is listed twice.' });
  return problems;
}

/** A score's problem against its round, or null when it may be stored. */
export function scoreProblem(
  round: Pick<EvaluationRound, 'scaleMin' | 'scaleMax' | 'themes'>,
  score: { themeId: string; score: number },
): string | null {
  if (!round.themes.some((theme) => theme.id === score.themeId)) return `No theme ${score.themeId} in the round.`;
  if (!Number.isFinite(score.score) || score.score < round.scaleMin || score.score > round.scaleMax)
    return `The score must lie on the scale ${round.scaleMin}–${round.scaleMax}.`;
  if (Math.abs(Math.round(score.score * 100) - score.score * 100) > 1e-6) return 'A score has at most two decimals.';
  return null;
}
