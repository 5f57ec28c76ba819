import type { Locator } from 'playwright-core';
import type { CompetenceMatrixDto } from '../../functions/src/contract/schemas.js';

export type DecodedCell = {
  personId: string;
  competenceId: string;
  level: number;
  assessment: 'self' | 'confirmed';
  validUntil: string | null;
  evidence: CompetenceMatrixDto['cells']['evidence'][string] | null;
  etag: number;
};

/**
 * The recorded cells of a compact GET /competence-matrix response, one object each. Written apart
 * from the tab's decoder on purpose: the tests read the wire format as documented in the contract.
 */
export function matrixCells(matrix: CompetenceMatrixDto): DecodedCell[] {
  const width = matrix.competences.length;
  const { cells } = matrix;
  return cells.position.map((position, index) => ({
    personId: matrix.people[Math.floor(position / width)]!.id,
    competenceId: matrix.competences[position % width]!.id,
    level: Number(cells.level.charAt(index)),
    assessment: cells.assessment.charAt(index) === 's' ? 'self' : 'confirmed',
    validUntil: cells.validUntil[String(position)] ?? null,
    evidence: cells.evidence[String(position)] ?? null,
    etag: cells.etag[index]!,
  }));
}

/**
 * The matrix cell of a person and a competence in the tab. The grid is windowed in both
 * directions: the competence's column header (always rendered) is scrolled into view first, and
 * the cell is found by its aria-colindex, as assistive technology would.
 */
export async function matrixCellLocator(table: Locator, personName: string, competenceName: string): Promise<Locator> {
  const header = table.locator('thead tr').nth(1).locator('th', { hasText: competenceName }).first();
  await header.scrollIntoViewIfNeeded();
  const column = await header.getAttribute('aria-colindex');
  if (!column) throw new Error(`No aria-colindex on the column of ${competenceName}`);
  return table
    .locator('tbody tr')
    .filter({ has: table.page().getByRole('rowheader', { name: personName, exact: true }) })
    .locator(`td[aria-colindex="${column}"]`);
}
