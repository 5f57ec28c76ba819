import type { AcknowledgementDetails, ApprovalDetails, DeadlineEntry, ReviewDetails } from '../app/deadline-index.js';
import type {
  Competence,
  CompetenceRequirement,
  ExternalCoverage,
  PersonCompetence,
} from '../core/competence-types.js';
import { acknowledgementRequestsOf } from '../core/audience.js';
import { addDays, type LocalDate } from '../core/local-date.js';
import { reminderRules } from '../core/reminder-schedule.js';
import type { Person, Procedure, Unit } from '../core/types.js';
import { leaderDirectory, leaderFrom, leaderOfPerson } from '../core/unit-leaders.js';
import { occurrenceReminderRules } from '../core/year-wheel.js';
import { competenceCandidates } from './competence-candidates.js';
import type { ReminderCandidate } from './reminder-source.js';

/** What the index does not copy: who people are and who leads them, and a few names. */
export type DeadlineDirectory = {
  people: Pick<Person, 'id' | 'name' | 'unitId' | 'roles' | 'leaderId' | 'addedAt'>[];
  units: Unit[];
  competences: Pick<Competence, 'id' | 'name'>[];
  /** The Teams user id (MRI) of each person the bot has talked to, for the approval card's refresh. */
  userIds: ReadonlyMap<string, string>;
  /** The certification body of each certificate, for the certifier's audits in the årshjul. */
  certificationBodies: ReadonlyMap<string, string>;
  /** "versionId:personId" of every acknowledgement given (at least those of the open entries' versions). */
  acknowledged: ReadonlySet<string>;
  /**
   * Every procedure's unit and area for the competence rules; when left out they come from the
   * `review` entries, which must then all be given (a source that narrows the review entries
   * it reads, as the SQLite one does, passes the procedures instead).
   */
  procedures?: Pick<Procedure, 'id' | 'code' | 'title' | 'unitId' | 'area'>[];
};

export type DeadlineClock = {
  /** The municipality's calendar date of an instant. */
  localDate(instant: string): LocalDate;
  /** The instant (ISO) at which a local day starts. */
  startOf(date: LocalDate): string;
};

/**
 * The sweep's candidates (jobs/reminder-source.ts) from the deadline index (app/deadline-index.ts)
 * and the directory: the same superset of what is due on `today` that each record list gave
 * before, computed once for both stores, so SQLite and SharePoint remind alike.
 */
export function candidatesFromDeadlines(
  entries: Iterable<DeadlineEntry>,
  directory: DeadlineDirectory,
  today: LocalDate,
  clock: DeadlineClock,
): ReminderCandidate[] {
  const reviews = new Map<string, DeadlineEntry & { kind: 'review' }>();
  const approvals: (DeadlineEntry & { kind: 'approval' })[] = [];
  const acknowledgements: (DeadlineEntry & { kind: 'acknowledgement' })[] = [];
  const occurrences: (DeadlineEntry & { kind: 'occurrence' })[] = [];
  const actions: (DeadlineEntry & { kind: 'action' })[] = [];
  const accessRequests: (DeadlineEntry & { kind: 'access-request' })[] = [];
  const registerReplies: (DeadlineEntry & { kind: 'register-reply' })[] = [];
  const personCompetences: PersonCompetence[] = [];
  const requirements: CompetenceRequirement[] = [];
  const externalCoverage: ExternalCoverage[] = [];
  for (const entry of entries) {
    switch (entry.kind) {
      case 'review':
        reviews.set(entry.subjectId, entry);
        break;
      case 'approval':
        approvals.push(entry);
        break;
      case 'acknowledgement':
        acknowledgements.push(entry);
        break;
      case 'occurrence':
        occurrences.push(entry);
        break;
      case 'action':
        actions.push(entry);
        break;
      case 'access-request':
        accessRequests.push(entry);
        break;
      case 'register-reply':
        registerReplies.push(entry);
        break;
      case 'qualification': {
        const [personId = '', competenceId = ''] = entry.subjectId.split('/');
        personCompetences.push({ ...entry.details, personId, competenceId, validUntil: entry.dueOn });
        break;
      }
      case 'requirement':
        requirements.push({ ...entry.details, id: entry.subjectId });
        break;
      case 'coverage':
        externalCoverage.push({ ...entry.details, id: entry.subjectId });
        break;
    }
  }

  const people = new Map(directory.people.map((person) => [person.id, person]));
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  let leaders: ReturnType<typeof leaderDirectory> | undefined;
  const leaderOf = (personId: string): string | null => {
    const person = people.get(personId);
    if (!person) return null;
    leaders ??= leaderDirectory(directory.people, directory.units);
    return leaderOfPerson(person, leaders);
  };
  const candidates: ReminderCandidate[] = [];

  const horizon = addDays(today, reminderRules.reviewNoticeDays['review-due-30']);
  for (const entry of reviews.values()) {
    const details: ReviewDetails = entry.details;
    if (entry.dueOn === null || entry.dueOn > horizon || details.currentVersionId === null) continue;
    const ownerId = entry.responsibleId ?? '';
    candidates.push({
      kind: 'review',
      procedureId: entry.subjectId,
      code: details.code,
      title: details.title,
      ownerId,
      ownerName: nameOf(ownerId),
      ownerLeaderId: people.get(ownerId)?.leaderId ?? null,
      nextReviewOn: entry.dueOn,
      hasOpenRevision: details.draftVersionId !== null,
      etag: details.etag,
      lastReviewedOn: details.lastReviewedOn,
      reviewIntervalMonths: details.reviewIntervalMonths,
    });
  }

  // More than N working days have passed only if at least N + 1 calendar days have.
  const approvalsBefore = clock.startOf(addDays(today, -reminderRules.approvalWaitingWorkingDays));
  for (const entry of approvals) {
    const details: ApprovalDetails = entry.details;
    if (!(details.requestedAt < approvalsBefore)) continue;
    const procedure = reviews.get(details.procedureId);
    // Only approvals of the procedure's draft as it stands now: a stale open one is not a task.
    if (!procedure || procedure.details.draftVersionId !== details.versionId) continue;
    const approverId = entry.responsibleId ?? '';
    candidates.push({
      kind: 'approval',
      approvalId: entry.subjectId,
      approverId,
      requestedOn: clock.localDate(details.requestedAt),
      procedureId: details.procedureId,
      versionId: details.versionId,
      code: procedure.details.code,
      title: procedure.details.title,
      changeKind: details.changeKind,
      fromVersionLabel: procedure.details.currentVersionLabel,
      changeSummary: details.changeSummary,
      requestedBy: details.requestedBy,
      requestedByName: nameOf(details.requestedBy),
      requestedAt: details.requestedAt,
      approverName: nameOf(approverId),
      approverUserId: directory.userIds.get(approverId) ?? null,
    });
  }

  // Every open request up to today: the request itself is due from its day (`acknowledgement-requested`).
  const acknowledgementsBefore = clock.startOf(addDays(today, 1));
  for (const entry of acknowledgements) {
    const details: AcknowledgementDetails = entry.details;
    if (!(details.requestedAt < acknowledgementsBefore)) continue;
    const procedure = reviews.get(details.procedureId);
    // Requests for the current version only: a superseded version asks nobody to read it.
    if (!procedure || procedure.details.currentVersionId !== details.versionId) continue;
    // Who is asked: derived from the audience today minus the makers, or the rows stored for an
    // older version; minus who has acknowledged.
    const readers =
      details.requested ??
      acknowledgementRequestsOf(
        {
          id: details.versionId,
          procedureId: details.procedureId,
          kind: 'major',
          publishedAt: details.publishedAt ?? details.requestedAt,
          approvedBy: details.approvedBy,
          makerIds: details.makerIds ?? [],
        },
        { audience: procedure.details.audience },
        directory.people,
      ) ??
      [];
    for (const { personId, requestedAt } of readers) {
      if (!(requestedAt < acknowledgementsBefore)) continue;
      if (directory.acknowledged.has(`${details.versionId}:${personId}`)) continue;
      candidates.push({
        kind: 'acknowledgement',
        versionId: details.versionId,
        personId,
        requestedOn: clock.localDate(requestedAt),
        procedureId: details.procedureId,
        code: procedure.details.code,
        title: procedure.details.title,
        versionLabel: details.versionLabel,
        changeSummary: details.changeSummary,
        publishedAt: details.publishedAt ?? details.requestedAt,
        requestedAt,
      });
    }
  }

  // The årshjul: open occurrences due within 30 days or overdue, with the owner's leader.
  const occurrenceHorizon = addDays(today, occurrenceReminderRules.noticeDays['occurrence-due-30']);
  for (const entry of occurrences) {
    if (entry.dueOn === null || entry.dueOn > occurrenceHorizon) continue;
    const ownerId = entry.responsibleId ?? '';
    const { origin } = entry.details;
    candidates.push({
      kind: 'occurrence',
      occurrenceId: entry.subjectId,
      ownerId,
      ownerLeaderId: leaderOf(ownerId),
      dueOn: entry.dueOn,
      completedOn: null,
      occurrenceKind: entry.details.occurrenceKind,
      title: entry.details.title,
      origin,
      ownerName: nameOf(ownerId),
      certificationBody:
        origin.kind === 'certificate' ? (directory.certificationBodies.get(origin.certificateId) ?? null) : null,
    });
  }

  // Corrective actions not carried out yet, due within 7 days or overdue, with the owner's leader.
  const actionHorizon = addDays(today, reminderRules.actionNoticeDays['action-due-7']);
  for (const entry of actions) {
    if (entry.dueOn === null || entry.dueOn > actionHorizon || entry.responsibleId === null) continue;
    candidates.push({
      kind: 'action',
      actionId: entry.subjectId,
      ownerId: entry.responsibleId,
      ownerLeaderId: leaderOf(entry.responsibleId),
      dueOn: entry.dueOn,
      status: entry.details.status,
      title: entry.details.title,
      ownerName: nameOf(entry.responsibleId),
    });
  }

  // The coordinators (or, with none, the admins): who answers for what has no handler.
  let coordinatorIds: string[] | undefined;
  const coordinators = (): string[] => {
    if (coordinatorIds === undefined) {
      const withRole = (role: Person['roles'][number]) =>
        directory.people.filter((person) => person.roles.includes(role)).map((person) => person.id);
      const found = withRole('coordinator');
      coordinatorIds = found.length > 0 ? found : withRole('admin');
    }
    return coordinatorIds;
  };

  // Unanswered register items whose handler's notice has started: the handler (none: the
  // coordinators), and the leader of the handler's unit for the escalation.
  for (const entry of registerReplies) {
    if (entry.dueOn === null || entry.details.remindOn > today) continue;
    const handlerId = entry.responsibleId;
    leaders ??= leaderDirectory(directory.people, directory.units);
    candidates.push({
      kind: 'register-reply',
      itemId: entry.subjectId,
      dueOn: entry.dueOn,
      remindOn: entry.details.remindOn,
      escalateOn: entry.details.escalateOn,
      recipientIds: handlerId !== null ? [handlerId] : coordinators(),
      leaderId: entry.unitId === null ? null : leaderFrom(entry.unitId, leaders, handlerId),
      receiptNumber: entry.details.receiptNumber,
      title: entry.details.title,
      registerKind: entry.details.registerKind,
      handlerName: handlerId === null ? null : nameOf(handlerId),
    });
  }

  // Open aktindsigt / innsyn requests (few, and their notice counts working days, so no calendar
  // horizon): the coordinators are told, or the admins when there is no coordinator.
  if (accessRequests.length > 0) {
    const recipientIds = coordinators();
    for (const entry of accessRequests) {
      if (entry.dueOn === null) continue;
      candidates.push({
        kind: 'access-request',
        requestId: entry.subjectId,
        law: entry.details.law,
        deadlineOn: entry.dueOn,
        answered: false,
        recipientIds,
        requesterName: entry.details.requesterName,
        subject: entry.details.subject,
        receivedOn: entry.details.receivedOn,
      });
    }
  }

  if (personCompetences.length > 0 || requirements.length > 0) {
    const procedures =
      directory.procedures ??
      [...reviews.values()].map((entry) => ({
        id: entry.subjectId,
        code: entry.details.code,
        title: entry.details.title,
        unitId: entry.unitId,
        area: entry.details.area,
      }));
    candidates.push(
      ...competenceCandidates(
        {
          people: directory.people,
          units: directory.units,
          procedures,
          competences: directory.competences,
          requirements,
          personCompetences,
          externalCoverage,
        },
        today,
      ),
    );
  }
  return candidates;
}
