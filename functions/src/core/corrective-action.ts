import type { Locale } from './locale.js';
import { AppError } from './errors.js';
import { addDays, daysBetween, isLocalDate, type LocalDate } from './local-date.js';
import type {
  ActionStatus,
  Clause,
  CorrectiveAction,
  EffectivenessCheck,
  EvaluationDecision,
  Finding,
  FindingGrade,
  ManagementEvaluation,
} from './quality-year-types.js';
import { actionStatuses } from './quality-year-types.js';

/**
 * The corrective action's state machine (ISO 9001 10.2):
 *
 *   open --analyseAndPlan--> planned --markImplemented--> implemented --checkEffectiveness(effective)--> closed
 *                              ^  |                            |
 *                              |  +--replan (plan/owner/due)   |
 *                              +-----checkEffectiveness(ineffective): back to planned, the check kept
 *
 * | command              | allowed from   | result                 | requires                                                     |
 * | -------------------- | -------------- | ---------------------- | ------------------------------------------------------------ |
 * | `recordCorrection`   | open, planned  | same status            | correction (the immediate fix, 10.2.1 a), non-blank          |
 * | `analyseAndPlan`     | open           | planned                | rootCause, plan, ownerId, dueOn (10.2.1 b and c), non-blank  |
 * | `replan`             | planned        | planned                | at least one of rootCause, plan, ownerId, dueOn; non-blank   |
 * | `markImplemented`    | planned        | implemented            | implementedOn ≤ today, description (what was done); evidence |
 * |                      |                |                        | (text and/or an http(s) link) optional                       |
 * | `checkEffectiveness` | implemented    | closed / planned       | isEffective, a note (what was checked), checkedOn ≤ today;   |
 * |                      |                |                        | before the waiting period has passed also an earlyReason     |
 *
 * Everything else is refused with INVALID_STATE (details: status, command); bad input with
 * VALIDATION (details: field). A closed action accepts nothing. The only way into `closed` is an
 * effective check of an implemented action, so every closed action's last check is effective
 * (10.2.1 d: "review the effectiveness of any corrective action taken").
 *
 * An ineffective check sends the action back to `planned` with `implementedOn`, `implementedBy`
 * and the description and evidence of the implementation cleared: the plan has to be carried out
 * again (or replanned). The check stays in `effectivenessChecks`; what was done before stays in
 * the trail (the markImplemented command is kept there).
 *
 * The waiting period: an effect can only be judged once the change has worked for a while, so the
 * check is due `effectivenessWaitDays` days after the implementation (a setting, default 30).
 * Checking earlier is allowed only with a reason (`earlyReason`), kept in the check and the trail;
 * who may check at all (the coordinator, never anyone involved) is policies.ts's rule.
 *
 * Every owner a plan names and whoever marks the action implemented is added to `involvedIds`
 * and stays there: policies.ts keeps them all from checking its effectiveness.
 * The correction is kept apart from the root cause: recording one never touches the other.
 */

export type ActionCommand =
  | { kind: 'recordCorrection'; correction: string }
  | { kind: 'analyseAndPlan'; rootCause: string; plan: string; ownerId: string; dueOn: LocalDate }
  | { kind: 'replan'; rootCause?: string; plan?: string; ownerId?: string; dueOn?: LocalDate }
  | {
      kind: 'markImplemented';
      implementedOn: LocalDate;
      /** What was done. */
      description: string;
      evidenceText?: string;
      /** An http(s) link to the evidence (a document, a case, a page). */
      evidenceUrl?: string;
    }
  /** `checkedOn` defaults to today; `earlyReason` is required before the waiting period has passed. */
  | { kind: 'checkEffectiveness'; isEffective: boolean; note: string; checkedOn?: LocalDate; earlyReason?: string };

export type ActionCommandKind = ActionCommand['kind'];

export const actionCommandKinds = [
  'recordCorrection',
  'analyseAndPlan',
  'replan',
  'markImplemented',
  'checkEffectiveness',
] as const satisfies readonly ActionCommandKind[];

/** Which commands each status accepts. */
export const allowedActionCommands: Record<ActionStatus, readonly ActionCommandKind[]> = {
  open: ['recordCorrection', 'analyseAndPlan'],
  planned: ['recordCorrection', 'replan', 'markImplemented'],
  implemented: ['checkEffectiveness'],
  closed: [],
};

export function canApplyActionCommand(status: ActionStatus, command: ActionCommandKind): boolean {
  return allowedActionCommands[status].includes(command);
}

export type ActionCommandContext = {
  today: LocalDate;
  /** Person id of whoever gives the command; the effectiveness check is recorded as theirs. */
  actorId: string;
  /** The instant of the write (ISO 8601), for updatedAt. */
  at: string;
  /** Days after the implementation before the effectiveness check is due (the setting). */
  effectivenessWaitDays: number;
};

/** The default waiting period between implementation and effectiveness check, in days. */
export const defaultEffectivenessWaitDays = 30;

/**
 * The day the effectiveness check of an implemented action is due: `waitDays` after its
 * implementation. Null when the action is not implemented (nothing to check yet).
 */
export function effectivenessCheckDueOn(
  action: Pick<CorrectiveAction, 'status' | 'implementedOn'>,
  waitDays: number,
): LocalDate | null {
  if (action.status !== 'implemented' || action.implementedOn === null) return null;
  return addDays(action.implementedOn, waitDays);
}

/** True when a check on `checkedOn` comes before the waiting period after the implementation has passed. */
export function isEarlyEffectivenessCheck(
  action: Pick<CorrectiveAction, 'status' | 'implementedOn'>,
  checkedOn: LocalDate,
  waitDays: number,
): boolean {
  const dueOn = effectivenessCheckDueOn(action, waitDays);
  return dueOn !== null && checkedOn < dueOn;
}

/** A link given as evidence: http or https only (no javascript:, file: or data:), at most 2000 characters. */
export function isEvidenceUrl(value: string): boolean {
  if (value.length > 2000) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function optionalText(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

function requireText(value: string | undefined, field: string): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new AppError('VALIDATION', `${field} must not be blank.`, { field });
  return text;
}

function requireDate(value: string | undefined, field: string): LocalDate {
  if (value === undefined || !isLocalDate(value)) {
    throw new AppError('VALIDATION', `${field} must be a calendar date (YYYY-MM-DD).`, { field });
  }
  return value;
}

/** `ids` with `id` appended unless it is already there (or null). */
function involving(ids: readonly string[], id: string | null | undefined): string[] {
  return id === null || id === undefined || ids.includes(id) ? [...ids] : [...ids, id];
}

function requireNotAfterToday(date: LocalDate, today: LocalDate, field: string): void {
  if (date > today) throw new AppError('VALIDATION', `${field} cannot be in the future.`, { field, today });
}

/**
 * The action after `command`, as a new record (etag + 1, updatedAt/updatedBy from the context).
 * Throws INVALID_STATE when the status does not accept the command, VALIDATION on bad input; the
 * input record is never changed.
 */
export function applyActionCommand(
  action: CorrectiveAction,
  command: ActionCommand,
  context: ActionCommandContext,
): CorrectiveAction {
  if (!canApplyActionCommand(action.status, command.kind)) {
    throw new AppError(
      'INVALID_STATE',
      `A corrective action that is ${action.status} does not accept ${command.kind}.`,
      {
        status: action.status,
        command: command.kind,
      },
    );
  }
  const written = { etag: action.etag + 1, updatedAt: context.at, updatedBy: context.actorId };
  switch (command.kind) {
    case 'recordCorrection':
      return { ...action, ...written, correction: requireText(command.correction, 'correction') };
    case 'analyseAndPlan': {
      const ownerId = requireText(command.ownerId, 'ownerId');
      return {
        ...action,
        ...written,
        rootCause: requireText(command.rootCause, 'rootCause'),
        plan: requireText(command.plan, 'plan'),
        ownerId,
        dueOn: requireDate(command.dueOn, 'dueOn'),
        status: 'planned',
        involvedIds: involving(action.involvedIds, ownerId),
      };
    }
    case 'replan': {
      const changes: Partial<CorrectiveAction> = {};
      if (command.rootCause !== undefined) changes.rootCause = requireText(command.rootCause, 'rootCause');
      if (command.plan !== undefined) changes.plan = requireText(command.plan, 'plan');
      if (command.ownerId !== undefined) changes.ownerId = requireText(command.ownerId, 'ownerId');
      if (command.dueOn !== undefined) changes.dueOn = requireDate(command.dueOn, 'dueOn');
      if (Object.keys(changes).length === 0) {
        throw new AppError('VALIDATION', 'A replan must change the root cause, plan, owner or due date.', {
          field: 'plan',
        });
      }
      return { ...action, ...written, ...changes, involvedIds: involving(action.involvedIds, changes.ownerId) };
    }
    case 'markImplemented': {
      const implementedOn = requireDate(command.implementedOn, 'implementedOn');
      requireNotAfterToday(implementedOn, context.today, 'implementedOn');
      const implementationNote = requireText(command.description, 'description');
      const evidenceUrl = optionalText(command.evidenceUrl);
      if (evidenceUrl !== null && !isEvidenceUrl(evidenceUrl)) {
        throw new AppError('VALIDATION', 'evidenceUrl must be an http(s) link.', { field: 'evidenceUrl' });
      }
      return {
        ...action,
        ...written,
        status: 'implemented',
        implementedOn,
        implementedBy: context.actorId,
        implementationNote,
        evidenceText: optionalText(command.evidenceText),
        evidenceUrl,
        involvedIds: involving(action.involvedIds, context.actorId),
      };
    }
    case 'checkEffectiveness': {
      const checkedOn = requireDate(command.checkedOn ?? context.today, 'checkedOn');
      requireNotAfterToday(checkedOn, context.today, 'checkedOn');
      if (action.implementedOn !== null && checkedOn < action.implementedOn) {
        throw new AppError('VALIDATION', 'The effectiveness check cannot come before the implementation.', {
          field: 'checkedOn',
          implementedOn: action.implementedOn,
        });
      }
      if (typeof command.isEffective !== 'boolean') {
        throw new AppError('VALIDATION', 'isEffective must be true or false.', { field: 'isEffective' });
      }
      const note = requireText(command.note, 'note');
      const check: EffectivenessCheck = {
        checkedOn,
        checkedBy: context.actorId,
        isEffective: command.isEffective,
        note,
      };
      if (isEarlyEffectivenessCheck(action, checkedOn, context.effectivenessWaitDays)) {
        const earlyReason = optionalText(command.earlyReason);
        if (earlyReason === null) {
          throw new AppError('VALIDATION', 'A check before the waiting period has passed needs a reason.', {
            field: 'earlyReason',
            dueOn: effectivenessCheckDueOn(action, context.effectivenessWaitDays),
          });
        }
        check.earlyReason = earlyReason;
      }
      const effectivenessChecks = [...action.effectivenessChecks, check];
      return command.isEffective
        ? { ...action, ...written, effectivenessChecks, status: 'closed', closedOn: checkedOn }
        : {
            ...action,
            ...written,
            effectivenessChecks,
            status: 'planned',
            implementedOn: null,
            implementedBy: null,
            implementationNote: null,
            evidenceText: null,
            evidenceUrl: null,
          };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Overdue and the board

/**
 * Overdue: the plan's due date has passed and the plan is not carried out yet (status open or
 * planned). An implemented action waits for its effectiveness check, which has no due date of its
 * own; a closed one is done.
 */
export function isActionOverdue(action: Pick<CorrectiveAction, 'status' | 'dueOn'>, today: LocalDate): boolean {
  return (action.status === 'open' || action.status === 'planned') && action.dueOn !== null && action.dueOn < today;
}

export type ActionBoard<Action extends BoardAction = CorrectiveAction> = {
  /** Every status, each by due date (undated last), then title, then id. */
  columns: Record<ActionStatus, Action[]>;
  /** The overdue actions, most days overdue first (then title, then id). */
  overdue: { action: Action; daysOverdue: number }[];
};

type BoardAction = Pick<CorrectiveAction, 'id' | 'title' | 'status' | 'dueOn'>;

function byDueThenTitle(a: BoardAction, b: BoardAction): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return a.title.localeCompare(b.title, 'da') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function actionBoard<Action extends BoardAction>(
  actions: readonly Action[],
  today: LocalDate,
): ActionBoard<Action> {
  const columns = Object.fromEntries(actionStatuses.map((status) => [status, [] as Action[]])) as Record<
    ActionStatus,
    Action[]
  >;
  for (const action of actions) columns[action.status].push(action);
  for (const status of actionStatuses) columns[status].sort(byDueThenTitle);
  const overdue = actions
    .filter((action) => isActionOverdue(action, today))
    .map((action) => ({ action, daysOverdue: daysBetween(action.dueOn as LocalDate, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || byDueThenTitle(a.action, b.action));
  return { columns, overdue };
}

// ---------------------------------------------------------------------------------------------
// Findings and new actions

/** A major or minor nonconformity needs a corrective action; observations, improvements and strong points do not. */
export function findingNeedsAction(grade: FindingGrade): boolean {
  return grade === 'major' || grade === 'minor';
}

/** The certifier's scale in the three languages; used for generated titles. */
export const findingGradeNames: Record<Locale, Record<FindingGrade, string>> = {
  da: {
    major: 'Større afvigelse',
    minor: 'Mindre afvigelse',
    observation: 'Observation',
    improvement: 'Forbedringsmulighed',
    'strong-point': 'Styrke',
  },
  nb: {
    major: 'Større avvik',
    minor: 'Mindre avvik',
    observation: 'Observasjon',
    improvement: 'Forbedringsmulighet',
    'strong-point': 'Styrke',
  },
  en: {
    major: 'Major nonconformity',
    minor: 'Minor nonconformity',
    observation: 'Observation',
    improvement: 'Improvement opportunity',
    'strong-point': 'Strong point',
  },
};

const clauseWord: Record<Locale, string> = { da: 'pkt.', nb: 'pkt.', en: 'clause' };

/** e.g. "Større afvigelse, ISO 9001 pkt. 7.5.3"; without a clause just the grade. */
export function findingActionTitle(grade: FindingGrade, clause: Clause | null, locale: Locale = 'da'): string {
  const name = findingGradeNames[locale][grade];
  return clause === null || clause.trim() === '' ? name : `${name}, ISO 9001 ${clauseWord[locale]} ${clause.trim()}`;
}

export const maxActionTitleLength = 120;

function shortened(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length <= maxActionTitleLength ? single : `${single.slice(0, maxActionTitleLength - 1).trimEnd()}…`;
}

export type NewActionContext = {
  id: string;
  /** The instant of creation (ISO 8601): createdAt and updatedAt. */
  at: string;
  actorId: string;
  locale?: Locale;
};

/** A new action's fields before its title, source and unit: open, nothing planned or done. */
export function blankAction(context: NewActionContext): Omit<CorrectiveAction, 'title' | 'source' | 'unitId'> {
  return {
    id: context.id,
    etag: 1,
    createdAt: context.at,
    updatedAt: context.at,
    updatedBy: context.actorId,
    correction: null,
    rootCause: null,
    plan: null,
    ownerId: null,
    dueOn: null,
    status: 'open',
    implementedOn: null,
    implementedBy: null,
    implementationNote: null,
    evidenceText: null,
    evidenceUrl: null,
    involvedIds: [],
    effectivenessChecks: [],
    closedOn: null,
  };
}

/**
 * The default title of a finding's action: what the problem is, i.e. the finding's description
 * (one line, at most 120 characters), with the clause when there is one, e.g. "Tre sager uden
 * journalnotat (ISO 9001 pkt. 7.5.3)". Only a finding without a description falls back to the
 * grade and clause.
 */
export function findingProblemTitle(
  finding: Pick<Finding, 'grade' | 'clause' | 'description'>,
  locale: Locale = 'da',
): string {
  const description = finding.description.replace(/\s+/g, ' ').trim();
  if (description === '') return findingActionTitle(finding.grade, finding.clause, locale);
  const clause = finding.clause?.trim() ?? '';
  const suffix = clause === '' ? '' : ` (ISO 9001 ${clauseWord[locale]} ${clause})`;
  const room = maxActionTitleLength - suffix.length;
  const problem = description.length <= room ? description : `${description.slice(0, room - 1).trimEnd()}…`;
  return `${problem}${suffix}`;
}

/**
 * A new open action for a finding: the problem as title (`findingProblemTitle`), the finding's unit. Refused
 * with VALIDATION for a grade that needs no action and with INVALID_STATE when the finding
 * already has one (details: correctiveActionId).
 */
export function newActionFromFinding(
  finding: Pick<Finding, 'id' | 'grade' | 'clause' | 'description' | 'unitId' | 'correctiveActionId'>,
  context: NewActionContext,
): CorrectiveAction {
  if (!findingNeedsAction(finding.grade)) {
    throw new AppError('VALIDATION', `A finding graded ${finding.grade} needs no corrective action.`, {
      field: 'grade',
      grade: finding.grade,
    });
  }
  if (finding.correctiveActionId !== null) {
    throw new AppError('INVALID_STATE', 'The finding already has a corrective action.', {
      status: 'has-action',
      command: 'newActionFromFinding',
      correctiveActionId: finding.correctiveActionId,
    });
  }
  return {
    ...blankAction(context),
    title: findingProblemTitle(finding, context.locale),
    source: { kind: 'finding', findingId: finding.id },
    unitId: finding.unitId,
  };
}

/**
 * A new open action for a management-evaluation decision: the decision's text as title (one
 * line, at most 120 characters), its owner and due date carried over as the plan's starting
 * point. The action still needs its root cause and plan (analyseAndPlan) like any other.
 * Refused with INVALID_STATE when the decision already has an action.
 */
export function newActionFromDecision(
  evaluation: Pick<ManagementEvaluation, 'id'>,
  decision: EvaluationDecision,
  context: NewActionContext,
): CorrectiveAction {
  if (decision.actionId !== null) {
    throw new AppError('INVALID_STATE', 'The decision already has a corrective action.', {
      status: 'has-action',
      command: 'newActionFromDecision',
      actionId: decision.actionId,
    });
  }
  const title = shortened(decision.text);
  if (title === '') throw new AppError('VALIDATION', 'The decision has no text.', { field: 'text' });
  return {
    ...blankAction(context),
    title,
    source: { kind: 'management-decision', evaluationId: evaluation.id, decisionId: decision.id },
    unitId: null,
    ownerId: decision.ownerId,
    involvedIds: involving([], decision.ownerId),
    dueOn: decision.dueOn,
  };
}

export type NewActionSource =
  | { kind: 'finding'; finding: Parameters<typeof newActionFromFinding>[0] }
  | { kind: 'management-decision'; evaluation: Pick<ManagementEvaluation, 'id'>; decision: EvaluationDecision };

/** `newActionFromFinding` or `newActionFromDecision`, by the source's kind. */
export function newActionFrom(source: NewActionSource, context: NewActionContext): CorrectiveAction {
  return source.kind === 'finding'
    ? newActionFromFinding(source.finding, context)
    : newActionFromDecision(source.evaluation, source.decision, context);
}
