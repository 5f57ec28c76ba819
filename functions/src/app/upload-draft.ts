import { AppError } from '../core/errors.js';
import { nextState } from '../core/lifecycle.js';
import { canEditDraft, canStartDraft, ensure, type Actor } from '../core/policies.js';
import type { ProcedureVersion } from '../core/types.js';
import { ingestDocument } from './ingest-document.js';
import type { Services } from './ports.js';
import { ensureFresh, loadProcedure, touch, trailEntry } from './procedure-context.js';

/**
 * Uploads a new version of a procedure as a draft: the first upload of a revision creates the
 * draft, later uploads replace its file. Readers keep seeing the current approved version.
 */
export async function uploadDraft(
  services: Services,
  actor: Actor,
  input: { procedureId: string; etag: number; fileName: string; bytes: Uint8Array },
): Promise<ProcedureVersion> {
  const loaded = await loadProcedure(services, actor, input.procedureId);
  const { procedure, draft } = loaded;
  if (draft?.state === 'pending') {
    throw new AppError('CONFLICT', 'The draft is awaiting approval. Withdraw it before uploading a new file.', {
      reason: 'pending-approval',
    });
  }
  ensure(
    draft === null ? canStartDraft(actor, loaded) : canEditDraft(actor, loaded),
    draft === null
      ? 'Only the owner, an author in the unit or the quality coordinator can start a revision.'
      : 'Only the author of the draft or the quality coordinator can change it.',
  );
  await ensureFresh(services, procedure, input.etag);
  const document = await ingestDocument(services, input.bytes, input.fileName);
  const at = services.clock.now().toISOString();
  const version: ProcedureVersion = draft
    ? { ...draft, ...document, state: nextState(draft.state, 'edit'), updatedAt: at }
    : {
        id: services.ids.next(),
        procedureId: procedure.id,
        state: 'draft',
        major: null,
        minor: null,
        kind: null,
        authorId: actor.id,
        ...document,
        changeSummary: null,
        createdAt: at,
        updatedAt: at,
        publishedAt: null,
        approvedBy: null,
        supersededByVersionId: null,
        obsoleteAt: null,
      };
  await services.store.commit({
    expect: { procedureId: procedure.id, etag: input.etag },
    procedures: [{ ...touch(procedure, actor, at), draftVersionId: version.id }],
    versions: [version],
    trail: [
      trailEntry(actor, at, 'draft.uploaded', procedure, version.id, `Uploaded ${document.file.name} as draft`, {
        fileName: document.file.name,
        sha256: document.file.sha256,
        size: document.file.size,
      }),
    ],
  });
  return version;
}
