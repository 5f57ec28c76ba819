import type { LocalDate } from './local-date.js';
import type { Survey, SurveyAnswer, SurveyRound } from './survey-types.js';

/**
 * The results of a satisfaction survey, per case type and unit. The headline is the share
 * satisfied **of those who answered** the headline question: respondents in its satisfied
 * categories (e.g. the top two) over respondents who answered it; non-respondents are not in the
 * denominator. Every source found computes "90 % tilfredse eller meget tilfredse" this way
 * (Randers 2019: about half answered, 88 % of those satisfied; Silkeborg: 87 %); the sources are
 * listed in docs/surveys.md.
 *
 * Shares are fractions (0–1); a share, mean or rate over nobody is null, never 0.
 */

/** Which answers a figure covers: a case type, a unit, both, or (null) all of them. */
export type SurveyScope = { caseType: string | null; unitId: string | null };

/** Links issued in a round for one case type and unit. */
export type IssuedLinks = { roundId: string; caseType: string; unitId: string; count: number };

export type SatisfiedShare = { n: number; satisfied: number; share: number | null };

export type QuestionResult = { questionId: string; n: number; mean: number | null; shareSatisfied: number | null };

export type ScopeResult = SurveyScope & {
  /** Answers in the scope (through links and imported). */
  respondents: number;
  /** The headline: share satisfied of those who answered the headline question (n). */
  headline: SatisfiedShare;
  linksIssued: number;
  /** Answers given through links over links issued; null when no link was issued. */
  responseRate: number | null;
  /** Per scale question: respondents, mean and satisfied share. */
  questions: QuestionResult[];
  /** The free-text answers, per question in the survey's order, sorted by text (never by time). */
  comments: { questionId: string; text: string }[];
  /** The previous round's headline share for the same scope, and the change (fraction points). */
  previousShare: number | null;
  change: number | null;
  /** Answers in the same scope in the previous round (0 without one): for `suppressSmallGroups`. */
  previousRespondents: number;
};

export type RoundResults = { roundId: string; previousRoundId: string | null; scopes: ScopeResult[] };

/**
 * The fewest respondents a scope's figures are shown for. With fewer, the answers of a case type
 * in a unit can point to the few applicants who had such a case: anonymity over detail.
 */
export const minimumRespondents = 5;

export type PublishedScope = Omit<ScopeResult, 'previousRespondents'> & {
  /** Fewer than `minimumRespondents` answered: no figures, no comments, only that it is so. */
  isSuppressed: boolean;
};

/**
 * The results as they may be shown: a scope with 1 to 4 respondents keeps only its links issued
 * and says it is suppressed; a previous round with fewer than 5 gives no previous share and no
 * change. Limit: a suppressed scope's figures can still be approached by subtracting the shown
 * scopes from a wider one (docs/surveys.md).
 */
export function suppressSmallGroups(
  results: RoundResults,
  minimum: number = minimumRespondents,
): Omit<RoundResults, 'scopes'> & { scopes: PublishedScope[] } {
  return {
    ...results,
    scopes: results.scopes.map(({ previousRespondents, ...scope }) => {
      const isSuppressed = scope.respondents > 0 && scope.respondents < minimum;
      if (isSuppressed)
        return {
          ...scope,
          respondents: 0,
          headline: { n: 0, satisfied: 0, share: null },
          responseRate: null,
          questions: [],
          comments: [],
          previousShare: null,
          change: null,
          isSuppressed,
        };
      const hasPrevious = previousRespondents >= minimum;
      return {
        ...scope,
        previousShare: hasPrevious ? scope.previousShare : null,
        change: hasPrevious ? scope.change : null,
        isSuppressed,
      };
    }),
  };
}

export function isInScope(answer: Pick<SurveyAnswer, 'caseType' | 'unitId'>, scope: SurveyScope): boolean {
  return (
    (scope.caseType === null || answer.caseType === scope.caseType) &&
    (scope.unitId === null || answer.unitId === scope.unitId)
  );
}

/** The share satisfied on one scale question (the headline question when none is named). */
export function satisfiedShare(
  survey: Pick<Survey, 'questions' | 'headlineQuestionId'>,
  answers: readonly Pick<SurveyAnswer, 'values'>[],
  questionId: string = survey.headlineQuestionId,
): SatisfiedShare {
  const question = survey.questions.find((candidate) => candidate.id === questionId);
  if (!question || question.kind !== 'scale') return { n: 0, satisfied: 0, share: null };
  let n = 0;
  let satisfied = 0;
  for (const answer of answers) {
    const value = answer.values[questionId];
    if (typeof value !== 'number') continue;
    n += 1;
    if (question.satisfiedValues.includes(value)) satisfied += 1;
  }
  return { n, satisfied, share: n === 0 ? null : satisfied / n };
}

/** The rounds whose period overlaps [from, to] (both inclusive): what a goal's period measures. */
export function roundsInPeriod(
  rounds: readonly SurveyRound[],
  period: { from: LocalDate; to: LocalDate },
): SurveyRound[] {
  return rounds.filter((round) => round.from <= period.to && round.to >= period.from);
}

/** The round before `roundId` in the survey's order (rounds are kept oldest first). */
export function previousRoundOf(rounds: readonly SurveyRound[], roundId: string): SurveyRound | null {
  const sorted = [...rounds].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const index = sorted.findIndex((round) => round.id === roundId);
  return index > 0 ? sorted[index - 1]! : null;
}

/**
 * Every scope that has answers or issued links in the round: all, each case type, each unit, and
 * each case type within a unit.
 */
export function roundResults(input: {
  survey: Pick<Survey, 'questions' | 'headlineQuestionId' | 'rounds'>;
  roundId: string;
  answers: readonly SurveyAnswer[];
  issued: readonly IssuedLinks[];
}): RoundResults {
  const { survey, roundId } = input;
  const previous = previousRoundOf(survey.rounds, roundId);
  const current = input.answers.filter((answer) => answer.roundId === roundId);
  const before = previous ? input.answers.filter((answer) => answer.roundId === previous.id) : [];
  const issued = input.issued.filter((links) => links.roundId === roundId);
  const pairs = new Map<string, { caseType: string; unitId: string }>();
  for (const { caseType, unitId } of [...current, ...issued])
    pairs.set(`${caseType}\u0000${unitId}`, { caseType, unitId });
  const caseTypes = [...new Set([...pairs.values()].map((pair) => pair.caseType))].sort();
  const units = [...new Set([...pairs.values()].map((pair) => pair.unitId))].sort();
  const scopes: SurveyScope[] = [
    { caseType: null, unitId: null },
    ...caseTypes.map((caseType) => ({ caseType, unitId: null })),
    ...units.map((unitId) => ({ caseType: null, unitId })),
    ...[...pairs.values()]
      .sort((a, b) => a.caseType.localeCompare(b.caseType) || a.unitId.localeCompare(b.unitId))
      .map(({ caseType, unitId }) => ({ caseType, unitId })),
  ];
  return {
    roundId,
    previousRoundId: previous?.id ?? null,
    scopes: scopes.map((scope) => scopeResult(survey, scope, current, before, previous !== null, issued)),
  };
}

function scopeResult(
  survey: Pick<Survey, 'questions' | 'headlineQuestionId'>,
  scope: SurveyScope,
  current: readonly SurveyAnswer[],
  before: readonly SurveyAnswer[],
  hasPreviousRound: boolean,
  issued: readonly IssuedLinks[],
): ScopeResult {
  const answers = current.filter((answer) => isInScope(answer, scope));
  const headline = satisfiedShare(survey, answers);
  const linksIssued = issued.filter((links) => isInScope(links, scope)).reduce((sum, links) => sum + links.count, 0);
  const throughLinks = answers.filter((answer) => answer.source === 'link').length;
  const previousAnswers = before.filter((answer) => isInScope(answer, scope));
  const previousShare = hasPreviousRound ? satisfiedShare(survey, previousAnswers).share : null;
  return {
    ...scope,
    respondents: answers.length,
    headline,
    linksIssued,
    responseRate: linksIssued === 0 ? null : throughLinks / linksIssued,
    questions: survey.questions.flatMap((question) => {
      if (question.kind !== 'scale') return [];
      const numbers = answers
        .map((answer) => answer.values[question.id])
        .filter((value): value is number => typeof value === 'number');
      const sum = numbers.reduce((total, value) => total + value, 0);
      return [
        {
          questionId: question.id,
          n: numbers.length,
          mean: numbers.length === 0 ? null : sum / numbers.length,
          shareSatisfied: satisfiedShare(survey, answers, question.id).share,
        },
      ];
    }),
    comments: survey.questions.flatMap((question) =>
      question.kind !== 'text'
        ? []
        : answers
            .map((answer) => answer.values[question.id])
            .filter((value): value is string => typeof value === 'string')
            .sort((a, b) => a.localeCompare(b, 'da'))
            .map((text) => ({ questionId: question.id, text })),
    ),
    previousShare,
    change: previousShare === null || headline.share === null ? null : headline.share - previousShare,
    previousRespondents: previousAnswers.length,
  };
}
