import { addDays, addMonths, type LocalDate } from './local-date.js';
import { addCalendarWorkingDays, workingDayTest } from './public-holidays.js';
import type {
  HolidayCalendar,
  RegisterItem,
  RegisterKind,
  RegisterScope,
  RegisterSettings,
  RegisterStatus,
  ReplyDeadlineRule,
  RiskBand,
  RiskBandLimits,
  RoutingRule,
  Severity,
} from './register-types.js';
import { commonUnit, leaderFrom, type LeaderDirectory } from './unit-leaders.js';

/**
 * The register's pure rules: risk score and band, routing through the unit tree, the status
 * transitions, reply deadlines and the retention of contact details.
 */

// ---------------------------------------------------------------------------------------------
// Defaults a new installation starts from (the coordinator edits them)

export const defaultRoutingRules: RoutingRule[] = [
  // One unit: its leader, a serious item one level up, a critical one to the top.
  { scope: 'unit', fromSeverity: 1, level: 0 },
  { scope: 'unit', fromSeverity: 4, level: 1 },
  { scope: 'unit', fromSeverity: 5, level: 'top' },
  // Several units: the leader of the lowest unit above them all; a serious item to the top.
  { scope: 'several-units', fromSeverity: 1, level: 0 },
  { scope: 'several-units', fromSeverity: 4, level: 'top' },
  // The whole administration: the top.
  { scope: 'administration', fromSeverity: 1, level: 'top' },
];

/** Danish practice: 10 working days for every kind (municipal policy, commonly 8 to 14 days). */
export const danishReplyDeadlines: Record<RegisterKind, ReplyDeadlineRule> = {
  praise: { unit: 'working-days', count: 10 },
  complaint: { unit: 'working-days', count: 10 },
  suggestion: { unit: 'working-days', count: 10 },
  deviation: { unit: 'working-days', count: 10 },
};

/** Norway: a preliminary answer within one month (forvaltningsloven § 11 a). */
export const norwegianReplyDeadlines: Record<RegisterKind, ReplyDeadlineRule> = {
  praise: { unit: 'months', count: 1 },
  complaint: { unit: 'months', count: 1 },
  suggestion: { unit: 'months', count: 1 },
  deviation: { unit: 'months', count: 1 },
};

export const defaultRiskBands: RiskBandLimits = { greenMax: 4, yellowMax: 12 };

export function defaultRegisterSettings(at: string, by: string, calendar: HolidayCalendar = 'dk'): RegisterSettings {
  return {
    id: 'register',
    categories: [],
    rootCauseCategories: [],
    caseAreas: [],
    riskBands: defaultRiskBands,
    routingRules: defaultRoutingRules,
    replyDeadlines: calendar === 'dk' ? danishReplyDeadlines : norwegianReplyDeadlines,
    holidayCalendar: calendar,
    remindDaysBefore: 2,
    escalateDaysAfter: 3,
    contactRetentionYears: 5,
    createdAt: at,
    updatedAt: at,
    updatedBy: by,
    etag: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Risk

/** Severity × likelihood (1–25); null until both are assessed. */
export function riskScore(severity: number | null, likelihood: number | null): number | null {
  return severity === null || likelihood === null ? null : severity * likelihood;
}

export function riskBandOf(score: number | null, limits: RiskBandLimits): RiskBand | null {
  if (score === null) return null;
  if (score <= limits.greenMax) return 'green';
  return score <= limits.yellowMax ? 'yellow' : 'red';
}

// ---------------------------------------------------------------------------------------------
// Routing

export type Routing = {
  /** The unit whose leader handles the item; null: no unit known, the coordinator handles it. */
  handlerUnitId: string | null;
  /** That leader (or the nearest one above); null: nobody, the coordinator handles it. */
  handlerId: string | null;
};

/** The rule for the scope with the highest `fromSeverity` not above the severity (unassessed: 1). */
export function routingRuleFor(
  scope: RegisterScope,
  severity: Severity | null,
  rules: readonly RoutingRule[],
): RoutingRule | null {
  const level = severity ?? 1;
  let chosen: RoutingRule | null = null;
  for (const rule of rules) {
    if (rule.scope !== scope || rule.fromSeverity > level) continue;
    if (chosen === null || rule.fromSeverity > chosen.fromSeverity) chosen = rule;
  }
  return chosen;
}

/**
 * Which leader handles an item: from its base unit (one unit: the main unit; several: the lowest
 * unit above them all; the administration: the top) `level` steps up the tree ('top': to the
 * top), then the leader of that unit or the nearest one above it. Unknown units are ignored; an
 * item without a known unit, or a scope without a rule, goes to the coordinator (nulls).
 */
export function routeItem(
  item: { scope: RegisterScope; severity: Severity | null; unitIds: readonly string[] },
  rules: readonly RoutingRule[],
  directory: LeaderDirectory,
): Routing {
  const known = item.unitIds.filter((unitId) => directory.isKnownUnit(unitId));
  const rule = routingRuleFor(item.scope, item.severity, rules);
  if (known.length === 0 || rule === null) return { handlerUnitId: null, handlerId: null };
  const base = item.scope === 'unit' ? known[0]! : (commonUnit(known, directory) ?? topOf(known[0]!, directory));
  const handlerUnitId = rule.level === 'top' ? topOf(base, directory) : stepsUp(base, rule.level, directory);
  return { handlerUnitId, handlerId: leaderFrom(handlerUnitId, directory) };
}

function stepsUp(unitId: string, steps: number, directory: LeaderDirectory): string {
  let current = unitId;
  for (let step = 0; step < steps; step++) {
    const parent = directory.parentOf(current);
    if (parent === null) break;
    current = parent;
  }
  return current;
}

function topOf(unitId: string, directory: LeaderDirectory): string {
  const seen = new Set<string>();
  let current = unitId;
  while (!seen.has(current)) {
    seen.add(current);
    const parent = directory.parentOf(current);
    if (parent === null) return current;
    current = parent;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Answering

/** A sender can be answered with an e-mail address (public door) or as an employee who reported it. */
export function canBeAnswered(item: Pick<RegisterItem, 'contact' | 'reportedBy'>): boolean {
  return item.reportedBy !== null || (item.contact?.email ?? null) !== null;
}

/** When the answer is due: working days under the holiday calendar, or calendar months. */
export function replyDueOn(receivedOn: LocalDate, rule: ReplyDeadlineRule, calendar: HolidayCalendar): LocalDate {
  return rule.unit === 'working-days'
    ? addCalendarWorkingDays(receivedOn, rule.count, calendar)
    : addMonths(receivedOn, rule.count);
}

/** A reply sent on `sentOn` is late when the deadline in force has passed. */
export function isReplyLate(sentOn: LocalDate, dueOn: LocalDate | null): boolean {
  return dueOn !== null && sentOn > dueOn;
}

// ---------------------------------------------------------------------------------------------
// Status

export type StatusContext = {
  /** Corrective actions started from the item that are not closed. */
  openActionCount: number;
  isCoordinator: boolean;
};

export type StatusRefusal =
  /** No such step (e.g. to `registered`, or to `open` by hand: starting an action does that). */
  | 'not-allowed'
  /** The sender can be answered and has not been. */
  | 'needs-reply'
  /** Corrective actions are still running. */
  | 'actions-open'
  /** Reopening a closed item is the coordinator's. */
  | 'coordinator-only';

const manualSteps: Record<RegisterStatus, readonly RegisterStatus[]> = {
  registered: ['in-handling', 'closed'],
  'awaiting-handling': ['in-handling', 'closed'],
  'in-handling': ['closed'],
  open: ['closed'],
  closed: ['in-handling'],
};

/**
 * Why a handler may not move the item to `to` by hand, or null when they may. `awaiting-handling`
 * is reached by assessing the item, `open` by starting a corrective action from it.
 */
export function statusChangeRefusal(
  item: Pick<RegisterItem, 'status' | 'reply' | 'contact' | 'reportedBy'>,
  to: RegisterStatus,
  context: StatusContext,
): StatusRefusal | null {
  if (!manualSteps[item.status].includes(to)) return 'not-allowed';
  if (item.status === 'closed') return context.isCoordinator ? null : 'coordinator-only';
  if (to === 'closed') {
    if (context.openActionCount > 0) return 'actions-open';
    if (canBeAnswered(item) && item.reply === null) return 'needs-reply';
  }
  return null;
}

export function allowedStatuses(
  item: Pick<RegisterItem, 'status' | 'reply' | 'contact' | 'reportedBy'>,
  context: StatusContext,
): RegisterStatus[] {
  return manualSteps[item.status].filter((to) => statusChangeRefusal(item, to, context) === null);
}

/** The status after assessing: a `registered` item awaits handling; later statuses stay. */
export function statusAfterAssessment(status: RegisterStatus): RegisterStatus {
  return status === 'registered' ? 'awaiting-handling' : status;
}

/**
 * What an `open` item becomes when none of its corrective actions runs any more (the last one
 * closed after an effective check; an ineffective check sends an action back to `planned`, so it
 * still runs): `closed` when nothing is left to do for the sender (answered, or nobody to
 * answer), else `in-handling`, back with its handler to send the final answer and close it.
 * Null when the item stays as it is (not `open`, or an action still runs).
 */
export function statusWhenActionsDone(
  item: Pick<RegisterItem, 'status' | 'reply' | 'contact' | 'reportedBy'>,
  openActionCount: number,
): 'in-handling' | 'closed' | null {
  if (item.status !== 'open' || openActionCount > 0) return null;
  return canBeAnswered(item) && item.reply === null ? 'in-handling' : 'closed';
}

/** After a corrective action of the item changed: open while any runs, back in handling once none does. */
export function statusAfterActions(status: RegisterStatus, openActionCount: number): RegisterStatus {
  if (status === 'closed') return status;
  if (openActionCount > 0) return 'open';
  return status === 'open' ? 'in-handling' : status;
}

// ---------------------------------------------------------------------------------------------
// Retention

/** The day the contact details of an item closed on `closedOn` are removed. */
export function contactRemovalDueOn(closedOn: LocalDate, retentionYears: number): LocalDate {
  return addMonths(closedOn, 12 * retentionYears);
}

/** True when the sweep removes the item's contact details on `today`. */
export function isContactDueForRemoval(
  item: Pick<RegisterItem, 'contact' | 'closedOn' | 'status'>,
  today: LocalDate,
  retentionYears: number,
): boolean {
  return (
    item.contact !== null &&
    item.status === 'closed' &&
    item.closedOn !== null &&
    today >= contactRemovalDueOn(item.closedOn, retentionYears)
  );
}

// ---------------------------------------------------------------------------------------------
// Reminders

export type ReplyReminderStage = 'due-soon' | 'overdue' | 'escalate';

/**
 * Where an unanswered item stands on `today`: `due-soon` from `remindDaysBefore` working days
 * before the deadline, `overdue` after it, `escalate` from `escalateDaysAfter` working days after
 * it. Null when nothing is due (no deadline, or not yet).
 */
export function replyReminderStage(
  dueOn: LocalDate | null,
  today: LocalDate,
  settings: Pick<RegisterSettings, 'remindDaysBefore' | 'escalateDaysAfter' | 'holidayCalendar'>,
): ReplyReminderStage | null {
  if (dueOn === null) return null;
  if (today > dueOn) {
    const escalateOn = addCalendarWorkingDays(dueOn, settings.escalateDaysAfter, settings.holidayCalendar);
    return today >= escalateOn && settings.escalateDaysAfter > 0 ? 'escalate' : 'overdue';
  }
  const remindFrom = workingDaysBefore(dueOn, settings.remindDaysBefore, settings.holidayCalendar);
  return today >= remindFrom ? 'due-soon' : null;
}

/**
 * The days an unanswered item's reminders start, for the deadline index (app/deadline-index.ts):
 * `remindOn`, `remindDaysBefore` working days before the deadline (the handler's notice), and
 * `escalateOn`, `escalateDaysAfter` working days after it (the handler's leader is told); null
 * when the municipality does not escalate (0 days). Agrees with `replyReminderStage`: on
 * `remindOn` the stage is `due-soon`, on `escalateOn` it is `escalate`.
 */
export function replyReminderDates(
  dueOn: LocalDate,
  settings: Pick<RegisterSettings, 'remindDaysBefore' | 'escalateDaysAfter' | 'holidayCalendar'>,
): { remindOn: LocalDate; escalateOn: LocalDate | null } {
  return {
    remindOn: workingDaysBefore(dueOn, settings.remindDaysBefore, settings.holidayCalendar),
    escalateOn:
      settings.escalateDaysAfter > 0
        ? addCalendarWorkingDays(dueOn, settings.escalateDaysAfter, settings.holidayCalendar)
        : null,
  };
}

/** The working day `count` working days before `dueOn` (so that adding `count` working days gives `dueOn`). */
function workingDaysBefore(dueOn: LocalDate, count: number, calendar: HolidayCalendar): LocalDate {
  const isWorking = workingDayTest(calendar);
  let candidate = dueOn;
  let counted = 0;
  while (counted < count) {
    candidate = addDays(candidate, -1);
    if (isWorking(candidate)) counted++;
  }
  return candidate;
}
