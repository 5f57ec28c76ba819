import {
  getPublishedYearlyReport,
  listYearlyReportsView,
  previewYearlyReport,
  publishYearlyReport,
  yearlyReportPreviewView,
  yearlyReportSummary,
} from '../app/yearly-report.js';
import * as contract from '../contract/schemas.js';
import { localDateOf } from '../core/local-date.js';
import { isAppError } from '../core/errors.js';
import { buildYearlyReportPdf } from '../documents/yearly-report-pdf.js';
import { yearlyReportView } from '../documents/yearly-report-content.js';
import { defineRoute, json, type Route } from './route.js';

const tag = 'yearly-report';

/**
 * The yearly public report (issue 16): the coordinator's preview from live data, publishing
 * (frozen and locked; a correction needs its reason), the published list, and the PDF. The
 * public pages (no sign-in) are HTML, not JSON: see public/public-pages.ts.
 */
export function publicationRoutes(): Route[] {
  return [
    defineRoute({
      name: 'yearly-reports-list',
      method: 'GET',
      path: '/yearly-reports',
      summary: 'The published yearly reports (newest revision of each year) and the public paths',
      tag,
      access: 'signed-in',
      response: contract.yearlyReportListSchema,
      handler: async ({ actor, services }) => json(await listYearlyReportsView(services, actor)),
    }),
    defineRoute({
      name: 'yearly-reports-preview',
      method: 'GET',
      path: '/yearly-reports/{year}/preview',
      summary: 'The coordinator’s preview of a year’s report from live data, and its published revision if any',
      tag,
      access: 'signed-in',
      params: contract.yearlyReportYearParams,
      response: contract.yearlyReportPreviewSchema,
      handler: async ({ actor, services, params }) => json(await yearlyReportPreviewView(services, actor, params.year)),
    }),
    defineRoute({
      name: 'yearly-reports-publish',
      method: 'POST',
      path: '/yearly-reports/{year}/publish',
      summary:
        'Publish a year’s report: frozen as it is now, locked (409 when published already), the årshjul activity done; a correction needs correctionReason',
      tag,
      access: 'signed-in',
      params: contract.yearlyReportYearParams,
      body: contract.publishYearlyReportBody,
      response: contract.yearlyReportSummarySchema,
      successStatus: 201,
      handler: async ({ actor, services, params, body }) => {
        const report = await publishYearlyReport(services, actor, {
          year: params.year,
          correctionReason: body.correctionReason ?? null,
        });
        return json(await yearlyReportSummary(services, report), 201);
      },
    }),
    defineRoute({
      name: 'yearly-reports-pdf',
      method: 'GET',
      path: '/yearly-reports/{year}/pdf',
      summary: 'The report as a tagged PDF (PDF/UA) in da, nb or en: the published one, else the coordinator’s preview',
      tag,
      access: 'signed-in',
      params: contract.yearlyReportYearParams,
      query: contract.yearlyReportPdfQuery,
      handler: async ({ actor, services, params, query }) => {
        let view;
        const printedOn = localDateOf(services.clock.now(), services.settings.timeZone);
        try {
          const report = await getPublishedYearlyReport(services, params.year);
          view = yearlyReportView({ kind: 'published', report }, query.locale, printedOn);
        } catch (error) {
          if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error;
          view = yearlyReportView(
            { kind: 'preview', data: await previewYearlyReport(services, actor, params.year) },
            query.locale,
            printedOn,
          );
        }
        return {
          kind: 'file',
          bytes: await buildYearlyReportPdf(view),
          mediaType: 'application/pdf',
          fileName: `${view.title}.pdf`,
          inline: false,
        };
      },
    }),
  ];
}
