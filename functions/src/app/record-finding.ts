import { findingFoundOn } from '../core/audit-dates.js';
import { ensureChecklistLineFree } from '../core/audit-correction.js';
import { ensureAuditOpenForResults } from '../core/audit-status.js';
import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import { canRecordAuditResults, ensure, type Actor } from '../core/policies.js';
import type { Audit, Clause, Finding, FindingGrade } from '../core/quality-year-types.js';
import type { Services } from './ports.js';
import {
  ensureFresh,
  ensureProceduresExist,
  ensureUnitExists,
  firstVersion,
  loadAudit,
  nextVersion,
  qualityTrail,
  stampOf,
  todayOf,
  type Stamp,
} from './quality-records.js';
import { ensureAuditUnlocked } from './freeze-audit.js';

export type FindingFields = {
  grade: FindingGrade;
  clause: Clause | null;
  procedureId: string | null;
  unitId: string | null;
  description: string;
  /** "Konstateret": defaults to today when recording; never after today (core/audit-dates.ts). */
  foundOn?: string | undefined;
};

export async function checkFindingLinks(services: Services, fields: Partial<FindingFields>): Promise<void> {
  if (fields.unitId !== undefined) await ensureUnitExists(services, fields.unitId);
  if (fields.procedureId !== undefined) await ensureProceduresExist(services, [fields.procedureId], 'procedureId');
}

/**
 * Records a finding of an audit on the certifier's scale, linked to a clause, a procedure and a
 * unit, and to the checklist line it comes from (a line gives one finding: DUPLICATE for a
 * second). The coordinator or the audit's auditors, while the audit is not cancelled. A major or
 * minor nonconformity gets its corrective action from the actions use cases (correctiveActionId).
 */
export async function createFinding(
  services: Services,
  actor: Actor,
  input: FindingFields & { auditId: string; checklistLineId?: string | null | undefined },
): Promise<Finding> {
  const audit = await loadAudit(services, input.auditId);
  await ensureAuditUnlocked(services, audit);
  ensure(canRecordAuditResults(actor, audit), 'Only the coordinator and the audit’s auditors record findings.');
  ensureAuditOpenForResults(audit.status);
  await checkFindingLinks(services, input);
  const checklistLineId = input.checklistLineId ?? null;
  await ensureChecklistLineUsable(services, audit, checklistLineId);
  const stamp = stampOf(services, actor);
  const finding = newFinding(services, actor, audit, { ...input, checklistLineId }, stamp);
  await services.quality.commit({
    expect: [{ collection: 'findings', id: finding.id, etag: 0 }],
    findings: [finding],
    trail: [
      qualityTrail(stamp, 'finding.created', finding.id, `Fund (${finding.grade}): ${audit.title}`, {
        auditId: audit.id,
        grade: finding.grade,
        clause: finding.clause,
      }),
    ],
  });
  return finding;
}

/** The finding recorded on `audit` from `input`, as of today (not written). */
export function newFinding(
  services: Services,
  actor: Actor,
  audit: Pick<Audit, 'id' | 'unitId'>,
  input: FindingFields & { checklistLineId: string | null },
  stamp: Stamp,
): Finding {
  return {
    id: services.ids.next(),
    auditId: audit.id,
    grade: input.grade,
    clause: input.clause,
    procedureId: input.procedureId,
    unitId: input.unitId ?? audit.unitId,
    description: input.description,
    foundOn: findingFoundOn(input.foundOn as LocalDate | undefined, todayOf(services)),
    foundBy: actor.id,
    correctiveActionId: null,
    checklistLineId: input.checklistLineId,
    withdrawal: null,
    ...firstVersion(stamp),
  };
}

/**
 * A finding recorded from a checklist line: the line is the audit's (VALIDATION naming
 * checklistLineId otherwise) and has no counted finding yet (DUPLICATE, core/audit-correction.ts).
 */
export async function ensureChecklistLineUsable(
  services: Services,
  audit: Pick<Audit, 'id' | 'checklist'>,
  checklistLineId: string | null,
): Promise<void> {
  if (checklistLineId === null) return;
  if (!audit.checklist.some((line) => line.id === checklistLineId))
    throw new AppError('VALIDATION', `The audit has no checklist line ${checklistLineId}.`, {
      field: 'checklistLineId',
    });
  ensureChecklistLineFree(await services.quality.listFindings({ auditId: audit.id }), checklistLineId);
}

/** Changes a finding; CONFLICT when it changed since it was read. */
export async function updateFinding(
  services: Services,
  actor: Actor,
  input: { findingId: string; etag: number; changes: Partial<FindingFields> },
): Promise<Finding> {
  const current = (await services.quality.listFindings()).find((each) => each.id === input.findingId);
  if (!current) throw new AppError('NOT_FOUND', `No finding with id ${input.findingId}.`);
  const audit = await loadAudit(services, current.auditId);
  await ensureAuditUnlocked(services, audit);
  ensure(canRecordAuditResults(actor, audit), 'Only the coordinator and the audit’s auditors change findings.');
  ensureFresh('findings', current, input.etag);
  ensureAuditOpenForResults(audit.status);
  if (current.correctiveActionId !== null && input.changes.grade !== undefined && input.changes.grade !== current.grade)
    throw new AppError('INVALID_STATE', 'The finding has a corrective action; its grade can no longer change.', {
      correctiveActionId: current.correctiveActionId,
    });
  await checkFindingLinks(services, input.changes);
  const stamp = stampOf(services, actor);
  const finding: Finding = {
    ...current,
    ...input.changes,
    foundOn:
      input.changes.foundOn === undefined
        ? current.foundOn
        : findingFoundOn(input.changes.foundOn as LocalDate, todayOf(services)),
    ...nextVersion(current, stamp),
  };
  await services.quality.commit({
    expect: [{ collection: 'findings', id: finding.id, etag: current.etag }],
    findings: [finding],
    trail: [
      qualityTrail(stamp, 'finding.updated', finding.id, `Fund ændret: ${audit.title}`, { changes: input.changes }),
    ],
  });
  return finding;
}
