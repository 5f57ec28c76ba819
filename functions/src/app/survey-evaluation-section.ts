import type { LocalDate } from '../core/local-date.js';
import { roundResults, roundsInPeriod, suppressSmallGroups, type PublishedScope } from '../core/survey-results.js';
import type { LocalizedText } from '../core/survey-types.js';
import type { SurveyStore } from './survey-ports.js';

/** One scope of a round in the pack: the figures the management evaluation looks at (no comments). */
export type EvaluationSurveyScope = Pick<
  PublishedScope,
  'caseType' | 'unitId' | 'isSuppressed' | 'respondents' | 'headline' | 'responseRate' | 'previousShare' | 'change'
>;

export type EvaluationSurveyRound = {
  surveyId: string;
  title: LocalizedText;
  roundId: string;
  roundLabel: string;
  from: LocalDate;
  to: LocalDate;
  /** The headline question's wording ("den samlede proces"). */
  headlineQuestion: LocalizedText;
  /** All case types and units. */
  all: EvaluationSurveyScope;
  /** Per case type (every unit); suppressed below 5 respondents. */
  caseTypes: EvaluationSurveyScope[];
  /** The mean and share satisfied per scale question, over all respondents of the round. */
  questions: {
    questionId: string;
    wording: LocalizedText;
    n: number;
    mean: number | null;
    shareSatisfied: number | null;
  }[];
};

/** The pack's survey section: every survey round whose period overlaps the evaluation's period. */
export type SurveySection = { status: 'available'; rounds: EvaluationSurveyRound[] };

const scopeOf = (scope: PublishedScope): EvaluationSurveyScope => ({
  caseType: scope.caseType,
  unitId: scope.unitId,
  isSuppressed: scope.isSuppressed,
  respondents: scope.respondents,
  headline: scope.headline,
  responseRate: scope.responseRate,
  previousShare: scope.previousShare,
  change: scope.change,
});

/**
 * The survey results of the evaluation's period (ISO 9001 9.3.2 c 1: customer satisfaction), with
 * the same rules and the same small-group suppression as the surveys scene. Rounds oldest first.
 */
export async function surveyEvaluationSection(
  surveys: SurveyStore,
  period: { from: LocalDate; to: LocalDate },
): Promise<SurveySection> {
  const rounds: EvaluationSurveyRound[] = [];
  for (const survey of await surveys.listSurveys()) {
    const inPeriod = roundsInPeriod(survey.rounds, period);
    if (inPeriod.length === 0) continue;
    const [answers, issued] = await Promise.all([surveys.listAnswers(survey.id), surveys.issuedLinks(survey.id)]);
    const headline = survey.questions.find((question) => question.id === survey.headlineQuestionId);
    for (const round of inPeriod) {
      const results = suppressSmallGroups(roundResults({ survey, roundId: round.id, answers, issued }));
      const all = results.scopes.find((scope) => scope.caseType === null && scope.unitId === null)!;
      rounds.push({
        surveyId: survey.id,
        title: survey.title,
        roundId: round.id,
        roundLabel: round.label,
        from: round.from,
        to: round.to,
        headlineQuestion: headline?.wording ?? survey.title,
        all: scopeOf(all),
        caseTypes: results.scopes.filter((scope) => scope.caseType !== null && scope.unitId === null).map(scopeOf),
        questions: all.questions.map((result) => ({
          ...result,
          wording: survey.questions.find((question) => question.id === result.questionId)?.wording ?? survey.title,
        })),
      });
    }
  }
  rounds.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.surveyId.localeCompare(b.surveyId)));
  return { status: 'available', rounds };
}
