import { AppError } from '../core/errors.js';
import type { EvaluationRound, UnitEvaluation } from '../core/fokus-types.js';
import type { StandardsChoice } from '../core/standards.js';
import type { TrailEntry } from '../core/types.js';

/**
 * FOKUS-style evaluation rounds and the standards the municipality works by: a port of its own
 * beside `Store` and `QualityStore`. SQLite keeps them in the same database file (a commit in one
 * transaction with its trail entries); SharePoint in lists of the same site.
 */
export const fokusCollections = ['rounds', 'unitEvaluations', 'standardsChoice'] as const;
export type FokusCollection = (typeof fokusCollections)[number];

/** One unit of work; the store applies all of it or none of it. */
export type FokusChangeSet = {
  /** Refused with CONFLICT unless each record still has this etag (0: must not exist yet). */
  expect?: { collection: FokusCollection; id: string; etag: number }[];
  rounds?: EvaluationRound[];
  unitEvaluations?: UnitEvaluation[];
  standardsChoice?: StandardsChoice[];
  /** Appended to the one append-only trail (procedureId null, subjectId the record). */
  trail?: Omit<TrailEntry, 'seq'>[];
};

export type FokusStore = {
  /** By year, then name. */
  listRounds(): Promise<EvaluationRound[]>;
  getRound(id: string): Promise<EvaluationRound | undefined>;
  /** By round, then unit. */
  listUnitEvaluations(filter?: { roundId?: string }): Promise<UnitEvaluation[]>;
  /**
   * undefined until the standards are chosen on SharePoint (provisioning writes no record; SQLite's
   * migration writes ISO 9001), or on a store never migrated: read as ISO 9001 alone, etag 0.
   */
  getStandardsChoice(): Promise<StandardsChoice | undefined>;
  commit(changes: FokusChangeSet): Promise<void>;
};

/**
 * Clause citations of goals, for the coverage matrix. The goals records arrive with another part
 * of issue 14; whoever wires them gives `Services.goalCitations` an adapter of this port. Without
 * one the matrix has no goals column entries.
 */
export type GoalCitationSource = {
  listGoalCitations(): Promise<{ id: string; title: string; citations: string[] }[]>;
};

/** CONFLICT for a record written from a stale read, with who wrote it last. */
export function staleFokusRecordError(
  collection: FokusCollection,
  id: string,
  stored: { etag: number; updatedBy: string | null; updatedAt: string | null },
): AppError {
  return new AppError('CONFLICT', `The ${collection} record ${id} changed after you read it. Reload and try again.`, {
    reason: 'stale',
    collection,
    id,
    etag: stored.etag,
    updatedBy: stored.updatedBy,
    updatedAt: stored.updatedAt,
  });
}
