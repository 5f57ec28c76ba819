import type { ImportErrorCode } from '../../../functions/src/core/import-errors';
import type { Translate } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';

/** A row error of a file import as the API sends it (contract: importRowErrorSchema). */
export type ImportErrorDto = {
  code: string;
  params: Readonly<Record<string, string | number>>;
  message: string;
};

/** For each code an import reports, the message that words it in the user's language. */
export type ImportErrorKeys<Code extends ImportErrorCode> = Readonly<Record<Code, MessageKey>>;

/**
 * The user's words for a row error, from its code and params. A code this tab does not know (a
 * newer server) gets a generic translated line, never the server's English message.
 */
export function importErrorText<Code extends ImportErrorCode>(
  error: ImportErrorDto,
  keys: ImportErrorKeys<Code>,
  t: Translate,
): string {
  if (!Object.hasOwn(keys, error.code)) return t('import.error.generic');
  return t(keys[error.code as Code], error.params);
}
