import type { ImportErrorKeys } from '../../shared/import-error-text';
import type { ScoreImportErrorCode } from '../../../../functions/src/core/import-errors';

/** The message of each error the score import reports (functions/src/core/import-errors.ts). */
export const scoreErrorKeys: ImportErrorKeys<ScoreImportErrorCode> = {
  'unknown-column': 'fokus.import.error.unknownColumn',
  'duplicate-column': 'fokus.import.error.duplicateColumn',
  'missing-column': 'fokus.import.error.missingColumn',
  'no-rows': 'fokus.import.error.noRows',
  'too-many-fields': 'fokus.import.error.tooManyFields',
  'empty-required': 'fokus.import.error.emptyRequired',
  'unknown-unit': 'fokus.import.error.unknownUnit',
  'unit-outside-round': 'fokus.import.error.unitOutsideRound',
  'duplicate-unit': 'fokus.import.error.duplicateUnit',
  'bad-score': 'fokus.import.error.badScore',
  'too-long': 'fokus.import.error.tooLong',
  'control-characters': 'fokus.import.error.controlCharacters',
};
