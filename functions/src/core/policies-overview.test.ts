import { describe, expect, it } from 'vitest';
import { overviewScopes, type Actor } from './policies.js';

const units = [
  { id: 'tm', parentId: null },
  { id: 'natur', parentId: 'tm' },
  { id: 'natur-team', parentId: 'natur' },
];

const cases: { who: string; actor: Actor; scopes: string[] }[] = [
  {
    who: 'the quality coordinator',
    actor: { id: 'c', unitId: 'tm', roles: ['coordinator', 'author'] },
    scopes: ['organisation', 'personal'],
  },
  {
    who: 'the administrator',
    actor: { id: 'a', unitId: 'tm', roles: ['admin'] },
    scopes: ['organisation', 'personal'],
  },
  {
    who: 'the director (leader of a top unit)',
    actor: { id: 'd', unitId: 'tm', roles: ['leader'] },
    scopes: ['organisation', 'unit', 'personal'],
  },
  {
    who: 'a leader of a unit below the top',
    actor: { id: 'l', unitId: 'natur', roles: ['leader'] },
    scopes: ['unit', 'personal'],
  },
  { who: 'a team leader', actor: { id: 't', unitId: 'natur-team', roles: ['leader'] }, scopes: ['unit', 'personal'] },
  { who: 'a caseworker', actor: { id: 'k', unitId: 'natur', roles: ['caseworker'] }, scopes: ['personal'] },
  {
    who: 'an author in the top unit (no leader role)',
    actor: { id: 'p', unitId: 'tm', roles: ['author'] },
    scopes: ['personal'],
  },
  { who: 'someone without roles', actor: { id: 'n', unitId: 'tm', roles: [] }, scopes: ['personal'] },
];

describe('overviewScopes: who sees which overview', () => {
  it.each(cases)('$who: $scopes', ({ actor, scopes }) => {
    expect(overviewScopes(actor, units)).toEqual(scopes);
  });

  it('never offers the organisation-wide overview to anyone below the top without the coordinator role', () => {
    for (const { actor } of cases.filter((item) => item.actor.unitId !== 'tm'))
      expect(overviewScopes(actor, units)).not.toContain('organisation');
  });
});
