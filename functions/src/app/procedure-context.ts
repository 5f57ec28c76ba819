import { AppError } from '../core/errors.js';
import { localDateOf, type LocalDate } from '../core/local-date.js';
import { canReadProcedure, type Actor, type ProcedureContext } from '../core/policies.js';
import type { Approval, Procedure, ProcedureVersion, TrailEntry } from '../core/types.js';
import type { Services } from './ports.js';

export type LoadedProcedure = ProcedureContext & {
  procedure: Procedure;
  draft: ProcedureVersion | null;
  pendingApproval: Approval | null;
};

/** Loads a procedure with its open draft and pending approval; NOT_FOUND when the actor may not see it. */
export async function loadProcedure(services: Services, actor: Actor, procedureId: string): Promise<LoadedProcedure> {
  const procedure = await services.store.getProcedure(procedureId);
  if (!procedure) throw new AppError('NOT_FOUND', `No procedure with id ${procedureId}.`);
  const draft = procedure.draftVersionId ? ((await services.store.getVersion(procedure.draftVersionId)) ?? null) : null;
  let pendingApproval: Approval | null = null;
  if (draft?.state === 'pending') {
    const approvals = await services.store.listApprovals(procedure.id);
    pendingApproval =
      approvals.find((approval) => approval.versionId === draft.id && approval.decision === null) ?? null;
  }
  const loaded = { procedure, draft, pendingApproval };
  if (!canReadProcedure(actor, loaded)) throw new AppError('NOT_FOUND', `No procedure with id ${procedureId}.`);
  return loaded;
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
