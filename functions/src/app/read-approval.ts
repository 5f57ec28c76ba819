import { AppError } from '../core/errors.js';
import { canReadApproval, type Actor } from '../core/policies.js';
import type { Approval } from '../core/types.js';
import type { Services } from './ports.js';
import { loadProcedure, type LoadedProcedure } from './procedure-context.js';

/**
 * One approval request, if the actor may see it: the rule of the procedure's REST detail
 * (`canReadApproval`). Whoever may not gets the same NOT_FOUND as for an id that does not exist.
 */
export async function getVisibleApproval(
  services: Services,
  actor: Actor,
  approvalId: string,
): Promise<{ approval: Approval; loaded: LoadedProcedure }> {
  const notFound = () => new AppError('NOT_FOUND', `No approval with id ${approvalId}.`);
  const approval = await services.store.getApproval(approvalId);
  if (!approval) throw notFound();
  const loaded = await loadProcedure(services, actor, approval.procedureId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound() : error;
  });
  const version = await services.store.getVersion(approval.versionId);
  if (!canReadApproval(actor, loaded, (version?.publishedAt ?? null) !== null)) throw notFound();
  return { approval, loaded };
}
