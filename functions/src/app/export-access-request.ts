import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { AccessRequest, HandedOutFile } from '../core/access-request.js';
import { documentBaseName, extensionOf } from '../core/document-identity.js';
import type { Locale } from '../core/locale.js';
import type { Actor } from '../core/policies.js';
import type { Procedure, ProcedureVersion } from '../core/types.js';
import { escapeXml } from '../documents/stamp-docx.js';
import { buildVersionRenditionPdf } from '../documents/version-rendition-pdf.js';
import { formatDate } from '../i18n/format-date.js';
import { serverTexts } from '../i18n/server-texts.js';
import { renderVersionDownload } from './download-version.js';
import type { Services } from './ports.js';
import { todayOf } from './quality-records.js';

/**
 * The export of a request for access, one zip: per procedure, every released version as its
 * stamped PDF rendition, the originals untouched (in "originaler/"), and the history as a PDF
 * (versions with their change summaries, the approval trail, the periodic reviews). Drafts are
 * listed in the contents file as internal documents and handed out only when chosen. The
 * contents file lists every file with its SHA-256, so what was handed out can be shown later.
 */

export type BuiltAccessExport = { bytes: Uint8Array; fileName: string; files: HandedOutFile[] };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function byVersion(a: ProcedureVersion, b: ProcedureVersion): number {
  return (a.major ?? 0) - (b.major ?? 0) || (a.minor ?? 0) - (b.minor ?? 0);
}

function localeOfLaw(law: AccessRequest['law']): Locale {
  return law === 'no' ? 'nb' : 'da';
}

async function historyHtml(
  services: Services,
  procedure: Procedure,
  versions: ProcedureVersion[],
  nameOf: (id: string | null) => string,
  locale: Locale,
): Promise<string> {
  const t = serverTexts(locale, 'exports');
  const day = (value: string | null) => (value ? formatDate(value, locale, services.settings.timeZone) : '—');
  const [approvals, reviews] = await Promise.all([
    services.store.listApprovals(procedure.id),
    services.store.listReviews(procedure.id),
  ]);
  const p = (text: string) => `<p>${escapeXml(text)}</p>`;
  const parts: string[] = [
    `<h1>${escapeXml(t('access.history.heading', { code: procedure.code, title: procedure.title }))}</h1>`,
    `<h2>${escapeXml(t('access.history.versions'))}</h2>`,
  ];
  const label = (version: ProcedureVersion | undefined) => (version ? `${version.major}.${version.minor ?? 0}` : '');
  for (const version of versions) {
    const successor = versions.find((candidate) => candidate.id === version.supersededByVersionId);
    const state =
      version.state === 'published'
        ? t('access.history.current')
        : successor
          ? t('access.history.obsolete', { date: day(version.obsoleteAt), version: label(successor) })
          : t('access.history.withdrawn', { date: day(version.obsoleteAt) });
    parts.push(
      p(
        t('access.history.versionLine', {
          version: label(version),
          date: day(version.publishedAt),
          approver: nameOf(version.approvedBy),
          state,
        }),
      ),
    );
    if (version.changeSummary) parts.push(p(t('access.history.changeSummary', { text: version.changeSummary })));
  }
  const released = new Set(versions.map((version) => version.id));
  parts.push(`<h2>${escapeXml(t('access.history.approvals'))}</h2>`);
  const shown = approvals
    .filter((approval) => released.has(approval.versionId) || approval.decision !== null)
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  if (shown.length === 0) parts.push(p(t('access.history.noApprovals')));
  for (const approval of shown) {
    const decision =
      approval.decision === 'approved'
        ? t('access.history.approved', { date: day(approval.decidedAt), by: nameOf(approval.decidedBy) })
        : approval.decision === 'rejected'
          ? t('access.history.rejected', { date: day(approval.decidedAt), by: nameOf(approval.decidedBy) })
          : approval.decision === 'withdrawn'
            ? t('access.history.withdrawnRequest', { date: day(approval.decidedAt) })
            : t('access.history.pending');
    const line = t('access.history.approvalLine', {
      date: day(approval.requestedAt),
      requester: nameOf(approval.requestedBy),
      approver: nameOf(approval.approverId),
      kind: t(approval.kind === 'minor' ? 'access.history.minor' : 'access.history.major'),
      summary: approval.changeSummary,
    });
    parts.push(`<li>${escapeXml(`${line} ${decision}`)}</li>`);
    if (approval.comment) parts.push(p(t('access.history.comment', { text: approval.comment })));
  }
  parts.push(`<h2>${escapeXml(t('access.history.reviews'))}</h2>`);
  if (reviews.length === 0) parts.push(p(t('access.history.noReviews')));
  for (const review of [...reviews].sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt))) {
    const outcome = t(
      review.outcome === 'still-valid' ? 'access.history.stillValid' : 'access.history.revisionStarted',
    );
    parts.push(
      `<li>${escapeXml(t('access.history.reviewLine', { date: day(review.reviewedAt), reviewer: nameOf(review.reviewerId), outcome }))}</li>`,
    );
    if (review.comment) parts.push(p(t('access.history.comment', { text: review.comment })));
  }
  return parts.join('');
}

export async function buildAccessExport(
  services: Services,
  request: AccessRequest,
  options: { includeDrafts: boolean; actor: Actor },
): Promise<BuiltAccessExport> {
  const locale = localeOfLaw(request.law);
  const t = serverTexts(locale, 'exports');
  const today = todayOf(services);
  const people = await services.store.listPeople();
  const nameOf = (id: string | null) =>
    id === null ? '—' : (people.find((person) => person.id === id)?.name ?? t('document.unknownPerson'));
  const zip = new JSZip();
  const files: HandedOutFile[] = [];
  const add = (path: string, bytes: Uint8Array, entry: Omit<HandedOutFile, 'path' | 'sha256'>) => {
    zip.file(path, bytes, { date: new Date(`${today}T12:00:00Z`) });
    files.push({ path, sha256: sha256(bytes), ...entry });
  };
  const internal: string[] = [];
  const procedures = (await Promise.all(request.procedureIds.map((id) => services.store.getProcedure(id))))
    .filter((procedure): procedure is Procedure => procedure !== undefined)
    .sort((a, b) => a.code.localeCompare(b.code, 'da'));

  for (const procedure of procedures) {
    const folder = documentBaseName({ code: procedure.code, title: procedure.title, version: null }, '')
      .trim()
      .replace(/\.+$/, '');
    const all = await services.store.listVersions(procedure.id);
    const released = all
      .filter((version) => version.state === 'published' || version.state === 'obsolete')
      .sort(byVersion);
    for (const version of released) {
      const pdf = await renderVersionDownload(services, procedure, version, { format: 'pdf', locale });
      add(`${folder}/${pdf.fileName}`, pdf.bytes, {
        kind: 'version-pdf',
        procedureId: procedure.id,
        versionId: version.id,
      });
      const original = await services.documents.get(version.file.ref);
      const originalName = `${pdf.fileName.replace(/\.pdf$/, '')}.${extensionOf(version.file.mediaType)}`;
      add(`${folder}/${t('access.originals')}/${originalName}`, original, {
        kind: 'original',
        procedureId: procedure.id,
        versionId: version.id,
      });
    }
    const history = await buildVersionRenditionPdf({
      title: `${procedure.code} ${procedure.title}`,
      html: await historyHtml(services, procedure, released, nameOf, locale),
      stamp: {
        identification: t('access.history.stamp', {
          code: procedure.code,
          title: procedure.title,
          date: formatDate(today, locale),
        }),
        warning: null,
      },
      locale,
      organisation: services.settings.organisationName,
    });
    add(`${folder}/${folder} ${t('access.history')}.pdf`, history, {
      kind: 'history',
      procedureId: procedure.id,
      versionId: null,
    });
    const draft = all.find((version) => version.state === 'draft' || version.state === 'pending');
    if (draft) {
      const values = { code: procedure.code, title: procedure.title, date: formatDate(draft.updatedAt, locale) };
      if (options.includeDrafts) {
        const file = await renderVersionDownload(services, procedure, draft, { format: 'original', locale });
        add(`${folder}/${t('access.drafts')}/${file.fileName}`, file.bytes, {
          kind: 'draft',
          procedureId: procedure.id,
          versionId: draft.id,
        });
        internal.push(t('access.index.draftIncluded', values));
      } else {
        internal.push(t('access.index.draftLine', values));
      }
    }
  }

  const index = [
    t('access.index.title'),
    '',
    t('access.index.request', {
      name: request.requesterName,
      date: formatDate(request.receivedOn, locale),
      subject: request.subject,
    }),
    t('access.index.produced', { date: formatDate(today, locale), by: nameOf(options.actor.id) }),
    '',
    t('access.index.files'),
    ...files.map((file) => `${file.sha256}  ${file.path}`),
    '',
    t('access.index.internal'),
    ...(internal.length === 0 ? [t('access.index.none')] : internal.map((line) => `- ${line}`)),
    '',
  ].join('\r\n');
  const indexBytes = new TextEncoder().encode(`\ufeff${index}`);
  add(`${t('access.index.file')}.txt`, indexBytes, { kind: 'index', procedureId: null, versionId: null });

  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  const fileName = `${documentBaseName(
    { code: t('access.fileName', { name: request.requesterName, date: today }), title: '', version: null },
    '',
  )
    .replace(/\s+/g, ' ')
    .trim()}.zip`;
  return { bytes, fileName, files };
}
