import type { OverviewTileDto } from '../contract/schemas.js';
import type { LocalDate } from '../core/local-date.js';
import { canReadSurveyResults, type Actor } from '../core/policies.js';
import { roundResults, suppressSmallGroups } from '../core/survey-results.js';
import type { Services } from './ports.js';

/**
 * The Overblik's survey tile (issue 14): the share satisfied of the latest round that has begun,
 * for the organisation or the unit, against the target of the goal measured by that survey (when
 * there is one). `count` satisfied of `total` who answered; `detail` the round's label, or
 * 'suppressed' when fewer than 5 answered in the scope. Null for those who do not read survey
 * results, and when there is no survey with a round yet.
 */
export async function surveyOverviewTile(
  services: Services,
  actor: Actor,
  today: LocalDate,
  unitId: string | undefined,
): Promise<OverviewTileDto | null> {
  if (!canReadSurveyResults(actor)) return null;
  const [surveys, goals] = await Promise.all([services.surveys.listSurveys(), services.goals.listGoals()]);
  const goal = goals.find(
    (each) => each.status === 'active' && each.measurement.kind === 'survey' && each.measurement.surveyId !== null,
  );
  const surveyId = goal?.measurement.kind === 'survey' ? goal.measurement.surveyId : null;
  const survey = surveys.find((each) => each.id === surveyId) ?? surveys[0];
  const round = survey?.rounds
    .filter((each) => each.from <= today)
    .sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0))[0];
  if (!survey || !round) return null;
  const [answers, issued] = await Promise.all([
    services.surveys.listAnswers(survey.id),
    services.surveys.issuedLinks(survey.id),
  ]);
  const scope = suppressSmallGroups(roundResults({ survey, roundId: round.id, answers, issued })).scopes.find(
    (each) => each.caseType === null && each.unitId === (unitId ?? null),
  );
  const target = goal && goal.measurement.kind === 'survey' && goal.measurement.surveyId === survey.id ? goal : null;
  return {
    id: 'survey-satisfaction',
    count: scope?.headline.satisfied ?? 0,
    total: scope?.headline.n ?? 0,
    date: null,
    detail: scope?.isSuppressed ? 'suppressed' : round.label,
    parts: target && target.target.unit === 'percent' ? { target: Math.round(target.target.value) } : {},
    link: { list: 'surveys', id: null, query: { survey: survey.id, round: round.id } },
  };
}
