import { describe, expect, it } from 'vitest';
import { asLocalDate } from './local-date.js';
import {
  previousRoundOf,
  roundResults,
  roundsInPeriod,
  satisfiedShare,
  suppressSmallGroups,
  type IssuedLinks,
} from './survey-results.js';
import type { ScaleQuestion, SurveyAnswer, SurveyQuestion, SurveyRound } from './survey-types.js';

const text = { da: 'x', nb: 'x', en: 'x' };
const scale = (id: string, scaleMax: 5 | 6 | 10, satisfiedValues: number[]): ScaleQuestion => ({
  id,
  kind: 'scale',
  wording: text,
  scaleMax,
  lowLabel: text,
  highLabel: text,
  satisfiedValues,
  isRequired: true,
});
const questions: SurveyQuestion[] = [
  scale('samlet', 5, [4, 5]),
  scale('tid', 10, [9, 10]),
  { id: 'kommentar', kind: 'text', wording: text, isRequired: false },
];
const round = (id: string, from: string, to: string): SurveyRound => ({
  id,
  label: id,
  from: asLocalDate(from),
  to: asLocalDate(to),
});
const rounds = [round('2026', '2026-01-01', '2026-12-31'), round('2025', '2025-01-01', '2025-12-31')];
const survey = { questions, headlineQuestionId: 'samlet', rounds };

let next = 0;
const answer = (values: SurveyAnswer['values'], overrides: Partial<SurveyAnswer> = {}): SurveyAnswer => ({
  id: `a${next++}`,
  surveyId: 's',
  roundId: '2026',
  caseType: 'Enfamiliehuse',
  unitId: 'byg-plan',
  source: 'link',
  values,
  ...overrides,
});

describe('satisfiedShare: the share satisfied of those who answered the question', () => {
  it.each([
    { name: 'nobody answered: null, not 0', values: [], n: 0, satisfied: 0, share: null },
    { name: 'top two of 1–5 count', values: [5, 4, 3], n: 3, satisfied: 2, share: 2 / 3 },
    { name: 'all satisfied', values: [4, 4], n: 2, satisfied: 2, share: 1 },
    { name: 'none satisfied', values: [1, 2, 3], n: 3, satisfied: 0, share: 0 },
    {
      name: 'an answer without the question is not in the denominator',
      values: [5, null, null],
      n: 1,
      satisfied: 1,
      share: 1,
    },
    { name: 'a text where a number belongs is not counted', values: [5, 'meget'], n: 1, satisfied: 1, share: 1 },
  ])('$name', ({ values, n, satisfied, share }) => {
    const answers = values.map((value) => answer(value === null ? {} : { samlet: value }));
    expect(satisfiedShare(survey, answers)).toEqual({ n, satisfied, share });
  });

  it.each([
    { question: 'tid', values: [10, 9, 8, 1], share: 0.5 },
    { question: 'kommentar', values: [], share: null },
    { question: 'unknown', values: [], share: null },
  ])('another question ($question) uses its own satisfied categories', ({ question, values, share }) => {
    const answers = values.map((value) => answer({ [question]: value }));
    expect(satisfiedShare(survey, answers, question).share).toBe(share);
  });
});

describe('rounds', () => {
  it.each([
    { from: '2025-01-01', to: '2026-12-31', expected: ['2026', '2025'] },
    { from: '2026-12-31', to: '2027-06-30', expected: ['2026'] },
    { from: '2024-01-01', to: '2024-12-31', expected: [] },
    { from: '2025-12-31', to: '2026-01-01', expected: ['2026', '2025'] },
  ])('rounds overlapping $from … $to', ({ from, to, expected }) => {
    expect(roundsInPeriod(rounds, { from: asLocalDate(from), to: asLocalDate(to) }).map((r) => r.id)).toEqual(expected);
  });

  it.each([
    { roundId: '2026', previous: '2025' },
    { roundId: '2025', previous: null },
    { roundId: 'nope', previous: null },
  ])('the previous round of $roundId is $previous, by date not by list order', ({ roundId, previous }) => {
    expect(previousRoundOf(rounds, roundId)?.id ?? null).toBe(previous);
  });
});

describe('roundResults per case type and unit', () => {
  const answers = [
    answer({ samlet: 5, tid: 10, kommentar: 'Øv' }),
    answer({ samlet: 4, tid: 6 }),
    answer({ samlet: 2, tid: 2, kommentar: 'Alt for lang tid' }),
    answer({ samlet: 5, tid: 9 }, { caseType: 'Husdyr', unitId: 'miljo' }),
    answer({ samlet: 3 }, { source: 'import', caseType: 'Husdyr', unitId: 'miljo' }),
    answer({ samlet: 2 }, { roundId: '2025' }),
    answer({ samlet: 5 }, { roundId: '2025' }),
    answer({ samlet: 5 }, { roundId: '2025', caseType: 'Husdyr', unitId: 'miljo' }),
  ];
  const issued: IssuedLinks[] = [
    { roundId: '2026', caseType: 'Enfamiliehuse', unitId: 'byg-plan', count: 6 },
    { roundId: '2026', caseType: 'Husdyr', unitId: 'miljo', count: 4 },
    { roundId: '2026', caseType: 'Erhverv', unitId: 'byg-plan', count: 3 },
    { roundId: '2025', caseType: 'Enfamiliehuse', unitId: 'byg-plan', count: 9 },
  ];
  const results = roundResults({ survey, roundId: '2026', answers, issued });
  const scope = (caseType: string | null, unitId: string | null) =>
    results.scopes.find((candidate) => candidate.caseType === caseType && candidate.unitId === unitId)!;

  it('lists all, each case type, each unit, and each pair with answers or links', () => {
    expect(results.previousRoundId).toBe('2025');
    expect(results.scopes.map((s) => `${s.caseType ?? '*'}/${s.unitId ?? '*'}`)).toEqual([
      '*/*',
      'Enfamiliehuse/*',
      'Erhverv/*',
      'Husdyr/*',
      '*/byg-plan',
      '*/miljo',
      'Enfamiliehuse/byg-plan',
      'Erhverv/byg-plan',
      'Husdyr/miljo',
    ]);
  });

  it.each([
    { caseType: null, unitId: null, n: 5, satisfied: 3, share: 3 / 5, links: 13, rate: 4 / 13, previous: 2 / 3 },
    {
      caseType: 'Enfamiliehuse',
      unitId: null,
      n: 3,
      satisfied: 2,
      share: 2 / 3,
      links: 6,
      rate: 3 / 6,
      previous: 1 / 2,
    },
    { caseType: 'Husdyr', unitId: 'miljo', n: 2, satisfied: 1, share: 1 / 2, links: 4, rate: 1 / 4, previous: 1 },
    { caseType: 'Erhverv', unitId: null, n: 0, satisfied: 0, share: null, links: 3, rate: 0, previous: null },
    { caseType: null, unitId: 'byg-plan', n: 3, satisfied: 2, share: 2 / 3, links: 9, rate: 3 / 9, previous: 1 / 2 },
  ])(
    '$caseType/$unitId: $satisfied of $n satisfied, $links links, previous $previous',
    ({ caseType, unitId, n, satisfied, share, links, rate, previous }) => {
      const result = scope(caseType, unitId);
      expect(result.headline).toEqual({ n, satisfied, share });
      expect(result.linksIssued).toBe(links);
      expect(result.responseRate).toBeCloseTo(rate);
      expect(result.previousShare).toBe(previous);
      expect(result.change).toBe(share === null || previous === null ? null : share - previous);
    },
  );

  it('means per scale question over those who answered it; comments sorted by text, never by time', () => {
    const all = scope(null, null);
    expect(all.questions).toEqual([
      { questionId: 'samlet', n: 5, mean: (5 + 4 + 2 + 5 + 3) / 5, shareSatisfied: 3 / 5 },
      { questionId: 'tid', n: 4, mean: (10 + 6 + 2 + 9) / 4, shareSatisfied: 2 / 4 },
    ]);
    expect(all.comments).toEqual([
      { questionId: 'kommentar', text: 'Alt for lang tid' },
      { questionId: 'kommentar', text: 'Øv' },
    ]);
  });

  it('the first round has no previous round and no change; imported answers count without a response rate', () => {
    const first = roundResults({ survey, roundId: '2025', answers, issued: [] });
    expect(first.previousRoundId).toBeNull();
    const all = first.scopes[0]!;
    expect(all.headline).toEqual({ n: 3, satisfied: 2, share: 2 / 3 });
    expect([all.previousShare, all.change, all.responseRate, all.linksIssued]).toEqual([null, null, null, 0]);
  });
});

describe('suppressSmallGroups: no figures for a scope with 1 to 4 respondents (anonymity)', () => {
  const many = (count: number, values: SurveyAnswer['values'], overrides: Partial<SurveyAnswer> = {}) =>
    Array.from({ length: count }, () => answer(values, overrides));
  const answers = [
    ...many(4, { samlet: 5, kommentar: 'Kun fire svar' }, { caseType: 'Husdyr', unitId: 'miljo' }),
    ...many(5, { samlet: 4 }),
    ...many(6, { samlet: 2 }, { roundId: '2025' }),
    ...many(4, { samlet: 5 }, { roundId: '2025', caseType: 'Husdyr', unitId: 'miljo' }),
  ];
  const issued: IssuedLinks[] = [{ roundId: '2026', caseType: 'Erhverv', unitId: 'byg-plan', count: 3 }];
  const published = suppressSmallGroups(roundResults({ survey, roundId: '2026', answers, issued }));
  const scope = (caseType: string | null, unitId: string | null) =>
    published.scopes.find((candidate) => candidate.caseType === caseType && candidate.unitId === unitId)!;

  it.each([
    // [case type, unit, respondents, suppressed]
    ['Husdyr', 'miljo', 4, true],
    ['Husdyr', null, 4, true],
    [null, 'miljo', 4, true],
    ['Enfamiliehuse', 'byg-plan', 5, false],
    [null, null, 9, false],
    ['Erhverv', 'byg-plan', 0, false],
  ] as const)('%s/%s with %i respondents: suppressed %s', (caseType, unitId, respondents, isSuppressed) => {
    const result = scope(caseType, unitId);
    expect(result.isSuppressed).toBe(isSuppressed);
    if (!isSuppressed) expect(result.respondents).toBe(respondents);
  });

  it('a suppressed scope shows no share, no means, no comments and no response rate', () => {
    const result = scope('Husdyr', 'miljo');
    expect(result).toMatchObject({
      respondents: 0,
      headline: { n: 0, satisfied: 0, share: null },
      responseRate: null,
      questions: [],
      comments: [],
      previousShare: null,
      change: null,
    });
    // The comments stay in the wider scope of 9, where they no longer tell which case type.
    expect(scope(null, null).comments).toHaveLength(4);
    expect(result).not.toHaveProperty('previousRespondents');
  });

  it('shows the change only when the previous round had at least 5 respondents in the scope', () => {
    // 2025: 6 in Enfamiliehuse/byg-plan (shown), 4 in Husdyr/miljo (suppressed); all: 10.
    expect(scope('Enfamiliehuse', 'byg-plan')).toMatchObject({ previousShare: 0, change: 1 });
    expect(scope(null, null).previousShare).toBe(4 / 10);
    expect(scope(null, null).change).toBeCloseTo(1 - 4 / 10);
  });

  it('the boundary is the minimum given', () => {
    const strict = suppressSmallGroups(roundResults({ survey, roundId: '2026', answers, issued }), 6);
    expect(strict.scopes.find((s) => s.caseType === 'Enfamiliehuse' && s.unitId === 'byg-plan')!.isSuppressed).toBe(
      true,
    );
  });
});
