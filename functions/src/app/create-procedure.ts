import { AppError } from '../core/errors.js';
import { approverAssignment, canCreateProcedure, ensure, type Actor } from '../core/policies.js';
import type { Audience, ProcessLevel, Procedure, ProcedureVersion, StandardReference } from '../core/types.js';
import { buildProcedureDocx } from '../documents/procedure-template.js';
import { ingestDocument } from './ingest-document.js';
import type { Services } from './ports.js';
import { trailEntry } from './procedure-context.js';

export type CreateProcedureInput = {
  code: string;
  title: string;
  level: ProcessLevel;
  area: string;
  unitId: string | null;
  ownerId: string;
  approverId: string;
  audience: Audience;
  reviewIntervalMonths: number;
  standards: StandardReference[];
  legalBasis: string[];
};

/**
 * Creates a procedure with a first draft generated from the procedure template. Its approver is a
 * leader of its unit or above, or someone the quality coordinator designates (`approverAssignment`).
 */
export async function createProcedure(services: Services, actor: Actor, input: CreateProcedureInput) {
  ensure(canCreateProcedure(actor), 'Only authors and the quality coordinator can create procedures.');
  const { store, ids, clock, settings } = services;
  if (await store.getProcedureByCode(input.code)) {
    throw new AppError('DUPLICATE', `A procedure with code ${input.code} already exists.`, {
      field: 'code',
      reason: 'procedure-code',
      code: input.code,
    });
  }
  await ensurePeopleExist(services, { ownerId: input.ownerId, approverId: input.approverId });
  const units = await store.listUnits();
  if (input.unitId !== null && !units.some((unit) => unit.id === input.unitId)) {
    throw new AppError('VALIDATION', `No unit with id ${input.unitId}.`, { field: 'unitId' });
  }
  const approver = (await store.getPerson(input.approverId))!;
  const assignment = approverAssignment(actor, input.unitId, approver, units);
  if (assignment === 'refused') {
    throw new AppError(
      'VALIDATION',
      'The approver must be a leader of the procedure’s unit or above; only the quality coordinator can designate someone else.',
      { field: 'approverId', reason: 'no-approval-authority' },
    );
  }
  const bytes = await buildProcedureDocx({
    code: input.code,
    title: input.title,
    organisation: settings.organisationName,
  });
  const document = await ingestDocument(services, bytes, `${input.code} ${input.title}.docx`.replace(/[\\/]/g, '-'));
  const at = clock.now().toISOString();
  const procedureId = ids.next();
  const draft: ProcedureVersion = {
    id: ids.next(),
    procedureId,
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
  const procedure: Procedure = {
    id: procedureId,
    ...input,
    approverDesignatedBy: assignment === 'designated' ? actor.id : null,
    currentVersionId: null,
    draftVersionId: draft.id,
    approvedOn: null,
    lastReviewedOn: null,
    nextReviewOn: null,
    createdAt: at,
    updatedAt: at,
    updatedBy: actor.id,
    etag: 1,
  };
  await store.commit({
    procedures: [procedure],
    versions: [draft],
    trail: [
      trailEntry(
        actor,
        at,
        'procedure.created',
        procedure,
        procedure.id,
        `Created ${procedure.code} ${procedure.title}` +
          (assignment === 'designated' ? `; approver ${approver.name} designated by the quality coordinator` : ''),
        { approverId: procedure.approverId, approverDesignatedBy: procedure.approverDesignatedBy },
      ),
    ],
  });
  return procedure;
}

export async function ensurePeopleExist(services: Services, people: Record<string, string>): Promise<void> {
  for (const [field, id] of Object.entries(people)) {
    if (!(await services.store.getPerson(id))) {
      throw new AppError('VALIDATION', `No person with id ${id}.`, { field });
    }
  }
}
