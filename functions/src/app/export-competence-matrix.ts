import { competenceLevelLabels } from '../core/competence-types.js';
import { matrixHeader } from '../core/competence-import.js';
import type { Actor } from '../core/policies.js';
import { sheetMediaTypes, writeCsv, writeXlsx, type SheetFormat } from '../documents/competence-sheet.js';
import { readCompetenceMatrix } from './competence-matrix.js';
import type { Services } from './ports.js';

const assessmentLabels = { self: 'Selvvurderet', confirmed: 'Bekræftet' } as const;

/**
 * The matrix as a spreadsheet, one row per recorded level (the same data as GET
 * /competence-matrix), in columns the import reads back.
 */
export async function exportCompetenceMatrix(
  services: Services,
  actor: Actor,
  input: { format: SheetFormat; unitId?: string | undefined },
): Promise<{ bytes: Uint8Array; mediaType: string; fileName: string }> {
  const matrix = await readCompetenceMatrix(services, actor, { unitId: input.unitId });
  const personById = new Map(matrix.people.map((person) => [person.id, person]));
  const competenceById = new Map(matrix.competences.map((competence) => [competence.id, competence]));
  const rows = matrix.records
    .map((cell) => ({
      cell,
      person: personById.get(cell.personId)!,
      competence: competenceById.get(cell.competenceId),
    }))
    .filter((row) => row.competence !== undefined)
    .sort(
      (a, b) =>
        a.person.name.localeCompare(b.person.name, 'da') || a.competence!.name.localeCompare(b.competence!.name, 'da'),
    )
    .map(({ cell, person, competence }) => [
      person.id,
      person.name,
      competence!.name,
      cell.level,
      cell.validUntil ?? '',
      `${assessmentLabels[cell.assessment]} (${competenceLevelLabels.da[cell.level]})`,
    ]);
  const fileName = `kompetencematrix${input.unitId ? `-${input.unitId}` : ''}.${input.format}`;
  const bytes =
    input.format === 'xlsx'
      ? await writeXlsx('Kompetencer', matrixHeader, rows)
      : writeCsv(
          matrixHeader,
          rows.map((row) => row.map(String)),
        );
  return { bytes, mediaType: sheetMediaTypes[input.format], fileName };
}
