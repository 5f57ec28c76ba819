import { documentBaseName, documentIdentityOf, extensionOf, type DocumentIdentity } from '../core/document-identity.js';
import type { Locale } from '../core/locale.js';
import type { Procedure, ProcedureVersion } from '../core/types.js';
import { documentStampOf, type DocumentStamp } from '../documents/document-stamp.js';
import { stampDocx } from '../documents/stamp-docx.js';
import { buildVersionRenditionPdf } from '../documents/version-rendition-pdf.js';
import { serverTexts } from '../i18n/server-texts.js';
import type { Actor } from '../core/policies.js';
import type { Services } from './ports.js';
import { getVisibleVersion } from './procedure-views.js';

export type VersionDownloadFormat = 'original' | 'pdf';

export type VersionDownload = { bytes: Uint8Array; mediaType: string; fileName: string };

/** The identification of a version: its procedure's code and title, the approver's name, its successor. */
export async function identityOfVersion(
  services: Services,
  procedure: Pick<Procedure, 'code' | 'title'>,
  version: ProcedureVersion,
): Promise<DocumentIdentity> {
  const [approver, replacement] = await Promise.all([
    version.approvedBy ? services.store.getPerson(version.approvedBy) : undefined,
    version.supersededByVersionId ? services.store.getVersion(version.supersededByVersionId) : undefined,
  ]);
  return documentIdentityOf(procedure, version, approver?.name ?? null, replacement ?? null);
}

/**
 * A version's file as it leaves the product (ISO 9001 7.5.3): named "<code> <title> v<version>",
 * stamped with its identification and, when obsolete, "Ugyldig — erstattet af version N". The
 * stored original is read, never written. `format: 'pdf'` gives the PDF rendition.
 */
export async function renderVersionDownload(
  services: Services,
  procedure: Pick<Procedure, 'code' | 'title'>,
  version: ProcedureVersion,
  options: { format: VersionDownloadFormat; locale: Locale },
): Promise<VersionDownload & { stamp: DocumentStamp }> {
  const identity = await identityOfVersion(services, procedure, version);
  const stamp = documentStampOf(identity, options.locale, services.settings.timeZone);
  const baseName = documentBaseName(identity, serverTexts(options.locale, 'exports')('document.draftWord'));
  const original = await services.documents.get(version.file.ref);
  const originalFormat = extensionOf(version.file.mediaType);
  if (options.format === 'pdf' || originalFormat === 'pdf') {
    const bytes = await buildVersionRenditionPdf({
      title: `${procedure.code} ${procedure.title}`,
      html: version.html,
      stamp,
      locale: options.locale,
      organisation: services.settings.organisationName,
      pdfOriginal: originalFormat === 'pdf' ? { bytes: original, fileName: `${baseName}.original.pdf` } : undefined,
    });
    return { bytes, mediaType: 'application/pdf', fileName: `${baseName}.pdf`, stamp };
  }
  if (originalFormat === 'docx') {
    return {
      bytes: await stampDocx(original, stamp),
      mediaType: version.file.mediaType,
      fileName: `${baseName}.docx`,
      stamp,
    };
  }
  const lines = [stamp.warning ? `> **${stamp.warning}**` : null, `> ${stamp.identification}`]
    .filter(Boolean)
    .join('\n>\n');
  const text = `${lines}\n\n${new TextDecoder('utf-8').decode(original)}`;
  return {
    bytes: new TextEncoder().encode(text),
    mediaType: version.file.mediaType,
    fileName: `${baseName}.md`,
    stamp,
  };
}

/**
 * The download route's use case: a version the actor may see. A PDF original shown inline in the
 * tab's reader is the original itself (the tab shows its identification around it); every
 * download (attachment) is stamped.
 */
export async function downloadVersion(
  services: Services,
  actor: Actor,
  input: { procedureId: string; versionId: string; format: VersionDownloadFormat; locale: Locale; inline: boolean },
): Promise<VersionDownload> {
  const version = await getVisibleVersion(services, actor, input.procedureId, input.versionId);
  const procedure = await services.store.getProcedure(input.procedureId);
  if (!procedure) throw new Error('The procedure vanished between two reads.');
  if (input.inline && input.format === 'original' && extensionOf(version.file.mediaType) === 'pdf') {
    const identity = await identityOfVersion(services, procedure, version);
    const baseName = documentBaseName(identity, serverTexts(input.locale, 'exports')('document.draftWord'));
    return {
      bytes: await services.documents.get(version.file.ref),
      mediaType: version.file.mediaType,
      fileName: `${baseName}.pdf`,
    };
  }
  const { bytes, mediaType, fileName } = await renderVersionDownload(services, procedure, version, input);
  return { bytes, mediaType, fileName };
}
