import { describe, expect, it } from 'vitest';
import { findingColumns, findingColumnTitles } from '../../../functions/src/core/finding-import';
import { danish, tabTextsIn } from '../i18n/danish-texts';
import { ApiRequestError } from '../api/api-error';
import { errorMessageFor } from './error-text';

const words = (error: ApiRequestError) => {
  const { key, values } = errorMessageFor(error);
  return danish(key, values);
};

describe('errorMessageFor', () => {
  it('words a refused file name from the reason and its details, in Danish', () => {
    const error = new ApiRequestError({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'The file "notes.txt" has the extension ".txt", which is not accepted, but its content is …',
      details: {
        reason: 'name-mismatch',
        fileName: 'notes.txt',
        extension: '.txt',
        detected: 'markdown',
        rename: '.md',
      },
    });
    expect(words(error)).toBe(
      'Filen »notes.txt« hedder .txt, men indholdet passer ikke til det. Omdøb den, så navnet ender på .md.',
    );
  });

  it('names the procedure code that is taken', () => {
    const error = new ApiRequestError({
      status: 409,
      code: 'DUPLICATE',
      message: 'A procedure with code K-17 already exists.',
      details: { field: 'code', reason: 'procedure-code', code: 'K-17' },
    });
    expect(words(error)).toBe('Der findes allerede en procedure med koden K-17.');
  });

  it.each([
    ['a reason the tab does not know', { reason: 'new-in-a-later-server' }],
    ['a known reason without its details', { reason: 'procedure-code' }],
    ['no details', {}],
    ['a reason named like an object property', { reason: 'constructor' }],
  ])('falls back to the code’s translated message for %s, never the English one', (_, details) => {
    const error = new ApiRequestError({ status: 409, code: 'DUPLICATE', message: 'English words', details });
    expect(words(error)).toBe(danish('error.DUPLICATE'));
  });
});

describe('finding import column titles', () => {
  it.each([
    ['da', tabTextsIn('da')],
    ['nb', tabTextsIn('nb')],
    ['en', tabTextsIn('en')],
  ] as const)('are the ones the import accepts, in %s', (locale, t) => {
    for (const column of findingColumns) {
      expect(t(`audit.importColumn.${column}`)).toBe(findingColumnTitles[locale][column]);
    }
  });
});
