import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import { canManageQuality, ensure, type Actor } from '../core/policies.js';
import type { AuditSubject, Clause, Importance, ProgrammeItem } from '../core/quality-year-types.js';
import type { Services } from './ports.js';
import { ensureFresh, ensureUnitExists, firstVersion, nextVersion, qualityTrail, stampOf } from './quality-records.js';

export type ProgrammeItemFields = {
  subject: AuditSubject;
  title: string;
  importance: Importance;
  clauses: Clause[];
  unitId: string | null;
  /** A change affecting the subject noted on; none when left out. */
  changedOn?: string | null;
};

async function checkFields(services: Services, fields: Partial<ProgrammeItemFields>): Promise<void> {
  if (fields.unitId !== undefined) await ensureUnitExists(services, fields.unitId);
  if (fields.subject?.kind === 'unit') await ensureUnitExists(services, fields.subject.unitId, 'subject.unitId');
}

/** Adds a line to the audit programme (coordinator). A unit subject audits that unit unless told otherwise. */
export async function createProgrammeItem(
  services: Services,
  actor: Actor,
  fields: ProgrammeItemFields,
): Promise<ProgrammeItem> {
  ensure(canManageQuality(actor), 'Only the quality coordinator manages the audit programme.');
  await checkFields(services, fields);
  const stamp = stampOf(services, actor);
  const item: ProgrammeItem = {
    id: services.ids.next(),
    ...fields,
    clauses: [...new Set(fields.clauses)],
    changedOn: (fields.changedOn ?? null) as LocalDate | null,
    unitId: fields.unitId ?? (fields.subject.kind === 'unit' ? fields.subject.unitId : null),
    ...firstVersion(stamp),
  };
  await services.quality.commit({
    expect: [{ collection: 'programmeItems', id: item.id, etag: 0 }],
    programmeItems: [item],
    trail: [qualityTrail(stamp, 'programme.item-created', item.id, `Auditprogram: ${item.title}`, { item })],
  });
  return item;
}

/** Changes a programme line; CONFLICT when it changed since it was read. */
export async function updateProgrammeItem(
  services: Services,
  actor: Actor,
  input: { itemId: string; etag: number; changes: Partial<ProgrammeItemFields> },
): Promise<ProgrammeItem> {
  ensure(canManageQuality(actor), 'Only the quality coordinator manages the audit programme.');
  const current = (await services.quality.listProgrammeItems()).find((item) => item.id === input.itemId);
  if (!current) throw new AppError('NOT_FOUND', `No programme item with id ${input.itemId}.`);
  ensureFresh('programmeItems', current, input.etag);
  await checkFields(services, input.changes);
  const stamp = stampOf(services, actor);
  const changes = {
    ...input.changes,
    ...(input.changes.clauses ? { clauses: [...new Set(input.changes.clauses)] } : {}),
  };
  const item: ProgrammeItem = {
    ...current,
    ...changes,
    changedOn: (changes.changedOn === undefined ? current.changedOn : changes.changedOn) as LocalDate | null,
    ...nextVersion(current, stamp),
  };
  await services.quality.commit({
    expect: [{ collection: 'programmeItems', id: item.id, etag: current.etag }],
    programmeItems: [item],
    trail: [qualityTrail(stamp, 'programme.item-updated', item.id, `Auditprogram: ${item.title}`, { changes })],
  });
  return item;
}
