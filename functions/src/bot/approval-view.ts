import type { MessagingStore } from '../app/messaging-ports.js';
import type { Services } from '../app/ports.js';
import { versionLabel } from '../core/lifecycle.js';
import type { Approval } from '../core/types.js';
import type { ApprovalRequestModel } from './cards/approval-request-card.js';
import type { ApprovalStatus } from './cards/approval-status-card.js';

/** Everything a card about one approval request shows, read from the store at the moment of showing. */
export type ApprovalView = {
  model: ApprovalRequestModel;
  status: ApprovalStatus;
  approverId: string;
};

export type ViewDeps = { services: Services; messaging: MessagingStore; publicUrl: string };

export function procedureUrl(publicUrl: string, procedureId: string): string {
  return `${publicUrl}/procedures/${encodeURIComponent(procedureId)}`;
}

/** The tab's competence matrix (tab/src/router/routes.ts `paths.competences`). */
export function competencesUrl(publicUrl: string): string {
  return `${publicUrl}/competences`;
}

/** The tab's årshjul for a year (tab/src/router/routes.ts `paths.yearWheel`). */
export function yearWheelUrl(publicUrl: string, year: number): string {
  return `${publicUrl}/aarshjul?year=${year}`;
}

/**
 * The current state of an approval request. "superseded" means the request is undecided but no
 * longer about the procedure's draft (it was replaced), so nobody may decide on it any more.
 */
export async function loadApprovalView(deps: ViewDeps, approval: Approval): Promise<ApprovalView> {
  const { store } = deps.services;
  const [procedure, people, trail] = await Promise.all([
    store.getProcedure(approval.procedureId),
    store.listPeople(),
    store.listTrail(approval.procedureId),
  ]);
  if (!procedure) throw new Error(`Approval ${approval.id} points at a missing procedure.`);
  const name = (id: string | null) => people.find((person) => person.id === id)?.name ?? id ?? '';
  // The version the request replaces: the current one while it is pending, the one it
  // superseded once approved.
  const versions = await store.listVersions(approval.procedureId);
  const fromVersion =
    versions.find((version) => version.supersededByVersionId === approval.versionId) ??
    versions.find((version) => version.id === procedure.currentVersionId && version.id !== approval.versionId);
  const approverConversation = await deps.messaging.getConversation(approval.approverId);
  const approver = people.find((person) => person.id === approval.approverId);
  const since = fromVersion?.publishedAt ?? '';
  const metadataChanges = trail
    .filter(
      (entry) =>
        (entry.action === 'procedure.updated' || entry.action === 'procedure.approver-changed') && entry.at > since,
    )
    .flatMap((entry) =>
      Object.entries((entry.details['changed'] ?? {}) as Record<string, { from: unknown; to: unknown }>).map(
        ([field, change]) => ({
          field,
          from: describe(change.from),
          to: describe(change.to),
        }),
      ),
    );
  const status = approvalStatus(approval, procedure.draftVersionId, name);
  return {
    approverId: approval.approverId,
    status,
    model: {
      approvalId: approval.id,
      procedure: { id: procedure.id, code: procedure.code, title: procedure.title },
      fromVersionLabel: fromVersion ? versionLabel(fromVersion) : null,
      kind: approval.kind,
      changeSummary: approval.changeSummary,
      requestedBy: { name: name(approval.requestedBy) },
      requestedAt: approval.requestedAt,
      approver: {
        name: approver?.name ?? approval.approverId,
        userId: approverConversation?.userId ?? null,
      },
      metadataChanges,
      openUrl: procedureUrl(deps.publicUrl, procedure.id),
    },
  };
}

/**
 * "superseded": the request is undecided but no longer about the procedure's draft (a newer
 * submission replaced it), so nobody may decide on it any more.
 */
function approvalStatus(
  approval: Approval,
  draftVersionId: string | null,
  name: (id: string | null) => string,
): ApprovalStatus {
  const decidedAt = approval.decidedAt ?? approval.requestedAt;
  switch (approval.decision) {
    case 'approved':
      return { state: 'approved', decidedBy: { name: name(approval.decidedBy) }, decidedAt, comment: approval.comment };
    case 'rejected':
      return {
        state: 'rejected',
        decidedBy: { name: name(approval.decidedBy) },
        decidedAt,
        comment: approval.comment ?? '',
      };
    case 'withdrawn':
      return {
        state: 'withdrawn',
        decidedBy: approval.decidedBy ? { name: name(approval.decidedBy) } : null,
        decidedAt,
      };
    case null:
      return draftVersionId === approval.versionId ? { state: 'pending' } : { state: 'superseded' };
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
