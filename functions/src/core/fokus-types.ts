/**
 * FOKUS-style evaluation rounds (after Københavns Borgerrådgiver's FOKUS, evaluated in 2013, 2015
 * and 2017; ../shared/data/goals-register-publication.md section 5): the municipality evaluates
 * its units on themes of its own, on a scale of its own, round after round, and compares them.
 * A unit evaluated on only part of a round's themes is "ikke sammenlignelig" (in 2017 one
 * administration was, at its own request, evaluated on complaints handling only, and its result
 * was said not to be comparable with the others'). Records only; the rules are in
 * fokus-comparison.ts.
 */

type Versioned = {
  etag: number;
  createdAt: string;
  updatedAt: string;
  /** Person id of whoever wrote the record last. */
  updatedBy: string;
};

/** A theme or criterion of a round, the municipality's own (e.g. "Klagesagsbehandling"). */
export type FokusTheme = { id: string; name: string };

export type EvaluationRound = Versioned & {
  id: string;
  name: string;
  /** The year the round evaluates (2013, 2015, 2017 …). */
  year: number;
  /** The scale the municipality set for the round, inclusive (0–4, 1–5 …). */
  scaleMin: number;
  scaleMax: number;
  themes: FokusTheme[];
  /** The units the round covers. */
  unitIds: string[];
  note: string;
};

export type ThemeScore = { themeId: string; score: number };

/** One unit's scores in one round; its id is `${roundId}:${unitId}` (one per pair). */
export type UnitEvaluation = Versioned & {
  id: string;
  roundId: string;
  unitId: string;
  /** Only the themes the unit was evaluated on; a theme without a score makes it not comparable. */
  scores: ThemeScore[];
  note: string;
};

export const unitEvaluationId = (roundId: string, unitId: string) => `${roundId}:${unitId}`;
