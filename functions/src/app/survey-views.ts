import { AppError } from '../core/errors.js';
import { canManageSurveys, canReadSurveyResults, ensure, type Actor } from '../core/policies.js';
import { roundResults, suppressSmallGroups, type PublishedScope, type RoundResults } from '../core/survey-results.js';
import type { Survey } from '../core/survey-types.js';
import type { Services } from './ports.js';

export type SurveyView = Survey & { abilities: { manage: boolean; readResults: boolean } };

const viewOf = (actor: Actor, survey: Survey): SurveyView => ({
  ...survey,
  abilities: { manage: canManageSurveys(actor), readResults: canReadSurveyResults(actor) },
});

/** The surveys, for those who read results (leaders and the coordinator). */
export async function listSurveys(services: Services, actor: Actor): Promise<SurveyView[]> {
  ensure(canReadSurveyResults(actor), 'Survey results are for leaders and the quality coordinator.');
  return (await services.surveys.listSurveys()).map((survey) => viewOf(actor, survey));
}

export async function loadSurvey(services: Services, surveyId: string): Promise<Survey> {
  const survey = await services.surveys.getSurvey(surveyId);
  if (!survey) throw new AppError('NOT_FOUND', `No survey ${surveyId}.`);
  return survey;
}

export async function getSurvey(services: Services, actor: Actor, surveyId: string): Promise<SurveyView> {
  ensure(canReadSurveyResults(actor), 'Survey results are for leaders and the quality coordinator.');
  return viewOf(actor, await loadSurvey(services, surveyId));
}

export type PublishedRoundResults = Omit<RoundResults, 'scopes'> & { surveyId: string; scopes: PublishedScope[] };

/**
 * A round's results per case type and unit (core/survey-results.ts), the newest round by default,
 * with the scopes of fewer than 5 respondents suppressed.
 */
export async function getSurveyResults(
  services: Services,
  actor: Actor,
  input: { surveyId: string; roundId?: string | undefined },
): Promise<PublishedRoundResults> {
  ensure(canReadSurveyResults(actor), 'Survey results are for leaders and the quality coordinator.');
  const survey = await loadSurvey(services, input.surveyId);
  const roundId = input.roundId ?? [...survey.rounds].sort((a, b) => (a.from < b.from ? 1 : -1))[0]?.id;
  if (!roundId || !survey.rounds.some((round) => round.id === roundId))
    throw new AppError('NOT_FOUND', `The survey has no round ${input.roundId ?? ''}.`);
  const [answers, issued] = await Promise.all([
    services.surveys.listAnswers(survey.id),
    services.surveys.issuedLinks(survey.id),
  ]);
  return { surveyId: survey.id, ...suppressSmallGroups(roundResults({ survey, roundId, answers, issued })) };
}
