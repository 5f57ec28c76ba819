import type { RegisterStore } from './register-ports.js';
import { isActionOverdue } from '../core/corrective-action.js';
import { isFindingCounted } from '../core/audit-correction.js';
import { actionAsOf } from '../core/frozen-records.js';
import { AppError } from '../core/errors.js';
import { versionLabel } from '../core/lifecycle.js';
import { addDays, addMonths, localDateOf, type LocalDate } from '../core/local-date.js';
import type { Actor } from '../core/policies.js';
import {
  actionStatuses,
  findingGrades,
  type ActionSource,
  type ActionStatus,
  type Audit,
  type AuditKind,
  type AuditStatus,
  type Clause,
  type CorrectiveAction,
  type EffectivenessCheck,
  type EvaluationStatus,
  type Finding,
  type FindingGrade,
  type ManagementEvaluation,
} from '../core/quality-year-types.js';
import type { CompetenceRequirement } from '../core/competence-types.js';
import type { Person, Unit } from '../core/types.js';
import type { Clock, ProcedureRow, Settings, Store } from './ports.js';
import type { QualityStore } from './quality-ports.js';
import { reportCompetenceGaps } from './report-competence-gaps.js';
import { surveyEvaluationSection, type SurveySection } from './survey-evaluation-section.js';
import type { SurveyStore } from './survey-ports.js';
import type { GoalStore } from './goal-ports.js';
import { packGoals, measuredGoalValuesOver, type PackGoalsSection } from './pack-goals.js';
import type { RegisterFigures } from '../core/register-figures.js';
import { registerFiguresFor } from './register-queries.js';

/**
 * The input pack of the management evaluation (ISO 9001 9.3.2), assembled from live data each time
 * it is asked for: nothing in it is stored, so the pack shown in the meeting is the state of the
 * records at that moment.
 *
 * Two dates frame it:
 * - `asOf` is today, or the reference date given as `input.asOf` when the pack is frozen (see
 *   freeze-records.ts): statuses (open, overdue, valid qualifications) are as they stood at the end
 *   of that day. Later changes are taken out by their dates: an action created after it is left
 *   out, one closed or carried out after it shows the status it had, an audit reported after it
 *   shows as in progress, findings, reviews and acknowledgements recorded after it do not count.
 * - `period` is what the evaluation looks back on: the 12 months ending on the reference date,
 *   `from` = reference − 12 months + 1 day, `to` = reference (both inclusive). The reference date
 *   is the day the evaluation was held (`heldOn`, so an export after the meeting shows the period
 *   the meeting saw), or today when it has not been held or none is given; never later than today.
 *   Review compliance, acknowledgement rates and closed actions use the period; audit results use
 *   the programme year `year`, as the audit programme does.
 */

export type PersonRef = { id: string; name: string };
export type ProcedureRef = { id: string; code: string; title: string };
export type UnitRef = { id: string; name: string };

/** What became of an earlier decision: its action's status, `overdue` when past due and not closed. */
export type DecisionOutcome = ActionStatus | 'overdue' | 'no-action';

export type EarlierDecision = {
  evaluationId: string;
  evaluationYear: number;
  decisionId: string;
  text: string;
  owner: PersonRef | null;
  dueOn: LocalDate | null;
  actionId: string | null;
  actionTitle: string | null;
  outcome: DecisionOutcome;
};

export type FindingCounts = Record<FindingGrade, number>;

export type AuditResult = {
  id: string;
  title: string;
  kind: AuditKind;
  status: AuditStatus;
  plannedOn: LocalDate;
  reportedOn: LocalDate | null;
  unit: UnitRef | null;
  findingCounts: FindingCounts;
};

export type OpenFinding = {
  id: string;
  auditId: string;
  auditTitle: string;
  auditYear: number;
  grade: FindingGrade;
  clause: Clause | null;
  procedure: ProcedureRef | null;
  unit: UnitRef | null;
  description: string;
  foundOn: LocalDate;
  /** The corrective action working on it, if one exists (it is not closed, or the finding would not be open). */
  action: { id: string; title: string; status: ActionStatus } | null;
};

export type ActionRow = {
  id: string;
  title: string;
  status: ActionStatus;
  sourceKind: ActionSource['kind'];
  owner: PersonRef | null;
  unit: UnitRef | null;
  dueOn: LocalDate | null;
};

export type ClosedActionRow = ActionRow & {
  closedOn: LocalDate;
  /** The check that closed it (the last one), with the checker's name. */
  effectivenessCheck: (EffectivenessCheck & { checkedByName: string }) | null;
};

export type ReviewComplianceItem = {
  procedure: ProcedureRef;
  dueOn: LocalDate;
  /** null: not reviewed yet, and past due. */
  reviewedOn: LocalDate | null;
  result: 'on-time' | 'late' | 'missed';
};

export type ReviewCompliance = {
  dueCount: number;
  onTimeCount: number;
  lateCount: number;
  missedCount: number;
  /** onTime / due, 0..1; null when no review fell due in the period. */
  share: number | null;
  /** The late and missed ones, by due date, for the report. */
  exceptions: ReviewComplianceItem[];
};

export type AcknowledgementRate = { requested: number; acknowledged: number; rate: number | null };

export type VersionAcknowledgement = AcknowledgementRate & {
  procedure: ProcedureRef;
  versionId: string;
  versionLabel: string;
  publishedOn: LocalDate;
};

export type AcknowledgementRates = { versions: VersionAcknowledgement[]; overall: AcknowledgementRate };

export type CompetenceGapRow = {
  requirementId: string;
  competenceName: string;
  scopeLabel: string;
  minPeople: number;
  minLevel: number;
  qualifiedCount: number;
  shortBy: number;
  /** `external`: bought in under a decision in force; `unmet`: not covered at all. */
  coverage: 'unmet' | 'external';
};

export type SinglePersonDependency = {
  requirementId: string;
  competenceName: string;
  scopeLabel: string;
  person: PersonRef;
};

export type ExpiringQualificationRow = {
  person: PersonRef;
  competenceName: string;
  validUntil: LocalDate;
  isExpired: boolean;
};

export type CompetenceGapSummary = {
  gaps: CompetenceGapRow[];
  singlePersonDependencies: SinglePersonDependency[];
  /** Within 90 days of `asOf`, and those already expired. */
  expiring: ExpiringQualificationRow[];
};

/**
 * A section later issues fill (quality goals, satisfaction surveys). Each such section is a union
 * on `status`: today only `not-available`; an issue that brings the data widens it with
 * `| { status: 'available'; ... }` and the exports render that case.
 */
export type PendingSection = { status: 'not-available'; note: string };

export type EvaluationDecisionView = {
  id: string;
  text: string;
  owner: PersonRef | null;
  dueOn: LocalDate | null;
  action: { id: string; title: string; status: ActionStatus; outcome: DecisionOutcome } | null;
};

export type EvaluationRecordView = {
  id: string;
  year: number;
  status: EvaluationStatus;
  plannedOn: LocalDate;
  heldOn: LocalDate | null;
  participants: PersonRef[];
  guests: string[];
  conclusions: string;
  decisions: EvaluationDecisionView[];
  committee: string | null;
  committeeOn: LocalDate | null;
  publishedOn: LocalDate | null;
};

/** Where a pack comes from: null when assembled now from live data, else its snapshot's facts. */
export type PackFrozen = {
  asOf: LocalDate;
  frozenAt: string;
  lockedAt: string | null;
} | null;

export type EvaluationPack = {
  year: number;
  /** Frozen when the evaluation was held (see app/freeze-records.ts); null: live. */
  frozen: PackFrozen;
  organisationName: string;
  /** The instant it was assembled (ISO 8601). */
  generatedAt: string;
  asOf: LocalDate;
  period: { from: LocalDate; to: LocalDate };
  evaluation: EvaluationRecordView | null;
  earlierDecisions: EarlierDecision[];
  audits: { items: AuditResult[]; findingTotals: FindingCounts; openFindings: OpenFinding[] };
  actions: {
    counts: Record<ActionStatus, number>;
    overdue: ActionRow[];
    closedInPeriod: ClosedActionRow[];
  };
  reviewCompliance: ReviewCompliance;
  acknowledgements: AcknowledgementRates;
  competenceGaps: CompetenceGapSummary;
  qualityGoals: PackGoalsSection;
  surveyResults: SurveySection;
  /** Deviations, complaints and suggestions (the register, issue 15) of the period. */
  register: PackRegisterSection;
};

/**
 * The register's figures of the period (app/register-queries.ts `registerFiguresFor`).
 * `not-in-snapshot`: the pack was frozen before the register fed it; it is not part of that snapshot.
 */
export type PackRegisterSection = ({ status: 'available' } & RegisterFigures) | { status: 'not-in-snapshot' };

export type EvaluationPackDeps = {
  store: Store;
  quality: QualityStore;
  surveys: SurveyStore;
  goals: Pick<GoalStore, 'listGoals' | 'listCaseRecords'>;
  /** The register section, and the goals measured from the register. */
  register: Pick<RegisterStore, 'listItems' | 'getSettings' | 'statisticsRows'>;
  settings: Settings;
  clock: Clock;
};

/** The pack reads on behalf of the product, not of a person: it sees every procedure. */
const packReader: Actor = { id: 'system:evaluation-pack', unitId: '', roles: ['coordinator'] };

function decisionOutcome(action: CorrectiveAction | undefined, today: LocalDate): DecisionOutcome {
  if (!action) return 'no-action';
  return isActionOverdue(action, today) ? 'overdue' : action.status;
}

/**
 * A finding is open until a corrective action on it is closed. Strong points are never open.
 * Observations and improvement opportunities count for the year they were found in; nonconformities
 * (major, minor) stay open across years until their action closes.
 */
function isOpenFinding(finding: Finding, audit: Audit, year: number, action: CorrectiveAction | undefined): boolean {
  if (finding.grade === 'strong-point') return false;
  if (action?.status === 'closed') return false;
  return audit.year === year || finding.grade === 'major' || finding.grade === 'minor';
}

function emptyCounts(): FindingCounts {
  return Object.fromEntries(findingGrades.map((grade) => [grade, 0])) as FindingCounts;
}

/** The 12 months ending on `reference`, both ends inclusive. */
export function evaluationPeriod(reference: LocalDate): { from: LocalDate; to: LocalDate } {
  return { from: addDays(addMonths(reference, -12), 1), to: reference };
}

function isWithin(date: LocalDate, period: { from: LocalDate; to: LocalDate }): boolean {
  return date >= period.from && date <= period.to;
}

export async function assembleEvaluationPack(
  deps: EvaluationPackDeps,
  input: { year: number; evaluationId?: string | undefined; asOf?: LocalDate | undefined },
): Promise<EvaluationPack> {
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
    throw new AppError('VALIDATION', `The year must be a whole number from 2000 to 2100, not ${input.year}.`, {
      field: 'year',
    });
  }
  const now = deps.clock.now();
  const actualToday = localDateOf(now, deps.settings.timeZone);
  const today = input.asOf !== undefined && input.asOf < actualToday ? input.asOf : actualToday;
  // Everything that reads "today" from the clock (competence validity) reads the reference day.
  const asOfDeps: EvaluationPackDeps =
    today === actualToday ? deps : { ...deps, clock: { now: () => new Date(`${today}T12:00:00Z`) } };
  const evaluation =
    input.evaluationId === undefined ? undefined : await deps.quality.getManagementEvaluation(input.evaluationId);
  if (input.evaluationId !== undefined && !evaluation) {
    throw new AppError('NOT_FOUND', `No management evaluation with id ${input.evaluationId}.`);
  }
  if (evaluation && evaluation.year !== input.year) {
    throw new AppError(
      'VALIDATION',
      `Management evaluation ${evaluation.id} is for ${evaluation.year}, not ${input.year}.`,
      {
        field: 'evaluationId',
      },
    );
  }
  const reference = evaluation?.heldOn && evaluation.heldOn < today ? evaluation.heldOn : today;
  const period = evaluationPeriod(reference);

  const [
    people,
    units,
    procedures,
    evaluations,
    audits,
    allFindings,
    allActions,
    gapReport,
    competences,
    goals,
    cases,
  ] = await Promise.all([
    deps.store.listPeople(),
    deps.store.listUnits(),
    deps.store.listProcedures({
      viewer: { id: packReader.id, isCoordinator: true },
      today,
      sort: 'code',
      order: 'asc',
      limit: 100_000,
      offset: 0,
    }),
    deps.quality.listManagementEvaluations(),
    deps.quality.listAudits(),
    deps.quality.listFindings(),
    deps.quality.listCorrectiveActions(),
    reportCompetenceGaps(asOfDeps, packReader, {}),
    deps.store.listCompetences(),
    deps.goals.listGoals(),
    deps.goals.listCaseRecords(),
  ]);
  // A corrected evaluation's decisions are its correction's: count them once.
  const corrected = new Set(
    (await deps.quality.listFrozenRecords('management-evaluation'))
      .filter((frozen) => frozen.correctedById !== null)
      .map((frozen) => frozen.subjectId),
  );

  // Withdrawn by a correction of the audit's report by the day: not counted (core/audit-correction.ts).
  const findings = allFindings.filter((finding) => finding.foundOn <= today && isFindingCounted(finding, today));
  const actions = allActions.flatMap((action) => {
    const then = actionAsOf(action, localDateOf(new Date(action.createdAt), deps.settings.timeZone), today);
    return then ? [then] : [];
  });
  const peopleById = new Map(people.map((person) => [person.id, person]));
  const unitsById = new Map(units.map((unit) => [unit.id, unit]));
  const proceduresById = new Map(procedures.items.map((procedure) => [procedure.id, procedure]));
  const actionsById = new Map(actions.map((action) => [action.id, action]));
  const auditsById = new Map(audits.map((audit) => [audit.id, audit]));
  const lookups: Lookups = { peopleById, unitsById, proceduresById };

  const yearAudits = audits.filter((audit) => audit.year === input.year);
  const countsByAudit = new Map(yearAudits.map((audit) => [audit.id, emptyCounts()]));
  const findingTotals = emptyCounts();
  const openFindings: OpenFinding[] = [];
  for (const finding of findings) {
    const audit = auditsById.get(finding.auditId);
    if (!audit) continue;
    const counts = countsByAudit.get(audit.id);
    if (counts) {
      counts[finding.grade] += 1;
      findingTotals[finding.grade] += 1;
    }
    const action = finding.correctiveActionId === null ? undefined : actionsById.get(finding.correctiveActionId);
    // Open findings as the meeting saw them: nothing found after its reference date or in a later year.
    if (finding.foundOn > period.to || audit.year > input.year) continue;
    if (!isOpenFinding(finding, audit, input.year, action)) continue;
    openFindings.push({
      id: finding.id,
      auditId: audit.id,
      auditTitle: audit.title,
      auditYear: audit.year,
      grade: finding.grade,
      clause: finding.clause,
      procedure: procedureRef(finding.procedureId, lookups),
      unit: unitRef(finding.unitId, lookups),
      description: finding.description,
      foundOn: finding.foundOn,
      action: action ? { id: action.id, title: action.title, status: action.status } : null,
    });
  }
  openFindings.sort(
    (a, b) =>
      findingGrades.indexOf(a.grade) - findingGrades.indexOf(b.grade) ||
      a.foundOn.localeCompare(b.foundOn) ||
      a.id.localeCompare(b.id),
  );

  const actionCounts = Object.fromEntries(actionStatuses.map((status) => [status, 0])) as Record<ActionStatus, number>;
  for (const action of actions) actionCounts[action.status] += 1;

  const [reviewCompliance, acknowledgements] = await Promise.all([
    assessReviewCompliance(deps, procedures.items, period, today),
    acknowledgementRates(deps, procedures.items, period, today),
  ]);

  return {
    year: input.year,
    frozen: null,
    organisationName: deps.settings.organisationName,
    generatedAt: now.toISOString(),
    asOf: today,
    period,
    evaluation: evaluation ? evaluationView(evaluation, actionsById, lookups, today) : null,
    earlierDecisions: evaluations
      .filter((earlier) => earlier.year < input.year && !corrected.has(earlier.id))
      .sort((a, b) => a.year - b.year)
      .flatMap((earlier) =>
        earlier.decisions.map((decision): EarlierDecision => {
          const action = decision.actionId === null ? undefined : actionsById.get(decision.actionId);
          return {
            evaluationId: earlier.id,
            evaluationYear: earlier.year,
            decisionId: decision.id,
            text: decision.text,
            owner: personRef(decision.ownerId, lookups),
            dueOn: action?.dueOn ?? decision.dueOn,
            actionId: action?.id ?? null,
            actionTitle: action?.title ?? null,
            outcome: decisionOutcome(action, today),
          };
        }),
      ),
    audits: {
      items: yearAudits.map((audit) => ({
        id: audit.id,
        title: audit.title,
        kind: audit.kind,
        ...auditStateOn(audit, today),
        plannedOn: audit.plannedOn,
        unit: unitRef(audit.unitId, lookups),
        findingCounts: countsByAudit.get(audit.id) ?? emptyCounts(),
      })),
      findingTotals,
      openFindings,
    },
    actions: {
      counts: actionCounts,
      overdue: actions.filter((action) => isActionOverdue(action, today)).map((action) => actionRow(action, lookups)),
      closedInPeriod: actions
        .filter((action) => action.status === 'closed' && action.closedOn !== null && isWithin(action.closedOn, period))
        .map((action) => closedActionRow(action, lookups)),
    },
    reviewCompliance,
    acknowledgements,
    competenceGaps: summariseGaps(gapReport, competences, lookups),
    qualityGoals: packGoals(
      goals,
      cases,
      period,
      (id) => lookups.peopleById.get(id)?.name ?? null,
      await measuredGoalValuesOver(deps, goals, period),
    ),
    surveyResults: await surveyEvaluationSection(deps.surveys, period),
    register: { status: 'available', ...(await registerFiguresFor(deps, period)) },
  };
}

/** An audit's status and report date as they stood on `day`: reported later reads as in progress. */
function auditStateOn(audit: Audit, day: LocalDate): { status: AuditStatus; reportedOn: LocalDate | null } {
  const reportedOn = audit.report?.reportedOn ?? null;
  if (reportedOn !== null && reportedOn > day) return { status: 'in-progress', reportedOn: null };
  return { status: audit.status, reportedOn };
}

type Lookups = {
  peopleById: ReadonlyMap<string, Person>;
  unitsById: ReadonlyMap<string, Unit>;
  proceduresById: ReadonlyMap<string, ProcedureRow>;
};

/** A person who is no longer in the directory keeps their id as name, so the record still reads. */
function personRef(id: string | null, lookups: Lookups): PersonRef | null {
  if (id === null) return null;
  return { id, name: lookups.peopleById.get(id)?.name ?? id };
}

function unitRef(id: string | null, lookups: Lookups): UnitRef | null {
  if (id === null) return null;
  return { id, name: lookups.unitsById.get(id)?.name ?? id };
}

function procedureRef(id: string | null, lookups: Lookups): ProcedureRef | null {
  if (id === null) return null;
  const procedure = lookups.proceduresById.get(id);
  return { id, code: procedure?.code ?? id, title: procedure?.title ?? '' };
}

function actionRow(action: CorrectiveAction, lookups: Lookups): ActionRow {
  return {
    id: action.id,
    title: action.title,
    status: action.status,
    sourceKind: action.source.kind,
    owner: personRef(action.ownerId, lookups),
    unit: unitRef(action.unitId, lookups),
    dueOn: action.dueOn,
  };
}

function closedActionRow(action: CorrectiveAction, lookups: Lookups): ClosedActionRow {
  const check = action.effectivenessChecks.at(-1);
  return {
    ...actionRow(action, lookups),
    closedOn: action.closedOn as LocalDate,
    effectivenessCheck: check
      ? { ...check, checkedByName: personRef(check.checkedBy, lookups)?.name ?? check.checkedBy }
      : null,
  };
}

/**
 * The evaluation record as the pack shows it, with its decisions' actions as they stand today or,
 * given `asOf` (before today), as they stood at the end of that day.
 */
export async function evaluationRecordView(
  deps: Pick<EvaluationPackDeps, 'store' | 'quality' | 'clock' | 'settings'>,
  evaluation: ManagementEvaluation,
  asOf?: LocalDate,
): Promise<EvaluationRecordView> {
  const actualToday = localDateOf(deps.clock.now(), deps.settings.timeZone);
  const day = asOf !== undefined && asOf < actualToday ? asOf : actualToday;
  const [people, allActions] = await Promise.all([deps.store.listPeople(), deps.quality.listCorrectiveActions()]);
  const actions = allActions.flatMap((action) => {
    const then = actionAsOf(action, localDateOf(new Date(action.createdAt), deps.settings.timeZone), day);
    return then ? [then] : [];
  });
  const lookups: Lookups = {
    peopleById: new Map(people.map((person) => [person.id, person])),
    unitsById: new Map(),
    proceduresById: new Map(),
  };
  return evaluationView(evaluation, new Map(actions.map((action) => [action.id, action])), lookups, day);
}

function evaluationView(
  evaluation: ManagementEvaluation,
  actionsById: ReadonlyMap<string, CorrectiveAction>,
  lookups: Lookups,
  today: LocalDate,
): EvaluationRecordView {
  return {
    id: evaluation.id,
    year: evaluation.year,
    status: evaluation.status,
    plannedOn: evaluation.plannedOn,
    heldOn: evaluation.heldOn,
    participants: evaluation.participantIds.map((id) => personRef(id, lookups) as PersonRef),
    guests: evaluation.guests,
    conclusions: evaluation.conclusions,
    decisions: evaluation.decisions.map((decision) => {
      const action = decision.actionId === null ? undefined : actionsById.get(decision.actionId);
      return {
        id: decision.id,
        text: decision.text,
        owner: personRef(decision.ownerId, lookups),
        dueOn: decision.dueOn,
        action: action
          ? { id: action.id, title: action.title, status: action.status, outcome: decisionOutcome(action, today) }
          : null,
      };
    }),
    committee: evaluation.committee,
    committeeOn: evaluation.committeeOn,
    publishedOn: evaluation.publishedOn,
  };
}

/**
 * Review compliance over the period. A review "fell due in the period" when
 * - a recorded review has a due date (`Review.dueOn`) within the period: it is on time when it was
 *   recorded (local date of `reviewedAt`) on or before that date, late otherwise; or
 * - a published procedure's next review date (`nextReviewOn`) lies within the period and before
 *   today, and no review has been recorded for it since: it is missed.
 * A procedure due today is not counted yet (it can still be reviewed on time); reviews recorded
 * without a due date (ahead of any schedule) are not counted. Share = on time / all that fell due.
 *
 * The Store has no set-based read of reviews, so this reads `listReviews` once per published
 * procedure.
 */
async function assessReviewCompliance(
  deps: EvaluationPackDeps,
  procedures: ProcedureRow[],
  period: { from: LocalDate; to: LocalDate },
  today: LocalDate,
): Promise<ReviewCompliance> {
  const published = procedures.filter((procedure) => procedure.currentVersionId !== null);
  const reviewsPerProcedure = await Promise.all(published.map((procedure) => deps.store.listReviews(procedure.id)));
  const items: ReviewComplianceItem[] = [];
  published.forEach((procedure, index) => {
    const ref = { id: procedure.id, code: procedure.code, title: procedure.title };
    for (const review of reviewsPerProcedure[index] ?? []) {
      if (review.dueOn === null || !isWithin(review.dueOn, period)) continue;
      const reviewedOn = localDateOf(new Date(review.reviewedAt), deps.settings.timeZone);
      if (reviewedOn > today) {
        // Recorded after the reference day: as of then it was not reviewed yet.
        if (review.dueOn < today)
          items.push({ procedure: ref, dueOn: review.dueOn, reviewedOn: null, result: 'missed' });
        continue;
      }
      items.push({
        procedure: ref,
        dueOn: review.dueOn,
        reviewedOn,
        result: reviewedOn <= review.dueOn ? 'on-time' : 'late',
      });
    }
    const next = procedure.nextReviewOn;
    if (next !== null && isWithin(next, period) && next < today) {
      items.push({ procedure: ref, dueOn: next, reviewedOn: null, result: 'missed' });
    }
  });
  const count = (result: ReviewComplianceItem['result']) => items.filter((item) => item.result === result).length;
  const onTimeCount = count('on-time');
  return {
    dueCount: items.length,
    onTimeCount,
    lateCount: count('late'),
    missedCount: count('missed'),
    share: items.length === 0 ? null : onTimeCount / items.length,
    exceptions: items
      .filter((item) => item.result !== 'on-time')
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.procedure.code.localeCompare(b.procedure.code)),
  };
}

function rateOf(requested: number, acknowledged: number): AcknowledgementRate {
  return { requested, acknowledged, rate: requested === 0 ? null : acknowledged / requested };
}

/**
 * Per major version (x.0) published in the period: how many were asked to acknowledge it and how
 * many of them did. An acknowledgement by someone who was not asked does not count. Reads versions,
 * requests and acknowledgements per procedure and version (the Store has no set-based read).
 */
async function acknowledgementRates(
  deps: EvaluationPackDeps,
  procedures: ProcedureRow[],
  period: { from: LocalDate; to: LocalDate },
  today: LocalDate,
): Promise<AcknowledgementRates> {
  const versionLists = await Promise.all(procedures.map((procedure) => deps.store.listVersions(procedure.id)));
  const candidates = procedures.flatMap((procedure, index) =>
    (versionLists[index] ?? []).flatMap((version) => {
      if (version.publishedAt === null || version.major === null || (version.minor ?? 0) !== 0) return [];
      const publishedOn = localDateOf(new Date(version.publishedAt), deps.settings.timeZone);
      if (!isWithin(publishedOn, period)) return [];
      return [{ procedure, version, publishedOn }];
    }),
  );
  const versions = await Promise.all(
    candidates.map(async ({ procedure, version, publishedOn }): Promise<VersionAcknowledgement> => {
      const [requests, acknowledgements] = await Promise.all([
        deps.store.listAcknowledgementRequests(version.id),
        deps.store.listAcknowledgements(version.id),
      ]);
      const asked = new Set(requests.map((request) => request.personId));
      const acknowledged = new Set(
        acknowledgements
          .filter(
            (entry) =>
              asked.has(entry.personId) && localDateOf(new Date(entry.acknowledgedAt), deps.settings.timeZone) <= today,
          )
          .map((entry) => entry.personId),
      );
      return {
        procedure: { id: procedure.id, code: procedure.code, title: procedure.title },
        versionId: version.id,
        versionLabel: versionLabel(version) ?? '',
        publishedOn,
        ...rateOf(asked.size, acknowledged.size),
      };
    }),
  );
  versions.sort(
    (a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.procedure.code.localeCompare(b.procedure.code),
  );
  const requested = versions.reduce((sum, entry) => sum + entry.requested, 0);
  const acknowledged = versions.reduce((sum, entry) => sum + entry.acknowledged, 0);
  return { versions, overall: rateOf(requested, acknowledged) };
}

function scopeLabel(requirement: CompetenceRequirement, lookups: Lookups): string {
  const scope = requirement.scope;
  if (scope.kind === 'unit') return unitRef(scope.unitId, lookups)?.name ?? scope.unitId;
  if (scope.kind === 'area') return scope.area;
  const procedure = procedureRef(scope.procedureId, lookups);
  return procedure ? `${procedure.code} ${procedure.title}`.trim() : scope.procedureId;
}

function summariseGaps(
  report: Awaited<ReturnType<typeof reportCompetenceGaps>>,
  competences: { id: string; name: string }[],
  lookups: Lookups,
): CompetenceGapSummary {
  const competenceName = new Map(competences.map((competence) => [competence.id, competence.name]));
  const nameOf = (id: string) => competenceName.get(id) ?? id;
  return {
    gaps: report.gaps
      .filter((item) => item.coverage !== 'met')
      .map((item) => ({
        requirementId: item.requirement.id,
        competenceName: nameOf(item.requirement.competenceId),
        scopeLabel: scopeLabel(item.requirement, lookups),
        minPeople: item.requirement.minPeople,
        minLevel: item.requirement.minLevel,
        qualifiedCount: item.qualified.length,
        shortBy: item.shortBy,
        coverage: item.coverage === 'external' ? ('external' as const) : ('unmet' as const),
      })),
    singlePersonDependencies: report.gaps.flatMap((item) => {
      const only = item.qualified[0];
      if (!item.isSinglePersonDependency || only === undefined) return [];
      return [
        {
          requirementId: item.requirement.id,
          competenceName: nameOf(item.requirement.competenceId),
          scopeLabel: scopeLabel(item.requirement, lookups),
          person: { id: only.personId, name: lookups.peopleById.get(only.personId)?.name ?? only.personId },
        },
      ];
    }),
    expiring: report.expiring.map((entry) => ({
      person: personRef(entry.personCompetence.personId, lookups) as PersonRef,
      competenceName: nameOf(entry.personCompetence.competenceId),
      validUntil: entry.validUntil,
      isExpired: entry.isExpired,
    })),
  };
}
