import { planCompetenceImport, type ImportPlan } from '../core/competence-import.js';
import type { PersonCompetence } from '../core/competence-types.js';
import { AppError, isAppError } from '../core/errors.js';
import { reportImportErrors, type ImportErrorReport } from '../core/import-errors.js';
import { canManageCompetences, canSetCompetenceLevel, ensure, type Actor } from '../core/policies.js';
import { parentLookup } from '../core/unit-tree.js';
import { readSheet, type Sheet, type SheetFormat } from '../documents/competence-sheet.js';
import type { Services } from './ports.js';

export type ImportResult = Omit<ImportPlan, 'errors'> &
  ImportErrorReport<ImportPlan['errors'][number]> & { mode: 'preview' | 'apply'; isApplied: boolean };

async function readUpload(bytes: Uint8Array, format: SheetFormat): Promise<Sheet> {
  try {
    return await readSheet(bytes, format);
  } catch (error) {
    // Refusals of the archive guard (UNSAFE_DOCUMENT) keep their code and reason.
    if (isAppError(error)) throw error;
    throw new AppError('VALIDATION', `The file could not be read as ${format}.`, { field: 'file' });
  }
}

/**
 * Imports levels from a spreadsheet. 'preview' checks every row and lists what would change;
 * 'apply' does the same and writes all changes in one ChangeSet, or nothing at all when any row
 * has an error. Imported levels count as confirmed by the leader who imports them; a record's
 * evidence is kept. A leader imports only the people of their own unit and the units below it:
 * a row for anyone else is a row error ('person-out-of-scope'), and applying such a file is
 * FORBIDDEN as a whole.
 */
export async function importCompetenceMatrix(
  services: Services,
  actor: Actor,
  input: { format: SheetFormat; mode: 'preview' | 'apply'; bytes: Uint8Array },
): Promise<ImportResult> {
  ensure(canManageCompetences(actor), 'Only leaders and the coordinator may import levels.');
  const sheet = await readUpload(input.bytes, input.format);
  const [people, competences, existing, units] = await Promise.all([
    services.store.listPeople(),
    services.store.listCompetences(),
    services.store.listPersonCompetences(),
    services.store.listUnits(),
  ]);
  const parentOf = parentLookup(units);
  const plan = planCompetenceImport({
    header: sheet.header,
    rows: sheet.rows,
    people,
    competences,
    existing,
    mayManage: (person) => canSetCompetenceLevel(actor, person, parentOf),
  });
  const report = reportImportErrors(plan.errors);
  if (input.mode === 'preview') return { ...plan, ...report, mode: 'preview', isApplied: false };
  const outOfScope = plan.errors.filter((error) => error.code === 'person-out-of-scope');
  if (outOfScope.length > 0)
    throw new AppError(
      'FORBIDDEN',
      `${outOfScope.length} rows are for people outside the units you manage; nothing was imported.`,
      report,
    );
  if (plan.errors.length > 0)
    throw new AppError('VALIDATION', `The file has ${plan.errors.length} errors; nothing was imported.`, report);
  const evidenceOf = new Map(
    existing.map((record) => [`${record.personId}\u0000${record.competenceId}`, record.evidence]),
  );
  const records = plan.changes.map((change): PersonCompetence => ({
    personId: change.personId,
    competenceId: change.competenceId,
    level: change.to.level,
    evidence: evidenceOf.get(`${change.personId}\u0000${change.competenceId}`) ?? null,
    validUntil: change.to.validUntil,
    assessment: 'confirmed',
    confirmedBy: actor.id,
  }));
  if (records.length > 0)
    await services.store.commit({
      personCompetences: records,
      trail: [
        {
          at: services.clock.now().toISOString(),
          actorId: actor.id,
          action: 'competence.imported',
          procedureId: null,
          subjectId: actor.id,
          summary: `Import af ${records.length} kompetenceniveauer`,
          details: {
            changes: plan.changes.map(({ line, personId, competenceId, to }) => ({
              line,
              personId,
              competenceId,
              ...to,
            })),
          },
        },
      ],
    });
  return { ...plan, ...report, mode: 'apply', isApplied: true };
}
