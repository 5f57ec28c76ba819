import { randomUUID } from 'node:crypto';
import { checkSurveyAnswer, type AnswerError } from '../core/survey-answers.js';
import type { Survey, SurveyLink } from '../core/survey-types.js';
import type { Services } from './ports.js';
import { hashSurveyToken, isSurveyTokenShape } from './survey-tokens.js';

/**
 * The public answer page's use cases. The token in the path is the only capability: no sign-in.
 * An unknown, malformed or expired token reads the same ('invalid'), so the page never says
 * which; an answered one says so ('already-answered').
 */

export type OpenLink =
  | { state: 'open'; survey: Survey; link: SurveyLink }
  | { state: 'already-answered'; survey: Survey }
  | { state: 'invalid' };

export async function openSurveyLink(services: Services, token: string): Promise<OpenLink> {
  if (!isSurveyTokenShape(token)) return { state: 'invalid' };
  const link = await services.surveys.findOpenLink(hashSurveyToken(token), services.clock.now().toISOString());
  if (!link) return { state: 'invalid' };
  const survey = await services.surveys.getSurvey(link.surveyId);
  if (!survey) return { state: 'invalid' };
  return link.isAnswered ? { state: 'already-answered', survey } : { state: 'open', survey, link };
}

export type AnswerOutcome =
  | { state: 'accepted'; survey: Survey }
  | { state: 'rejected'; survey: Survey; errors: AnswerError[] }
  | { state: 'already-answered'; survey: Survey }
  | { state: 'invalid' };

/**
 * Stores one answer through a link, once. The answer gets a random id of its own and keeps only
 * survey, round, case type and unit: nothing in it leads back to the link or the case.
 */
export async function answerSurvey(
  services: Services,
  token: string,
  fields: Readonly<Record<string, string>>,
): Promise<AnswerOutcome> {
  const opened = await openSurveyLink(services, token);
  if (opened.state !== 'open') return opened;
  const { survey, link } = opened;
  const checked = checkSurveyAnswer(survey, fields);
  if (!checked.ok) return { state: 'rejected', survey, errors: checked.errors };
  const outcome = await services.surveys.answerThroughLink(link.tokenHash, services.clock.now().toISOString(), {
    id: randomUUID(),
    surveyId: survey.id,
    roundId: link.roundId,
    caseType: link.caseType,
    unitId: link.unitId,
    source: 'link',
    values: checked.values,
  });
  if (outcome === 'accepted') return { state: 'accepted', survey };
  return outcome === 'already-answered' ? { state: 'already-answered', survey } : { state: 'invalid' };
}
