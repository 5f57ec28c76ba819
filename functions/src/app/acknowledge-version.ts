import { AppError } from '../core/errors.js';
import { canAcknowledge, ensure, type Actor } from '../core/policies.js';
import type { Acknowledgement } from '../core/types.js';
import type { Services } from './ports.js';
import { loadProcedure, trailEntry } from './procedure-context.js';

/**
 * "Læst og forstået": the reader confirms having read this exact version. Acknowledging an
 * obsolete version is refused, because the confirmation would say nothing about what is valid.
 */
export async function acknowledgeVersion(
  services: Services,
  actor: Actor,
  input: { procedureId: string; versionId: string },
): Promise<Acknowledgement> {
  const loaded = await loadProcedure(services, actor, input.procedureId);
  const { procedure } = loaded;
  ensure(canAcknowledge(actor, loaded), 'This procedure has no approved version to acknowledge.');
  if (procedure.currentVersionId !== input.versionId) {
    throw new AppError('CONFLICT', 'Only the current approved version can be acknowledged; a newer version exists.', {
      reason: 'not-current',
      currentVersionId: procedure.currentVersionId,
    });
  }
  const existing = (await services.store.listAcknowledgements(input.versionId)).find(
    (ack) => ack.personId === actor.id,
  );
  if (existing) return existing;
  const at = services.clock.now().toISOString();
  const acknowledgement: Acknowledgement = {
    procedureId: procedure.id,
    versionId: input.versionId,
    personId: actor.id,
    acknowledgedAt: at,
  };
  await services.store.commit({
    acknowledgements: [acknowledgement],
    trail: [trailEntry(actor, at, 'version.acknowledged', procedure, input.versionId, 'Read and understood')],
  });
  return acknowledgement;
}
