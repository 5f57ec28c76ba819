import { AppError } from '../core/errors.js';
import { canConfirmReview, canStartDraft, ensure, type Actor } from '../core/policies.js';
import { nextReviewDue } from '../core/review-schedule.js';
import type { ProcedureVersion, Review, ReviewOutcome } from '../core/types.js';
import type { Services } from './ports.js';
import { ensureFresh, loadProcedure, today, touch, trailEntry } from './procedure-context.js';

/**
 * Periodic review ("periodisk gennemgang"). The owner either confirms the procedure is still
 * valid (recorded and rescheduled, no new version), or starts a revision: a draft copied from
 * the current version, which the owner then edits and submits. The review date stays until
 * the revision is approved, so a stalled revision still shows as overdue.
 */
export async function recordReview(
  services: Services,
  actor: Actor,
  input: { procedureId: string; etag: number; outcome: ReviewOutcome; comment?: string | undefined },
): Promise<Review> {
  const loaded = await loadProcedure(services, actor, input.procedureId);
  const { procedure } = loaded;
  ensure(canConfirmReview(actor, loaded), 'Only the owner or the quality coordinator can review this procedure.');
  await ensureFresh(services, procedure, input.etag);
  const at = services.clock.now().toISOString();
  const reviewedOn = today(services);
  const comment = input.comment?.trim() || null;

  if (input.outcome === 'still-valid') {
    const nextReviewOn = nextReviewDue({
      approvedOn: procedure.approvedOn,
      lastReviewedOn: reviewedOn,
      intervalMonths: procedure.reviewIntervalMonths,
    });
    const review: Review = {
      id: services.ids.next(),
      procedureId: procedure.id,
      reviewerId: actor.id,
      outcome: 'still-valid',
      comment,
      reviewedAt: at,
      dueOn: procedure.nextReviewOn,
      nextReviewOn,
    };
    await services.store.commit({
      expect: { procedureId: procedure.id, etag: input.etag },
      procedures: [{ ...touch(procedure, actor, at), lastReviewedOn: reviewedOn, nextReviewOn }],
      reviews: [review],
      trail: [
        trailEntry(
          actor,
          at,
          'review.still-valid',
          procedure,
          review.id,
          `Confirmed still valid; next review ${nextReviewOn}`,
          {
            dueOn: procedure.nextReviewOn,
            nextReviewOn,
            comment,
          },
        ),
      ],
    });
    return review;
  }

  if (loaded.draft) {
    throw new AppError('CONFLICT', 'A revision is already in progress.', { reason: 'draft-exists' });
  }
  ensure(canStartDraft(actor, loaded), 'You cannot start a revision of this procedure.');
  const current = procedure.currentVersionId ? await services.store.getVersion(procedure.currentVersionId) : undefined;
  if (!current)
    throw new AppError('CONFLICT', 'The procedure has no approved version to revise.', { reason: 'no-version' });
  const draft: ProcedureVersion = {
    ...current,
    id: services.ids.next(),
    state: 'draft',
    major: null,
    minor: null,
    kind: null,
    authorId: actor.id,
    changeSummary: null,
    createdAt: at,
    updatedAt: at,
    publishedAt: null,
    approvedBy: null,
    supersededByVersionId: null,
    obsoleteAt: null,
  };
  const review: Review = {
    id: services.ids.next(),
    procedureId: procedure.id,
    reviewerId: actor.id,
    outcome: 'revision-started',
    comment,
    reviewedAt: at,
    dueOn: procedure.nextReviewOn,
    nextReviewOn: procedure.nextReviewOn,
  };
  await services.store.commit({
    expect: { procedureId: procedure.id, etag: input.etag },
    procedures: [{ ...touch(procedure, actor, at), draftVersionId: draft.id }],
    versions: [draft],
    reviews: [review],
    trail: [
      trailEntry(actor, at, 'review.revision-started', procedure, review.id, 'Started a revision', {
        draftId: draft.id,
        comment,
      }),
    ],
  });
  return review;
}
