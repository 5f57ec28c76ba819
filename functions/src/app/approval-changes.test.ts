import { describe, expect, it } from 'vitest';
import type { ProcedureVersion, TrailEntry } from '../core/types.js';
import { metadataChangesSince, replacedVersion } from './approval-changes.js';

const directory = {
  people: [
    { id: 'anne-birk', name: 'Anne Birk' },
    { id: 'peter-lund', name: 'Peter Lund' },
  ],
  units: [
    { id: 'vej', name: 'Vej og Park' },
    { id: 'byg', name: 'Byggeri' },
  ],
};

function entry(
  seq: number,
  at: string,
  changed: Record<string, { from: unknown; to: unknown }>,
  action = 'procedure.updated',
): TrailEntry {
  return { seq, at, actorId: 'x', action, procedureId: 'p', subjectId: 'p', summary: '', details: { changed } };
}

describe('metadataChangesSince: the metadata an approver sees changed', () => {
  it.each<[string, Record<string, { from: unknown; to: unknown }>, { field: string; from: string; to: string }[]]>([
    ['plain text', { title: { from: 'Gammel', to: 'Ny' } }, [{ field: 'title', from: 'Gammel', to: 'Ny' }]],
    [
      'a number',
      { reviewIntervalMonths: { from: 12, to: 24 } },
      [{ field: 'reviewIntervalMonths', from: '12', to: '24' }],
    ],
    [
      'people by name',
      { ownerId: { from: 'anne-birk', to: 'peter-lund' } },
      [{ field: 'owner', from: 'Anne Birk', to: 'Peter Lund' }],
    ],
    [
      'an unknown person by id',
      { approverId: { from: 'anne-birk', to: 'gone' } },
      [{ field: 'approver', from: 'Anne Birk', to: 'gone' }],
    ],
    [
      'units by name, none as a dash',
      { unitId: { from: null, to: 'vej' } },
      [{ field: 'unit', from: '–', to: 'Vej og Park' }],
    ],
    [
      'the audience as units and roles',
      { audience: { from: { unitIds: [], roles: [] }, to: { unitIds: ['byg'], roles: ['leader'] } } },
      [{ field: 'audience', from: '–', to: 'Byggeri, leader' }],
    ],
    [
      'standards with their clauses',
      {
        standards: {
          from: [],
          to: [
            { standard: 'ISO 9001', clauses: ['7.5', '8.1'] },
            { standard: 'ISO 14001', clauses: [] },
          ],
        },
      },
      [{ field: 'standards', from: '–', to: 'ISO 9001 7.5, 8.1; ISO 14001' }],
    ],
  ])('%s', (_, changed, expected) => {
    expect(metadataChangesSince([entry(1, '2026-02-01T00:00:00Z', changed)], '', directory)).toEqual(expected);
  });

  it('keeps only changes after the given instant, oldest first, approver changes included', () => {
    const trail = [
      entry(
        3,
        '2026-03-01T00:00:00Z',
        { approverId: { from: 'anne-birk', to: 'peter-lund' } },
        'procedure.approver-changed',
      ),
      entry(2, '2026-02-01T00:00:00Z', { title: { from: 'A', to: 'B' } }),
      entry(1, '2026-01-01T00:00:00Z', { title: { from: 'Før', to: 'A' } }),
      { ...entry(4, '2026-04-01T00:00:00Z', {}), action: 'draft.uploaded' },
    ];
    expect(metadataChangesSince(trail, '2026-01-15T00:00:00Z', directory).map((change) => change.field)).toEqual([
      'title',
      'approver',
    ]);
  });
});

describe('replacedVersion', () => {
  const version = (id: string, supersededByVersionId: string | null = null) =>
    ({ id, supersededByVersionId }) as ProcedureVersion;

  it.each<[string, string | null, ProcedureVersion[], string | undefined]>([
    ['a pending draft replaces the current version', 'v1', [version('v1'), version('v2')], 'v1'],
    ['an approved draft replaced the version it superseded', 'v2', [version('v1', 'v2'), version('v2')], 'v1'],
    ['a first version replaces nothing', null, [version('v2')], undefined],
  ])('%s', (_, currentVersionId, versions, expected) => {
    expect(replacedVersion({ versionId: 'v2' }, { currentVersionId }, versions)?.id).toBe(expected);
  });
});
