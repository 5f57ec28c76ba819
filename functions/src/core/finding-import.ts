import type { Locale } from './locale.js';
import { findingGradeNames } from './corrective-action.js';
import {
  importRowError,
  type FindingImportErrorCode,
  type ImportErrorParams,
  type ImportRowError,
} from './import-errors.js';
import { isLocalDate, type LocalDate } from './local-date.js';
import { clausePattern, findingGrades, type Clause, type FindingGrade } from './quality-year-types.js';
import type { Unit } from './types.js';

/**
 * A certification body's findings as rows of a CSV file, for one audit. The header names the
 * columns (any order, case-insensitive); `grade` and `description` are required, the others may
 * be left out or empty. A grade is a code (`major`, `minor`, …) or its name in Danish, Norwegian
 * or English ("Større afvigelse", "Mindre avvik", "Observation", …); a procedure is its code
 * ("K-03"); a unit its name or id; `foundOn` a date YYYY-MM-DD (empty: the audit's date).
 * Errors name the line in the file (the header is line 1) and the column; a plan with errors must
 * not be applied at all.
 */
export const findingColumns = ['grade', 'clause', 'procedure', 'unit', 'description', 'foundOn'] as const;
export type FindingColumn = (typeof findingColumns)[number];

/**
 * The columns' titles in each language, accepted in the header as well as the codes above, so a
 * Danish user can write (and is told about) "Kategori;Punkt;…" instead of "grade;clause;…". The
 * tab's catalogues show the same titles (`audit.importColumn.*`); a test keeps them in step.
 */
export const findingColumnTitles: Record<Locale, Record<FindingColumn, string>> = {
  da: {
    grade: 'Kategori',
    clause: 'Punkt',
    procedure: 'Procedure',
    unit: 'Enhed',
    description: 'Beskrivelse',
    foundOn: 'Konstateret',
  },
  nb: {
    grade: 'Kategori',
    clause: 'Punkt',
    procedure: 'Prosedyre',
    unit: 'Enhet',
    description: 'Beskrivelse',
    foundOn: 'Konstatert',
  },
  en: {
    grade: 'Grade',
    clause: 'Clause',
    procedure: 'Procedure',
    unit: 'Unit',
    description: 'Description',
    foundOn: 'Found on',
  },
};
const requiredColumns: readonly FindingColumn[] = ['grade', 'description'];

export const maxFindingDescriptionLength = 4000;

export type FindingImportRow = {
  line: number;
  grade: FindingGrade;
  clause: Clause | null;
  procedureId: string | null;
  unitId: string | null;
  description: string;
  foundOn: LocalDate;
};

export type FindingImportError = ImportRowError<FindingImportErrorCode>;
export type FindingImportPlan = { rows: FindingImportRow[]; errors: FindingImportError[] };

export type FindingImportInput = {
  header: string[];
  rows: { line: number; cells: string[] }[];
  /** Procedures by code (the caller looks up the codes the file names). */
  procedureIdByCode: ReadonlyMap<string, string>;
  units: readonly Unit[];
  /** Used when a row has no `foundOn`. */
  defaultFoundOn: LocalDate;
  /** No row may be found after today (core/audit-dates.ts `findingFoundOn`); absent: not checked. */
  today?: LocalDate;
};

const normalised = (value: string) => value.trim().toLocaleLowerCase('da').replace(/\s+/g, ' ');

const gradeByName: ReadonlyMap<string, FindingGrade> = new Map([
  ...findingGrades.map((grade) => [normalised(grade), grade] as const),
  ...Object.values(findingGradeNames).flatMap((names) =>
    findingGrades.map((grade) => [normalised(names[grade]), grade] as const),
  ),
]);

/** The grade a cell names, or undefined. */
export function parseFindingGrade(value: string): FindingGrade | undefined {
  return gradeByName.get(normalised(value));
}

/** The procedure codes a file's rows name (upper-cased), for the caller to look up. */
export function procedureCodesIn(input: Pick<FindingImportInput, 'header' | 'rows'>): string[] {
  const names = new Set([
    'procedure',
    ...Object.values(findingColumnTitles).map((titles) => normalised(titles.procedure)),
  ]);
  const index = input.header.findIndex((title) => names.has(normalised(title)));
  if (index < 0) return [];
  const codes = input.rows.map((row) => (row.cells[index] ?? '').trim().toUpperCase()).filter((code) => code !== '');
  return [...new Set(codes)];
}

export function planFindingImport(input: FindingImportInput): FindingImportPlan {
  const known = new Map<string, FindingColumn>([
    ...findingColumns.map((column) => [normalised(column), column] as const),
    ...Object.values(findingColumnTitles).flatMap((titles) =>
      findingColumns.map((column) => [normalised(titles[column]), column] as const),
    ),
  ]);
  const columnIndex = new Map<FindingColumn, number>();
  const headerErrors: FindingImportError[] = [];
  input.header.forEach((title, index) => {
    if (title.trim() === '') return;
    const column = known.get(normalised(title));
    if (column === undefined)
      headerErrors.push(
        importRowError(1, title, 'unknown-column', { value: title, expected: findingColumns.join(';') }),
      );
    else if (columnIndex.has(column)) headerErrors.push(importRowError(1, title, 'duplicate-column', { value: title }));
    else columnIndex.set(column, index);
  });
  for (const column of requiredColumns)
    if (!columnIndex.has(column)) headerErrors.push(importRowError(1, column, 'missing-column', { value: column }));
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors };
  if (input.rows.length === 0) return { rows: [], errors: [importRowError(2, null, 'no-rows', {})] };

  const unitByKey = new Map<string, string>();
  for (const unit of input.units) {
    unitByKey.set(normalised(unit.id), unit.id);
    unitByKey.set(normalised(unit.name), unit.id);
  }
  const rows: FindingImportRow[] = [];
  const errors: FindingImportError[] = [];
  for (const { line, cells } of input.rows) {
    const cell = (column: FindingColumn) => {
      const index = columnIndex.get(column);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const fail = <Code extends FindingImportErrorCode>(
      column: FindingColumn | null,
      code: Code,
      params: ImportErrorParams<Code>,
    ) => errors.push(importRowError(line, column, code, params) as FindingImportError);
    const before = errors.length;
    if (cells.length > input.header.length)
      fail(null, 'too-many-fields', { count: cells.length, expected: input.header.length });

    const grade = parseFindingGrade(cell('grade'));
    if (grade === undefined) {
      if (cell('grade') === '') fail('grade', 'empty-required', {});
      else fail('grade', 'unknown-grade', { value: cell('grade'), expected: findingGrades.join(', ') });
    }
    const clause = cell('clause');
    if (clause !== '' && !clausePattern.test(clause)) fail('clause', 'bad-clause', { value: clause });
    const code = cell('procedure').toUpperCase();
    const procedureId = code === '' ? null : (input.procedureIdByCode.get(code) ?? null);
    if (code !== '' && procedureId === null) fail('procedure', 'unknown-procedure', { value: code });
    const unitKey = cell('unit');
    const unitId = unitKey === '' ? null : (unitByKey.get(normalised(unitKey)) ?? null);
    if (unitKey !== '' && unitId === null) fail('unit', 'unknown-unit', { value: unitKey });
    const description = cell('description');
    if (description === '') fail('description', 'empty-required', {});
    else if (description.length > maxFindingDescriptionLength)
      fail('description', 'too-long', { max: maxFindingDescriptionLength });
    else if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(description))
      fail('description', 'control-characters', {});
    const date = cell('foundOn');
    if (date !== '' && !isLocalDate(date)) fail('foundOn', 'bad-date', { value: date });
    else if (date !== '' && input.today !== undefined && date > input.today)
      fail('foundOn', 'future-date', { value: date, today: input.today });

    if (errors.length === before && grade !== undefined)
      rows.push({
        line,
        grade,
        clause: clause === '' ? null : clause,
        procedureId,
        unitId,
        description,
        foundOn: date === '' ? input.defaultFoundOn : (date as LocalDate),
      });
  }
  return { rows, errors };
}
