import { AppError } from '../core/errors.js';
import { canManageSurveys, ensure, type Actor } from '../core/policies.js';
import { surveyDefinitionProblems } from '../core/survey-definition.js';
import type { Survey } from '../core/survey-types.js';
import type { SurveyBody } from '../contract/survey-schemas.js';
import type { Services } from './ports.js';
import { firstVersion, nextVersion, qualityTrail, stampOf } from './quality-records.js';

/** The survey as the body describes it, refused with VALIDATION (details.issues) when unsound. */
function checked(body: SurveyBody): SurveyBody {
  const problems = surveyDefinitionProblems(body);
  if (problems.length > 0)
    throw new AppError('VALIDATION', `Invalid body: ${problems.map((problem) => problem.message).join(' ')}`, {
      in: 'body',
      issues: problems,
    });
  return body;
}

/** Defines a new survey (the coordinator). */
export async function createSurvey(services: Services, actor: Actor, body: SurveyBody): Promise<Survey> {
  ensure(canManageSurveys(actor), 'Only the quality coordinator defines surveys.');
  const stamp = stampOf(services, actor);
  const survey: Survey = { id: services.ids.next(), ...checked(body), ...firstVersion(stamp) };
  await services.surveys.saveSurvey(
    survey,
    0,
    qualityTrail(stamp, 'survey.created', survey.id, `Survey "${survey.title.da}" created`),
  );
  return survey;
}

/**
 * Changes a survey's definition. A round that already has links or answers keeps its id (links
 * and answers name it); questions may be reworded or added, and results read answers by id.
 */
export async function updateSurvey(
  services: Services,
  actor: Actor,
  input: { id: string; etag: number; body: SurveyBody },
): Promise<Survey> {
  ensure(canManageSurveys(actor), 'Only the quality coordinator changes surveys.');
  const stored = await services.surveys.getSurvey(input.id);
  if (!stored) throw new AppError('NOT_FOUND', `No survey ${input.id}.`);
  const body = checked(input.body);
  const [answers, issued] = await Promise.all([
    services.surveys.listAnswers(stored.id),
    services.surveys.issuedLinks(stored.id),
  ]);
  const usedRounds = new Set([...answers, ...issued].map((used) => used.roundId));
  const missing = [...usedRounds].filter((roundId) => !body.rounds.some((round) => round.id === roundId));
  if (missing.length > 0)
    throw new AppError('INVALID_STATE', `Rounds with links or answers cannot be removed: ${missing.join(', ')}.`, {
      state: 'round-in-use',
      roundIds: missing,
    });
  const stamp = stampOf(services, actor);
  const survey: Survey = { ...stored, ...body, ...nextVersion(stored, stamp) };
  await services.surveys.saveSurvey(
    survey,
    input.etag,
    qualityTrail(stamp, 'survey.updated', survey.id, `Survey "${survey.title.da}" changed`),
  );
  return survey;
}
