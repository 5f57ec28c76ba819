import type { DocumentIdentity } from '../core/document-identity.js';
import type { Locale } from '../core/locale.js';
import { formatDate } from '../i18n/format-date.js';
import { serverTexts } from '../i18n/server-texts.js';

/** The lines a downloaded document carries: the identification (every page) and, when obsolete, the warning. */
export type DocumentStamp = {
  /** "K-17 Sagsbehandling · version 1.2 · godkendt 03-02-2025 af Anne Birk". */
  identification: string;
  /** "Ugyldig — erstattet af version 2.0" on an obsolete version, else null. */
  warning: string | null;
};

export function documentStampOf(identity: DocumentIdentity, locale: Locale, timeZone?: string): DocumentStamp {
  const t = serverTexts(locale, 'exports');
  const identification =
    identity.version === null
      ? t('document.draftFooter', { code: identity.code, title: identity.title })
      : t('document.footer', {
          code: identity.code,
          title: identity.title,
          version: identity.version,
          date: identity.approvedAt ? formatDate(identity.approvedAt, locale, timeZone) : '—',
          approver: identity.approverName ?? t('document.unknownPerson'),
        });
  const warning =
    identity.state !== 'obsolete'
      ? null
      : identity.replacedBy
        ? t('document.obsolete', { version: identity.replacedBy })
        : t('document.obsoleteWithdrawn');
  return { identification, warning };
}
