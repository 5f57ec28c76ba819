import { metadataChangesSince, replacedVersion } from '../app/approval-changes.js';
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

export type ViewDeps = {
  services: Services;
  messaging: MessagingStore;
  publicUrl: string;
  /** The Teams app's id (the manifest's `id`): links in cards then open the tab inside Teams. */
  teamsAppId?: string | null | undefined;
};

export function procedureUrl(publicUrl: string, procedureId: string): string {
  return `${publicUrl}/procedures/${encodeURIComponent(procedureId)}`;
}

/** The tab's approval view of a procedure's draft (tab/src/router/routes.ts `paths.approval`). */
export function approvalPath(procedureId: string): string {
  return `/procedures/${encodeURIComponent(procedureId)}/approval`;
}

/** The personal tab's entityId in manifest/manifest.template.json. */
export const personalTabEntityId = 'handbook';

/**
 * A link to a path of the tab. Without a Teams app id (local mode, the browser) it is the plain
 * URL. With one it is a Teams deep link to the personal tab whose subEntityId carries the path;
 * the tab reads it from `app.getContext()` (`page.subPageId`) and opens that path, and Teams
 * falls back to `webUrl` where it cannot show the tab.
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application
 */
export function tabLink(deps: Pick<ViewDeps, 'publicUrl' | 'teamsAppId'>, path: string, label: string): string {
  const webUrl = `${deps.publicUrl}${path}`;
  if (!deps.teamsAppId) return webUrl;
  const query = new URLSearchParams({
    webUrl,
    label,
    context: JSON.stringify({ subEntityId: path }),
  });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(deps.teamsAppId)}/${personalTabEntityId}?${query.toString()}`;
}

/** The tab's competence matrix (tab/src/router/routes.ts `paths.competences`). */
export function competencesUrl(publicUrl: string): string {
  return `${publicUrl}/competences`;
}

/** The tab's årshjul for a year (tab/src/router/routes.ts `paths.yearWheel`). */
export function yearWheelUrl(publicUrl: string, year: number): string {
  return `${publicUrl}/year-wheel?year=${year}`;
}

/** The tab's page of one corrective action (tab/src/router/routes.ts `paths.action`). */
export function correctiveActionPath(actionId: string): string {
  return `/actions/${encodeURIComponent(actionId)}`;
}

export function correctiveActionUrl(publicUrl: string, actionId: string): string {
  return `${publicUrl}${correctiveActionPath(actionId)}`;
}

/** A register item in the tab (tab/src/router/routes.ts `registerItem`). */
export function registerItemUrl(publicUrl: string, itemId: string): string {
  return `${publicUrl}/reports/${encodeURIComponent(itemId)}`;
}

/** The tab's aktindsigt / innsyn page (tab/src/router/routes.ts `accessRequests`). */
export function accessRequestsUrl(publicUrl: string): string {
  return `${publicUrl}/access-requests`;
}

/**
 * The current state of an approval request. "superseded" means the request is undecided but no
 * longer about the procedure's draft (it was replaced), so nobody may decide on it any more.
 */
export async function loadApprovalView(deps: ViewDeps, approval: Approval): Promise<ApprovalView> {
  const { store } = deps.services;
  const [procedure, people, trail, units] = await Promise.all([
    store.getProcedure(approval.procedureId),
    store.listPeople(),
    store.listTrail(approval.procedureId),
    store.listUnits(),
  ]);
  if (!procedure) throw new Error(`Approval ${approval.id} points at a missing procedure.`);
  const name = (id: string | null) => people.find((person) => person.id === id)?.name ?? id ?? '';
  const fromVersion = replacedVersion(approval, procedure, await store.listVersions(approval.procedureId));
  const approverConversation = await deps.messaging.getConversation(approval.approverId);
  const approver = people.find((person) => person.id === approval.approverId);
  const since = fromVersion?.publishedAt ?? '';
  const metadataChanges = metadataChangesSince(trail, since, { people, units });
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
      draftUrl: tabLink(deps, approvalPath(procedure.id), `${procedure.code} ${procedure.title}`),
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
