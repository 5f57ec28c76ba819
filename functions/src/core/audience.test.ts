import { describe, expect, it } from 'vitest';
import { acknowledgementAudience, acknowledgementRequestsOf, audienceMembers } from './audience.js';
import type { Audience, Person, Role } from './types.js';

const person = (id: string, unitId: string, roles: Role[] = ['caseworker']): Person => ({
  id,
  name: id,
  email: `${id}@example.test`,
  title: '',
  unitId,
  roles,
  leaderId: null,
  aadObjectId: null,
});

const people = [
  person('author', 'natur', ['caseworker', 'author']),
  person('editor', 'natur', ['author']),
  person('approver', 'natur', ['leader']),
  person('reader', 'natur'),
  person('other-unit', 'miljo'),
  person('coordinator', 'tm', ['coordinator']),
];

const everyone: Audience = { unitIds: [], roles: [] };
const natur: Audience = { unitIds: ['natur'], roles: [] };
const coordinators: Audience = { unitIds: [], roles: ['coordinator'] };

const ids = (list: Person[]) => list.map((entry) => entry.id);

describe('audienceMembers', () => {
  it.each([
    ['an empty audience is everybody', everyone, ids(people)],
    ['a unit', natur, ['author', 'editor', 'approver', 'reader']],
    ['a role', coordinators, ['coordinator']],
    ['a unit or a role', { unitIds: ['miljo'], roles: ['coordinator'] }, ['other-unit', 'coordinator']],
  ] as [string, Audience, string[]][])('%s', (_name, audience, expected) => {
    expect(ids(audienceMembers(people, audience))).toEqual(expected);
  });
});

describe('acknowledgementAudience: the audience without the people who made the version', () => {
  it.each([
    [
      'author and approver in the audience are not asked',
      natur,
      { contributorIds: ['author'], approverId: 'approver' },
      ['editor', 'reader'],
    ],
    [
      'whoever edited or submitted the draft is not asked either',
      natur,
      { contributorIds: ['author', 'editor'], approverId: 'approver' },
      ['reader'],
    ],
    [
      'makers outside the audience change nothing',
      coordinators,
      { contributorIds: ['author'], approverId: 'approver' },
      ['coordinator'],
    ],
    [
      'everybody, less the makers',
      everyone,
      { contributorIds: ['author'], approverId: 'coordinator' },
      ['editor', 'approver', 'reader', 'other-unit'],
    ],
    [
      'a maker named twice is left out once',
      natur,
      { contributorIds: ['author', 'author'], approverId: 'approver' },
      ['editor', 'reader'],
    ],
    [
      'an audience of makers only asks nobody',
      { unitIds: [], roles: ['leader'] },
      { contributorIds: ['author'], approverId: 'approver' },
      [],
    ],
  ] as [string, Audience, { contributorIds: string[]; approverId: string }, string[]][])(
    '%s',
    (_name, audience, makers, expected) => {
      expect(ids(acknowledgementAudience(people, audience, makers))).toEqual(expected);
    },
  );
});

describe('acknowledgementRequestsOf', () => {
  const version = {
    id: 'v-2',
    procedureId: 'p-1',
    kind: 'major' as const,
    publishedAt: '2026-03-02T09:00:00.000Z',
    approvedBy: 'approver',
    makerIds: ['author', 'editor', 'approver'],
  };
  const asked = (personId: string) => ({
    procedureId: 'p-1',
    versionId: 'v-2',
    personId,
    requestedAt: '2026-03-02T09:00:00.000Z',
  });

  it.each([
    ['a major version asks its audience except its makers, when it was published', version, natur, [asked('reader')]],
    ['a minor version asks nobody', { ...version, kind: 'minor' as const }, natur, []],
    ['a version not published asks nobody', { ...version, publishedAt: null }, natur, []],
    [
      'the approver is left out even when the recorded makers do not name them',
      { ...version, makerIds: ['author'] },
      natur,
      [asked('editor'), asked('reader')],
    ],
    [
      'makers recorded as none: the whole audience',
      { ...version, makerIds: [], approvedBy: null },
      coordinators,
      [asked('coordinator')],
    ],
  ] as const)('%s', (_name, input, audience, expected) => {
    expect(acknowledgementRequestsOf(input, { audience }, people)).toEqual(expected);
  });

  it('is null for a version published before makers were recorded: its stored rows are its requests', () => {
    expect(acknowledgementRequestsOf({ ...version, makerIds: undefined }, { audience: everyone }, people)).toBeNull();
    expect(acknowledgementRequestsOf({ ...version, makerIds: null }, { audience: everyone }, people)).toBeNull();
  });

  it.each([
    [
      'joined after the publication: asked from the day they joined',
      '2026-11-30T08:15:00.000Z',
      '2026-11-30T08:15:00.000Z',
    ],
    ['joined before it: asked at the publication', '2025-01-10T08:00:00.000Z', '2026-03-02T09:00:00.000Z'],
    ['known before joining was kept: asked at the publication', null, '2026-03-02T09:00:00.000Z'],
  ] as const)('someone %s', (_name, addedAt, requestedAt) => {
    const newcomer = { ...person('newcomer', 'natur'), addedAt };
    expect(acknowledgementRequestsOf(version, { audience: natur }, [...people, newcomer])).toEqual([
      asked('reader'),
      { ...asked('newcomer'), requestedAt },
    ]);
  });
});
