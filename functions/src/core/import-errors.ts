/**
 * The per-row errors of the file imports (competence matrix, certifier's findings). Each error
 * has a machine-readable `code` with its `params` (the offending value and what would be
 * accepted), so the tab can word it in the user's language, and an English `message` for API
 * clients. The message is derived from code and params here, so the two always agree.
 */
type Params = {
  /** A header cell that is not a known column; `expected` lists the known ones. */
  'unknown-column': { value: string; expected: string };
  'duplicate-column': { value: string };
  'missing-column': { value: string };
  'no-rows': Record<string, never>;
  /** A row with more fields than the header has columns. */
  'too-many-fields': { count: number; expected: number };
  'empty-required': Record<string, never>;
  'unknown-person': { value: string };
  /** A person the importing leader does not manage (outside their unit and the units below it); `value` is the name. */
  'person-out-of-scope': { value: string };
  'unknown-competence': { value: string };
  'unknown-level': { value: string; min: number; max: number };
  /** A second row for the same person and competence; `firstLine` is where the pair appeared first. */
  'duplicate-row': { person: string; competence: string; firstLine: number };
  'bad-date': { value: string };
  /** A finding's date after today (core/audit-dates.ts): a finding is something already seen. */
  'future-date': { value: string; today: string };
  'unknown-grade': { value: string; expected: string };
  'bad-clause': { value: string };
  'unknown-procedure': { value: string };
  'unknown-unit': { value: string };
  /** A case type the survey does not cover; `expected` lists those it does. */
  'unknown-case-type': { value: string; expected: string };
  'too-long': { max: number };
  'control-characters': Record<string, never>;
  /** A field mapped to a column the file does not have; `value` is the mapped header. */
  'unmapped-field': { value: string; field: string };
  'bad-number': { value: string };
  /** A date earlier than the date in `other` (e.g. decided before received). */
  'date-order': { value: string; other: string };
  /** A second row for the same case id; `firstLine` is where it appeared first. */
  'duplicate-case': { value: string; firstLine: number };
  /** A FOKUS score that is not a number on the round's scale. */
  'bad-score': { value: string; min: number; max: number };
  /** A unit the FOKUS round does not cover. */
  'unit-outside-round': { value: string };
  /** A second row for the same unit; `firstLine` is where it appeared first. */
  'duplicate-unit': { value: string; firstLine: number };
};

export type ImportErrorCode = keyof Params;
export type ImportErrorParams<Code extends ImportErrorCode> = Params[Code];

const messages: { [Code in ImportErrorCode]: (params: Params[Code]) => string } = {
  'unknown-column': ({ value, expected }) => `Unknown column "${value}". Expected: ${expected}.`,
  'duplicate-column': ({ value }) => `The column "${value}" appears twice.`,
  'missing-column': ({ value }) => `The column "${value}" is missing.`,
  'no-rows': () => 'The file has no rows.',
  'too-many-fields': ({ count, expected }) => `The row has ${count} fields; the header has ${expected}.`,
  'empty-required': () => 'The field is empty and must be filled in.',
  'unknown-person': ({ value }) => `Unknown person "${value}" (id or e-mail).`,
  'person-out-of-scope': ({ value }) => `${value} works outside the units you manage.`,
  'unknown-competence': ({ value }) => `Unknown competence "${value}".`,
  'unknown-level': ({ value, min, max }) => `Unknown level "${value}"; use ${min} to ${max}.`,
  'duplicate-row': ({ person, competence, firstLine }) =>
    `${person} and "${competence}" appear already on line ${firstLine}.`,
  'bad-date': ({ value }) => `"${value}" is not a date such as 2027-03-31.`,
  'future-date': ({ value, today }) => `${value} is after today (${today}); a finding is found on or before today.`,
  'unknown-grade': ({ value, expected }) =>
    `Unknown grade "${value}". Use ${expected} or the Danish name, e.g. "Mindre afvigelse".`,
  'bad-clause': ({ value }) => `"${value}" is not a clause such as 7.5.3.`,
  'unknown-procedure': ({ value }) => `No procedure with code ${value}.`,
  'unknown-unit': ({ value }) => `No unit named "${value}".`,
  'unknown-case-type': ({ value, expected }) =>
    `The survey does not cover the case type "${value}". Expected: ${expected}.`,
  'too-long': ({ max }) => `The text is longer than ${max} characters.`,
  'control-characters': () => 'The text contains control characters.',
  'unmapped-field': ({ value, field }) => `The file has no column "${value}" (mapped to ${field}).`,
  'bad-number': ({ value }) => `"${value}" is not a whole number of days (0 or more).`,
  'date-order': ({ value, other }) => `${value} is before the date in ${other}.`,
  'duplicate-case': ({ value, firstLine }) => `Case ${value} appears already on line ${firstLine}.`,
  'bad-score': ({ value, min, max }) => `"${value}" is not a score from ${min} to ${max}.`,
  'unit-outside-round': ({ value }) => `The round does not cover the unit "${value}".`,
  'duplicate-unit': ({ value, firstLine }) => `The unit "${value}" appears already on line ${firstLine}.`,
};

/** Every code, for the OpenAPI enum and the tab's catalogue check. */
export const importErrorCodes = Object.keys(messages) as [ImportErrorCode, ...ImportErrorCode[]];

/** The codes the competence matrix import reports. */
export const matrixImportErrorCodes = [
  'unknown-column',
  'duplicate-column',
  'missing-column',
  'unknown-person',
  'person-out-of-scope',
  'unknown-competence',
  'unknown-level',
  'duplicate-row',
  'bad-date',
] as const satisfies readonly ImportErrorCode[];
export type MatrixImportErrorCode = (typeof matrixImportErrorCodes)[number];

/** The codes the findings import reports. */
export const findingImportErrorCodes = [
  'unknown-column',
  'duplicate-column',
  'missing-column',
  'no-rows',
  'too-many-fields',
  'empty-required',
  'unknown-grade',
  'bad-clause',
  'unknown-procedure',
  'unknown-unit',
  'too-long',
  'control-characters',
  'bad-date',
  'future-date',
] as const satisfies readonly ImportErrorCode[];
export type FindingImportErrorCode = (typeof findingImportErrorCodes)[number];

/** The codes the case-data import reports. */
export const caseImportErrorCodes = [
  'missing-column',
  'unmapped-field',
  'no-rows',
  'empty-required',
  'bad-date',
  'bad-number',
  'date-order',
  'duplicate-case',
  'unknown-unit',
  'too-long',
  'control-characters',
] as const satisfies readonly ImportErrorCode[];
export type CaseImportErrorCode = (typeof caseImportErrorCodes)[number];

/** The codes the import of survey answers reports. */
export const surveyImportErrorCodes = [
  'unknown-column',
  'duplicate-column',
  'missing-column',
  'no-rows',
  'too-many-fields',
  'empty-required',
  'unknown-case-type',
  'unknown-unit',
  'unknown-level',
  'too-long',
  'control-characters',
] as const satisfies readonly ImportErrorCode[];
export type SurveyImportErrorCode = (typeof surveyImportErrorCodes)[number];

/** The codes the FOKUS score import reports. */
export const scoreImportErrorCodes = [
  'unknown-column',
  'duplicate-column',
  'missing-column',
  'no-rows',
  'too-many-fields',
  'empty-required',
  'unknown-unit',
  'unit-outside-round',
  'duplicate-unit',
  'bad-score',
  'too-long',
  'control-characters',
] as const satisfies readonly ImportErrorCode[];
export type ScoreImportErrorCode = (typeof scoreImportErrorCodes)[number];

/** One error of an import: the line in the file (the header is line 1) and the column, if any. */
export type ImportRowError<Code extends ImportErrorCode = ImportErrorCode> = {
  [Each in Code]: {
    line: number;
    column: string | null;
    code: Each;
    params: Params[Each];
    message: string;
  };
}[Code];

export function importRowError<Code extends ImportErrorCode>(
  line: number,
  column: string | null,
  code: Code,
  params: Params[Code],
): ImportRowError<Code> {
  return { line, column, code, params, message: messages[code](params) } as ImportRowError<Code>;
}

/**
 * What one file import may hold and report. Without them an import's answer grows with the
 * file: 2 MB of one-letter lines once became 384 MB of row errors. A competence matrix of a
 * large municipality is a few thousand rows of six columns; a certifier's report, a few dozen.
 */
export const importLimits = {
  /** Data rows (the header not counted); a larger file is refused as PAYLOAD_TOO_LARGE. */
  maxRows: 5000,
  /** Fields in any row, header included. */
  maxColumns: 200,
  /** Row errors listed in an answer; `errorCount` says how many there were in all. */
  maxListedErrors: 100,
} as const;

/** The errors part of every import's answer: the first `maxListedErrors` and the total count. */
export type ImportErrorReport<Error> = { errors: Error[]; errorCount: number };

export function reportImportErrors<Error>(errors: readonly Error[]): ImportErrorReport<Error> {
  return { errors: errors.slice(0, importLimits.maxListedErrors), errorCount: errors.length };
}
