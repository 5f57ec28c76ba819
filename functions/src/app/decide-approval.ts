import { AppError, isAppError } from '../core/errors.js';
import { nextState, nextVersionNumber, versionLabel } from '../core/lifecycle.js';
import { canDecide, ensure, isDraftContributor, type Actor } from '../core/policies.js';
import { nextReviewDue } from '../core/review-schedule.js';
import type { Approval, ProcedureVersion } from '../core/types.js';
import type { ChangeSet, Services } from './ports.js';
import { today, touch, trailEntry, type LoadedProcedure } from './procedure-context.js';
import { getVisibleApproval } from './read-approval.js';

export type Decision = 'approve' | 'reject';

export type DecisionResult = { approval: Approval; version: ProcedureVersion; isRepeat: boolean };

/**
 * The approver's decision on a submitted draft. Approval publishes the draft with the next
 * version number, marks the version it replaces obsolete, schedules the next periodic review
 * and records who made the version: for a major change, the audience except them is asked to
 * acknowledge it (derived by every reader, core/audience.ts `acknowledgementRequestsOf`). Rejection needs a comment and hands the draft back to its author.
 *
 * Deciding again the same way (a double click, a resent card) returns the recorded decision;
 * deciding differently after the fact is ALREADY_DECIDED.
 */
export async function decideApproval(
  services: Services,
  actor: Actor,
  input: { approvalId: string; decision: Decision; comment?: string | undefined },
): Promise<DecisionResult> {
  try {
    return await decideOnce(services, actor, input);
  } catch (error) {
    // A concurrent write won the race; the second attempt sees its outcome.
    if (isAppError(error) && error.code === 'CONFLICT' && error.details?.['reason'] === 'stale') {
      return decideOnce(services, actor, input);
    }
    throw error;
  }
}

async function decideOnce(
  services: Services,
  actor: Actor,
  input: { approvalId: string; decision: Decision; comment?: string | undefined },
): Promise<DecisionResult> {
  const { store, clock } = services;
  // Only those who may see the request learn anything about it, its decision included.
  const { approval, loaded } = await getVisibleApproval(services, actor, input.approvalId);
  const { procedure, draft } = loaded;

  if (approval.decision !== null) {
    const version = await store.getVersion(approval.versionId);
    const wanted = input.decision === 'approve' ? 'approved' : 'rejected';
    if (approval.decision === wanted && approval.decidedBy === actor.id && version) {
      return { approval, version, isRepeat: true };
    }
    const decidedBy = approval.decidedBy ? await store.getPerson(approval.decidedBy) : undefined;
    throw new AppError(
      'ALREADY_DECIDED',
      `This request was already ${approval.decision} by ${decidedBy?.name ?? 'someone'}.`,
      {
        decision: approval.decision,
        decidedBy: decidedBy?.name ?? null,
        decidedAt: approval.decidedAt,
      },
    );
  }
  if (!draft || draft.id !== approval.versionId) {
    throw new AppError('CONFLICT', 'The draft this request was about has changed.', { reason: 'draft-changed' });
  }
  ensure(
    canDecide(actor, loaded),
    isDraftContributor(actor.id, loaded)
      ? 'You cannot approve or reject a draft you wrote or submitted.'
      : approval.approverId === actor.id
        ? 'You no longer have approval authority for this procedure.'
        : 'Only the approver asked can decide on this draft.',
  );
  const comment = input.comment?.trim() ?? '';
  if (input.decision === 'reject' && comment.length === 0) {
    throw new AppError('VALIDATION', 'A rejection needs a comment that tells the author what to change.', {
      field: 'comment',
    });
  }

  const at = clock.now().toISOString();
  const decided: Approval = {
    ...approval,
    decision: input.decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: actor.id,
    decidedAt: at,
    comment: comment.length > 0 ? comment : null,
  };
  const changes: ChangeSet =
    input.decision === 'approve'
      ? await publish(services, actor, loaded, decided, at)
      : {
          procedures: [touch(procedure, actor, at)],
          versions: [{ ...draft, state: nextState(draft.state, 'reject'), updatedAt: at }],
          trail: [
            trailEntry(actor, at, 'approval.rejected', procedure, approval.id, `Rejected: ${comment}`, {
              versionId: draft.id,
              comment,
            }),
          ],
        };
  await store.commit({ ...changes, expect: { procedureId: procedure.id, etag: procedure.etag }, approvals: [decided] });
  await services.events.publish({ type: 'approval.decided', approvalId: approval.id });
  const version = changes.versions?.find((candidate) => candidate.id === draft.id) ?? draft;
  return { approval: decided, version, isRepeat: false };
}

async function publish(
  services: Services,
  actor: Actor,
  loaded: LoadedProcedure,
  approval: Approval,
  at: string,
): Promise<ChangeSet> {
  const { store } = services;
  const { procedure } = loaded;
  const draft = loaded.draft as ProcedureVersion;
  const previous = procedure.currentVersionId ? await store.getVersion(procedure.currentVersionId) : undefined;
  const previousNumber = previous?.major != null ? { major: previous.major, minor: previous.minor ?? 0 } : null;
  const number = nextVersionNumber(previousNumber, approval.kind);
  // Its makers are recorded on it, not one acknowledgement request per reader: whoever is asked
  // to acknowledge it is derived from the audience (core/audience.ts `acknowledgementRequestsOf`),
  // so the approval writes the same few records whatever the audience's size.
  const published: ProcedureVersion = {
    ...draft,
    state: nextState(draft.state, 'approve'),
    ...number,
    kind: approval.kind,
    updatedAt: at,
    publishedAt: at,
    approvedBy: actor.id,
    makerIds: [...new Set([...loaded.draftContributorIds, draft.authorId, approval.requestedBy, actor.id])],
  };
  const versions = [published];
  if (previous) {
    versions.push({
      ...previous,
      state: nextState(previous.state, 'supersede'),
      supersededByVersionId: published.id,
      obsoleteAt: at,
      updatedAt: at,
    });
  }
  const approvedOn = today(services);
  const label = versionLabel(published);
  return {
    procedures: [
      {
        ...touch(procedure, actor, at),
        currentVersionId: published.id,
        draftVersionId: null,
        approvedOn,
        nextReviewOn: nextReviewDue({
          approvedOn,
          lastReviewedOn: null,
          intervalMonths: procedure.reviewIntervalMonths,
        }),
      },
    ],
    versions,
    trail: [
      trailEntry(actor, at, 'approval.approved', procedure, approval.id, `Approved and published version ${label}`, {
        versionId: published.id,
        version: label,
        replacedVersionId: previous?.id ?? null,
        changeSummary: approval.changeSummary,
      }),
    ],
  };
}
