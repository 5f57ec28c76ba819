import { describe, expect, it } from 'vitest';
import { tabTextsIn } from '../../i18n/danish-texts';
import { chartRows, parseCaseLines, percentText, pointsCount, pointsText, unusedId } from './survey-model';

const units = [
  { id: 'byg-plan', name: 'Byg og Plan' },
  { id: 'miljo', name: 'Miljø' },
];

describe('parseCaseLines: the decided cases typed or pasted for links', () => {
  it.each([
    ['BYG-1;Enfamiliehuse;byg-plan', [{ caseId: 'BYG-1', caseType: 'Enfamiliehuse', unitId: 'byg-plan' }]],
    ['BYG-1\tEnfamiliehuse\tByg og Plan\n\n', [{ caseId: 'BYG-1', caseType: 'Enfamiliehuse', unitId: 'byg-plan' }]],
    ['M-2, Husdyr, miljø', [{ caseId: 'M-2', caseType: 'Husdyr', unitId: 'miljo' }]],
  ])('%j', (text, cases) => {
    expect(parseCaseLines(text, units)).toEqual({ kind: 'ok', cases });
  });

  it('names every bad line: too few fields, an unknown unit, an empty case id', () => {
    expect(
      parseCaseLines('BYG-1;Enfamiliehuse\nBYG-2;Enfamiliehuse;ukendt\n;Husdyr;miljo\nOK;Husdyr;miljo', units),
    ).toEqual({ kind: 'bad-lines', lines: [1, 2, 3] });
  });

  it('says when there is nothing', () => {
    expect(parseCaseLines(' \n', units)).toEqual({ kind: 'empty' });
  });
});

describe('figures', () => {
  it('formats shares and changes per language', () => {
    expect(percentText(0.923, 'da')).toBe('92\u00a0%');
    expect(percentText(0.923, 'en')).toBe('92%');
    expect(percentText(null, 'da')).toBeNull();
    expect(pointsText(0.05, 'da')).toBe('+5');
    expect(pointsText(-0.12, 'en')).toBe('-12');
  });

  it('chartRows: per scale question, the share of all respondents per round, oldest round first', () => {
    const text = { da: 'Samlet', nb: 'Samlet', en: 'Overall' };
    const survey = {
      questions: [
        {
          id: 'samlet',
          kind: 'scale' as const,
          wording: text,
          scaleMax: 5 as const,
          lowLabel: text,
          highLabel: text,
          satisfiedValues: [4, 5],
          isRequired: true,
        },
        { id: 'kommentar', kind: 'text' as const, wording: text, isRequired: false },
      ],
      rounds: [
        { id: '2026', label: '2026', from: '2026-01-01', to: '2026-12-31' },
        { id: '2025', label: '2025', from: '2025-01-01', to: '2025-12-31' },
      ],
    };
    const scope = (share: number | null) => ({
      caseType: null,
      unitId: null,
      questions: [{ questionId: 'samlet', n: 10, mean: 4, shareSatisfied: share }],
    });
    const results = [{ roundId: '2026', scopes: [scope(0.9)] }] as never;
    expect(chartRows(survey as never, results, 'en')).toEqual([
      {
        questionId: 'samlet',
        label: 'Overall',
        values: [
          { roundId: '2025', share: null },
          { roundId: '2026', share: 0.9 },
        ],
      },
    ]);
  });

  it('unusedId', () => {
    expect(unusedId('q', ['q-2'])).toBe('q-3');
    expect(unusedId('q', [])).toBe('q-1');
  });
});

describe('the change in percentage points', () => {
  it.each([
    [0.01, '+1 percentage point'],
    [-0.012, '−1 percentage point'],
    [0.05, '+5 percentage points'],
  ] as const)('words %d in English with the plural of the number shown', (change, text) => {
    const value = pointsText(change, 'en');
    expect(tabTextsIn('en')('surveys.points', { value, count: pointsCount(change) }).replace('-', '−')).toBe(text);
  });
});
