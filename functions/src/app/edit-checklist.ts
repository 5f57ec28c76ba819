import { clauseQuestion, ensureAuditOpenForResults, procedureQuestion } from '../core/audit-status.js';
import { AppError } from '../core/errors.js';
import { canRecordAuditResults, ensure, type Actor } from '../core/policies.js';
import type { Audit, ChecklistLine, ChecklistResult, Clause } from '../core/quality-year-types.js';
import { ensureAuditUnlocked } from './freeze-audit.js';
import type { Services } from './ports.js';
import {
  ensureFresh,
  ensureProceduresExist,
  loadAudit,
  nextVersion,
  qualityTrail,
  stampOf,
} from './quality-records.js';

/**
 * The audit checklist: questions per clause or procedure, each with a result and the auditor's
 * note. The checklist lives in the audit record, so every edit is a write of the audit with its
 * etag (If-Match). The coordinator or the audit's auditors, while the audit is not cancelled.
 */

export type ChecklistEdit =
  | { kind: 'add'; clause: Clause | null; procedureId: string | null; question: string }
  | {
      kind: 'update';
      lineId: string;
      changes: Partial<{
        clause: Clause | null;
        procedureId: string | null;
        question: string;
        result: ChecklistResult;
        note: string;
      }>;
    }
  | { kind: 'remove'; lineId: string }
  /** One default question per clause and procedure of the audit that has none yet. */
  | { kind: 'start' };

export async function editChecklist(
  services: Services,
  actor: Actor,
  input: { auditId: string; etag: number; edit: ChecklistEdit },
): Promise<Audit> {
  const current = await loadAudit(services, input.auditId);
  ensure(canRecordAuditResults(actor, current), 'Only the coordinator and the audit’s auditors edit its checklist.');
  await ensureAuditUnlocked(services, current, input.edit.kind === 'remove' ? 'remove' : 'edit');
  ensureFresh('audits', current, input.etag);
  ensureAuditOpenForResults(current.status);
  const checklist = await editedChecklist(services, current, input.edit);
  const stamp = stampOf(services, actor);
  const audit: Audit = { ...current, checklist, ...nextVersion(current, stamp) };
  await services.quality.commit({
    expect: [{ collection: 'audits', id: audit.id, etag: current.etag }],
    audits: [audit],
    trail: [
      qualityTrail(stamp, `audit.checklist-${input.edit.kind}`, audit.id, `Tjekliste: ${audit.title}`, {
        edit: input.edit,
      }),
    ],
  });
  return audit;
}

async function editedChecklist(services: Services, audit: Audit, edit: ChecklistEdit): Promise<ChecklistLine[]> {
  const lineIndex = (lineId: string) => {
    const index = audit.checklist.findIndex((line) => line.id === lineId);
    if (index < 0) throw new AppError('NOT_FOUND', `The audit has no checklist line ${lineId}.`);
    return index;
  };
  switch (edit.kind) {
    case 'add':
      await ensureProceduresExist(services, [edit.procedureId], 'procedureId');
      return [
        ...audit.checklist,
        {
          id: services.ids.next(),
          clause: edit.clause,
          procedureId: edit.procedureId,
          question: edit.question,
          result: 'not-checked',
          note: '',
        },
      ];
    case 'update': {
      const index = lineIndex(edit.lineId);
      if (edit.changes.procedureId !== undefined)
        await ensureProceduresExist(services, [edit.changes.procedureId], 'procedureId');
      const line = { ...audit.checklist[index]!, ...edit.changes };
      if (line.clause === null && line.procedureId === null)
        throw new AppError('VALIDATION', 'A checklist line names a clause or a procedure.', { field: 'clause' });
      return audit.checklist.map((each, position) => (position === index ? line : each));
    }
    case 'remove': {
      const index = lineIndex(edit.lineId);
      return audit.checklist.filter((_line, position) => position !== index);
    }
    case 'start': {
      const coveredClauses = new Set(audit.checklist.map((line) => line.clause));
      const coveredProcedures = new Set(audit.checklist.map((line) => line.procedureId));
      const procedures = await Promise.all(audit.procedureIds.map((id) => services.store.getProcedure(id)));
      const added: ChecklistLine[] = [
        ...audit.procedureIds.flatMap((procedureId, index) => {
          const procedure = procedures[index];
          if (!procedure || coveredProcedures.has(procedureId)) return [];
          return [
            {
              id: services.ids.next(),
              clause: null,
              procedureId,
              question: procedureQuestion(procedure.code, procedure.title),
              result: 'not-checked' as const,
              note: '',
            },
          ];
        }),
        ...audit.clauses
          .filter((clause) => !coveredClauses.has(clause))
          .map((clause) => ({
            id: services.ids.next(),
            clause,
            procedureId: null,
            question: clauseQuestion(clause),
            result: 'not-checked' as const,
            note: '',
          })),
      ];
      if (added.length === 0)
        throw new AppError('INVALID_STATE', 'Every clause and procedure of the audit has a question already.', {
          status: audit.status,
        });
      return [...audit.checklist, ...added];
    }
  }
}
