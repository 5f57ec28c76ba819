import { importRowError, type ImportRowError, type SurveyImportErrorCode } from './import-errors.js';
import { checkSurveyAnswer } from './survey-answers.js';
import { maxTextAnswerLength, type Survey } from './survey-types.js';
import type { Unit } from './types.js';

/**
 * The import of an external survey tool's export: one row per respondent, the columns case type,
 * unit and one per question (named by the question's id or its Danish wording). Every row is
 * checked like an answer on the answer page; an error names the line (the header is line 1) and
 * the column. The use case imports nothing when any row has an error.
 */

export type SurveyImportError = ImportRowError<SurveyImportErrorCode>;
export type SurveyImportRow = {
  line: number;
  caseType: string;
  unitId: string;
  values: Record<string, number | string>;
};
export type SurveyImportPlan = { rows: SurveyImportRow[]; errors: SurveyImportError[] };

const caseTypeHeaders = ['sagstype', 'casetype', 'sakstype'];
const unitHeaders = ['enhed', 'unit', 'unitid', 'enhet'];

const normalise = (text: string) => text.trim().toLocaleLowerCase('da').replace(/\s+/g, ' ');

export function planSurveyImport(input: {
  survey: Pick<Survey, 'questions' | 'caseTypes'>;
  header: readonly string[];
  rows: readonly { line: number; cells: readonly string[] }[];
  units: readonly Pick<Unit, 'id' | 'name'>[];
}): SurveyImportPlan {
  const { survey, header } = input;
  const errors: SurveyImportError[] = [];
  // What each column holds: 'caseType', 'unit' or a question id.
  const roles: (string | null)[] = [];
  const seen = new Set<string>();
  const questionByName = new Map<string, string>();
  for (const question of survey.questions) {
    questionByName.set(normalise(question.id), question.id);
    questionByName.set(normalise(question.wording.da), question.id);
  }
  header.forEach((name) => {
    const key = normalise(name);
    const role = caseTypeHeaders.includes(key)
      ? 'caseType'
      : unitHeaders.includes(key)
        ? 'unit'
        : (questionByName.get(key) ?? null);
    if (role === null) {
      const expected = ['Sagstype', 'Enhed', ...survey.questions.map((question) => question.id)].join(', ');
      errors.push(importRowError(1, name, 'unknown-column', { value: name, expected }));
    } else if (seen.has(role)) errors.push(importRowError(1, name, 'duplicate-column', { value: name }));
    seen.add(role ?? '');
    roles.push(role);
  });
  for (const [role, label] of [
    ['caseType', 'Sagstype'],
    ['unit', 'Enhed'],
  ] as const)
    if (!roles.includes(role)) errors.push(importRowError(1, null, 'missing-column', { value: label }));
  for (const question of survey.questions)
    if (question.isRequired && !roles.includes(question.id))
      errors.push(importRowError(1, null, 'missing-column', { value: question.id }));
  if (errors.length > 0) return { rows: [], errors };
  if (input.rows.length === 0) return { rows: [], errors: [importRowError(1, null, 'no-rows', {})] };

  const columnOf = (role: string) => header[roles.indexOf(role)] ?? role;
  const unitByName = new Map<string, string>();
  for (const unit of input.units) {
    unitByName.set(normalise(unit.id), unit.id);
    unitByName.set(normalise(unit.name), unit.id);
  }
  const caseTypes = new Map(survey.caseTypes.map((caseType) => [normalise(caseType), caseType]));
  const rows: SurveyImportRow[] = [];
  for (const { line, cells } of input.rows) {
    if (cells.length > header.length) {
      errors.push(importRowError(line, null, 'too-many-fields', { count: cells.length, expected: header.length }));
      continue;
    }
    const raw: Record<string, string> = {};
    roles.forEach((role, index) => (raw[role!] = cells[index] ?? ''));
    const before = errors.length;
    const caseType = caseTypes.get(normalise(raw['caseType'] ?? ''));
    if ((raw['caseType'] ?? '') === '') errors.push(importRowError(line, columnOf('caseType'), 'empty-required', {}));
    else if (!caseType)
      errors.push(
        importRowError(line, columnOf('caseType'), 'unknown-case-type', {
          value: raw['caseType']!,
          expected: survey.caseTypes.join(', '),
        }),
      );
    const unitId = unitByName.get(normalise(raw['unit'] ?? ''));
    if ((raw['unit'] ?? '') === '') errors.push(importRowError(line, columnOf('unit'), 'empty-required', {}));
    else if (!unitId) errors.push(importRowError(line, columnOf('unit'), 'unknown-unit', { value: raw['unit']! }));
    const checked = checkSurveyAnswer(survey, raw);
    if (!checked.ok) {
      for (const { questionId, code } of checked.errors) {
        const column = columnOf(questionId);
        const question = survey.questions.find((candidate) => candidate.id === questionId)!;
        if (code === 'required') errors.push(importRowError(line, column, 'empty-required', {}));
        else if (code === 'out-of-scale')
          errors.push(
            importRowError(line, column, 'unknown-level', {
              value: raw[questionId] ?? '',
              min: 1,
              max: question.kind === 'scale' ? question.scaleMax : 1,
            }),
          );
        else if (code === 'too-long')
          errors.push(importRowError(line, column, 'too-long', { max: maxTextAnswerLength }));
        else errors.push(importRowError(line, column, 'control-characters', {}));
      }
    }
    if (errors.length === before && checked.ok && caseType && unitId)
      rows.push({ line, caseType, unitId, values: checked.values });
  }
  return { rows, errors };
}
