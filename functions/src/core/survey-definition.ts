import type { Survey } from './survey-types.js';

/**
 * The rules of a survey's definition that its schema cannot say: question and round ids are
 * unique, the headline question is a scale question, the satisfied categories lie on the
 * question's scale, and a round ends on or after it starts. Returns one problem per broken rule
 * (field path and an English message); none means the survey is sound.
 */
export type DefinitionProblem = { path: string; message: string };

export function surveyDefinitionProblems(
  survey: Pick<Survey, 'questions' | 'headlineQuestionId' | 'rounds' | 'caseTypes'>,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const questionIds = survey.questions.map((question) => question.id);
  questionIds.forEach((id, index) => {
    if (questionIds.indexOf(id) !== index)
      problems.push({ path: `questions.${index}.id`, message: `The question id ${id} is used twice.` });
  });
  const headline = survey.questions.find((question) => question.id === survey.headlineQuestionId);
  if (!headline || headline.kind !== 'scale')
    problems.push({ path: 'headlineQuestionId', message: 'The headline question must be one of the scale questions.' });
  survey.questions.forEach((question, index) => {
    if (question.kind !== 'scale') return;
    const off = question.satisfiedValues.filter((value) => value < 1 || value > question.scaleMax);
    if (question.satisfiedValues.length === 0 || off.length > 0)
      problems.push({
        path: `questions.${index}.satisfiedValues`,
        message: `The satisfied categories must be values from 1 to ${question.scaleMax}.`,
      });
  });
  const roundIds = survey.rounds.map((round) => round.id);
  survey.rounds.forEach((round, index) => {
    if (roundIds.indexOf(round.id) !== index)
      problems.push({ path: `rounds.${index}.id`, message: `The round id ${round.id} is used twice.` });
    if (round.to < round.from)
      problems.push({ path: `rounds.${index}.to`, message: 'A round ends on or after the day it starts.' });
  });
  if (new Set(survey.caseTypes).size !== survey.caseTypes.length)
    problems.push({ path: 'caseTypes', message: 'A case type is listed twice.' });
  return problems;
}
