import type { UpdateProcedureBody } from '../contract/schemas.js';
import { AppError } from '../core/errors.js';
import { approverAssignment, canChangeApprover, canEditMetadata, ensure, type Actor } from '../core/policies.js';
import { nextReviewDue } from '../core/review-schedule.js';
import type { Procedure, TrailEntry } from '../core/types.js';
import { ensurePeopleExist } from './create-procedure.js';
import type { Services } from './ports.js';
import { ensureFresh, loadProcedure, touch, trailEntry } from './procedure-context.js';

type MetadataChange = Omit<Partial<Procedure>, 'id' | 'code' | 'etag'>;

/**
 * Changes a procedure's metadata. The trail records each field's old and new value. Changing the
 * approver is a leader's act (over the procedure's unit) or the coordinator's, and is recorded as
 * its own trail entry; the new approver must have approval authority or be designated by the
 * coordinator (`approverAssignment`).
 */
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
  const { procedure, units } = loaded;
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(input.changes)) {
    const before = procedure[key as keyof Procedure];
    if (value !== undefined && JSON.stringify(before) !== JSON.stringify(value))
      changed[key] = { from: before, to: value };
  }
  const { approverId: approverChange, ...otherChanges } = changed;
  ensure(
    Object.keys(otherChanges).length === 0 || canEditMetadata(actor, loaded),
    'Only the owner or the quality coordinator can change the metadata.',
  );
  if (approverChange) {
    ensure(
      canChangeApprover(actor, procedure, units),
      'Only a leader of the procedure’s unit or above, or the quality coordinator, can change its approver.',
    );
  }
  await ensureFresh(services, procedure, input.etag);
  const people: Record<string, string> = {};
  if (input.changes.ownerId) people['ownerId'] = input.changes.ownerId;
  if (input.changes.approverId) people['approverId'] = input.changes.approverId;
  await ensurePeopleExist(services, people);
  if (input.changes.unitId && !units.some((unit) => unit.id === input.changes.unitId)) {
    throw new AppError('VALIDATION', `No unit with id ${input.changes.unitId}.`, { field: 'unitId' });
  }
  if (Object.keys(changed).length === 0) return procedure;
  let approverDesignatedBy = procedure.approverDesignatedBy;
  let approverEntry: { from: string; to: string; designated: boolean } | null = null;
  if (approverChange) {
    const [from, to] = await Promise.all([
      services.store.getPerson(procedure.approverId),
      services.store.getPerson(approverChange.to as string),
    ]);
    const unitId = input.changes.unitId === undefined ? procedure.unitId : input.changes.unitId;
    const assignment = to ? approverAssignment(actor, unitId, to, units) : 'refused';
    if (!to || assignment === 'refused') {
      throw new AppError(
        'VALIDATION',
        'The approver must be a leader of the procedure’s unit or above; only the quality coordinator can designate someone else.',
        { field: 'approverId', reason: 'no-approval-authority' },
      );
    }
    approverDesignatedBy = assignment === 'designated' ? actor.id : null;
    approverEntry = { from: from?.name ?? procedure.approverId, to: to.name, designated: assignment === 'designated' };
  }
  const at = services.clock.now().toISOString();
  let next: Procedure = { ...touch(procedure, actor, at), ...(input.changes as MetadataChange), approverDesignatedBy };
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
  const trail: Omit<TrailEntry, 'seq'>[] = [];
  if (Object.keys(otherChanges).length > 0) {
    trail.push(
      trailEntry(
        actor,
        at,
        'procedure.updated',
        procedure,
        procedure.id,
        `Changed ${Object.keys(otherChanges).join(', ')}`,
        {
          changed: otherChanges,
        },
      ),
    );
  }
  if (approverChange && approverEntry) {
    trail.push(
      trailEntry(
        actor,
        at,
        'procedure.approver-changed',
        procedure,
        procedure.id,
        `Approver changed from ${approverEntry.from} to ${approverEntry.to}${approverEntry.designated ? ' (designated by the quality coordinator)' : ''}`,
        { changed: { approverId: approverChange }, designatedBy: approverDesignatedBy },
      ),
    );
  }
  await services.store.commit({ expect: { procedureId: procedure.id, etag: input.etag }, procedures: [next], trail });
  return next;
}
