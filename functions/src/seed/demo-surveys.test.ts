import { describe, expect, it } from 'vitest';
import { asLocalDate } from '../core/local-date.js';
import { surveyDefinitionProblems } from '../core/survey-definition.js';
import { roundResults } from '../core/survey-results.js';
import { demoSurveyRecords } from './demo-surveys.js';

describe('the demo survey (constructed data)', () => {
  const { survey, links, answers } = demoSurveyRecords(asLocalDate('2026-12-06'));

  it('is a sound survey with one round a year for the last two years, labelled as demo', () => {
    expect(surveyDefinitionProblems(survey)).toEqual([]);
    expect(survey.rounds.map((round) => [round.id, round.from, round.to])).toEqual([
      ['2025', '2025-01-01', '2025-12-31'],
      ['2026', '2026-01-01', '2026-12-31'],
    ]);
    expect(survey.title.da).toContain('(demo)');
  });

  it('has answers in the demo units for every case type, half the links answered, and a change between rounds', () => {
    expect(new Set(answers.map((answer) => answer.unitId))).toEqual(new Set(['byg-plan', 'miljo']));
    expect(new Set(answers.map((answer) => answer.caseType))).toEqual(new Set(survey.caseTypes));
    expect(links.filter((link) => link.isAnswered)).toHaveLength(answers.length);
    const issued = survey.rounds.flatMap((round) =>
      survey.caseTypes.map((caseType) => ({
        roundId: round.id,
        caseType,
        unitId: links.find((link) => link.caseType === caseType)!.unitId,
        count: links.filter((link) => link.roundId === round.id && link.caseType === caseType).length,
      })),
    );
    const all = roundResults({ survey, roundId: '2026', answers, issued }).scopes[0]!;
    expect(all.responseRate).toBeCloseTo(0.53, 2);
    expect(all.headline.share).toBeGreaterThan(0.9);
    expect(all.previousShare).toBeLessThan(0.9);
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(answers.length);
  });
});
