import { AppError } from './errors.js';
import type { LocalDate } from './local-date.js';
import type { EvaluationDecision, EvaluationStatus, ManagementEvaluation } from './quality-year-types.js';
import { evaluationStatuses } from './quality-year-types.js';

/**
 * The management evaluation's record (ISO 9001 9.3) and its steps:
 *
 *   planned --(heldOn, ≥ 1 participant)--> held --(publishedOn)--> published
 *
 * Status only moves forward; a step back is refused with INVALID_STATE (details: status, to).
 * Whatever the status, the record must stay consistent after the change: a held or published
 * evaluation has `heldOn` (not in the future) and at least one participant, a published one has
 * `publishedOn` (not before `heldOn`); a committee date needs a committee. Bad combinations are
 * VALIDATION (details: field).
 *
 * Decisions are edited as a whole list: an entry with a known id keeps that id (and its
 * `actionId`), an entry without id is new. A decision that became a corrective action cannot be
 * removed (INVALID_STATE): the action points back to it.
 */

export type DecisionInput = { id?: string | undefined; text: string; ownerId: string | null; dueOn: LocalDate | null };

export type EvaluationChanges = {
  plannedOn?: LocalDate | undefined;
  heldOn?: LocalDate | null | undefined;
  participantIds?: string[] | undefined;
  guests?: string[] | undefined;
  conclusions?: string | undefined;
  decisions?: DecisionInput[] | undefined;
  committee?: string | null | undefined;
  committeeOn?: LocalDate | null | undefined;
  publishedOn?: LocalDate | null | undefined;
  status?: EvaluationStatus | undefined;
};

export type EvaluationChangeContext = {
  today: LocalDate;
  actorId: string;
  at: string;
  /** Ids for new decisions. */
  newId: () => string;
};

function statusRank(status: EvaluationStatus): number {
  return evaluationStatuses.indexOf(status);
}

function invalid(message: string, field: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', message, { field, ...details });
}

function mergeDecisions(
  current: readonly EvaluationDecision[],
  inputs: readonly DecisionInput[],
  newId: () => string,
): EvaluationDecision[] {
  const byId = new Map(current.map((decision) => [decision.id, decision]));
  const seen = new Set<string>();
  const merged = inputs.map((input, index): EvaluationDecision => {
    const text = input.text.trim();
    if (text === '') throw invalid('A decision needs a text.', `decisions.${index}.text`);
    if (input.id === undefined)
      return { id: newId(), text, ownerId: input.ownerId, dueOn: input.dueOn, actionId: null };
    const existing = byId.get(input.id);
    if (!existing) throw invalid(`No decision with id ${input.id} in this evaluation.`, `decisions.${index}.id`);
    if (seen.has(input.id)) throw invalid(`Decision ${input.id} is listed twice.`, `decisions.${index}.id`);
    seen.add(input.id);
    return { ...existing, text, ownerId: input.ownerId, dueOn: input.dueOn };
  });
  const removedWithAction = current.find((decision) => !seen.has(decision.id) && decision.actionId !== null);
  if (removedWithAction) {
    throw new AppError('INVALID_STATE', 'A decision that became a corrective action cannot be removed.', {
      status: 'has-action',
      command: 'removeDecision',
      decisionId: removedWithAction.id,
      actionId: removedWithAction.actionId,
    });
  }
  return merged;
}

/** The evaluation after `changes` (etag + 1); the input is never changed. */
export function applyEvaluationChanges(
  evaluation: ManagementEvaluation,
  changes: EvaluationChanges,
  context: EvaluationChangeContext,
): ManagementEvaluation {
  const status = changes.status ?? evaluation.status;
  if (statusRank(status) < statusRank(evaluation.status)) {
    throw new AppError('INVALID_STATE', `A ${evaluation.status} management evaluation cannot go back to ${status}.`, {
      status: evaluation.status,
      to: status,
    });
  }
  const next: ManagementEvaluation = {
    ...evaluation,
    ...(changes.plannedOn !== undefined ? { plannedOn: changes.plannedOn } : {}),
    ...(changes.heldOn !== undefined ? { heldOn: changes.heldOn } : {}),
    ...(changes.participantIds !== undefined ? { participantIds: [...new Set(changes.participantIds)] } : {}),
    ...(changes.guests !== undefined ? { guests: changes.guests.map((guest) => guest.trim()).filter(Boolean) } : {}),
    ...(changes.conclusions !== undefined ? { conclusions: changes.conclusions.trim() } : {}),
    ...(changes.decisions !== undefined
      ? { decisions: mergeDecisions(evaluation.decisions, changes.decisions, context.newId) }
      : {}),
    ...(changes.committee !== undefined ? { committee: changes.committee?.trim() || null } : {}),
    ...(changes.committeeOn !== undefined ? { committeeOn: changes.committeeOn } : {}),
    ...(changes.publishedOn !== undefined ? { publishedOn: changes.publishedOn } : {}),
    status,
    etag: evaluation.etag + 1,
    updatedAt: context.at,
    updatedBy: context.actorId,
  };
  if (next.heldOn !== null && next.heldOn > context.today) {
    throw invalid('The evaluation cannot have been held in the future.', 'heldOn', { today: context.today });
  }
  if (next.status !== 'planned') {
    if (next.heldOn === null) {
      throw invalid('A held evaluation needs the date it was held.', 'heldOn', { status: next.status });
    }
    if (next.participantIds.length === 0) {
      throw invalid('A held evaluation needs at least one participant.', 'participantIds', { status: next.status });
    }
  }
  if (next.status === 'published' && next.publishedOn === null) {
    throw invalid('A published evaluation needs its publication date.', 'publishedOn');
  }
  if (next.publishedOn !== null && next.heldOn !== null && next.publishedOn < next.heldOn) {
    throw invalid('The evaluation cannot be published before it was held.', 'publishedOn');
  }
  if (next.committeeOn !== null && next.committee === null) {
    throw invalid('A committee date needs the committee.', 'committee');
  }
  return next;
}

/** The first planned date proposed for a year's evaluation is not validated here; the year must match it. */
export function ensurePlannedInYear(year: number, plannedOn: LocalDate): void {
  if (Number(plannedOn.slice(0, 4)) !== year) {
    throw invalid(`The evaluation for ${year} must be planned in ${year}, not on ${plannedOn}.`, 'plannedOn');
  }
}

/** Links a decision to the corrective action it became (etag + 1). */
export function linkDecisionAction(
  evaluation: ManagementEvaluation,
  decisionId: string,
  actionId: string,
  context: Pick<EvaluationChangeContext, 'actorId' | 'at'>,
): ManagementEvaluation {
  return {
    ...evaluation,
    decisions: evaluation.decisions.map((decision) =>
      decision.id === decisionId ? { ...decision, actionId } : decision,
    ),
    etag: evaluation.etag + 1,
    updatedAt: context.at,
    updatedBy: context.actorId,
  };
}
