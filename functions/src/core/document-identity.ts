import { versionLabel } from './lifecycle.js';
import type { Procedure, ProcedureVersion } from './types.js';

/**
 * What identifies a downloaded procedure document (ISO 9001 7.5.3): its code, title, version,
 * approval date and approver, and, for an obsolete version, the version that replaced it. The
 * stamp is applied on the way out (`documents/stamp-docx.ts`, `documents/version-rendition-pdf.ts`);
 * the stored original never changes.
 */
export type DocumentIdentity = {
  code: string;
  title: string;
  /** "1.2"; null for a draft (it has no number until it is published). */
  version: string | null;
  state: ProcedureVersion['state'];
  /** The approval instant (ISO); null for drafts. */
  approvedAt: string | null;
  approverName: string | null;
  /** For an obsolete version: the label of the version that replaced it ("2.0"), else null. */
  replacedBy: string | null;
};

export function documentIdentityOf(
  procedure: Pick<Procedure, 'code' | 'title'>,
  version: Pick<ProcedureVersion, 'major' | 'minor' | 'state' | 'publishedAt'>,
  approverName: string | null,
  replacement: Pick<ProcedureVersion, 'major' | 'minor'> | null,
): DocumentIdentity {
  const released = version.state === 'published' || version.state === 'obsolete';
  return {
    code: procedure.code,
    title: procedure.title,
    version: released ? versionLabel(version) : null,
    state: version.state,
    approvedAt: released ? version.publishedAt : null,
    approverName: released ? approverName : null,
    replacedBy: version.state === 'obsolete' && replacement ? versionLabel(replacement) : null,
  };
}

/** Characters Windows, macOS or a zip refuse in a file name, and control characters. */
const unsafeInFileName = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** At most this many characters before the extension: well inside every file system's limit. */
export const maxBaseNameLength = 150;

/**
 * The file name a version downloads under: "<code> <title> v<version>" for a published or
 * obsolete version, "<code> <title> <draftWord>" for a draft; never the uploader's file name.
 */
export function documentBaseName(
  identity: Pick<DocumentIdentity, 'code' | 'title' | 'version'>,
  draftWord: string,
): string {
  const suffix = identity.version === null ? draftWord : `v${identity.version}`;
  const head = `${identity.code} ${identity.title}`
    .normalize('NFC')
    .replace(unsafeInFileName, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const room = maxBaseNameLength - suffix.length - 1;
  const cut = head.length > room ? [...head].slice(0, room).join('').trimEnd() : head;
  return `${cut} ${suffix}`.replace(/^\.+/, '').trim();
}

export type DocumentFormat = 'docx' | 'pdf' | 'md';

export function extensionOf(mediaType: string): DocumentFormat {
  const type = mediaType.toLowerCase();
  if (type.startsWith('application/pdf')) return 'pdf';
  if (type.startsWith('text/markdown')) return 'md';
  return 'docx';
}
