import type { Goal } from '../core/goal-types.js';
import type { LocalDate } from '../core/local-date.js';
import {
  isInScope,
  roundsInPeriod,
  satisfiedShare,
  type SatisfiedShare,
  type SurveyScope,
} from '../core/survey-results.js';
import type { Services } from './ports.js';
import type { SurveyStore } from './survey-ports.js';
import { loadSurvey } from './survey-views.js';

/**
 * A goal measured by a survey (`measurement: { kind: 'survey', surveyId }`): the share satisfied
 * of those who answered the survey's headline question, over the rounds whose period overlaps
 * the goal's period, for a case type and/or unit (null: all). E.g. the seeds' "90 % af
 * respondenterne tilkendegiver, at de er tilfredse eller meget tilfredse med den samlede proces"
 * over two years takes both yearly rounds. No actor check: the goal's own use case checks who
 * reads the goal. NOT_FOUND for an unknown survey.
 */
export async function shareSatisfied(
  services: Services,
  surveyId: string,
  period: { from: LocalDate; to: LocalDate },
  scope: SurveyScope = { caseType: null, unitId: null },
): Promise<SatisfiedShare & { roundIds: string[] }> {
  const survey = await loadSurvey(services, surveyId);
  const roundIds = roundsInPeriod(survey.rounds, period).map((round) => round.id);
  const answers = (await services.surveys.listAnswers(survey.id)).filter(
    (answer) => roundIds.includes(answer.roundId) && isInScope(answer, scope),
  );
  return { ...satisfiedShare(survey, answers), roundIds };
}

/**
 * A survey goal's value in percent (0–100): the share satisfied over its period, in its scope
 * (empty lists: every case type, every unit). Null when nothing can be measured yet: the goal
 * names no survey, the survey is gone, or nobody in the scope answered the headline question.
 */
export async function surveyGoalValue(
  surveys: Pick<SurveyStore, 'getSurvey' | 'listAnswers'>,
  goal: Pick<Goal, 'measurement' | 'periodFrom' | 'periodTo' | 'scope'>,
): Promise<number | null> {
  if (goal.measurement.kind !== 'survey' || goal.measurement.surveyId === null) return null;
  const survey = await surveys.getSurvey(goal.measurement.surveyId);
  if (!survey) return null;
  const roundIds = roundsInPeriod(survey.rounds, { from: goal.periodFrom, to: goal.periodTo }).map((round) => round.id);
  const { caseTypes, unitIds } = goal.scope;
  const answers = (await surveys.listAnswers(survey.id)).filter(
    (answer) =>
      roundIds.includes(answer.roundId) &&
      (caseTypes.length === 0 || caseTypes.includes(answer.caseType)) &&
      (unitIds.length === 0 || unitIds.includes(answer.unitId)),
  );
  const { share } = satisfiedShare(survey, answers);
  return share === null ? null : share * 100;
}
