import type { ApprovalComparisonDto } from '../contract/schemas.js';
import { versionLabel } from '../core/lifecycle.js';
import { procedureAbilities, type Actor } from '../core/policies.js';
import { compareDocuments } from '../documents/compare-documents.js';
import { metadataChangesSince, replacedVersion } from './approval-changes.js';
import type { Services } from './ports.js';
import { peopleIndex, presentApproval } from './procedure-views.js';
import { getVisibleApproval } from './read-approval.js';

const isPdf = (mediaType: string) => mediaType.toLowerCase().startsWith('application/pdf');

/**
 * What the approver reads before deciding: the request's change summary, the metadata changed
 * since the current version, and the draft's rendered text compared with the current version's.
 * Seen by whoever may see the request (`canReadApproval`); everyone else gets NOT_FOUND.
 */
export async function getApprovalComparison(
  services: Services,
  actor: Actor,
  approvalId: string,
): Promise<ApprovalComparisonDto> {
  const { approval, loaded } = await getVisibleApproval(services, actor, approvalId);
  const { store } = services;
  const { procedure } = loaded;
  const [versions, trail, people, units, person] = await Promise.all([
    store.listVersions(procedure.id),
    store.listTrail(procedure.id),
    store.listPeople(),
    store.listUnits(),
    peopleIndex(services),
  ]);
  const draft = versions.find((version) => version.id === approval.versionId);
  if (!draft) throw new Error(`Approval ${approval.id} points at a missing version.`);
  const from = replacedVersion(approval, procedure, versions) ?? null;
  const isPending = approval.decision === null && loaded.pendingApproval?.id === approval.id;
  const abilities = procedureAbilities(actor, loaded);

  const comparison =
    isPdf(draft.file.mediaType) || (from !== null && isPdf(from.file.mediaType))
      ? ({ state: 'not-text' } as const)
      : compareDocuments(from?.html ?? null, draft.html);

  return {
    approval: presentApproval(approval, person, versions),
    procedure: { id: procedure.id, code: procedure.code, title: procedure.title },
    from: from ? { id: from.id, label: versionLabel(from) } : null,
    draft: {
      id: draft.id,
      mediaType: draft.file.mediaType,
      fileName: draft.file.name,
      sha256: draft.file.sha256,
    },
    metadataChanges: metadataChangesSince(trail, from?.publishedAt ?? '', { people, units }),
    comparison,
    abilities: { approve: isPending && abilities.approve, reject: isPending && abilities.reject },
  };
}
