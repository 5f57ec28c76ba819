import { AppError } from './errors.js';
import type { Approval, Person, Procedure, ProcedureVersion, Role, TrailEntry, Unit } from './types.js';
import { isUnitWithin, parentLookup, type ParentOf } from './unit-tree.js';

/**
 * Who may do what, in one place. The HTTP edge asks these rules before every use case and sends
 * the resulting abilities with each resource, so the tab shows or hides actions from them
 * instead of re-deriving roles.
 */
export type Actor = Pick<Person, 'id' | 'unitId' | 'roles'>;

export type Units = readonly Pick<Unit, 'id' | 'parentId'>[];

export type ProcedureContext = {
  procedure: Pick<Procedure, 'ownerId' | 'approverId' | 'approverDesignatedBy' | 'unitId' | 'currentVersionId'>;
  draft: Pick<ProcedureVersion, 'authorId' | 'state'> | null;
  pendingApproval: Pick<Approval, 'approverId' | 'requestedBy'> | null;
  /**
   * Everyone who wrote or submitted the open draft: its author, whoever uploaded a file into it,
   * whoever submitted it (now or before a withdrawal or rejection). Empty without a draft.
   */
  draftContributorIds: readonly string[];
  /** The organisation's units, for authority that reaches the units below a leader's own. */
  units: Units;
};

function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return actor.roles.some((role) => wanted.includes(role));
}

export function isCoordinator(actor: Actor): boolean {
  return hasRole(actor, 'coordinator', 'admin');
}

/**
 * Aktindsigt / innsyn: recording a request, producing the export (drafts included when chosen)
 * and recording the answer is the quality coordinator's (and the admin's).
 */
export function canHandleAccessRequests(actor: Actor): boolean {
  return isCoordinator(actor);
}

export function canCreateProcedure(actor: Actor): boolean {
  return hasRole(actor, 'author', 'coordinator', 'admin');
}

/** A draft is seen by its author, the procedure's approver (and the approver asked) and the coordinator. */
export function canReadDraft(actor: Actor, context: ProcedureContext): boolean {
  const { procedure, draft, pendingApproval } = context;
  if (draft === null) return false;
  return (
    draft.authorId === actor.id ||
    procedure.approverId === actor.id ||
    pendingApproval?.approverId === actor.id ||
    isCoordinator(actor)
  );
}

/** A procedure that was never published exists only for those who may see its draft, and its owner. */
export function canReadProcedure(actor: Actor, context: ProcedureContext): boolean {
  if (context.procedure.currentVersionId !== null) return true;
  return canReadDraft(actor, context) || context.procedure.ownerId === actor.id;
}

/**
 * An approval request (its change summary, who asked, the decision) is seen with its procedure;
 * one about a version that was never published stays with those who may see the draft. The
 * procedure's REST detail and the chat cards both ask this.
 */
export function canReadApproval(actor: Actor, context: ProcedureContext, versionWasPublished: boolean): boolean {
  return canReadProcedure(actor, context) && (versionWasPublished || canReadDraft(actor, context));
}

export function canEditMetadata(actor: Actor, context: ProcedureContext): boolean {
  return context.procedure.ownerId === actor.id || isCoordinator(actor);
}

/** Starting a revision: the owner, the coordinator, or an author in the procedure's unit. */
export function canStartDraft(actor: Actor, context: ProcedureContext): boolean {
  if (context.draft !== null) return false;
  const { procedure } = context;
  const isUnitAuthor = hasRole(actor, 'author') && (procedure.unitId === null || procedure.unitId === actor.unitId);
  return procedure.ownerId === actor.id || isUnitAuthor || isCoordinator(actor);
}

export function canEditDraft(actor: Actor, context: ProcedureContext): boolean {
  const { draft } = context;
  return draft !== null && draft.state === 'draft' && (draft.authorId === actor.id || isCoordinator(actor));
}

export function canWithdraw(actor: Actor, context: ProcedureContext): boolean {
  const { draft, pendingApproval } = context;
  if (draft === null || draft.state !== 'pending' || pendingApproval === null) return false;
  return draft.authorId === actor.id || pendingApproval.requestedBy === actor.id || isCoordinator(actor);
}

/**
 * A leader of the procedure's unit or of a unit above it. An organisation-wide procedure (no unit)
 * is under the leaders of a top unit.
 */
export function hasLeaderAuthority(person: Actor, unitId: string | null, units: Units): boolean {
  if (!hasRole(person, 'leader')) return false;
  if (unitId === null) return units.some((unit) => unit.id === person.unitId && unit.parentId === null);
  return isUnitWithin(unitId, person.unitId, parentLookup(units));
}

/**
 * Approval authority for a procedure: a leader of its unit or above, or the approver the
 * coordinator designated for it. Checked when asked and again when deciding, so a leader who moved
 * to another unit, or a designation moved to someone else, takes the authority away.
 */
export function hasApprovalAuthority(
  person: Actor,
  procedure: Pick<Procedure, 'unitId' | 'approverId' | 'approverDesignatedBy'>,
  units: Units,
): boolean {
  return (
    hasLeaderAuthority(person, procedure.unitId, units) ||
    (procedure.approverDesignatedBy !== null && procedure.approverId === person.id)
  );
}

/**
 * Who wrote or submitted a draft: its author, whoever uploaded a file into it (the append-only
 * trail says so) and whoever submitted it, including submissions later withdrawn or rejected.
 */
export function draftContributors(
  draft: Pick<ProcedureVersion, 'id' | 'authorId'>,
  approvals: readonly Pick<Approval, 'versionId' | 'requestedBy'>[],
  trail: readonly Pick<TrailEntry, 'action' | 'subjectId' | 'actorId'>[],
): string[] {
  const ids = new Set([draft.authorId]);
  for (const approval of approvals) if (approval.versionId === draft.id) ids.add(approval.requestedBy);
  for (const entry of trail)
    if (entry.action === 'draft.uploaded' && entry.subjectId === draft.id) ids.add(entry.actorId);
  return [...ids];
}

/** Wrote or submitted the open draft (see `draftContributorIds`). */
export function isDraftContributor(personId: string, context: ProcedureContext): boolean {
  return (
    context.draft?.authorId === personId ||
    context.pendingApproval?.requestedBy === personId ||
    context.draftContributorIds.includes(personId)
  );
}

/** Changing who approves a procedure is an act of a leader with authority over its unit, or of the coordinator. */
export function canChangeApprover(actor: Actor, procedure: Pick<Procedure, 'unitId'>, units: Units): boolean {
  return isCoordinator(actor) || hasLeaderAuthority(actor, procedure.unitId, units);
}

/**
 * Who may be made the approver of a procedure in `unitId`: a leader with authority over it
 * ('leader'); anyone else only when the coordinator designates them ('designated'), and never the
 * coordinator themself.
 */
export function approverAssignment(
  actor: Actor,
  unitId: string | null,
  candidate: Actor,
  units: Units,
): 'leader' | 'designated' | 'refused' {
  if (hasLeaderAuthority(candidate, unitId, units)) return 'leader';
  if (isCoordinator(actor) && candidate.id !== actor.id) return 'designated';
  return 'refused';
}

/**
 * Whom a submitter may ask to approve the open draft: someone with approval authority for the
 * procedure who neither wrote nor submitted the draft.
 */
export function canBeAskedToApprove(candidate: Actor, submitter: Actor, context: ProcedureContext): boolean {
  return (
    candidate.id !== submitter.id &&
    !isDraftContributor(candidate.id, context) &&
    hasApprovalAuthority(candidate, context.procedure, context.units)
  );
}

/**
 * Only the approver asked decides, while they have approval authority; and nobody approves their
 * own work: not the draft's author, not anyone who edited or submitted it, whoever assigned them.
 */
export function canDecide(actor: Actor, context: ProcedureContext): boolean {
  const { draft, pendingApproval } = context;
  if (draft === null || draft.state !== 'pending' || pendingApproval === null) return false;
  return (
    pendingApproval.approverId === actor.id &&
    !isDraftContributor(actor.id, context) &&
    hasApprovalAuthority(actor, context.procedure, context.units)
  );
}

export function canConfirmReview(actor: Actor, context: ProcedureContext): boolean {
  return (
    context.procedure.currentVersionId !== null && (context.procedure.ownerId === actor.id || isCoordinator(actor))
  );
}

export function canAcknowledge(_actor: Actor, context: ProcedureContext): boolean {
  return context.procedure.currentVersionId !== null;
}

export function canReadFollowUp(actor: Actor, context: ProcedureContext): boolean {
  const { procedure } = context;
  return (
    procedure.ownerId === actor.id ||
    procedure.approverId === actor.id ||
    hasRole(actor, 'leader', 'coordinator', 'admin')
  );
}

/**
 * The audit trail is read by those who may follow up (`canReadFollowUp`). An entry about a version
 * that was never published (its upload, its submission, a withdrawal or a rejection) tells of a
 * draft, so it is shown only to those who may see the draft. `unpublishedSubjects` holds the ids of
 * those versions and of the approvals requested for them.
 */
export function canReadTrailEntry(
  actor: Actor,
  context: ProcedureContext,
  entry: { subjectId: string },
  unpublishedSubjects: ReadonlySet<string>,
): boolean {
  return !unpublishedSubjects.has(entry.subjectId) || canReadDraft(actor, context);
}

export type ProcedureAbilities = {
  read: boolean;
  readDraft: boolean;
  editMetadata: boolean;
  startDraft: boolean;
  editDraft: boolean;
  submitDraft: boolean;
  withdraw: boolean;
  approve: boolean;
  reject: boolean;
  confirmReview: boolean;
  acknowledge: boolean;
  readFollowUp: boolean;
};

export function procedureAbilities(actor: Actor, context: ProcedureContext): ProcedureAbilities {
  const mayDecide = canDecide(actor, context);
  const mayEditDraft = canEditDraft(actor, context);
  return {
    read: canReadProcedure(actor, context),
    readDraft: canReadDraft(actor, context),
    editMetadata: canEditMetadata(actor, context),
    startDraft: canStartDraft(actor, context),
    editDraft: mayEditDraft,
    submitDraft: mayEditDraft,
    withdraw: canWithdraw(actor, context),
    approve: mayDecide,
    reject: mayDecide,
    confirmReview: canConfirmReview(actor, context),
    acknowledge: canAcknowledge(actor, context),
    readFollowUp: canReadFollowUp(actor, context),
  };
}

/**
 * Competence management (ISO 9001 7.2): leaders and the coordinator maintain levels, requirements
 * and external coverage; everyone signed in reads the matrix. This says whether the actor manages
 * competences at all (the catalogue of competences is shared by every unit); which units' records
 * they may change is `canManageCompetencesOfUnit`.
 */
export function canManageCompetences(actor: Actor): boolean {
  return hasRole(actor, 'leader', 'coordinator', 'admin');
}

/**
 * The reach of competence management: the coordinator (and admin) manage every unit's levels,
 * requirements and external coverage; a leader those of their own unit and the units below it
 * (unit-tree.ts), never a unit beside or above. `unitId` null is a record of the whole
 * organisation (a requirement on a handbook area, or on a procedure without a unit): the
 * coordinator's.
 */
export function canManageCompetencesOfUnit(actor: Actor, unitId: string | null, parentOf: ParentOf): boolean {
  if (isCoordinator(actor)) return true;
  return hasRole(actor, 'leader') && unitId !== null && isUnitWithin(unitId, actor.unitId, parentOf);
}

/** The units whose competences the actor manages, in the order given (for the tab's editable rows). */
export function competenceUnitsManagedBy(actor: Actor, units: readonly Pick<Unit, 'id' | 'parentId'>[]): string[] {
  const parentOf = parentLookup(units);
  return units.filter((unit) => canManageCompetencesOfUnit(actor, unit.id, parentOf)).map((unit) => unit.id);
}

/** A level is set by the person themself (a self-assessment) or by whoever manages the person's unit. */
export function canSetCompetenceLevel(
  actor: Actor,
  person: Pick<Person, 'id' | 'unitId'>,
  parentOf: ParentOf,
): boolean {
  return actor.id === person.id || canManageCompetencesOfUnit(actor, person.unitId, parentOf);
}

/** Throws FORBIDDEN (or NOT_FOUND, to not reveal that a hidden procedure exists). */
export function ensure(allowed: boolean, message: string, hidden = false): void {
  if (allowed) return;
  throw hidden ? new AppError('NOT_FOUND', 'No such procedure.') : new AppError('FORBIDDEN', message);
}

/**
 * The quality year (ISO 9001 9.2, 9.3, 10.2): the coordinator and the administrator manage the
 * audit programme, audits, the certificate, findings, corrective actions and the management
 * evaluation. Everyone signed in reads them: audit results are shared with the organisation, and
 * the management evaluation is published to the whole organisation anyway.
 */
export function canManageQuality(actor: Actor): boolean {
  return isCoordinator(actor);
}

/**
 * Correcting a locked record (a published management evaluation, a reported audit, a published
 * yearly report): the quality coordinator only, who answers for the records a certifier reads. The
 * correction is a new, linked record with its reason; the original is never changed.
 */
export function canCorrectLockedRecord(actor: Actor): boolean {
  return isCoordinator(actor);
}

/**
 * Quality policy and goals (ISO 9001 5.2, 6.2): the coordinator writes them, maps and imports
 * case data. Everyone signed in reads them: the policy must be communicated, and the goals and
 * their figures are the organisation's (no personal data beyond case ids is kept).
 */
export function canManageGoals(actor: Actor): boolean {
  return isCoordinator(actor);
}

/** An entered goal's values: the coordinator and the goal's owner. */
export function canEnterGoalValue(actor: Actor, goal: { ownerId: string }): boolean {
  return canManageGoals(actor) || goal.ownerId === actor.id;
}

export type GoalAbilities = {
  /** Title, target, scope, period, owner, thresholds, status. */
  edit: boolean;
  /** Add a value to a goal measured by entered values. */
  enterValue: boolean;
};

export function goalAbilities(actor: Actor, goal: { ownerId: string; measurement: { kind: string } }): GoalAbilities {
  return {
    edit: canManageGoals(actor),
    enterValue: goal.measurement.kind === 'entered' && canEnterGoalValue(actor, goal),
  };
}

/**
 * Satisfaction surveys (ISO 9001 9.1.2): the coordinator and the administrator define surveys,
 * issue the personal links and import an external tool's results. Results (with the free-text
 * comments respondents wrote) are read by them and by leaders, who answer for the units' case
 * handling; caseworkers do not read comments about their own cases.
 */
export function canManageSurveys(actor: Actor): boolean {
  return isCoordinator(actor);
}

export function canReadSurveyResults(actor: Actor): boolean {
  return isCoordinator(actor) || hasRole(actor, 'leader');
}

/**
 * Recording an audit's results (checklist lines and their results, findings, the report): those
 * who manage quality, and the audit's own auditors. Auditors cannot change the audit's scope,
 * date, auditors or status, nor import a certifier's findings: that stays with the coordinator.
 */
export function canRecordAuditResults(actor: Actor, audit: { auditorIds: readonly string[] }): boolean {
  return canManageQuality(actor) || audit.auditorIds.includes(actor.id);
}

/**
 * Correcting a reported (locked) audit's report: the quality coordinator (canCorrectLockedRecord)
 * and the audit's lead auditor, the first of its auditors, who signed the report. The correction
 * is a new, linked revision of the report with its reason; the reported original stays as it was.
 */
export function canCorrectAuditReport(actor: Actor, audit: { auditorIds: readonly string[] }): boolean {
  return canCorrectLockedRecord(actor) || (audit.auditorIds.length > 0 && audit.auditorIds[0] === actor.id);
}

export type AuditAbilities = {
  /** Scope, criteria, auditors, date, clauses, procedures; start and cancel; import findings. */
  manage: boolean;
  /** Checklist lines and results, findings and the report. */
  recordResults: boolean;
  /** "Ret rapport": a linked correction of the reported report (canCorrectAuditReport). */
  correctReport: boolean;
};

export function auditAbilities(
  actor: Actor,
  audit: { auditorIds: readonly string[]; status?: string },
): AuditAbilities {
  return {
    manage: canManageQuality(actor),
    recordResults: canRecordAuditResults(actor, audit),
    correctReport: audit.status === 'reported' && canCorrectAuditReport(actor, audit),
  };
}

/**
 * Corrective actions (ISO 9001 10.2). The coordinator runs every command; the action's owner (a
 * leader or anyone named owner) carries out their own action: the correction, the root cause and
 * plan, replanning and marking it implemented.
 *
 * The effectiveness check is independent (segregation of duties): it is made by the coordinator
 * (or admin), and never by anyone who has owned the action or marked it implemented, not even
 * after handing it on. A coordinator who owned or implemented an action needs another
 * coordinator or the administrator to check it.
 */
export function canRunActionCommand(
  actor: Actor,
  action: { ownerId: string | null; implementedBy: string | null; involvedIds: readonly string[] },
  command: 'recordCorrection' | 'analyseAndPlan' | 'replan' | 'markImplemented' | 'checkEffectiveness',
): boolean {
  const isOwner = action.ownerId !== null && action.ownerId === actor.id;
  if (command === 'checkEffectiveness') {
    const hasDoneTheWork = isOwner || action.implementedBy === actor.id || action.involvedIds.includes(actor.id);
    return canManageQuality(actor) && !hasDoneTheWork;
  }
  return canManageQuality(actor) || isOwner;
}

/**
 * The overview ("Overblik"): the organisation-wide one for the quality coordinator (and admin) and
 * for a leader of a top unit (the director); the unit one (the leader's unit) for every leader;
 * the personal one for everyone. Widest first: the tab opens on the first. Asking for a scope not
 * listed is refused with FORBIDDEN (not silently narrowed), so a link never shows other figures
 * than it promises.
 */
export type OverviewScope = 'organisation' | 'unit' | 'personal';

export function overviewScopes(actor: Actor, units: Units): OverviewScope[] {
  const scopes: OverviewScope[] = [];
  if (isCoordinator(actor) || hasLeaderAuthority(actor, null, units)) scopes.push('organisation');
  if (hasRole(actor, 'leader')) scopes.push('unit');
  scopes.push('personal');
  return scopes;
}

/**
 * FOKUS-style evaluation rounds compare the units' work on case handling: management
 * information. The coordinator (and admin) sets up rounds and enters or imports scores; leaders
 * read them (their units are the ones compared), and so does anyone named auditor of an audit,
 * who weighs the figures in the audit. Caseworkers and authors do not, unless named auditor.
 */
export function canReadFokus(actor: Actor, isAuditor: boolean): boolean {
  return hasRole(actor, 'leader', 'coordinator', 'admin') || isAuditor;
}

export function canManageFokus(actor: Actor): boolean {
  return isCoordinator(actor);
}

/**
 * The coverage matrix (clauses × procedures, goals, audits) is read by those who read FOKUS and by
 * authors, who write the procedures that cover the clauses. Which standards the municipality
 * works by is the coordinator's choice (and admin's).
 */
export function canReadCoverage(actor: Actor, isAuditor: boolean): boolean {
  return hasRole(actor, 'author') || canReadFokus(actor, isAuditor);
}

export function canChooseStandards(actor: Actor): boolean {
  return isCoordinator(actor);
}

/**
 * The yearly public report: the coordinator previews and publishes it (and publishes a
 * correction); everyone signed in reads the published reports, as anyone outside does.
 */
export function canPublishYearlyReport(actor: Actor): boolean {
  return isCoordinator(actor);
}

/**
 * The public reader: anyone on the municipality's website, without sign-in (the public handbook
 * and the published yearly reports). It reads only what was made public: a procedure's
 * published version (never a draft, a pending or an obsolete one), a management evaluation
 * once it is published, the quality policy once it is published, and published yearly reports.
 * People appear by name only as approvers of a published version; never their contact details.
 */
export const publicReader: Actor = { id: 'public:reader', unitId: '', roles: [] };

export function canPublicReadVersion(version: Pick<ProcedureVersion, 'state'>): boolean {
  return version.state === 'published';
}

export function canPublicReadEvaluation(evaluation: { publishedOn: string | null }): boolean {
  return evaluation.publishedOn !== null;
}

export function canPublicReadPolicy(policy: { isPublished: boolean }): boolean {
  return policy.isPublished;
}

// ---------------------------------------------------------------------------------------------
// The register (issue 15)

/** What the register's rules need of an item. */
export type RegisterItemAccess = {
  handlerId: string | null;
  handlerUnitId: string | null;
  reportedBy: string | null;
  unitIds: readonly string[];
};

/** Anyone signed in reports to the register (caseworkers included); citizens use the public form. */
export function canReportToRegister(actor: Actor): boolean {
  return actor.id.length > 0;
}

/** The item's handler (the routed leader) and the coordinator handle it; nobody routed: the coordinator. */
export function canHandleRegisterItem(actor: Actor, item: RegisterItemAccess): boolean {
  return item.handlerId === actor.id || isCoordinator(actor);
}

/**
 * An item is read by its reporter, its handler, the coordinator, and the leaders of the units it
 * concerns or of the handler unit (or of units above them).
 */
export function canReadRegisterItem(actor: Actor, item: RegisterItemAccess, units: Units): boolean {
  if (item.reportedBy === actor.id || canHandleRegisterItem(actor, item)) return true;
  if (!hasRole(actor, 'leader')) return false;
  const parentOf = parentLookup(units);
  return [item.handlerUnitId, ...item.unitIds].some(
    (unitId) => unitId !== null && isUnitWithin(unitId, actor.unitId, parentOf),
  );
}

/** Contact details are personal data: only the item's handler and the coordinator see them. */
export function canReadRegisterContact(actor: Actor, item: RegisterItemAccess): boolean {
  return canHandleRegisterItem(actor, item);
}

/** Handing an item to another handler: the coordinator, or a leader above the handler unit. */
export function canReassignRegisterItem(actor: Actor, item: RegisterItemAccess, units: Units): boolean {
  if (isCoordinator(actor)) return true;
  if (!hasRole(actor, 'leader') || item.handlerUnitId === null) return false;
  return isUnitWithin(item.handlerUnitId, actor.unitId, parentLookup(units));
}

/** The register's statistics: leaders and the coordinator. */
export function canReadRegisterStatistics(actor: Actor): boolean {
  return hasRole(actor, 'leader') || isCoordinator(actor);
}

/** Categories, root causes, case areas, risk bands, routing, deadlines, retention; deletion requests; sender exports. */
export function canManageRegister(actor: Actor): boolean {
  return isCoordinator(actor);
}
