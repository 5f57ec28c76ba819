import type { CaseRecord, CaseSource, Goal, QualityPolicy } from '../core/goal-types.js';
import type { TrailEntry } from '../core/types.js';

/**
 * Quality policy, goals and imported case data (issue 14): a port of its own beside `Store` and
 * `QualityStore`. The SQLite adapter keeps them in the same database file (and the same
 * transaction as their trail entries); the SharePoint adapter in lists of the same site.
 */

export const goalCollections = ['qualityPolicies', 'goals', 'caseSources', 'caseRecords'] as const;
export type GoalCollection = (typeof goalCollections)[number];
/** The collections with optimistic concurrency (cases are replaced by an import, not edited). */
export type VersionedGoalCollection = Exclude<GoalCollection, 'caseRecords'>;

/** One unit of work. The store applies all of it or none of it (SharePoint: see its adapter). */
export type GoalChangeSet = {
  /** Refused with CONFLICT unless each record still has this etag; etag 0 means "must not exist yet". */
  expect?: { collection: VersionedGoalCollection; id: string; etag: number }[];
  /** Each list is upserted by id. */
  qualityPolicies?: QualityPolicy[];
  goals?: Goal[];
  caseSources?: CaseSource[];
  caseRecords?: CaseRecord[];
  /** Appended to the append-only trail (procedureId null, subjectId the record). */
  trail?: Omit<TrailEntry, 'seq'>[];
};

export type GoalStore = {
  getQualityPolicy(id: string): Promise<QualityPolicy | undefined>;
  /** By title, then id. */
  listGoals(): Promise<Goal[]>;
  getGoal(id: string): Promise<Goal | undefined>;
  /** By name, then id. */
  listCaseSources(): Promise<CaseSource[]>;
  getCaseSource(id: string): Promise<CaseSource | undefined>;
  /** Every imported case (of one source), by id. */
  listCaseRecords(filter?: { sourceId?: string }): Promise<CaseRecord[]>;
  commit(changes: GoalChangeSet): Promise<void>;
};
