import type { Translate } from '../../i18n/i18n-context';
import type { ImportErrorDto, ImportErrorKeys } from '../../shared/import-error-text';
import { caseFields, type CaseField } from '../../../../functions/src/core/goal-types';
import type { CaseImportErrorCode } from '../../../../functions/src/core/import-errors';
import { caseFieldKey } from './goal-model';

/** The message of each error the case import reports (functions/src/core/import-errors.ts). */
export const caseErrorKeys: ImportErrorKeys<CaseImportErrorCode> = {
  'missing-column': 'goals.import.error.missingColumn',
  'unmapped-field': 'goals.import.error.unmappedField',
  'no-rows': 'goals.import.error.noRows',
  'empty-required': 'goals.import.error.emptyRequired',
  'bad-date': 'goals.import.error.badDate',
  'bad-number': 'goals.import.error.badNumber',
  'date-order': 'goals.import.error.dateOrder',
  'duplicate-case': 'goals.import.error.duplicateCase',
  'unknown-unit': 'goals.import.error.unknownUnit',
  'too-long': 'goals.import.error.tooLong',
  'control-characters': 'goals.import.error.controlCharacters',
};

const isCaseField = (value: unknown): value is CaseField =>
  typeof value === 'string' && (caseFields as readonly string[]).includes(value);

/** The column of an error: the case field in the user's words, or "–" for the whole row. */
export function caseErrorColumn(column: string | null, t: Translate): string {
  if (column === null) return '–';
  return isCaseField(column) ? t(caseFieldKey[column]) : column;
}

/**
 * The error with the case fields its params name (`field`, `other`, and `value` of a missing
 * column) in the user's words, so "decidedOn" reads "Afgjort".
 */
export function caseErrorWithFieldNames(error: ImportErrorDto, t: Translate): ImportErrorDto {
  const params = Object.fromEntries(
    Object.entries(error.params).map(([name, value]) => [
      name,
      (name === 'field' || name === 'other' || (name === 'value' && error.code === 'missing-column')) &&
      isCaseField(value)
        ? t(caseFieldKey[value])
        : value,
    ]),
  );
  return { ...error, params };
}
