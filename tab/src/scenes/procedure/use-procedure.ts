import { useCallback, useEffect, useState } from 'react';
import { documentBaseName, extensionOf } from '../../../../functions/src/core/document-identity';
import type { Locale } from '../../../../functions/src/core/locale';
import { useApi } from '../../app/api-context';
import type { ProcedureDetail, RenderedVersion } from '../../api/contract';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import { queryKeyOf, useApiQuery } from '../../api/query-client';

export function useProcedure(procedureId: string) {
  const api = useApi();
  return useApiQuery(queryKeyOf('procedures-get', { params: { id: procedureId } }), (signal) =>
    api.getProcedure(procedureId, signal),
  );
}

export function useAcknowledgementReport(detail: ProcedureDetail | undefined) {
  const api = useApi();
  const key = detail?.abilities.readFollowUp
    ? [
        ...queryKeyOf('acknowledgements-report', { params: { id: detail.id } }),
        detail.etag,
        detail.currentVersion?.id ?? '',
      ]
    : null;
  return useApiQuery(key, (signal) => api.getAcknowledgementReport(detail?.id ?? '', signal));
}

export type RenderedDocument = { rendered: RenderedVersion; pdfUrl: string | null };

/** The version's readable form; a PDF is fetched as a blob so the iframe needs no credentials. */
export function useRenderedVersion(procedureId: string, version: { id: string; file: { sha256: string } } | null) {
  const api = useApi();
  const versionId = version?.id ?? null;
  // The file hash is part of the key: re-uploading a draft keeps its id but changes its content.
  const key = version
    ? [...queryKeyOf('versions-rendered', { params: { id: procedureId, versionId: version.id } }), version.file.sha256]
    : null;
  // Not kept after unmount: the PDF's object URL is revoked then.
  const result = useApiQuery<RenderedDocument>(
    key,
    async (signal) => {
      const rendered = await api.getRenderedVersion(procedureId, versionId ?? '', signal);
      if (!isPdf(rendered.mediaType)) return { rendered, pdfUrl: null };
      const blob = await api.downloadVersionFile(procedureId, versionId ?? '', signal, { inline: true });
      return { rendered, pdfUrl: URL.createObjectURL(new Blob([blob], { type: 'application/pdf' })) };
    },
    { gcTime: 0 },
  );
  const pdfUrl = result.data?.pdfUrl;
  useEffect(() => () => (pdfUrl ? URL.revokeObjectURL(pdfUrl) : undefined), [pdfUrl]);
  return result;
}

export function isPdf(mediaType: string): boolean {
  return mediaType.toLowerCase().startsWith('application/pdf');
}

/**
 * Saves a version's file, stamped by the server, under the name that identifies it
 * (`versionDownloadName`): never the uploader's file name.
 */
export function useDownload(procedureId: string) {
  const api = useApi();
  const [isDownloading, setIsDownloading] = useState(false);
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const download = useCallback(
    async (versionId: string, fileName: string, options: { format: 'original' | 'pdf'; locale: Locale }) => {
      setIsDownloading(true);
      setError(undefined);
      try {
        const blob = await api.downloadVersionFile(procedureId, versionId, undefined, options);
        const url = URL.createObjectURL(blob);
        const anchor = document.createElement('a');
        anchor.href = url;
        anchor.download = fileName;
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } catch (failure) {
        setError(asApiRequestError(failure));
      } finally {
        setIsDownloading(false);
      }
    },
    [api, procedureId],
  );
  return { download, isDownloading, error };
}

/** The competences the procedure requires and their coverage; reloaded when its unit or area changes. */
export function useProcedureCompetences(detail: ProcedureDetail) {
  const api = useApi();
  const key = [
    ...queryKeyOf('procedure-competences', { params: { id: detail.id } }),
    detail.unit?.id ?? '',
    detail.area,
  ];
  return useApiQuery(key, (signal) => api.getProcedureCompetences(detail.id, signal));
}

/** "<code> <title> v<version>.<ext>" (a draft: "<code> <title> <draftWord>.<ext>"), as the server names it. */
export function versionDownloadName(
  detail: Pick<ProcedureDetail, 'code' | 'title'>,
  version: { label: string | null; file: { mediaType: string } },
  format: 'original' | 'pdf',
  draftWord: string,
): string {
  const base = documentBaseName({ code: detail.code, title: detail.title, version: version.label }, draftWord);
  return `${base}.${format === 'pdf' ? 'pdf' : extensionOf(version.file.mediaType)}`;
}
