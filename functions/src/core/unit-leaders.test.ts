import { describe, expect, it } from 'vitest';
import type { Person, Unit } from './types.js';
import { commonUnit, leaderDirectory, leaderOfPerson, requirementUnit } from './unit-leaders.js';

const units: Unit[] = [
  { id: 'top', name: 'Forvaltning', parentId: null },
  { id: 'natur', name: 'Natur', parentId: 'top' },
  { id: 'miljo', name: 'Miljø', parentId: 'top' },
  { id: 'jord', name: 'Jord', parentId: 'miljo' },
  { id: 'vand', name: 'Vand', parentId: 'miljo' },
];

function person(id: string, unitId: string, isLeader = false, leaderId: string | null = null): Person {
  const roles: Person['roles'] = isLeader ? ['leader'] : ['caseworker'];
  return { id, name: id, email: `${id}@k.dk`, title: '', unitId, roles, leaderId, aadObjectId: null };
}

const people = [
  person('director', 'top', true),
  person('natur-leader', 'natur', true, 'director'),
  person('miljo-leader', 'miljo', true, 'director'),
  // Two leaders in one unit: the one not led by the other is the head.
  person('jord-deputy', 'jord', true, 'jord-head'),
  person('jord-head', 'jord', true, 'miljo-leader'),
  person('karen', 'natur'),
  person('ida', 'jord'),
  person('ole', 'vand'),
];
const directory = leaderDirectory(people, units);
const byId = new Map(people.map((entry) => [entry.id, entry]));
const leaderOf = (id: string) => leaderOfPerson(byId.get(id)!, directory);

describe('leaderOfPerson', () => {
  it.each([
    ['karen', 'natur-leader', 'the leader of her unit'],
    ['ida', 'jord-head', 'the head among two leaders of the unit'],
    ['jord-deputy', 'jord-head', 'the head, for the deputy'],
    ['jord-head', 'miljo-leader', 'the parent unit’s leader, for the unit’s own leader'],
    ['ole', 'miljo-leader', 'the parent unit’s leader, when the unit has none'],
    ['natur-leader', 'director', 'the director, for a department leader'],
  ])('%s → %s (%s)', (personId, expected) => {
    expect(leaderOf(personId)).toBe(expected);
  });

  it('is null at the top, never the person themself', () => {
    expect(leaderOf('director')).toBeNull();
  });

  it('picks the lowest id when leaders of a unit lead each other in a circle', () => {
    const circle = leaderDirectory([person('b', 'natur', true, 'a'), person('a', 'natur', true, 'b')], units);
    expect(circle.leaderOfUnit('natur')).toBe('a');
  });

  it('stops on a parent cycle in bad data', () => {
    const looped = leaderDirectory(
      [person('x', 'u1')],
      [
        { id: 'u1', name: 'U1', parentId: 'u2' },
        { id: 'u2', name: 'U2', parentId: 'u1' },
      ],
    );
    expect(leaderOfPerson({ id: 'x', unitId: 'u1' }, looped)).toBeNull();
  });
});

describe('requirementUnit', () => {
  const input = {
    directory,
    units,
    procedureUnitOf: new Map<string, string | null>([
      ['p-jord', 'jord'],
      ['p-all', null],
      ['p-gone', 'nowhere'],
    ]),
    areaUnitsOf: new Map<string, string[]>([
      ['Jord og vand', ['jord', 'vand']],
      ['Natur', ['natur']],
      ['Alt', ['natur', 'jord']],
      ['Tom', []],
    ]),
  };

  it.each([
    [{ kind: 'unit', unitId: 'vand' }, 'vand'],
    [{ kind: 'unit', unitId: 'unknown' }, null],
    [{ kind: 'procedure', procedureId: 'p-jord' }, 'jord'],
    [{ kind: 'procedure', procedureId: 'p-all' }, 'top'],
    [{ kind: 'procedure', procedureId: 'p-gone' }, null],
    [{ kind: 'procedure', procedureId: 'p-unknown' }, null],
    [{ kind: 'area', area: 'Natur' }, 'natur'],
    [{ kind: 'area', area: 'Jord og vand' }, 'miljo'],
    [{ kind: 'area', area: 'Alt' }, 'top'],
    [{ kind: 'area', area: 'Tom' }, null],
    [{ kind: 'area', area: 'Ukendt' }, null],
  ] as const)('%o → %s', (scope, expected) => {
    expect(requirementUnit(scope, input)).toBe(expected);
  });

  it('has no answer for an organisation-wide procedure when there are two top units', () => {
    const twoTops = [...units, { id: 'other', name: 'Anden', parentId: null }];
    const scope = { kind: 'procedure', procedureId: 'p-all' } as const;
    expect(requirementUnit(scope, { ...input, units: twoTops, directory: leaderDirectory(people, twoTops) })).toBe(
      null,
    );
  });

  it('finds no common unit for units under different tops', () => {
    const twoTops = leaderDirectory(people, [...units, { id: 'other', name: 'Anden', parentId: null }]);
    expect(commonUnit(['jord', 'other'], twoTops)).toBeNull();
    expect(commonUnit(['jord', 'vand', 'miljo'], twoTops)).toBe('miljo');
  });
});
