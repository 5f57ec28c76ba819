import { importSurveyAnswers } from '../app/import-survey-answers.js';
import { issueSurveyLinks, type IssuedLink } from '../app/issue-survey-links.js';
import { createSurvey, updateSurvey } from '../app/save-survey.js';
import { surveyLinkUrl } from '../app/survey-tokens.js';
import { getSurvey, getSurveyResults, listSurveys } from '../app/survey-views.js';
import * as contract from '../contract/schemas.js';
import { canManageSurveys, canReadSurveyResults } from '../core/policies.js';
import { localDateOf } from '../core/local-date.js';
import { writeCsv } from '../documents/competence-sheet.js';
import { defineRoute, json, type Route } from './route.js';

/** An external tool's export of a round: a few thousand respondents at most. */
const maxSurveyImportBytes = 2 * 1024 * 1024;
/** 5,000 cases of ~150 bytes each, with room to spare. */
const maxLinksBodyBytes = 1024 * 1024;

const tag = 'surveys';

/**
 * Satisfaction surveys (ISO 9001 9.1.2): define, issue personal links, import an external
 * tool's results, read results. The public answer page is not here: it is HTML, not JSON (see
 * public/survey-page.ts).
 */
export function surveyRoutes(options: { publicUrl?: string | undefined }): Route[] {
  return [
    defineRoute({
      name: 'surveys-list',
      method: 'GET',
      path: '/surveys',
      summary: 'The satisfaction surveys (leaders and the coordinator)',
      tag,
      access: 'signed-in',
      response: contract.surveyListSchema,
      handler: async ({ actor, services }) => json(await listSurveys(services, actor)),
    }),
    defineRoute({
      name: 'surveys-create',
      method: 'POST',
      path: '/surveys',
      summary: 'Define a survey: questions in da/nb/en, scales, satisfied categories, case types, rounds',
      tag,
      access: 'signed-in',
      body: contract.surveyBody,
      response: contract.surveySchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => {
        const survey = await createSurvey(services, actor, body);
        return json(
          { ...survey, abilities: { manage: canManageSurveys(actor), readResults: canReadSurveyResults(actor) } },
          201,
        );
      },
    }),
    defineRoute({
      name: 'surveys-get',
      method: 'GET',
      path: '/surveys/{id}',
      summary: 'One survey',
      tag,
      access: 'signed-in',
      params: contract.idParams,
      response: contract.surveySchema,
      handler: async ({ actor, services, params }) => json(await getSurvey(services, actor, params.id)),
    }),
    defineRoute({
      name: 'surveys-update',
      method: 'PUT',
      path: '/surveys/{id}',
      summary: 'Change a survey (rounds with links or answers stay)',
      tag,
      access: 'signed-in',
      conditional: true,
      params: contract.idParams,
      body: contract.surveyBody,
      response: contract.surveySchema,
      handler: async ({ actor, services, params, body, etag }) => {
        const survey = await updateSurvey(services, actor, { id: params.id, etag: etag(), body });
        return json({
          ...survey,
          abilities: { manage: canManageSurveys(actor), readResults: canReadSurveyResults(actor) },
        });
      },
    }),
    defineRoute({
      name: 'surveys-links-issue',
      method: 'POST',
      path: '/surveys/{id}/links',
      summary:
        'Issue personal anonymous links for decided cases (one per case and round); the tokens are shown this once, as JSON or as CSV for the decision letters',
      tag,
      access: 'signed-in',
      params: contract.idParams,
      query: contract.surveyLinksQuery,
      body: contract.surveyLinksBody,
      maxBodyBytes: maxLinksBodyBytes,
      response: contract.surveyLinksResultSchema,
      handler: async ({ actor, services, params, query, body, request }) => {
        const result = await issueSurveyLinks(services, actor, { surveyId: params.id, ...body });
        const base = options.publicUrl ?? new URL(request.url).origin;
        const url = (link: IssuedLink) => surveyLinkUrl(base, link.token);
        if (query.format === 'csv') {
          const expiresOn = (link: IssuedLink) => localDateOf(new Date(link.expiresAt), services.settings.timeZone);
          return {
            kind: 'file',
            bytes: writeCsv(
              ['Sagsnummer', 'Sagstype', 'Enhed', 'Link', 'Kan besvares til'],
              result.issued.map((link) => [link.caseId, link.caseType, link.unitId, url(link), expiresOn(link)]),
            ),
            mediaType: 'text/csv; charset=utf-8',
            fileName: `tilfredshedsundersoegelse-links-${body.roundId}.csv`,
            inline: false,
          };
        }
        return json({
          issued: result.issued.map(({ token, ...link }) => ({ ...link, url: surveyLinkUrl(base, token) })),
          skipped: result.skipped,
        });
      },
    }),
    defineRoute({
      name: 'surveys-answers-import',
      method: 'POST',
      path: '/surveys/{id}/answers/import',
      summary:
        'Import a round’s answers from an external tool’s export (.csv or .xlsx; Sagstype, Enhed and one column per question): preview, or apply all rows or none',
      tag,
      access: 'signed-in',
      params: contract.idParams,
      query: contract.surveyImportQuery,
      body: 'binary',
      maxBodyBytes: maxSurveyImportBytes,
      response: contract.surveyImportResultSchema,
      handler: async ({ actor, services, params, query, body }) =>
        json(
          await importSurveyAnswers(services, actor, {
            surveyId: params.id,
            ...query,
            bytes: body as unknown as Uint8Array,
          }),
        ),
    }),
    defineRoute({
      name: 'surveys-results',
      method: 'GET',
      path: '/surveys/{id}/results',
      summary:
        'A round’s results per case type and unit: share satisfied of respondents, n, response rate, mean per question, comments, change from the previous round',
      tag,
      access: 'signed-in',
      params: contract.idParams,
      query: contract.surveyResultsQuery,
      response: contract.surveyResultsSchema,
      handler: async ({ actor, services, params, query }) =>
        json(await getSurveyResults(services, actor, { surveyId: params.id, roundId: query.roundId })),
    }),
  ];
}
