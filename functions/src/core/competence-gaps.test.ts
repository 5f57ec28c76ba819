import { describe, expect, it } from 'vitest';
import {
  expiringQualifications,
  findCompetenceGaps,
  validUntilFrom,
  type CompetenceGapInput,
} from './competence-gaps.js';
import type { CompetenceLevel, CompetenceRequirement, ExternalCoverage, PersonCompetence } from './competence-types.js';
import { asLocalDate, type LocalDate } from './local-date.js';
import type { Person, Unit } from './types.js';

const d = (value: string): LocalDate => asLocalDate(value);
const today = d('2026-11-22');

const units: Unit[] = [
  { id: 'tm', name: 'Teknik og Miljø', parentId: null },
  { id: 'natur', name: 'Natur', parentId: 'tm' },
  { id: 'byg', name: 'Byg', parentId: 'tm' },
];

function buildPerson(id: string, unitId: string): Person {
  return {
    id,
    unitId,
    name: id,
    email: `${id}@example.test`,
    title: '',
    roles: ['caseworker'],
    leaderId: null,
    aadObjectId: null,
  };
}

const people = [
  buildPerson('ann', 'natur'),
  buildPerson('bo', 'natur'),
  buildPerson('cy', 'natur'),
  buildPerson('dan', 'byg'),
  buildPerson('eve', 'tm'),
];

function buildRecord(
  personId: string,
  level: CompetenceLevel,
  overrides: Partial<PersonCompetence> = {},
): PersonCompetence {
  return {
    personId,
    competenceId: 'p3',
    level,
    evidence: null,
    validUntil: null,
    assessment: 'confirmed',
    confirmedBy: 'boss',
    ...overrides,
  };
}

function buildRequirement(overrides: Partial<CompetenceRequirement> = {}): CompetenceRequirement {
  return {
    id: 'r1',
    competenceId: 'p3',
    scope: { kind: 'unit', unitId: 'natur' },
    minPeople: 2,
    minLevel: 2,
    ...overrides,
  };
}

function buildDecision(overrides: Partial<ExternalCoverage> = {}): ExternalCoverage {
  return {
    id: 'x1',
    requirementId: 'r1',
    supplier: 'Rådgiver A/S',
    decidedOn: d('2026-01-10'),
    decidedBy: 'boss',
    contractEnd: null,
    note: '',
    ...overrides,
  };
}

function gapFor(overrides: Partial<CompetenceGapInput>) {
  const [gap] = findCompetenceGaps({
    requirements: [buildRequirement()],
    people,
    personCompetences: [],
    externalCoverage: [],
    units,
    procedureUnitOf: new Map([
      ['K-16', 'natur'],
      ['S-04', null],
    ]),
    areaUnitsOf: new Map([['Byg', ['byg']]]),
    today,
    ...overrides,
  });
  if (!gap) throw new Error('expected one result');
  return gap;
}

describe('findCompetenceGaps', () => {
  it.each([
    {
      name: 'met by two confirmed people',
      records: [buildRecord('ann', 3), buildRecord('bo', 2)],
      qualified: ['ann', 'bo'],
      shortBy: 0,
      coverage: 'met',
      single: false,
    },
    {
      name: 'short by 2 when nobody qualifies',
      records: [],
      qualified: [],
      shortBy: 2,
      coverage: 'unmet',
      single: false,
    },
    {
      name: 'level too low does not count',
      records: [buildRecord('ann', 3), buildRecord('bo', 1), buildRecord('cy', 0)],
      qualified: ['ann'],
      shortBy: 1,
      coverage: 'unmet',
      single: true,
    },
    {
      name: 'valid on its last day',
      records: [buildRecord('ann', 3, { validUntil: d('2026-11-22') }), buildRecord('bo', 2)],
      qualified: ['ann', 'bo'],
      shortBy: 0,
      coverage: 'met',
      single: false,
    },
    {
      name: 'expired the day before is not counted',
      records: [buildRecord('ann', 3, { validUntil: d('2026-11-21') }), buildRecord('bo', 2)],
      qualified: ['bo'],
      shortBy: 1,
      coverage: 'unmet',
      single: true,
    },
    {
      name: 'an expired record does not hide a valid one',
      records: [
        buildRecord('ann', 4, { validUntil: d('2025-01-01') }),
        buildRecord('ann', 2, { validUntil: d('2027-01-01') }),
        buildRecord('bo', 2),
      ],
      qualified: ['ann', 'bo'],
      shortBy: 0,
      coverage: 'met',
      single: false,
    },
    {
      name: 'people outside the unit are ignored',
      records: [buildRecord('ann', 3), buildRecord('dan', 4), buildRecord('eve', 4), buildRecord('stranger', 4)],
      qualified: ['ann'],
      shortBy: 1,
      coverage: 'unmet',
      single: true,
    },
    {
      name: 'another competence does not count',
      records: [buildRecord('ann', 3), buildRecord('bo', 3, { competenceId: 'other' })],
      qualified: ['ann'],
      shortBy: 1,
      coverage: 'unmet',
      single: true,
    },
  ])('$name', (row) => {
    const gap = gapFor({ personCompetences: row.records });
    expect(gap.qualified.map((entry) => entry.personId)).toEqual(row.qualified);
    expect(gap.shortBy).toBe(row.shortBy);
    expect(gap.coverage).toBe(row.coverage);
    expect(gap.isSinglePersonDependency).toBe(row.single);
  });

  it.each([
    { name: 'one person for a one-person requirement', minPeople: 1, records: [buildRecord('ann', 2)], single: true },
    { name: 'two people', minPeople: 1, records: [buildRecord('ann', 2), buildRecord('bo', 2)], single: false },
    { name: 'nobody', minPeople: 1, records: [], single: false },
    { name: 'a requirement of zero people', minPeople: 0, records: [buildRecord('ann', 2)], single: false },
  ])('single-person dependency: $name → $single', (row) => {
    const gap = gapFor({
      requirements: [buildRequirement({ minPeople: row.minPeople })],
      personCompetences: row.records,
    });
    expect(gap.isSinglePersonDependency).toBe(row.single);
  });

  it.each([
    {
      name: 'open-ended contract covers the shortfall',
      decision: buildDecision(),
      coverage: 'external',
      inForce: true,
    },
    {
      name: 'contract ending today still covers',
      decision: buildDecision({ contractEnd: d('2026-11-22') }),
      coverage: 'external',
      inForce: true,
    },
    {
      name: 'expired contract does not cover',
      decision: buildDecision({ contractEnd: d('2026-11-21') }),
      coverage: 'unmet',
      inForce: false,
    },
    {
      name: 'a decision dated in the future does not cover yet',
      decision: buildDecision({ decidedOn: d('2026-11-23') }),
      coverage: 'unmet',
      inForce: false,
    },
    {
      name: 'a decision for another requirement does not cover',
      decision: buildDecision({ requirementId: 'r2' }),
      coverage: 'unmet',
      inForce: false,
    },
  ])('external coverage: $name', (row) => {
    const gap = gapFor({ personCompetences: [buildRecord('ann', 3)], externalCoverage: [row.decision] });
    expect(gap.coverage).toBe(row.coverage);
    expect(gap.shortBy).toBe(1);
    expect(gap.externalCoverage).toEqual(row.inForce ? row.decision : null);
  });

  it('an external decision does not hide a met requirement', () => {
    const decision = buildDecision();
    const gap = gapFor({
      personCompetences: [buildRecord('ann', 3), buildRecord('bo', 3)],
      externalCoverage: [decision],
    });
    expect(gap.coverage).toBe('met');
    expect(gap.externalCoverage).toEqual(decision);
  });

  it('counts self-assessed levels but lists them as unconfirmed', () => {
    const gap = gapFor({
      personCompetences: [buildRecord('ann', 3), buildRecord('bo', 2, { assessment: 'self', confirmedBy: null })],
    });
    expect(gap.coverage).toBe('met');
    expect(gap.unconfirmedPersonIds).toEqual(['bo']);
  });

  it.each([
    { name: 'unit with sub-units', scope: { kind: 'unit', unitId: 'tm' }, inScope: ['ann', 'bo', 'cy', 'dan', 'eve'] },
    { name: 'procedure of a unit', scope: { kind: 'procedure', procedureId: 'K-16' }, inScope: ['ann', 'bo', 'cy'] },
    {
      name: 'procedure without a unit',
      scope: { kind: 'procedure', procedureId: 'S-04' },
      inScope: ['ann', 'bo', 'cy', 'dan', 'eve'],
    },
    { name: 'area', scope: { kind: 'area', area: 'Byg' }, inScope: ['dan'] },
  ] as const)('scope: $name', (row) => {
    const gap = gapFor({ requirements: [buildRequirement({ scope: row.scope })] });
    expect(gap.inScopePersonIds).toEqual(row.inScope);
    expect(gap.isScopeResolved).toBe(true);
  });

  it.each([
    { kind: 'unit', unitId: 'nowhere' },
    { kind: 'procedure', procedureId: 'K-99' },
    { kind: 'area', area: 'Ukendt' },
  ] as const)('an unknown scope %o is unresolved and unmet', (scope) => {
    const gap = gapFor({ requirements: [buildRequirement({ scope })], personCompetences: [buildRecord('ann', 4)] });
    expect(gap.isScopeResolved).toBe(false);
    expect(gap.inScopePersonIds).toEqual([]);
    expect(gap.coverage).toBe('unmet');
  });
});

describe('expiringQualifications', () => {
  it.each([
    { validUntil: '2027-02-19', daysLeft: 89, listed: true, isExpired: false },
    { validUntil: '2027-02-20', daysLeft: 90, listed: true, isExpired: false },
    { validUntil: '2027-02-21', daysLeft: 91, listed: false, isExpired: false },
    { validUntil: '2026-11-22', daysLeft: 0, listed: true, isExpired: false },
    { validUntil: '2026-11-21', daysLeft: -1, listed: true, isExpired: true },
    { validUntil: '2024-01-01', daysLeft: -1056, listed: true, isExpired: true },
  ])('valid until $validUntil seen on 2026-11-22: $daysLeft days', (row) => {
    const result = expiringQualifications([buildRecord('ann', 2, { validUntil: d(row.validUntil) })], today);
    if (!row.listed) {
      expect(result).toEqual([]);
      return;
    }
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ daysLeft: row.daysLeft, isExpired: row.isExpired, validUntil: row.validUntil });
  });

  it('skips records that never expire, level 0, and qualifications since renewed; sorts soonest first', () => {
    const result = expiringQualifications(
      [
        buildRecord('ann', 2),
        buildRecord('bo', 0, { validUntil: d('2026-12-01') }),
        buildRecord('cy', 2, { validUntil: d('2026-10-01') }),
        buildRecord('cy', 2, { validUntil: d('2029-10-01') }),
        buildRecord('dan', 2, { validUntil: d('2027-01-10') }),
        buildRecord('eve', 2, { validUntil: d('2026-12-10') }),
      ],
      today,
    );
    expect(result.map((item) => item.personCompetence.personId)).toEqual(['eve', 'dan']);
  });

  it('takes the window as an argument', () => {
    const record = buildRecord('ann', 2, { validUntil: d('2026-12-22') });
    expect(expiringQualifications([record], today, 29)).toEqual([]);
    expect(expiringQualifications([record], today, 30)).toHaveLength(1);
  });
});

describe('validUntilFrom', () => {
  it.each([
    { evidenceDate: '2026-03-15', months: 36, expected: '2029-03-15' },
    { evidenceDate: '2026-01-31', months: 1, expected: '2026-02-28' },
    { evidenceDate: '2027-01-31', months: 13, expected: '2028-02-29' },
    { evidenceDate: '2026-05-31', months: 9, expected: '2027-02-28' },
    { evidenceDate: '2024-02-29', months: 12, expected: '2025-02-28' },
    { evidenceDate: '2024-02-29', months: 48, expected: '2028-02-29' },
    { evidenceDate: '2026-08-31', months: 24, expected: '2028-08-31' },
    { evidenceDate: '2026-12-31', months: 2, expected: '2027-02-28' },
    { evidenceDate: '2026-03-15', months: null, expected: null },
  ])('$evidenceDate + $months months → $expected', (row) => {
    expect(validUntilFrom(d(row.evidenceDate), row.months)).toBe(row.expected);
  });
});
