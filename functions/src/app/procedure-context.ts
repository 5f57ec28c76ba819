import { AppError } from '../core/errors.js';
import { localDateOf, type LocalDate } from '../core/local-date.js';
import { canReadProcedure, draftContributors, type Actor, type ProcedureContext } from '../core/policies.js';
import type { Approval, Procedure, ProcedureVersion, TrailEntry } from '../core/types.js';
import type { Services, Store } from './ports.js';

export type LoadedProcedure = ProcedureContext & {
  procedure: Procedure;
  draft: ProcedureVersion | null;
  pendingApproval: Approval | null;
};

/**
 * Loads a procedure with its open draft, pending approval, the draft's contributors and the units;
 * NOT_FOUND when the actor may not see it.
 */
export async function loadProcedure(services: Services, actor: Actor, procedureId: string): Promise<LoadedProcedure> {
  const procedure = await services.store.getProcedure(procedureId);
  if (!procedure) throw new AppError('NOT_FOUND', `No procedure with id ${procedureId}.`);
  const [draft, units] = await Promise.all([
    procedure.draftVersionId ? services.store.getVersion(procedure.draftVersionId) : undefined,
    services.store.listUnits(),
  ]);
  const { pendingApproval, draftContributorIds } = draft
    ? await loadDraftContext(services.store, procedure.id, draft)
    : { pendingApproval: null, draftContributorIds: [] };
  const loaded = { procedure, draft: draft ?? null, pendingApproval, draftContributorIds, units };
  if (!canReadProcedure(actor, loaded)) throw new AppError('NOT_FOUND', `No procedure with id ${procedureId}.`);
  return loaded;
}

/** A draft's open approval request and its contributors (`draftContributors`), from the store. */
export async function loadDraftContext(
  store: Store,
  procedureId: string,
  draft: ProcedureVersion,
): Promise<{ pendingApproval: Approval | null; draftContributorIds: string[] }> {
  const [approvals, trail] = await Promise.all([store.listApprovals(procedureId), store.listTrail(procedureId)]);
  const mine = approvals.filter((approval) => approval.versionId === draft.id);
  return {
    pendingApproval: draft.state === 'pending' ? (mine.find((approval) => approval.decision === null) ?? null) : null,
    draftContributorIds: draftContributors(draft, mine, trail),
  };
}

/** Refuses a write based on a stale read, saying who changed the procedure and when. */
export async function ensureFresh(services: Services, procedure: Procedure, expectedEtag: number): Promise<void> {
  if (procedure.etag === expectedEtag) return;
  const changedBy = await services.store.getPerson(procedure.updatedBy);
  throw staleWriteError(procedure, changedBy?.name ?? procedure.updatedBy);
}

export function staleWriteError(
  procedure: Pick<Procedure, 'code' | 'updatedAt' | 'updatedBy' | 'etag'>,
  changedByName: string,
) {
  return new AppError(
    'CONFLICT',
    `Procedure ${procedure.code} was changed by ${changedByName} at ${procedure.updatedAt} after you opened it. Reload to see the change, then try again.`,
    { reason: 'stale', changedBy: changedByName, changedAt: procedure.updatedAt, currentEtag: procedure.etag },
  );
}

export function today(services: Pick<Services, 'clock' | 'settings'>): LocalDate {
  return localDateOf(services.clock.now(), services.settings.timeZone);
}

export function touch(procedure: Procedure, actor: Actor, at: string): Procedure {
  return { ...procedure, updatedAt: at, updatedBy: actor.id, etag: procedure.etag + 1 };
}

export function trailEntry(
  actor: Actor,
  at: string,
  action: string,
  procedure: Pick<Procedure, 'id'>,
  subjectId: string,
  summary: string,
  details: Record<string, unknown> = {},
): Omit<TrailEntry, 'seq'> {
  return { at, actorId: actor.id, action, procedureId: procedure.id, subjectId, summary, details };
}
