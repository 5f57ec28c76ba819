import { scoreProblem } from './fokus-comparison.js';
import type { EvaluationRound, ThemeScore } from './fokus-types.js';
import { importRowError, type ImportRowError, type ScoreImportErrorCode } from './import-errors.js';
import type { Unit } from './types.js';

/**
 * A FOKUS round's scores as a spreadsheet (.csv or .xlsx), one row per unit:
 *
 *     Enhed;Klagesagsbehandling;Sagsbehandlingstider;Borgerbetjening;Bemærkning
 *     Byg og Plan;3;2;4;
 *     Natur;;;3;Kun evalueret på borgerbetjening
 *
 * The unit column (Enhed / Enhet / Unit) names a unit by name or id; every other column is one
 * of the round's themes (by name or id, case-insensitive), and each theme needs its column; an
 * optional note column (Bemærkning / Merknad / Note). An empty score cell means the unit was not
 * evaluated on that theme (it is then "ikke sammenlignelig"); a score is a number on the round's
 * scale, a decimal comma allowed. Errors name the line (the header is line 1) and the column; a
 * plan with errors must not be applied at all.
 */
export const scoreUnitColumnTitles = ['enhed', 'enhet', 'unit'] as const;
export const scoreNoteColumnTitles = ['bemærkning', 'merknad', 'note'] as const;
export const maxScoreNoteLength = 2000;

export type ScoreImportRow = { line: number; unitId: string; scores: ThemeScore[]; note: string };
export type ScoreImportError = ImportRowError<ScoreImportErrorCode>;
export type ScoreImportPlan = { rows: ScoreImportRow[]; errors: ScoreImportError[] };

export function planScoreImport(input: {
  header: string[];
  rows: { line: number; cells: string[] }[];
  round: Pick<EvaluationRound, 'themes' | 'unitIds' | 'scaleMin' | 'scaleMax'>;
  units: readonly Pick<Unit, 'id' | 'name'>[];
}): ScoreImportPlan {
  const { header, round } = input;
  const errors: ScoreImportError[] = [];
  const key = (text: string) => text.trim().toLocaleLowerCase('da');
  const themeByKey = new Map(
    round.themes.flatMap((theme) => [[key(theme.name), theme] as const, [key(theme.id), theme] as const]),
  );
  type Role = { kind: 'unit' } | { kind: 'note' } | { kind: 'theme'; themeId: string };
  const roles: (Role | null)[] = [];
  const seen = new Set<string>();
  header.forEach((title, index) => {
    const cell = key(title);
    const role: Role | null = (scoreUnitColumnTitles as readonly string[]).includes(cell)
      ? { kind: 'unit' }
      : (scoreNoteColumnTitles as readonly string[]).includes(cell)
        ? { kind: 'note' }
        : themeByKey.has(cell)
          ? { kind: 'theme', themeId: themeByKey.get(cell)!.id }
          : null;
    const identity = role === null ? null : role.kind === 'theme' ? `theme:${role.themeId}` : role.kind;
    if (role === null) {
      errors.push(
        importRowError(1, title, 'unknown-column', {
          value: title,
          expected: ['Enhed', ...round.themes.map((theme) => theme.name), 'Bemærkning'].join(', '),
        }),
      );
    } else if (seen.has(identity!)) {
      errors.push(importRowError(1, title, 'duplicate-column', { value: title }));
    }
    if (identity !== null) seen.add(identity);
    roles[index] = role;
  });
  if (!seen.has('unit')) errors.push(importRowError(1, null, 'missing-column', { value: 'Enhed' }));
  for (const theme of round.themes)
    if (!seen.has(`theme:${theme.id}`)) errors.push(importRowError(1, null, 'missing-column', { value: theme.name }));
  if (errors.length > 0) return { rows: [], errors };
  if (input.rows.length === 0) return { rows: [], errors: [importRowError(1, null, 'no-rows', {})] };

  const unitByKey = new Map(
    input.units.flatMap((unit) => [[key(unit.name), unit] as const, [key(unit.id), unit] as const]),
  );
  const firstLineOf = new Map<string, number>();
  const rows: ScoreImportRow[] = [];
  for (const row of input.rows) {
    if (row.cells.length > header.length) {
      errors.push(
        importRowError(row.line, null, 'too-many-fields', { count: row.cells.length, expected: header.length }),
      );
      continue;
    }
    let unitId: string | null = null;
    const scores: ThemeScore[] = [];
    let note = '';
    const before = errors.length;
    roles.forEach((role, index) => {
      const value = (row.cells[index] ?? '').trim();
      const column = header[index]!;
      if (role === null) return;
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value)) {
        errors.push(importRowError(row.line, column, 'control-characters', {}));
        return;
      }
      if (role.kind === 'unit') {
        if (value === '') return void errors.push(importRowError(row.line, column, 'empty-required', {}));
        const unit = unitByKey.get(key(value));
        if (!unit) return void errors.push(importRowError(row.line, column, 'unknown-unit', { value }));
        if (!round.unitIds.includes(unit.id))
          return void errors.push(importRowError(row.line, column, 'unit-outside-round', { value }));
        const firstLine = firstLineOf.get(unit.id);
        if (firstLine !== undefined)
          return void errors.push(importRowError(row.line, column, 'duplicate-unit', { value, firstLine }));
        firstLineOf.set(unit.id, row.line);
        unitId = unit.id;
      } else if (role.kind === 'note') {
        if (value.length > maxScoreNoteLength)
          return void errors.push(importRowError(row.line, column, 'too-long', { max: maxScoreNoteLength }));
        note = value;
      } else if (value !== '') {
        const score = parseScore(value);
        if (score === null || scoreProblem(round, { themeId: role.themeId, score }) !== null)
          return void errors.push(
            importRowError(row.line, column, 'bad-score', { value, min: round.scaleMin, max: round.scaleMax }),
          );
        scores.push({ themeId: role.themeId, score });
      }
    });
    if (errors.length === before && unitId !== null) rows.push({ line: row.line, unitId, scores, note });
  }
  return { rows: errors.length > 0 ? [] : rows, errors };
}

/** "3", "3.5" or "3,5"; null for anything else. */
export function parseScore(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}
