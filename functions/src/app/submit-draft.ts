import { AppError } from '../core/errors.js';
import { nextState } from '../core/lifecycle.js';
import {
  canBeAskedToApprove,
  canEditDraft,
  canWithdraw,
  ensure,
  isDraftContributor,
  type Actor,
} from '../core/policies.js';
import type { Approval, ChangeKind } from '../core/types.js';
import type { Services } from './ports.js';
import { ensureFresh, loadProcedure, touch, trailEntry } from './procedure-context.js';

/**
 * Sends the draft to an approver with a change summary. The approver must have approval authority
 * for the procedure (`hasApprovalAuthority`), and nobody may be asked to approve a draft they wrote
 * or submitted.
 */
export async function submitDraft(
  services: Services,
  actor: Actor,
  input: {
    procedureId: string;
    etag: number;
    changeSummary: string;
    approverId?: string | undefined;
    kind: ChangeKind;
  },
): Promise<Approval> {
  const loaded = await loadProcedure(services, actor, input.procedureId);
  const { procedure, draft } = loaded;
  if (!draft) throw new AppError('CONFLICT', 'There is no draft to submit.', { reason: 'no-draft' });
  ensure(canEditDraft(actor, loaded), 'Only the author of the draft or the quality coordinator can submit it.');
  await ensureFresh(services, procedure, input.etag);
  const approverId = input.approverId ?? procedure.approverId;
  const approver = await services.store.getPerson(approverId);
  if (!approver) throw new AppError('VALIDATION', `No person with id ${approverId}.`, { field: 'approverId' });
  if (approverId === actor.id || isDraftContributor(approverId, loaded)) {
    throw new AppError('VALIDATION', 'Nobody can approve their own draft; choose another approver.', {
      field: 'approverId',
      reason: 'own-draft',
    });
  }
  if (!canBeAskedToApprove(approver, actor, loaded)) {
    throw new AppError(
      'VALIDATION',
      `${approver.name} has no approval authority for this procedure; choose a leader of its unit or above, or the approver the quality coordinator designated.`,
      { field: 'approverId', reason: 'no-approval-authority' },
    );
  }
  const at = services.clock.now().toISOString();
  const approval: Approval = {
    id: services.ids.next(),
    procedureId: procedure.id,
    versionId: draft.id,
    requestedBy: actor.id,
    requestedAt: at,
    approverId,
    changeSummary: input.changeSummary,
    kind: procedure.currentVersionId === null ? 'major' : input.kind,
    decision: null,
    decidedBy: null,
    decidedAt: null,
    comment: null,
  };
  await services.store.commit({
    expect: { procedureId: procedure.id, etag: input.etag },
    procedures: [touch(procedure, actor, at)],
    versions: [
      {
        ...draft,
        state: nextState(draft.state, 'submit'),
        changeSummary: input.changeSummary,
        kind: approval.kind,
        updatedAt: at,
      },
    ],
    approvals: [approval],
    trail: [
      trailEntry(actor, at, 'draft.submitted', procedure, approval.id, `Submitted for approval to ${approver.name}`, {
        approverId,
        changeSummary: input.changeSummary,
        kind: approval.kind,
      }),
    ],
  });
  await services.events.publish({ type: 'approval.requested', approvalId: approval.id });
  return approval;
}

/** Takes a submitted draft back from the approver so it can be changed. */
export async function withdrawSubmission(
  services: Services,
  actor: Actor,
  input: { procedureId: string; etag: number },
): Promise<void> {
  const loaded = await loadProcedure(services, actor, input.procedureId);
  const { procedure, draft, pendingApproval } = loaded;
  if (!draft || !pendingApproval)
    throw new AppError('CONFLICT', 'Nothing is awaiting approval.', { reason: 'not-pending' });
  ensure(canWithdraw(actor, loaded), 'Only the author or the one who submitted can withdraw it.');
  await ensureFresh(services, procedure, input.etag);
  const at = services.clock.now().toISOString();
  await services.store.commit({
    expect: { procedureId: procedure.id, etag: input.etag },
    procedures: [touch(procedure, actor, at)],
    versions: [{ ...draft, state: nextState(draft.state, 'withdraw'), updatedAt: at }],
    approvals: [{ ...pendingApproval, decision: 'withdrawn', decidedBy: actor.id, decidedAt: at }],
    trail: [trailEntry(actor, at, 'approval.withdrawn', procedure, pendingApproval.id, 'Withdrew the submission')],
  });
}
