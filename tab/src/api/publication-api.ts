import type { TypedClient } from './typed-client';

/** The yearly public report (issue 16): preview, publish, the published list, the PDF. */
export function createPublicationApi(api: TypedClient) {
  return {
    listYearlyReports: (signal?: AbortSignal) => api.call('yearly-reports-list', { signal }),
    previewYearlyReport: (year: number, signal?: AbortSignal) =>
      api.call('yearly-reports-preview', { params: { year }, signal }),
    publishYearlyReport: (year: number, correctionReason: string | null) =>
      api.call('yearly-reports-publish', { params: { year }, body: { correctionReason } }),
    downloadYearlyReportPdf: (year: number, locale: 'da' | 'nb' | 'en') =>
      api.download('yearly-reports-pdf', { params: { year }, query: { locale } }),
  };
}
