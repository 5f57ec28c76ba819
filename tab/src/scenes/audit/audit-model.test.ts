import { describe, expect, it } from 'vitest';
import { danish, tabTextsIn } from '../../i18n/danish-texts';
import { reasonText, warningText, yearFromQuery } from './audit-model';

const english = tabTextsIn('en');

describe('audit scene words', () => {
  it('translates programme reasons with their numbers', () => {
    expect(reasonText({ code: 'importance', importance: 3, points: 30 }, danish)).toBe('Vigtighed høj');
    expect(reasonText({ code: 'major-findings', count: 1, sinceYear: 2025, points: 8 }, danish)).toBe(
      '1 større afvigelse siden 2025',
    );
    expect(reasonText({ code: 'major-findings', count: 2, sinceYear: 2025, points: 16 }, danish)).toBe(
      '2 større afvigelser siden 2025',
    );
    expect(reasonText({ code: 'last-audited', year: 2024, yearsSince: 2, points: 0 }, english)).toBe(
      'Last audited 2024',
    );
  });

  it('names the auditor who would audit their own unit', () => {
    const text = warningText(
      { code: 'audits-own-unit', auditorId: 'ole', auditorUnitId: 'miljo', auditedUnitId: 'miljo' },
      danish,
      (id) => (id === 'ole' ? 'Ole Frandsen' : id),
    );
    expect(text).toContain('Ole Frandsen');
  });

  it('reads a plausible year from the query only', () => {
    expect(yearFromQuery(new URLSearchParams('year=2025'), 2026)).toBe(2025);
    expect(yearFromQuery(new URLSearchParams('year=abc'), 2026)).toBe(2026);
    expect(yearFromQuery(new URLSearchParams(''), 2026)).toBe(2026);
  });
});
