import type { ApiRequestError, ErrorCode } from '../api/api-error';
import type { MessageKey, MessageValues } from '../i18n/messages';

/**
 * The errors the server explains more precisely than its code: `details.reason` picks the
 * message and `params` names the details it fills in. A reason without its details (an older
 * server, another adapter) falls back to the code's own message.
 */
const reasonMessages: Partial<
  Record<ErrorCode, Readonly<Record<string, { key: MessageKey; params: readonly string[] }>>>
> = {
  VALIDATION: {
    'empty-file': { key: 'error.VALIDATION.empty-file', params: ['fileName'] },
    'future-date': { key: 'error.VALIDATION.future-date', params: [] },
    'before-receipt': { key: 'error.VALIDATION.before-receipt', params: [] },
    'no-export': { key: 'error.VALIDATION.no-export', params: [] },
    'audit-year-past': { key: 'error.VALIDATION.audit-year-past', params: ['year'] },
    'no-audit-date-left': { key: 'error.VALIDATION.no-audit-date-left', params: ['year'] },
    'found-on-future': { key: 'error.VALIDATION.found-on-future', params: [] },
    'no-change': { key: 'error.VALIDATION.no-change', params: [] },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    'not-a-document': { key: 'error.UNSUPPORTED_MEDIA_TYPE.not-a-document', params: ['fileName'] },
    'no-extension': { key: 'error.UNSUPPORTED_MEDIA_TYPE.no-extension', params: ['fileName', 'rename'] },
    'name-mismatch': {
      key: 'error.UNSUPPORTED_MEDIA_TYPE.name-mismatch',
      params: ['fileName', 'extension', 'rename'],
    },
  },
  DUPLICATE: {
    'procedure-code': { key: 'error.DUPLICATE.procedure-code', params: ['code'] },
    'checklist-finding': { key: 'error.DUPLICATE.checklist-finding', params: [] },
  },
  CONFLICT: {
    'draft-exists': { key: 'error.CONFLICT.draft-exists', params: [] },
    'no-version': { key: 'error.CONFLICT.no-version', params: [] },
    'no-draft': { key: 'error.CONFLICT.no-draft', params: [] },
    'not-pending': { key: 'error.CONFLICT.not-pending', params: [] },
    'draft-changed': { key: 'error.CONFLICT.draft-changed', params: [] },
    answered: { key: 'error.CONFLICT.answered', params: [] },
  },
};

/**
 * The message key and values for an API error, from its code and details only: the server's
 * English `message` is for logs and API clients and is never shown in the tab.
 */
export function errorMessageFor(error: Pick<ApiRequestError, 'code' | 'details'>): {
  key: MessageKey;
  values: MessageValues;
} {
  const reason = error.details['reason'];
  const byReason = reasonMessages[error.code];
  if (typeof reason === 'string' && byReason && Object.hasOwn(byReason, reason)) {
    const { key, params } = byReason[reason]!;
    const values: Record<string, string | number> = {};
    for (const name of params) {
      const value = error.details[name];
      if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    }
    if (Object.keys(values).length === params.length) return { key, values };
  }
  return { key: `error.${error.code}`, values: {} };
}
