import type { UpdateProcedureBody } from '../contract/schemas.js';
import { AppError } from '../core/errors.js';
import { canEditMetadata, ensure, type Actor } from '../core/policies.js';
import { nextReviewDue } from '../core/review-schedule.js';
import type { Procedure } from '../core/types.js';
import { ensurePeopleExist } from './create-procedure.js';
import type { Services } from './ports.js';
import { ensureFresh, loadProcedure, touch, trailEntry } from './procedure-context.js';

type MetadataChange = Omit<Partial<Procedure>, 'id' | 'code' | 'etag'>;

/** Changes a procedure's metadata. The trail records each field's old and new value. */
export async function updateMetadata(
  services: Services,
  actor: Actor,
  input: {
    procedureId: string;
    etag: number;
    changes: MetadataChange & Partial<Record<keyof UpdateProcedureBody, unknown>>;
  },
): Promise<Procedure> {
  const loaded = await loadProcedure(services, actor, input.procedureId);
  const { procedure } = loaded;
  ensure(canEditMetadata(actor, loaded), 'Only the owner or the quality coordinator can change the metadata.');
  await ensureFresh(services, procedure, input.etag);
  const people: Record<string, string> = {};
  if (input.changes.ownerId) people['ownerId'] = input.changes.ownerId;
  if (input.changes.approverId) people['approverId'] = input.changes.approverId;
  await ensurePeopleExist(services, people);
  if (input.changes.unitId && !(await services.store.listUnits()).some((unit) => unit.id === input.changes.unitId)) {
    throw new AppError('VALIDATION', `No unit with id ${input.changes.unitId}.`, { field: 'unitId' });
  }
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(input.changes)) {
    const before = procedure[key as keyof Procedure];
    if (value !== undefined && JSON.stringify(before) !== JSON.stringify(value))
      changed[key] = { from: before, to: value };
  }
  if (Object.keys(changed).length === 0) return procedure;
  const at = services.clock.now().toISOString();
  let next: Procedure = { ...touch(procedure, actor, at), ...(input.changes as MetadataChange) };
  if (changed['reviewIntervalMonths']) {
    next = {
      ...next,
      nextReviewOn: nextReviewDue({
        approvedOn: next.approvedOn,
        lastReviewedOn: next.lastReviewedOn,
        intervalMonths: next.reviewIntervalMonths,
      }),
    };
  }
  await services.store.commit({
    expect: { procedureId: procedure.id, etag: input.etag },
    procedures: [next],
    trail: [
      trailEntry(
        actor,
        at,
        'procedure.updated',
        procedure,
        procedure.id,
        `Changed ${Object.keys(changed).join(', ')}`,
        { changed },
      ),
    ],
  });
  return next;
}
