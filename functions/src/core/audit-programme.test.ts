import { describe, expect, it } from 'vitest';
import {
  auditHistoryFrom,
  auditorIndependenceWarnings,
  auditPriority,
  changedItemIdsFor,
  planProgramme,
  type AuditHistoryEntry,
} from './audit-programme.js';
import type { LocalDate } from './local-date.js';
import type { FindingGrade, Importance } from './quality-year-types.js';
import type { Unit } from './types.js';

const year = 2027;

function item(id: string, importance: Importance, title = id) {
  return { id, importance, title };
}

function audited(programmeItemId: string, auditYear: number, grades: FindingGrade[] = []): AuditHistoryEntry {
  return { programmeItemId, year: auditYear, grades };
}

describe('auditPriority: frequency', () => {
  it.each([
    ['importance 3', item('a', 3), [], 'yearly'],
    ['importance 2', item('a', 2), [], 'every-2-years'],
    ['importance 1', item('a', 1), [], 'every-3-years'],
    ['a major finding 3 years ago', item('a', 1), [audited('a', 2024, ['major'])], 'yearly'],
    [
      'a major finding 4 years ago (outside the 3 years)',
      item('a', 1),
      [audited('a', 2023, ['major'])],
      'every-3-years',
    ],
    ['a minor finding last year', item('a', 1), [audited('a', 2026, ['minor', 'observation'])], 'every-2-years'],
    ['a minor finding and importance 3', item('a', 3), [audited('a', 2026, ['minor'])], 'yearly'],
    [
      'observations and strong points only',
      item('a', 1),
      [audited('a', 2026, ['observation', 'strong-point'])],
      'every-3-years',
    ],
    ["another item's major finding", item('a', 1), [audited('b', 2026, ['major'])], 'every-3-years'],
  ] as const)('%s: %s', (_name, subject, history, expected) => {
    expect(auditPriority(subject, history, year).frequency).toBe(expected);
  });

  it('ignores audits of the programme year itself and later', () => {
    const priority = auditPriority(item('a', 1), [audited('a', 2027, ['major']), audited('a', 2028, ['major'])], year);
    expect(priority).toMatchObject({ frequency: 'every-3-years', lastAuditedYear: null, isDue: true });
  });

  it('a flagged change makes the item yearly and due this year', () => {
    const history = [audited('a', 2026)];
    expect(auditPriority(item('a', 1), history, year, { changedItemIds: ['a'] })).toMatchObject({
      frequency: 'yearly',
      isDue: true,
    });
    expect(auditPriority(item('a', 1), history, year, { changedItemIds: new Set(['b']) }).isDue).toBe(false);
  });
});

describe('auditPriority: due and score', () => {
  it.each([
    [3, 2026, true],
    [2, 2026, false],
    [2, 2025, true],
    [1, 2025, false],
    [1, 2024, true],
    [1, 2020, true],
  ] as const)('importance %i, last audited %i: due in 2027 is %s', (importance, lastYear, expected) => {
    expect(auditPriority(item('a', importance), [audited('a', lastYear)], year).isDue).toBe(expected);
  });

  it('never audited is due, with its own reason', () => {
    const priority = auditPriority(item('a', 1), [], year);
    expect(priority).toMatchObject({ isDue: true, lastAuditedYear: null });
    expect(priority.reasons).toEqual([
      { code: 'importance', importance: 1, points: 10 },
      { code: 'never-audited', points: 6 },
    ]);
    expect(priority.score).toBe(16);
  });

  it('explains the score with codes and numbers that add up', () => {
    const history = [
      audited('a', 2023, ['major']),
      audited('a', 2025, ['major', 'minor', 'observation', 'observation']),
    ];
    const priority = auditPriority(item('a', 2), history, year);
    expect(priority.reasons).toEqual([
      { code: 'importance', importance: 2, points: 20 },
      { code: 'major-findings', count: 1, sinceYear: 2024, points: 8 },
      { code: 'minor-findings', count: 1, sinceYear: 2024, points: 4 },
      { code: 'observations', count: 2, sinceYear: 2024, points: 2 },
      { code: 'last-audited', year: 2025, yearsSince: 2, points: 3 },
    ]);
    expect(priority.score).toBe(37);
    expect(priority.frequency).toBe('yearly');
  });

  it('covers every item once per certification cycle', () => {
    const history = [audited('a', 2024)]; // importance 1: next due 2027 by interval, but the cycle ends 2026
    const cycle = { firstYear: 2025, lastYear: 2026 };
    const inLastYear = auditPriority(item('a', 1), history, 2026, { certificationCycle: cycle });
    expect(inLastYear.isDue).toBe(true);
    expect(inLastYear.reasons).toContainEqual({ code: 'cycle-coverage', cycleLastYear: 2026, points: 5 });
    expect(auditPriority(item('a', 1), history, 2025, { certificationCycle: cycle }).isDue).toBe(false);
    const auditedInCycle = auditPriority(item('a', 1), [audited('a', 2025)], 2026, { certificationCycle: cycle });
    expect(auditedInCycle.isDue).toBe(false);
  });
});

describe('planProgramme', () => {
  it('keeps only the items due, highest score first, ties by title then id', () => {
    const items = [
      item('low', 1, 'Arkivering'),
      item('notDue', 1, 'Budget'),
      item('high', 3, 'Myndighedsbehandling'),
      item('tieB', 2, 'Ældrepleje'),
      item('tieA', 2, 'Åbning'),
      item('tieC', 2, 'Åbning'),
    ];
    const history = [audited('notDue', 2026), audited('low', 2024), audited('high', 2026, ['major'])];
    const plan = planProgramme(items, history, year);
    // Danish order: Æ before Å.
    expect(plan.map((entry) => entry.item.id)).toEqual(['high', 'tieB', 'tieA', 'tieC', 'low']);
    expect(plan.map((entry) => entry.priority.score)).toEqual([38, 26, 26, 26, 10]);
  });

  it.each([
    [1, [1]],
    [2, [1, 6]],
    [5, [1, 3, 5, 8, 10]],
    [10, [1, 2, 3, 4, 5, 6, 8, 9, 10, 11]],
    [12, [1, 1, 2, 3, 4, 5, 6, 6, 8, 9, 10, 11]],
  ])('spreads %i audits over the year, avoiding July and December', (count, expected) => {
    const items = Array.from({ length: count }, (_, index) => item(`i${String(index).padStart(2, '0')}`, 1));
    expect(planProgramme(items, [], year).map((entry) => entry.suggestedMonth)).toEqual(expected);
  });

  it('takes other months, and refuses impossible ones', () => {
    const items = [item('a', 3), item('b', 2), item('c', 1)];
    expect(planProgramme(items, [], year, { months: [9, 3] }).map((entry) => entry.suggestedMonth)).toEqual([3, 3, 9]);
    expect(() => planProgramme(items, [], year, { months: [13] })).toThrow(RangeError);
    expect(() => planProgramme(items, [], year, { months: [] })).toThrow(RangeError);
  });

  it('is empty when nothing is due', () => {
    expect(planProgramme([item('a', 1)], [audited('a', 2026)], year)).toEqual([]);
  });
});

describe('auditHistoryFrom', () => {
  it('counts reported internal audits from the programme, with their findings', () => {
    const base = { kind: 'internal' as const, year: 2026, status: 'reported' as const, programmeItemId: 'a' };
    const audits = [
      { ...base, id: 'x1' },
      { ...base, id: 'x2', status: 'planned' as const },
      { ...base, id: 'x3', status: 'cancelled' as const },
      { ...base, id: 'x4', kind: 'surveillance' as const },
      { ...base, id: 'x5', programmeItemId: null },
      { ...base, id: 'x6', year: 2025 },
    ];
    const findings = [
      { auditId: 'x1', grade: 'major' as const },
      { auditId: 'x1', grade: 'observation' as const },
      { auditId: 'x2', grade: 'minor' as const },
    ];
    expect(auditHistoryFrom(audits, findings)).toEqual([
      { programmeItemId: 'a', year: 2026, grades: ['major', 'observation'] },
      { programmeItemId: 'a', year: 2025, grades: [] },
    ]);
  });
});

describe('auditorIndependenceWarnings', () => {
  const units: Unit[] = [
    { id: 'tm', name: 'Teknik og Miljø', parentId: null },
    { id: 'byg', name: 'Byg', parentId: 'tm' },
    { id: 'byg-sag', name: 'Byggesag', parentId: 'byg' },
    { id: 'sundhed', name: 'Sundhed', parentId: null },
  ];
  const people = [
    { id: 'tina', unitId: 'tm' },
    { id: 'bo', unitId: 'byg' },
    { id: 'sara', unitId: 'byg-sag' },
    { id: 'signe', unitId: 'sundhed' },
  ];

  it('warns about each auditor in the audited unit or below it, not above or beside it', () => {
    expect(
      auditorIndependenceWarnings({ unitId: 'byg', auditorIds: ['tina', 'bo', 'sara', 'signe'] }, people, units),
    ).toEqual([
      { code: 'audits-own-unit', auditorId: 'bo', auditorUnitId: 'byg', auditedUnitId: 'byg' },
      { code: 'audits-own-unit', auditorId: 'sara', auditorUnitId: 'byg-sag', auditedUnitId: 'byg' },
    ]);
  });

  it('is quiet for independent auditors and for cross-cutting audits', () => {
    expect(auditorIndependenceWarnings({ unitId: 'byg', auditorIds: ['signe'] }, people, units)).toEqual([]);
    expect(auditorIndependenceWarnings({ unitId: null, auditorIds: ['bo'] }, people, units)).toEqual([]);
  });

  it('warns when there are no auditors', () => {
    expect(auditorIndependenceWarnings({ unitId: 'byg', auditorIds: [] }, people, units)).toEqual([
      { code: 'no-auditors' },
    ]);
  });

  it('counts a repeated auditor once', () => {
    expect(auditorIndependenceWarnings({ unitId: 'tm', auditorIds: ['bo', 'bo'] }, people, units)).toHaveLength(1);
  });

  it('names unknown auditors and an unknown unit', () => {
    expect(auditorIndependenceWarnings({ unitId: 'byg', auditorIds: ['ghost'] }, people, units)).toEqual([
      { code: 'unknown-auditor', auditorId: 'ghost' },
    ]);
    expect(
      auditorIndependenceWarnings(
        { unitId: 'gone', auditorIds: ['signe'] },
        [...people, { id: 'x', unitId: 'gone' }],
        units,
      ),
    ).toEqual([{ code: 'unknown-unit', unitId: 'gone' }]);
    expect(
      auditorIndependenceWarnings({ unitId: 'gone', auditorIds: ['x'] }, [{ id: 'x', unitId: 'gone' }], units),
    ).toEqual([
      { code: 'unknown-unit', unitId: 'gone' },
      { code: 'audits-own-unit', auditorId: 'x', auditorUnitId: 'gone', auditedUnitId: 'gone' },
    ]);
  });
});

describe('changedItemIdsFor (9.2.2 a: changes affecting the organisation)', () => {
  const item = (id: string, changedOn: string | null) => ({ id, changedOn: changedOn as LocalDate | null });
  const history = [
    { programmeItemId: 'audited-after', year: 2026, grades: [] },
    { programmeItemId: 'audited-before', year: 2025, grades: [] },
  ];

  it.each([
    ['no change noted', item('none', null), 2027, false],
    ['changed in 2026, last audited 2025', item('audited-before', '2026-09-01'), 2027, true],
    ['changed in 2026, audited in 2026', item('audited-after', '2026-03-01'), 2027, false],
    ['changed in 2026, never audited', item('never', '2026-09-01'), 2027, true],
    ['changed in the programme year itself', item('audited-before', '2027-02-01'), 2027, true],
    ['changed after the programme year', item('audited-before', '2028-01-10'), 2027, false],
  ] as const)('%s → %s', (_, candidate, year, expected) => {
    expect(changedItemIdsFor([candidate], history, year).has(candidate.id)).toBe(expected);
  });

  it('makes a changed item yearly and due, with the reason', () => {
    const changed = changedItemIdsFor([item('audited-before', '2026-09-01')], history, 2027);
    const priority = auditPriority({ id: 'audited-before', importance: 1 }, history, 2027, { changedItemIds: changed });
    expect(priority.frequency).toBe('yearly');
    expect(priority.isDue).toBe(true);
    expect(priority.reasons.map((reason) => reason.code)).toContain('changed');
  });
});
