import type {
  AcknowledgementReport,
  ApprovalDto,
  MyTasks,
  PersonRef,
  ProcedureDetail,
  ProcedureListItem,
  VersionDto,
} from '../contract/schemas.js';
import { AppError } from '../core/errors.js';
import { versionLabel } from '../core/lifecycle.js';
import {
  canBeAskedToApprove,
  canReadApproval,
  canReadDraft,
  canReadFollowUp,
  canReadTrailEntry,
  ensure,
  isCoordinator,
  procedureAbilities,
  type Actor,
} from '../core/policies.js';
import { reviewStatus } from '../core/review-schedule.js';
import type { Approval, Person, ProcedureVersion } from '../core/types.js';
import type { ProcedureQuery, ProcedureRow, Services } from './ports.js';
import { loadProcedure, today } from './procedure-context.js';

/** Read models: what the tab and the cards show, assembled from the store's records. */

type PeopleIndex = (id: string | null) => PersonRef;

export async function peopleIndex(services: Services): Promise<PeopleIndex> {
  const people = new Map((await services.store.listPeople()).map((person) => [person.id, person]));
  return (id) => {
    if (id === null) return { id: '', name: '' };
    return { id, name: people.get(id)?.name ?? id };
  };
}

export function presentVersion(version: ProcedureVersion, person: PeopleIndex, all: ProcedureVersion[]): VersionDto {
  const successor = version.supersededByVersionId
    ? all.find((candidate) => candidate.id === version.supersededByVersionId)
    : undefined;
  return {
    id: version.id,
    state: version.state,
    label: versionLabel(version),
    kind: version.kind,
    author: person(version.authorId),
    file: {
      name: version.file.name,
      mediaType: version.file.mediaType,
      size: version.file.size,
      sha256: version.file.sha256,
    },
    changeSummary: version.changeSummary,
    createdAt: version.createdAt,
    updatedAt: version.updatedAt,
    publishedAt: version.publishedAt,
    approvedBy: version.approvedBy ? person(version.approvedBy) : null,
    supersededBy: version.supersededByVersionId
      ? { id: version.supersededByVersionId, label: successor ? versionLabel(successor) : null }
      : null,
    obsoleteAt: version.obsoleteAt,
  };
}

export function presentApproval(approval: Approval, person: PeopleIndex, versions: ProcedureVersion[]): ApprovalDto {
  const version = versions.find((candidate) => candidate.id === approval.versionId);
  return {
    id: approval.id,
    versionId: approval.versionId,
    versionLabel: version ? versionLabel(version) : null,
    requestedBy: person(approval.requestedBy),
    requestedAt: approval.requestedAt,
    approver: person(approval.approverId),
    changeSummary: approval.changeSummary,
    kind: approval.kind,
    decision: approval.decision,
    decidedBy: approval.decidedBy ? person(approval.decidedBy) : null,
    decidedAt: approval.decidedAt,
    comment: approval.comment,
  };
}

export function etagOf(procedure: { etag: number }): string {
  return `"${procedure.etag}"`;
}

export async function getProcedureDetail(
  services: Services,
  actor: Actor,
  procedureId: string,
): Promise<ProcedureDetail> {
  const loaded = await loadProcedure(services, actor, procedureId);
  const { procedure, draft, pendingApproval } = loaded;
  const { store } = services;
  const [versions, approvals, reviews, units, person] = await Promise.all([
    store.listVersions(procedure.id),
    store.listApprovals(procedure.id),
    store.listReviews(procedure.id),
    store.listUnits(),
    peopleIndex(services),
  ]);
  const abilities = procedureAbilities(actor, loaded);
  const approverCandidates = abilities.submitDraft
    ? (await store.listPeople())
        .filter((candidate) => canBeAskedToApprove(candidate, actor, loaded))
        .map((candidate) => ({ id: candidate.id, name: candidate.name }))
    : [];
  const mayReadDraft = canReadDraft(actor, loaded);
  const visibleVersions = versions.filter(
    (version) => version.state === 'published' || version.state === 'obsolete' || mayReadDraft,
  );
  // Approvals of drafts that were never published stay with those who may see drafts.
  const publishedIds = new Set(versions.filter((v) => v.publishedAt !== null).map((v) => v.id));
  const visibleApprovals = approvals.filter((approval) =>
    canReadApproval(actor, loaded, publishedIds.has(approval.versionId)),
  );
  const current = versions.find((version) => version.id === procedure.currentVersionId) ?? null;

  let myAcknowledgement: ProcedureDetail['myAcknowledgement'] = null;
  if (current) {
    const [requests, acknowledgements] = await Promise.all([
      store.listAcknowledgementRequests(current.id),
      store.listAcknowledgements(current.id),
    ]);
    const mine = acknowledgements.find((ack) => ack.personId === actor.id);
    myAcknowledgement = {
      versionId: current.id,
      requested: requests.some((request) => request.personId === actor.id),
      acknowledgedAt: mine?.acknowledgedAt ?? null,
    };
  }
  // Trail entries about versions never published (and the approvals asked for them) tell of drafts.
  const unpublishedSubjects = new Set([
    ...versions.filter((v) => v.publishedAt === null).map((v) => v.id),
    ...approvals.filter((approval) => !publishedIds.has(approval.versionId)).map((approval) => approval.id),
  ]);
  const trail = canReadFollowUp(actor, loaded)
    ? (await store.listTrail(procedure.id)).filter((entry) =>
        canReadTrailEntry(actor, loaded, entry, unpublishedSubjects),
      )
    : [];
  return {
    id: procedure.id,
    etag: etagOf(procedure),
    code: procedure.code,
    title: procedure.title,
    level: procedure.level,
    area: procedure.area,
    unit: units.find((unit) => unit.id === procedure.unitId) ?? null,
    owner: person(procedure.ownerId),
    approver: person(procedure.approverId),
    approverCandidates,
    audience: procedure.audience,
    reviewIntervalMonths: procedure.reviewIntervalMonths,
    standards: procedure.standards,
    legalBasis: procedure.legalBasis,
    status: current ? 'published' : 'unpublished',
    approvedOn: procedure.approvedOn,
    lastReviewedOn: procedure.lastReviewedOn,
    nextReviewOn: procedure.nextReviewOn,
    reviewStatus: reviewStatus(procedure.nextReviewOn, today(services)),
    currentVersion: current ? presentVersion(current, person, versions) : null,
    draft: draft && mayReadDraft ? presentVersion(draft, person, versions) : null,
    pendingApproval: pendingApproval && mayReadDraft ? presentApproval(pendingApproval, person, versions) : null,
    versions: visibleVersions
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((version) => presentVersion(version, person, versions)),
    approvals: visibleApprovals
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
      .map((approval) => presentApproval(approval, person, versions)),
    reviews: reviews
      .sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt))
      .map((review) => ({
        id: review.id,
        reviewer: person(review.reviewerId),
        outcome: review.outcome,
        comment: review.comment,
        reviewedAt: review.reviewedAt,
        dueOn: review.dueOn,
        nextReviewOn: review.nextReviewOn,
      })),
    myAcknowledgement,
    trail: trail
      .sort((a, b) => b.seq - a.seq)
      .map((entry) => ({
        seq: entry.seq,
        at: entry.at,
        actor: person(entry.actorId),
        action: entry.action,
        summary: entry.summary,
      })),
    abilities,
  };
}

/** A version's file, if the actor may see that version. */
export async function getVisibleVersion(
  services: Services,
  actor: Actor,
  procedureId: string,
  versionId: string,
): Promise<ProcedureVersion> {
  const loaded = await loadProcedure(services, actor, procedureId);
  const version = await services.store.getVersion(versionId);
  if (!version || version.procedureId !== procedureId)
    throw new AppError('NOT_FOUND', `No version ${versionId} of this procedure.`);
  const isReleased = version.state === 'published' || version.state === 'obsolete';
  if (!isReleased && !canReadDraft(actor, loaded))
    throw new AppError('NOT_FOUND', `No version ${versionId} of this procedure.`);
  return version;
}

export function presentListItem(
  row: ProcedureRow,
  actor: Actor,
  person: PeopleIndex,
  todayDate: ReturnType<typeof today>,
): ProcedureListItem {
  const seesDraft =
    row.draftAuthorId === actor.id ||
    row.approverId === actor.id ||
    row.pendingApproverId === actor.id ||
    isCoordinator(actor);
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    level: row.level,
    area: row.area,
    unitId: row.unitId,
    owner: person(row.ownerId),
    status: row.currentVersionId ? 'published' : 'unpublished',
    version: row.currentVersion ? `${row.currentVersion.major}.${row.currentVersion.minor}` : null,
    revision: seesDraft && row.draftState ? row.draftState : 'none',
    nextReviewOn: row.nextReviewOn,
    reviewStatus: reviewStatus(row.nextReviewOn, todayDate),
    updatedAt: row.updatedAt,
  };
}

export async function listProcedures(
  services: Services,
  actor: Actor,
  query: Omit<ProcedureQuery, 'viewer' | 'today'>,
): Promise<{ items: ProcedureListItem[]; total: number }> {
  const todayDate = today(services);
  const [result, person] = await Promise.all([
    services.store.listProcedures({
      ...query,
      viewer: { id: actor.id, isCoordinator: isCoordinator(actor) },
      today: todayDate,
    }),
    peopleIndex(services),
  ]);
  return { items: result.items.map((row) => presentListItem(row, actor, person, todayDate)), total: result.total };
}

export async function acknowledgementReport(
  services: Services,
  actor: Actor,
  procedureId: string,
): Promise<AcknowledgementReport> {
  const loaded = await loadProcedure(services, actor, procedureId);
  ensure(
    canReadFollowUp(actor, loaded),
    'Only the owner, the approver, leaders and the quality coordinator can see who has acknowledged.',
  );
  const { procedure } = loaded;
  const person = await peopleIndex(services);
  if (!procedure.currentVersionId)
    return { versionId: null, versionLabel: null, requested: 0, acknowledged: [], missing: [] };
  const [version, requests, acknowledgements, people] = await Promise.all([
    services.store.getVersion(procedure.currentVersionId),
    services.store.listAcknowledgementRequests(procedure.currentVersionId),
    services.store.listAcknowledgements(procedure.currentVersionId),
    services.store.listPeople(),
  ]);
  const acknowledgedBy = new Set(acknowledgements.map((ack) => ack.personId));
  const byId = new Map<string, Person>(people.map((candidate) => [candidate.id, candidate]));
  return {
    versionId: procedure.currentVersionId,
    versionLabel: version ? versionLabel(version) : null,
    requested: requests.length,
    acknowledged: acknowledgements
      .sort((a, b) => a.acknowledgedAt.localeCompare(b.acknowledgedAt))
      .map((ack) => ({ person: person(ack.personId), acknowledgedAt: ack.acknowledgedAt })),
    missing: requests
      .filter((request) => !acknowledgedBy.has(request.personId))
      .map((request) => ({ person: person(request.personId), unitId: byId.get(request.personId)?.unitId ?? '' }))
      .sort((a, b) => a.person.name.localeCompare(b.person.name, 'da')),
  };
}

/** The procedure tasks waiting for the signed-in person (the inbox adds the other modules: my-inbox.ts). */
export async function myTasks(services: Services, actor: Actor): Promise<Omit<MyTasks, 'items' | 'today'>> {
  const { store } = services;
  const person = await peopleIndex(services);
  const todayDate = today(services);
  const viewer = { id: actor.id, isCoordinator: isCoordinator(actor) };
  const [approvals, acknowledgements, reviewRows, draftRows] = await Promise.all([
    store.listOpenApprovalsFor(actor.id),
    store.listOpenAcknowledgementsFor(actor.id),
    store.listProcedures({
      viewer,
      today: todayDate,
      ownerId: actor.id,
      status: 'review-due',
      sort: 'nextReview',
      order: 'asc',
      limit: 200,
      offset: 0,
    }),
    store.listProcedures({
      viewer,
      today: todayDate,
      status: 'draft',
      sort: 'updated',
      order: 'desc',
      limit: 200,
      offset: 0,
    }),
  ]);
  const procedureOf = async (id: string) => {
    const procedure = await store.getProcedure(id);
    return { id, code: procedure?.code ?? '', title: procedure?.title ?? '' };
  };
  return {
    approvals: await Promise.all(
      approvals.map(async (approval) => ({
        approval: presentApproval(approval, person, (await store.listVersions(approval.procedureId)) ?? []),
        procedure: await procedureOf(approval.procedureId),
      })),
    ),
    acknowledgements: await Promise.all(
      acknowledgements.map(async (request) => {
        const version = await store.getVersion(request.versionId);
        return {
          procedure: await procedureOf(request.procedureId),
          versionId: request.versionId,
          versionLabel: version ? versionLabel(version) : null,
          requestedAt: request.requestedAt,
        };
      }),
    ),
    reviews: reviewRows.items.map((row) => presentListItem(row, actor, person, todayDate)),
    drafts: draftRows.items
      .filter((row) => row.draftAuthorId === actor.id)
      .map((row) => presentListItem(row, actor, person, todayDate)),
  };
}
