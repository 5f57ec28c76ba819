import {
  actionBoard,
  allowedActionCommands,
  actionCommandKinds,
  defaultEffectivenessWaitDays,
  effectivenessCheckDueOn,
  isActionOverdue,
} from '../core/corrective-action.js';
import type { ActionCommandKind } from '../core/corrective-action.js';
import { AppError } from '../core/errors.js';
import { daysBetween, localDateOf, type LocalDate } from '../core/local-date.js';
import { canManageQuality, canRunActionCommand, type Actor } from '../core/policies.js';
import type { ActionStatus, CorrectiveAction, EffectivenessCheck, FindingGrade } from '../core/quality-year-types.js';
import type { Person, Unit } from '../core/types.js';
import type { Services } from './ports.js';

/**
 * What the API shows of corrective actions: the board (columns by status, the overdue list) and
 * one action with its source and the caller's abilities. Read by everyone signed in.
 */

export type Ref = { id: string; name: string };

export type ActionAbilities = Record<ActionCommandKind, boolean>;

export type ActionSummary = {
  id: string;
  title: string;
  status: ActionStatus;
  sourceKind: CorrectiveAction['source']['kind'];
  unit: Ref | null;
  owner: Ref | null;
  dueOn: LocalDate | null;
  isOverdue: boolean;
};

export type ActionSourceView =
  | {
      kind: 'finding';
      findingId: string;
      grade: FindingGrade | null;
      clause: string | null;
      description: string | null;
      auditId: string | null;
      auditTitle: string | null;
    }
  | { kind: 'management-decision'; evaluationId: string; decisionId: string; year: number | null; text: string | null }
  | { kind: 'feedback'; feedbackId: string }
  | { kind: 'other' };

export type ActionDetail = ActionSummary & {
  etag: string;
  correction: string | null;
  rootCause: string | null;
  plan: string | null;
  implementedOn: LocalDate | null;
  /** Who marked the plan carried out (null until then, and again after an ineffective check). */
  implementedBy: Ref | null;
  /** What was done and its evidence, as told when it was marked implemented. */
  implementationNote: string | null;
  evidenceText: string | null;
  evidenceUrl: string | null;
  /** When the effectiveness check is due (the waiting period after the implementation); null unless implemented. */
  effectivenessCheckDueOn: LocalDate | null;
  closedOn: LocalDate | null;
  daysOverdue: number | null;
  effectivenessChecks: (EffectivenessCheck & { checkedByName: string })[];
  source: ActionSourceView;
  createdAt: string;
  updatedAt: string;
  updatedBy: Ref | null;
  allowedCommands: ActionCommandKind[];
  abilities: ActionAbilities;
};

export type ActionBoardView = {
  today: LocalDate;
  columns: Record<ActionStatus, ActionSummary[]>;
  overdue: { action: ActionSummary; daysOverdue: number }[];
  abilities: { create: boolean };
};

export type BoardFilter = { unitId?: string | undefined; ownerId?: string | undefined };

type Directory = { people: Map<string, Person>; units: Map<string, Unit> };

async function directory(services: Services): Promise<Directory> {
  const [people, units] = await Promise.all([services.store.listPeople(), services.store.listUnits()]);
  return {
    people: new Map(people.map((person) => [person.id, person])),
    units: new Map(units.map((unit) => [unit.id, unit])),
  };
}

function ref(map: Map<string, { id: string; name: string }>, id: string | null): Ref | null {
  if (id === null) return null;
  const found = map.get(id);
  return { id, name: found?.name ?? id };
}

export function today(services: Services): LocalDate {
  return localDateOf(services.clock.now(), services.settings.timeZone);
}

/** The waiting period between implementation and effectiveness check (the setting, else 30 days). */
export function effectivenessWaitDays(services: Services): number {
  return services.settings.effectivenessWaitDays ?? defaultEffectivenessWaitDays;
}

function summary(action: CorrectiveAction, dir: Directory, day: LocalDate): ActionSummary {
  return {
    id: action.id,
    title: action.title,
    status: action.status,
    sourceKind: action.source.kind,
    unit: ref(dir.units, action.unitId),
    owner: ref(dir.people, action.ownerId),
    dueOn: action.dueOn,
    isOverdue: isActionOverdue(action, day),
  };
}

export function actionAbilities(actor: Actor, action: CorrectiveAction): ActionAbilities {
  return Object.fromEntries(
    actionCommandKinds.map((command) => [
      command,
      allowedActionCommands[action.status].includes(command) && canRunActionCommand(actor, action, command),
    ]),
  ) as ActionAbilities;
}

export async function getActionBoard(services: Services, actor: Actor, filter: BoardFilter): Promise<ActionBoardView> {
  const day = today(services);
  const [actions, dir] = await Promise.all([services.quality.listCorrectiveActions(), directory(services)]);
  const shown = actions.filter(
    (action) =>
      (filter.unitId === undefined || action.unitId === filter.unitId) &&
      (filter.ownerId === undefined || action.ownerId === filter.ownerId),
  );
  const board = actionBoard(shown, day);
  const columns = Object.fromEntries(
    Object.entries(board.columns).map(([status, list]) => [status, list.map((action) => summary(action, dir, day))]),
  ) as Record<ActionStatus, ActionSummary[]>;
  return {
    today: day,
    columns,
    overdue: board.overdue.map(({ action, daysOverdue }) => ({ action: summary(action, dir, day), daysOverdue })),
    abilities: { create: canManageQuality(actor) },
  };
}

async function sourceView(services: Services, action: CorrectiveAction): Promise<ActionSourceView> {
  const source = action.source;
  if (source.kind === 'finding') {
    const finding = (await services.quality.listFindings()).find((candidate) => candidate.id === source.findingId);
    const audit = finding ? await services.quality.getAudit(finding.auditId) : undefined;
    return {
      kind: 'finding',
      findingId: source.findingId,
      grade: finding?.grade ?? null,
      clause: finding?.clause ?? null,
      description: finding?.description ?? null,
      auditId: finding?.auditId ?? null,
      auditTitle: audit?.title ?? null,
    };
  }
  if (source.kind === 'management-decision') {
    const evaluation = await services.quality.getManagementEvaluation(source.evaluationId);
    const decision = evaluation?.decisions.find((candidate) => candidate.id === source.decisionId);
    return { ...source, year: evaluation?.year ?? null, text: decision?.text ?? null };
  }
  return source;
}

export async function getCorrectiveAction(services: Services, actor: Actor, id: string): Promise<ActionDetail> {
  const action = await services.quality.getCorrectiveAction(id);
  if (!action) throw new AppError('NOT_FOUND', `No corrective action with id ${id}.`);
  const day = today(services);
  const [dir, source] = await Promise.all([directory(services), sourceView(services, action)]);
  const abilities = actionAbilities(actor, action);
  const overdue = isActionOverdue(action, day);
  return {
    ...summary(action, dir, day),
    etag: `"${action.etag}"`,
    correction: action.correction,
    rootCause: action.rootCause,
    plan: action.plan,
    implementedOn: action.implementedOn,
    implementedBy: ref(dir.people, action.implementedBy),
    implementationNote: action.implementationNote,
    evidenceText: action.evidenceText,
    evidenceUrl: action.evidenceUrl,
    effectivenessCheckDueOn: effectivenessCheckDueOn(action, effectivenessWaitDays(services)),
    closedOn: action.closedOn,
    daysOverdue: overdue && action.dueOn !== null ? daysBetween(action.dueOn, day) : null,
    effectivenessChecks: action.effectivenessChecks.map((check) => ({
      ...check,
      checkedByName: dir.people.get(check.checkedBy)?.name ?? check.checkedBy,
    })),
    source,
    createdAt: action.createdAt,
    updatedAt: action.updatedAt,
    updatedBy: ref(dir.people, action.updatedBy),
    allowedCommands: [...allowedActionCommands[action.status]],
    abilities,
  };
}
