import type { CompetenceDto, CompetenceLevel, CompetenceMatrixDto, MatrixCellDto } from '../../api/contract';
import type { I18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';

export const competenceLevels: readonly CompetenceLevel[] = [0, 1, 2, 3, 4];

/** The catalogue key of a level's word ("erfaren" for 3). */
export function levelNameKey(level: CompetenceLevel): MessageKey {
  return `competences.level${level}`;
}

/** The accessible name of a level, e.g. "Niveau 3 – erfaren". */
export function levelLabel(level: CompetenceLevel, t: I18n['t']): string {
  return t('competences.level', { level, name: t(levelNameKey(level)) });
}

export type CategoryGroup = { category: string; competences: CompetenceDto[] };

/** Competences grouped by category, categories in first-seen order, so the columns sit together. */
export function groupByCategory(competences: readonly CompetenceDto[]): CategoryGroup[] {
  const groups = new Map<string, CompetenceDto[]>();
  for (const competence of competences) {
    const group = groups.get(competence.category);
    if (group) group.push(competence);
    else groups.set(competence.category, [competence]);
  }
  return [...groups].map(([category, items]) => ({ category, competences: items }));
}

/** What the matrix shows and sends back for one cell (a saved cell's response has more). */
export type MatrixCell = Pick<
  MatrixCellDto,
  'personId' | 'competenceId' | 'level' | 'evidence' | 'validUntil' | 'assessment' | 'etag'
>;

export type CellIndex = ReadonlyMap<string, ReadonlyMap<string, MatrixCell>>;

/** The recorded cells of the compact GET /competence-matrix response, in position order. */
export function matrixCells(matrix: Pick<CompetenceMatrixDto, 'people' | 'competences' | 'cells'>): MatrixCell[] {
  const { cells, people, competences } = matrix;
  const width = competences.length;
  return cells.position.map((position, index) => ({
    personId: people[Math.floor(position / width)]!.id,
    competenceId: competences[position % width]!.id,
    level: Number(cells.level[index]) as CompetenceLevel,
    evidence: cells.evidence[position] ?? null,
    validUntil: cells.validUntil[position] ?? null,
    assessment: cells.assessment[index] === 's' ? 'self' : 'confirmed',
    etag: cells.etag[index]!,
  }));
}

/** personId → competenceId → cell. */
export function indexCells(cells: readonly MatrixCell[]): Map<string, Map<string, MatrixCell>> {
  const index = new Map<string, Map<string, MatrixCell>>();
  for (const cell of cells) {
    let row = index.get(cell.personId);
    if (!row) {
      row = new Map();
      index.set(cell.personId, row);
    }
    row.set(cell.competenceId, cell);
  }
  return index;
}

/** A new index with one cell replaced; only that person's row map changes identity. */
export function replaceCell(index: CellIndex, cell: MatrixCell): Map<string, ReadonlyMap<string, MatrixCell>> {
  const next = new Map(index);
  const row = new Map(index.get(cell.personId) ?? []);
  row.set(cell.competenceId, cell);
  next.set(cell.personId, row);
  return next;
}

/** An empty cell: no record yet (etag 0). */
export function emptyCell(personId: string, competenceId: string): MatrixCell {
  return { personId, competenceId, level: 0, evidence: null, validUntil: null, assessment: 'self', etag: 0 };
}

export type Validity = 'none' | 'valid' | 'expiring' | 'expired';

/** Expired before today; expiring within `days` days (dates are YYYY-MM-DD). */
export function validityOf(validUntil: string | null, today: string, days = 90): Validity {
  if (!validUntil) return 'none';
  if (validUntil < today) return 'expired';
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + days);
  return validUntil <= limit.toISOString().slice(0, 10) ? 'expiring' : 'valid';
}

export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The import format of a chosen file, by its extension; null when it is neither .xlsx nor .csv. */
export function importFormatOf(fileName: string): 'xlsx' | 'csv' | null {
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return extension === 'xlsx' || extension === 'csv' ? extension : null;
}
