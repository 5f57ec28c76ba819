import { describe, expect, it } from 'vitest';
import {
  appliesToProcedure,
  competenceIdFrom,
  competenceNameKey,
  findDuplicateRequirement,
  requirementsOfProcedure,
} from './competence-requirements.js';
import type { CompetenceRequirement, RequirementScope } from './competence-types.js';
import type { Unit } from './types.js';

const units: Unit[] = [
  { id: 'tm', name: 'Teknik og Miljø', parentId: null },
  { id: 'natur', name: 'Natur', parentId: 'tm' },
  { id: 'natur-vest', name: 'Natur Vest', parentId: 'natur' },
  { id: 'byg', name: 'Byg', parentId: 'tm' },
  { id: 'borger', name: 'Borgerservice', parentId: null },
];

const procedure = { id: 'p-1', area: 'Natur', unitId: 'natur' };

function buildRequirement(scope: RequirementScope, overrides: Partial<CompetenceRequirement> = {}) {
  return { id: 'r', competenceId: 'c', scope, minPeople: 2, minLevel: 2, ...overrides } as CompetenceRequirement;
}

describe('appliesToProcedure', () => {
  const cases: [string, RequirementScope, typeof procedure | { id: string; area: string; unitId: null }, boolean][] = [
    ['its own requirement', { kind: 'procedure', procedureId: 'p-1' }, procedure, true],
    ['another procedure’s', { kind: 'procedure', procedureId: 'p-2' }, procedure, false],
    ['its area’s', { kind: 'area', area: 'Natur' }, procedure, true],
    ['another area’s', { kind: 'area', area: 'Vand' }, procedure, false],
    ['its unit’s', { kind: 'unit', unitId: 'natur' }, procedure, true],
    ['a parent unit’s', { kind: 'unit', unitId: 'tm' }, procedure, true],
    ['a sub-unit’s', { kind: 'unit', unitId: 'natur-vest' }, procedure, false],
    ['a sibling unit’s', { kind: 'unit', unitId: 'byg' }, procedure, false],
    [
      'a top unit’s, for a procedure without a unit',
      { kind: 'unit', unitId: 'tm' },
      { ...procedure, unitId: null },
      true,
    ],
    [
      'a sub-unit’s, for a procedure without a unit',
      { kind: 'unit', unitId: 'natur' },
      { ...procedure, unitId: null },
      false,
    ],
    ['an unknown unit’s', { kind: 'unit', unitId: 'nowhere' }, procedure, false],
  ];
  it.each(cases)('%s: %s', (_name, scope, target, expected) => {
    expect(appliesToProcedure(buildRequirement(scope), target, units)).toBe(expected);
  });
});

describe('requirementsOfProcedure', () => {
  it('lists the procedure’s own requirements first, then the area’s, then the unit’s, and nothing else', () => {
    const requirements = [
      buildRequirement({ kind: 'unit', unitId: 'tm' }, { id: 'unit' }),
      buildRequirement({ kind: 'procedure', procedureId: 'p-2' }, { id: 'other' }),
      buildRequirement({ kind: 'area', area: 'Natur' }, { id: 'area' }),
      buildRequirement({ kind: 'procedure', procedureId: 'p-1' }, { id: 'own-1' }),
      buildRequirement({ kind: 'procedure', procedureId: 'p-1' }, { id: 'own-2' }),
    ];
    expect(requirementsOfProcedure(requirements, procedure, units).map((r) => r.id)).toEqual([
      'own-1',
      'own-2',
      'area',
      'unit',
    ]);
  });
});

describe('findDuplicateRequirement', () => {
  const existing = [buildRequirement({ kind: 'procedure', procedureId: 'p-1' }, { id: 'r-1' })];
  it('finds a requirement that says exactly the same', () => {
    const candidate = {
      competenceId: 'c',
      scope: { kind: 'procedure', procedureId: 'p-1' },
      minPeople: 2,
      minLevel: 2,
    };
    expect(findDuplicateRequirement(candidate as CompetenceRequirement, existing)?.id).toBe('r-1');
  });
  it.each([
    ['another competence', { competenceId: 'd' }],
    ['another procedure', { scope: { kind: 'procedure', procedureId: 'p-2' } }],
    ['another kind of scope', { scope: { kind: 'unit', unitId: 'p-1' } }],
    ['more people', { minPeople: 3 }],
    ['a higher level', { minLevel: 3 }],
  ])('accepts one with %s', (_name, change) => {
    const candidate = {
      competenceId: 'c',
      scope: { kind: 'procedure', procedureId: 'p-1' },
      minPeople: 2,
      minLevel: 2,
      ...change,
    } as CompetenceRequirement;
    expect(findDuplicateRequirement(candidate, existing)).toBeUndefined();
  });
});

describe('competence names and ids', () => {
  it('compares names regardless of case and spacing', () => {
    expect(competenceNameKey('  Natura 2000 ')).toBe(competenceNameKey('NATURA   2000'));
    expect(competenceNameKey('Jordflytning')).not.toBe(competenceNameKey('Jordforurening'));
    expect(competenceNameKey('Støj ÆØÅ')).toBe('støj æøå');
  });

  it.each([
    ['Naturbeskyttelse § 3', 'naturbeskyttelse-3'],
    ['Støj, lugt og støv', 'stoej-lugt-og-stoev'],
    ['Vandløb/Åer', 'vandloeb-aaer'],
    ['Café-tilsyn', 'cafe-tilsyn'],
    ['§§ !!', ''],
    ['a'.repeat(39) + ' b', 'a'.repeat(39)],
  ])('builds the id of %s as %s', (name, id) => {
    expect(competenceIdFrom(name)).toBe(id);
  });
});
