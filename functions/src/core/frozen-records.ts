import { AppError } from './errors.js';
import type { LocalDate } from './local-date.js';
import type { ActionStatus, CorrectiveAction } from './quality-year-types.js';

/**
 * Records that stay as they were (ISO 9001 7.5.3: retained documented information is protected
 * from unintended alteration).
 *
 * A record that is held, reported or published is **frozen**: what it showed is stored once as a
 * snapshot (`FrozenRecord`, keyed by the frozen record's kind and id) and read from there, never
 * recomputed from live data. When it is published (or reported) it is also **locked**: no edit and
 * no removal (`RECORD_LOCKED`); a mistake is put right by a **correction**, a new record of the
 * same kind linked both ways with its reason (`correctsId` / `correctedById` on the snapshots).
 *
 * The mechanism is general: any record kind in `frozenKinds` can be frozen, locked and corrected.
 */

export const frozenKinds = ['management-evaluation', 'audit', 'yearly-report'] as const;
export type FrozenKind = (typeof frozenKinds)[number];

export type FrozenRecord = {
  /** `<kind>:<subjectId>`: one snapshot per record (see `frozenRecordId`). */
  id: string;
  subjectKind: FrozenKind;
  subjectId: string;
  /** The reference date the figures are as of (a held evaluation's meeting day, an audit's report day). */
  asOf: LocalDate;
  /** When the snapshot was taken (ISO 8601) and by whom (person id, or `system:…`). */
  frozenAt: string;
  frozenBy: string;
  /** Set when the record is published or reported: from then on it is locked. */
  lockedAt: string | null;
  /** The snapshot itself: whatever the kind's reader shows, as JSON. */
  payload: unknown;
  /** This record corrects the record with this id (same kind), for `correctionReason`. */
  correctsId: string | null;
  correctionReason: string | null;
  /** The correction that replaces this record, once made. */
  correctedById: string | null;
  etag: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
};

export function frozenRecordId(kind: FrozenKind, subjectId: string): string {
  return `${kind}:${subjectId}`;
}

/** Refuses an edit or removal of a locked record with RECORD_LOCKED (details: kind, id, the correction if any). */
export function ensureNotLocked(frozen: FrozenRecord | undefined, attempted: 'edit' | 'remove'): void {
  if (!frozen || frozen.lockedAt === null) return;
  throw new AppError(
    'RECORD_LOCKED',
    `The ${frozen.subjectKind} ${frozen.subjectId} is locked since ${frozen.lockedAt}; ${attempted === 'edit' ? 'edits' : 'removal'} are refused. Correct it with a linked correction.`,
    {
      kind: frozen.subjectKind,
      id: frozen.subjectId,
      attempted,
      lockedAt: frozen.lockedAt,
      correctedById: frozen.correctedById,
    },
  );
}

/** A correction needs a reason, and a record is corrected once (the correction itself can be corrected). */
export function ensureCorrectable(frozen: FrozenRecord | undefined, reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') throw new AppError('VALIDATION', 'A correction needs its reason.', { field: 'reason' });
  if (!frozen || frozen.lockedAt === null) {
    throw new AppError('INVALID_STATE', 'Only a locked record is corrected; edit it instead.', {
      status: 'not-locked',
    });
  }
  if (frozen.correctedById !== null) {
    throw new AppError('INVALID_STATE', `The record is already corrected by ${frozen.correctedById}.`, {
      status: 'corrected',
      correctedById: frozen.correctedById,
    });
  }
  return trimmed;
}

/**
 * A corrective action as it stood at the end of `day`, reconstructed from its dates: undefined
 * when it did not exist yet (created after the day: `createdOn`, its local creation date). Closed
 * after the day: implemented when carried out by then, else planned (or open, without a plan);
 * carried out after the day: planned. Checks made after the day are dropped. An action nothing
 * happened to after the day is as it is.
 */
export function actionAsOf<A extends CorrectiveAction>(action: A, createdOn: LocalDate, day: LocalDate): A | undefined {
  if (createdOn > day) return undefined;
  const closedLater = action.closedOn !== null && action.closedOn > day;
  const implementedLater = action.implementedOn !== null && action.implementedOn > day;
  if (!closedLater && !implementedLater) return action;
  const beforePlan: ActionStatus = action.plan === null && action.dueOn === null ? 'open' : 'planned';
  const status: ActionStatus =
    action.status === 'closed' || action.status === 'implemented'
      ? implementedLater || action.implementedOn === null
        ? beforePlan
        : 'implemented'
      : action.status;
  return {
    ...action,
    status,
    closedOn: closedLater ? null : action.closedOn,
    implementedOn: implementedLater ? null : action.implementedOn,
    effectivenessChecks: action.effectivenessChecks.filter((check) => check.checkedOn <= day),
  };
}

type Stamp = { at: string; by: string };

/** A new snapshot of a record (or a fresh one over `existing`, keeping its links), not locked. */
export function frozenRecordOf(
  kind: FrozenKind,
  subjectId: string,
  input: { asOf: LocalDate; payload: unknown } & Stamp,
  existing?: FrozenRecord,
): FrozenRecord {
  return {
    id: frozenRecordId(kind, subjectId),
    subjectKind: kind,
    subjectId,
    asOf: input.asOf,
    frozenAt: input.at,
    frozenBy: input.by,
    lockedAt: null,
    payload: input.payload,
    correctsId: existing?.correctsId ?? null,
    correctionReason: existing?.correctionReason ?? null,
    correctedById: existing?.correctedById ?? null,
    etag: (existing?.etag ?? 0) + 1,
    createdAt: existing?.createdAt ?? input.at,
    updatedAt: input.at,
    updatedBy: input.by,
  };
}

/** The snapshot locked (published, reported); `payload` replaces the stored one when given. */
export function lockedRecordOf(frozen: FrozenRecord, stamp: Stamp, payload?: unknown): FrozenRecord {
  return {
    ...frozen,
    lockedAt: stamp.at,
    ...(payload !== undefined ? { payload } : {}),
    etag: frozen.etag + 1,
    updatedAt: stamp.at,
    updatedBy: stamp.by,
  };
}

/**
 * A correction of a locked record: the original's snapshot marked `correctedById`, and the
 * correction's snapshot, a copy of the original's (same reference date and figures), not locked,
 * with `correctsId` and the reason. The caller writes both with the new record in one commit.
 */
export function correctionRecordsOf(
  frozen: FrozenRecord | undefined,
  input: { correctionId: string; reason: string } & Stamp,
): { original: FrozenRecord; correction: FrozenRecord } {
  const reason = ensureCorrectable(frozen, input.reason);
  const original = frozen as FrozenRecord;
  return {
    original: {
      ...original,
      correctedById: input.correctionId,
      etag: original.etag + 1,
      updatedAt: input.at,
      updatedBy: input.by,
    },
    correction: {
      ...frozenRecordOf(original.subjectKind, input.correctionId, {
        asOf: original.asOf,
        payload: original.payload,
        at: input.at,
        by: input.by,
      }),
      correctsId: original.subjectId,
      correctionReason: reason,
    },
  };
}
