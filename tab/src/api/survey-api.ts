import type { z } from 'zod';
import type { surveyBody, surveyLinksBody } from '../../../functions/src/contract/survey-schemas';
import type { HttpClient } from './http-client';
import { routeUrl, type RouteResponse, type TypedClient } from './typed-client';

export type SurveyDto = RouteResponse<'surveys-get'>;
export type SurveyResultsDto = RouteResponse<'surveys-results'>;
export type SurveyScopeDto = SurveyResultsDto['scopes'][number];
export type SurveyImportResultDto = RouteResponse<'surveys-answers-import'>;
export type SurveyBodyInput = z.input<typeof surveyBody>;
export type SurveyLinksInput = z.input<typeof surveyLinksBody>;

/** Satisfaction surveys (issue 14): types from the contract; a survey's edit carries its ETag. */
export function createSurveyApi(api: TypedClient, http: HttpClient) {
  return {
    listSurveys: (signal?: AbortSignal) => api.call('surveys-list', { signal }),
    getSurveyResults: (surveyId: string, roundId: string | undefined, signal?: AbortSignal) =>
      api.call('surveys-results', { params: { id: surveyId }, query: { roundId }, signal }),
    createSurvey: (body: SurveyBodyInput) => api.call('surveys-create', { body }),
    updateSurvey: (survey: Pick<SurveyDto, 'id' | 'etag'>, body: SurveyBodyInput) =>
      api.call('surveys-update', { params: { id: survey.id }, body, ifMatch: `"${survey.etag}"` }),
    /** The links as CSV for the decision letters: the tokens are in this answer only. */
    issueSurveyLinksCsv: (surveyId: string, body: SurveyLinksInput) =>
      http.requestBlob(routeUrl('surveys-links-issue', { id: surveyId }), {
        method: 'POST',
        query: { format: 'csv' },
        json: body,
      }),
    /** 'preview' checks every row and writes nothing; 'apply' imports all rows or none. */
    importSurveyAnswers: (
      surveyId: string,
      query: { roundId: string; format: 'csv' | 'xlsx'; mode: 'preview' | 'apply' },
      file: Blob,
    ) => api.call('surveys-answers-import', { params: { id: surveyId }, query, body: file }),
  };
}
