import { describe, expect, it } from 'vitest';
import { asLocalDate } from './local-date.js';
import { surveyDefinitionProblems } from './survey-definition.js';
import type { Survey, SurveyQuestion } from './survey-types.js';

const text = { da: 'x', nb: 'x', en: 'x' };
const scale = (id: string, satisfiedValues = [4, 5]): SurveyQuestion => ({
  id,
  kind: 'scale',
  wording: text,
  scaleMax: 5,
  lowLabel: text,
  highLabel: text,
  satisfiedValues,
  isRequired: true,
});
const base: Pick<Survey, 'questions' | 'headlineQuestionId' | 'rounds' | 'caseTypes'> = {
  questions: [scale('samlet'), { id: 'kommentar', kind: 'text', wording: text, isRequired: false }],
  headlineQuestionId: 'samlet',
  rounds: [{ id: '2026', label: '2026', from: asLocalDate('2026-01-01'), to: asLocalDate('2026-12-31') }],
  caseTypes: ['Enfamiliehuse'],
};

describe('surveyDefinitionProblems', () => {
  it('a sound survey has none', () => expect(surveyDefinitionProblems(base)).toEqual([]));

  it.each([
    {
      name: 'a headline that is a text question',
      change: { headlineQuestionId: 'kommentar' },
      path: 'headlineQuestionId',
    },
    { name: 'a headline that does not exist', change: { headlineQuestionId: 'nope' }, path: 'headlineQuestionId' },
    {
      name: 'satisfied values off the scale',
      change: { questions: [scale('samlet', [5, 6])] },
      path: 'questions.0.satisfiedValues',
    },
    { name: 'no satisfied values', change: { questions: [scale('samlet', [])] }, path: 'questions.0.satisfiedValues' },
    { name: 'a question id twice', change: { questions: [scale('samlet'), scale('samlet')] }, path: 'questions.1.id' },
    {
      name: 'a round that ends before it starts',
      change: { rounds: [{ id: 'r', label: 'r', from: asLocalDate('2026-02-01'), to: asLocalDate('2026-01-31') }] },
      path: 'rounds.0.to',
    },
    { name: 'a case type twice', change: { caseTypes: ['A', 'A'] }, path: 'caseTypes' },
  ])('names $name', ({ change, path }) => {
    expect(surveyDefinitionProblems({ ...base, ...change }).map((problem) => problem.path)).toEqual([path]);
  });
});
