import type { CompetenceDto, CompetenceLevel, MatrixCellDto } from '../../api/contract';
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

export type CellIndex = ReadonlyMap<string, ReadonlyMap<string, MatrixCellDto>>;

/** personId → competenceId → cell. */
export function indexCells(cells: readonly MatrixCellDto[]): Map<string, Map<string, MatrixCellDto>> {
  const index = new Map<string, Map<string, MatrixCellDto>>();
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
export function replaceCell(index: CellIndex, cell: MatrixCellDto): Map<string, ReadonlyMap<string, MatrixCellDto>> {
  const next = new Map(index);
  const row = new Map(index.get(cell.personId) ?? []);
  row.set(cell.competenceId, cell);
  next.set(cell.personId, row);
  return next;
}

/** An empty cell: no record yet (etag 0). */
export function emptyCell(personId: string, competenceId: string): MatrixCellDto {
  return {
    personId,
    competenceId,
    level: 0,
    evidence: null,
    validUntil: null,
    assessment: 'self',
    confirmedBy: null,
    etag: 0,
  };
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
