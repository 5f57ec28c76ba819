import { describe, expect, it } from 'vitest';
import { isAppError } from './errors.js';
import {
  currentYearlyReports,
  nextYearlyReportRevision,
  publicationOccurrenceFor,
  yearlyReportId,
  type YearlyReport,
} from './yearly-report.js';

function report(year: number, revision: number): YearlyReport {
  return {
    id: yearlyReportId(year, revision),
    year,
    revision,
    content: {} as YearlyReport['content'],
    publishedAt: `${year + 1}-03-01T10:00:00.000Z`,
    publishedOn: `${year + 1}-03-01` as YearlyReport['publishedOn'],
    publishedBy: 'mette-kjaer',
    correctionReason: revision === 1 ? null : 'Rettet',
    createdAt: '',
    updatedAt: '',
    updatedBy: 'mette-kjaer',
    etag: 1,
  };
}

function refusal(run: () => unknown): { code: string; details: Record<string, unknown> | undefined } {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('Not refused');
}

describe('publishing a yearly report', () => {
  it.each([
    { case: 'first publication of a year', published: [], reason: null, revision: 1 },
    { case: 'another year is published', published: [report(2024, 1)], reason: null, revision: 1 },
    { case: 'a correction with its reason', published: [report(2025, 1)], reason: 'Forkert tal', revision: 2 },
    {
      case: 'a second correction',
      published: [report(2025, 2), report(2025, 1)],
      reason: 'Igen',
      revision: 3,
    },
  ])('$case: revision $revision', ({ published, reason, revision }) => {
    expect(nextYearlyReportRevision(published, { year: 2025, correctionReason: reason })).toBe(revision);
  });

  it('locks a published year: again without a reason is CONFLICT (409), also for a blank reason', () => {
    for (const reason of [null, '', '   '])
      expect(
        refusal(() => nextYearlyReportRevision([report(2025, 1)], { year: 2025, correctionReason: reason })),
      ).toEqual({
        code: 'CONFLICT',
        details: { reason: 'yearly-report-locked', year: 2025, revision: 1, publishedOn: '2026-03-01' },
      });
  });

  it('refuses a correction of a year not published, and a reason past its length', () => {
    expect(refusal(() => nextYearlyReportRevision([], { year: 2025, correctionReason: 'Hvorfor' })).code).toBe(
      'VALIDATION',
    );
    expect(
      refusal(() => nextYearlyReportRevision([report(2025, 1)], { year: 2025, correctionReason: 'x'.repeat(2001) }))
        .code,
    ).toBe('VALIDATION');
  });

  it('shows the newest revision of each year, newest year first', () => {
    const current = currentYearlyReports([report(2024, 1), report(2025, 1), report(2025, 3), report(2025, 2)]);
    expect(current.map((entry) => [entry.year, entry.revision])).toEqual([
      [2025, 3],
      [2024, 1],
    ]);
  });
});

describe('the årshjul activity a publication completes', () => {
  const occurrence = (id: string, kind: string, dueOn: string, completedOn: string | null = null) => ({
    id,
    kind,
    dueOn,
    completedOn,
  });

  it.each([
    {
      case: 'the open publication of the following spring',
      occurrences: [occurrence('a', 'yearly-publication', '2026-04-30')],
      expected: 'a',
    },
    {
      case: 'else the open one of the year itself',
      occurrences: [occurrence('b', 'yearly-publication', '2025-04-30')],
      expected: 'b',
    },
    {
      case: 'the following year before the year itself',
      occurrences: [
        occurrence('b', 'yearly-publication', '2025-04-30'),
        occurrence('a', 'yearly-publication', '2026-04-30'),
      ],
      expected: 'a',
    },
    {
      case: 'never one already done, nor another kind, nor another year',
      occurrences: [
        occurrence('done', 'yearly-publication', '2026-04-30', '2026-04-01'),
        occurrence('survey', 'satisfaction-survey', '2026-04-30'),
        occurrence('later', 'yearly-publication', '2027-04-30'),
      ],
      expected: undefined,
    },
  ])('$case', ({ occurrences, expected }) => {
    expect(publicationOccurrenceFor(occurrences, 2025)?.id).toBe(expected);
  });
});
