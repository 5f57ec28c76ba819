import { isActionOverdue } from '../core/corrective-action.js';
import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import type { FrozenRecord } from '../core/frozen-records.js';
import { canCorrectLockedRecord, canManageQuality, canReadRegisterStatistics, type Actor } from '../core/policies.js';
import type { ActionStatus, EvaluationStatus, ManagementEvaluation } from '../core/quality-year-types.js';
import { assembleEvaluationPack, evaluationRecordView, type EvaluationPack } from './assemble-evaluation-pack.js';
import { today, type Ref } from './corrective-action-views.js';
import type { Services } from './ports.js';

/** The management evaluation as the API shows it: names for ids, each decision's action, the caller's abilities. */

export type EvaluationAbilities = {
  edit: boolean;
  createActions: boolean;
  export: boolean;
  correct: boolean;
  /** The register's own list and statistics, which the pack's register section links to. */
  readRegister: boolean;
};

/** Frozen, locked and corrected (core/frozen-records.ts). */
export type EvaluationRecordState = {
  frozenAsOf: LocalDate | null;
  locked: boolean;
  corrects: { id: string; year: number } | null;
  correctionReason: string | null;
  correctedBy: { id: string; year: number } | null;
};

export type EvaluationDecisionDetail = {
  id: string;
  text: string;
  owner: Ref | null;
  dueOn: LocalDate | null;
  action: { id: string; title: string; status: ActionStatus; isOverdue: boolean } | null;
};

export type EvaluationDetail = {
  id: string;
  etag: string;
  year: number;
  status: EvaluationStatus;
  plannedOn: LocalDate;
  heldOn: LocalDate | null;
  participants: Ref[];
  guests: string[];
  conclusions: string;
  decisions: EvaluationDecisionDetail[];
  committee: string | null;
  committeeOn: LocalDate | null;
  publishedOn: LocalDate | null;
  updatedAt: string;
  record: EvaluationRecordState;
  abilities: EvaluationAbilities;
};

export type EvaluationListItem = Pick<
  EvaluationDetail,
  'id' | 'year' | 'status' | 'plannedOn' | 'heldOn' | 'publishedOn'
> & {
  decisionCount: number;
  /** It corrects an earlier record of the year / a later record corrects it. */
  isCorrection: boolean;
  isCorrected: boolean;
};

export function evaluationAbilities(actor: Actor, frozen?: FrozenRecord): EvaluationAbilities {
  const manage = canManageQuality(actor);
  const locked = frozen !== undefined && frozen.lockedAt !== null;
  return {
    edit: manage && !locked,
    createActions: manage,
    export: true,
    correct: locked && frozen.correctedById === null && canCorrectLockedRecord(actor),
    readRegister: canReadRegisterStatistics(actor),
  };
}

export async function listManagementEvaluations(
  services: Services,
  actor: Actor,
): Promise<{ items: EvaluationListItem[]; abilities: { create: boolean } }> {
  const [evaluations, frozen] = await Promise.all([
    services.quality.listManagementEvaluations(),
    services.quality.listFrozenRecords('management-evaluation'),
  ]);
  const frozenById = new Map(frozen.map((record) => [record.subjectId, record]));
  return {
    items: evaluations.map((evaluation) => ({
      id: evaluation.id,
      year: evaluation.year,
      status: evaluation.status,
      plannedOn: evaluation.plannedOn,
      heldOn: evaluation.heldOn,
      publishedOn: evaluation.publishedOn,
      decisionCount: evaluation.decisions.length,
      isCorrection: (frozenById.get(evaluation.id)?.correctsId ?? null) !== null,
      isCorrected: (frozenById.get(evaluation.id)?.correctedById ?? null) !== null,
    })),
    abilities: { create: canManageQuality(actor) },
  };
}

export async function loadEvaluation(services: Services, id: string): Promise<ManagementEvaluation> {
  const evaluation = await services.quality.getManagementEvaluation(id);
  if (!evaluation) throw new AppError('NOT_FOUND', `No management evaluation with id ${id}.`);
  return evaluation;
}

export async function getManagementEvaluation(services: Services, actor: Actor, id: string): Promise<EvaluationDetail> {
  const evaluation = await loadEvaluation(services, id);
  const day = today(services);
  const [people, actions, frozen] = await Promise.all([
    services.store.listPeople(),
    services.quality.listCorrectiveActions(),
    services.quality.getFrozenRecord('management-evaluation', id),
  ]);
  const linked = async (linkedId: string | null) => {
    if (linkedId === null) return null;
    const other = await services.quality.getManagementEvaluation(linkedId);
    return { id: linkedId, year: other?.year ?? evaluation.year };
  };
  const names = new Map(people.map((person) => [person.id, person.name]));
  const personRef = (personId: string): Ref => ({ id: personId, name: names.get(personId) ?? personId });
  const actionsById = new Map(actions.map((action) => [action.id, action]));
  return {
    id: evaluation.id,
    etag: `"${evaluation.etag}"`,
    year: evaluation.year,
    status: evaluation.status,
    plannedOn: evaluation.plannedOn,
    heldOn: evaluation.heldOn,
    participants: evaluation.participantIds.map(personRef),
    guests: evaluation.guests,
    conclusions: evaluation.conclusions,
    decisions: evaluation.decisions.map((decision) => {
      const action = decision.actionId === null ? undefined : actionsById.get(decision.actionId);
      return {
        id: decision.id,
        text: decision.text,
        owner: decision.ownerId === null ? null : personRef(decision.ownerId),
        dueOn: decision.dueOn,
        action: action
          ? { id: action.id, title: action.title, status: action.status, isOverdue: isActionOverdue(action, day) }
          : null,
      };
    }),
    committee: evaluation.committee,
    committeeOn: evaluation.committeeOn,
    publishedOn: evaluation.publishedOn,
    updatedAt: evaluation.updatedAt,
    record: {
      frozenAsOf: frozen?.asOf ?? null,
      locked: frozen !== undefined && frozen.lockedAt !== null,
      corrects: await linked(frozen?.correctsId ?? null),
      correctionReason: frozen?.correctionReason ?? null,
      correctedBy: await linked(frozen?.correctedById ?? null),
    },
    abilities: evaluationAbilities(actor, frozen),
  };
}

/**
 * The input pack of one evaluation. Held or published: its snapshot, frozen as of the day it was
 * held (freeze-evaluation.ts), with the record as published once locked, or as it stands while it
 * is still being written up. Planned: assembled now from live data. A held evaluation from before
 * snapshots were kept is assembled as of its meeting day.
 */
export async function getEvaluationPack(services: Services, id: string): Promise<EvaluationPack> {
  const evaluation = await loadEvaluation(services, id);
  const frozen = await services.quality.getFrozenRecord('management-evaluation', id);
  if (!frozen) {
    return assembleEvaluationPack(services, {
      year: evaluation.year,
      evaluationId: evaluation.id,
      asOf: evaluation.status === 'planned' ? undefined : (evaluation.heldOn ?? undefined),
    });
  }
  // A snapshot frozen before a section existed lacks it: shown as not part of that snapshot.
  const pack = frozen.payload as Omit<EvaluationPack, 'register'> & Partial<Pick<EvaluationPack, 'register'>>;
  return {
    ...pack,
    register: pack.register ?? { status: 'not-in-snapshot' },
    frozen: { asOf: frozen.asOf, frozenAt: frozen.frozenAt, lockedAt: frozen.lockedAt },
    evaluation: frozen.lockedAt !== null ? pack.evaluation : await evaluationRecordView(services, evaluation),
  };
}
