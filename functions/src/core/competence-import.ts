import type { Competence, CompetenceLevel, PersonCompetence } from './competence-types.js';
import { competenceLevels, isCompetenceLevel } from './competence-types.js';
import { importRowError, type ImportRowError as RowError, type MatrixImportErrorCode } from './import-errors.js';
import { isLocalDate, type LocalDate } from './local-date.js';
import type { Person } from './types.js';

/**
 * The competence matrix as rows of a spreadsheet, one row per person and competence: the columns
 * the export writes and the import reads. "Navn" and "Vurdering" are there for the reader and
 * ignored on import; the person is found by id or e-mail, the competence by its name.
 */
export const matrixColumns = {
  person: 'Person',
  name: 'Navn',
  competence: 'Kompetence',
  level: 'Niveau',
  validUntil: 'Gyldig til',
  assessment: 'Vurdering',
} as const;
export const matrixHeader: string[] = Object.values(matrixColumns);
const requiredColumns = [matrixColumns.person, matrixColumns.competence, matrixColumns.level, matrixColumns.validUntil];

export type ImportRowError = RowError<MatrixImportErrorCode>;

export type ImportChange = {
  line: number;
  personId: string;
  personName: string;
  competenceId: string;
  competenceName: string;
  /** The record before the import; null: the person had no level in the competence. */
  from: { level: CompetenceLevel; validUntil: LocalDate | null } | null;
  to: { level: CompetenceLevel; validUntil: LocalDate | null };
};

export type ImportPlan = {
  changes: ImportChange[];
  /** Rows that match what is stored already. */
  unchangedLines: number[];
  errors: ImportRowError[];
};

export type ImportPlanInput = {
  header: string[];
  rows: { line: number; cells: string[] }[];
  people: readonly Person[];
  competences: readonly Competence[];
  existing: readonly PersonCompetence[];
  /** Whether the importer may set this person's levels (policies.ts); a row for anyone else is an error. */
  mayManage?: (person: Person) => boolean;
};

const normalised = (value: string) => value.trim().toLocaleLowerCase('da');

/**
 * Checks every row of an import against the directory, the catalogue and the stored levels, and
 * lists what would change. Errors name the row's line in the file (the header is line 1) and the
 * column; a plan with errors must not be applied at all. A wrong header is reported on line 1
 * and no row is read.
 */
export function planCompetenceImport(input: ImportPlanInput): ImportPlan {
  const known = new Set(matrixHeader.map(normalised));
  const headerErrors: ImportRowError[] = [];
  const columnIndex = new Map<string, number>();
  input.header.forEach((title, index) => {
    if (title.trim() === '') return;
    if (!known.has(normalised(title)))
      headerErrors.push(
        importRowError(1, title, 'unknown-column', { value: title, expected: matrixHeader.join(', ') }),
      );
    else if (columnIndex.has(normalised(title)))
      headerErrors.push(importRowError(1, title, 'duplicate-column', { value: title }));
    else columnIndex.set(normalised(title), index);
  });
  for (const column of requiredColumns)
    if (!columnIndex.has(normalised(column)))
      headerErrors.push(importRowError(1, column, 'missing-column', { value: column }));
  if (headerErrors.length > 0) return { changes: [], unchangedLines: [], errors: headerErrors };

  const cell = (cells: string[], column: string) => (cells[columnIndex.get(normalised(column))!] ?? '').trim();
  const personByKey = new Map<string, Person>();
  for (const person of input.people) {
    personByKey.set(normalised(person.id), person);
    if (person.email) personByKey.set(normalised(person.email), person);
  }
  const competenceByName = new Map(input.competences.map((competence) => [normalised(competence.name), competence]));
  const existingByPair = new Map(
    input.existing.map((record) => [`${record.personId}\u0000${record.competenceId}`, record]),
  );
  const firstLineOf = new Map<string, number>();

  const plan: ImportPlan = { changes: [], unchangedLines: [], errors: [] };
  for (const { line, cells } of input.rows) {
    const rowErrors: ImportRowError[] = [];
    const personKey = cell(cells, matrixColumns.person);
    const person = personByKey.get(normalised(personKey));
    if (!person) rowErrors.push(importRowError(line, matrixColumns.person, 'unknown-person', { value: personKey }));
    else if (input.mayManage && !input.mayManage(person))
      rowErrors.push(importRowError(line, matrixColumns.person, 'person-out-of-scope', { value: person.name }));
    const competenceName = cell(cells, matrixColumns.competence);
    const competence = competenceByName.get(normalised(competenceName));
    if (!competence)
      rowErrors.push(importRowError(line, matrixColumns.competence, 'unknown-competence', { value: competenceName }));
    const levelText = cell(cells, matrixColumns.level);
    const level = /^\d$/.test(levelText) ? Number(levelText) : NaN;
    if (!isCompetenceLevel(level))
      rowErrors.push(
        importRowError(line, matrixColumns.level, 'unknown-level', {
          value: levelText,
          min: Math.min(...competenceLevels),
          max: Math.max(...competenceLevels),
        }),
      );
    const validUntilText = cell(cells, matrixColumns.validUntil);
    if (validUntilText !== '' && !isLocalDate(validUntilText))
      rowErrors.push(importRowError(line, matrixColumns.validUntil, 'bad-date', { value: validUntilText }));
    if (person && competence) {
      const pair = `${person.id}\u0000${competence.id}`;
      const firstLine = firstLineOf.get(pair);
      if (firstLine !== undefined)
        rowErrors.push(
          importRowError(line, null, 'duplicate-row', { person: person.name, competence: competence.name, firstLine }),
        );
      else firstLineOf.set(pair, line);
    }
    if (rowErrors.length > 0 || !person || !competence || !isCompetenceLevel(level)) {
      plan.errors.push(...rowErrors);
      continue;
    }
    const validUntil = validUntilText === '' ? null : (validUntilText as LocalDate);
    const current = existingByPair.get(`${person.id}\u0000${competence.id}`);
    if (current && current.level === level && current.validUntil === validUntil) {
      plan.unchangedLines.push(line);
      continue;
    }
    plan.changes.push({
      line,
      personId: person.id,
      personName: person.name,
      competenceId: competence.id,
      competenceName: competence.name,
      from: current ? { level: current.level, validUntil: current.validUntil } : null,
      to: { level, validUntil },
    });
  }
  return plan;
}
