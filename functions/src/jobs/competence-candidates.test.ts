import { describe, expect, it } from 'vitest';
import type { PersonCompetence } from '../core/competence-types.js';
import { addDays, asLocalDate } from '../core/local-date.js';
import type { Person } from '../core/types.js';
import { competenceCandidates, type CompetenceRecords } from './competence-candidates.js';

const today = asLocalDate('2026-11-23');

function person(id: string, unitId: string, roles: Person['roles'] = ['caseworker']) {
  return { id, name: id.toUpperCase(), unitId, roles, leaderId: null };
}

function record(
  personId: string,
  competenceId: string,
  level: 0 | 1 | 2 | 3,
  daysLeft: number | null,
): PersonCompetence {
  return {
    personId,
    competenceId,
    level,
    evidence: null,
    validUntil: daysLeft === null ? null : addDays(today, daysLeft),
    assessment: 'confirmed',
    confirmedBy: null,
  };
}

function records(overrides: Partial<CompetenceRecords> = {}): CompetenceRecords {
  return {
    people: [
      person('director', 'top', ['leader']),
      person('anne', 'natur', ['leader']),
      person('karen', 'natur'),
      person('ida', 'jord'),
    ],
    units: [
      { id: 'top', name: 'Teknik og Miljø', parentId: null },
      { id: 'natur', name: 'Natur', parentId: 'top' },
      { id: 'jord', name: 'Jord', parentId: 'top' },
    ],
    competences: [
      { id: 'auditor', name: 'Intern auditor' },
      { id: 'natura', name: 'Natura 2000' },
    ],
    requirements: [],
    personCompetences: [],
    externalCoverage: [],
    procedures: [
      { id: 'p-18', code: 'K-18', title: 'Natura 2000-forhåndsanmeldelser', unitId: 'natur', area: 'Natur' },
      { id: 'p-jord', code: 'K-05', title: 'Jordflytning', unitId: 'jord', area: 'Jord og vand' },
    ],
    ...overrides,
  };
}

describe('competenceCandidates: qualifications', () => {
  it('lists records ending within 90 days either side of today, with the holder’s leader', () => {
    const candidates = competenceCandidates(
      records({
        personCompetences: [
          record('karen', 'auditor', 2, 20),
          record('ida', 'auditor', 2, -30),
          record('anne', 'auditor', 3, 90),
          record('karen', 'natura', 2, 91),
          record('ida', 'natura', 2, -91),
          record('director', 'natura', 2, null),
          record('anne', 'natura', 0, 10),
          record('ghost', 'natura', 2, 10),
        ],
      }),
      today,
    );
    expect(
      candidates.map((candidate) =>
        candidate.kind === 'qualification'
          ? [
              candidate.personId,
              candidate.competenceId,
              candidate.leaderId,
              candidate.competenceName,
              candidate.personName,
            ]
          : null,
      ),
    ).toEqual([
      ['ida', 'auditor', 'director', 'Intern auditor', 'IDA'],
      ['karen', 'auditor', 'anne', 'Intern auditor', 'KAREN'],
      ['anne', 'auditor', 'director', 'Intern auditor', 'ANNE'],
    ]);
  });
});

describe('competenceCandidates: requirements', () => {
  const requirement = (id: string, scope: CompetenceRecords['requirements'][number]['scope'], minPeople = 1) => ({
    id,
    competenceId: 'natura',
    scope,
    minPeople,
    minLevel: 2 as const,
  });

  it('lists unmet requirements with the leader of the answerable unit and what is short', () => {
    const candidates = competenceCandidates(
      records({
        requirements: [
          requirement('by-procedure', { kind: 'procedure', procedureId: 'p-18' }, 2),
          requirement('by-unit', { kind: 'unit', unitId: 'jord' }),
          requirement('by-area', { kind: 'area', area: 'Natur' }),
          requirement('unknown', { kind: 'unit', unitId: 'nowhere' }),
        ],
        personCompetences: [record('karen', 'natura', 2, null)],
      }),
      today,
    );
    expect(candidates).toEqual([
      expect.objectContaining({
        kind: 'requirement',
        requirementId: 'by-procedure',
        leaderId: 'anne',
        unitId: 'natur',
        scopeLabel: 'K-18 Natura 2000-forhåndsanmeldelser',
        scopeShortLabel: 'K-18',
        qualifiedCount: 1,
        shortBy: 1,
      }),
      // Jord has no leader: its parent's leader answers.
      expect.objectContaining({ requirementId: 'by-unit', leaderId: 'director', scopeLabel: 'Jord', shortBy: 1 }),
    ]);
  });

  it('leaves out requirements covered by an external decision in force, and counts only valid records', () => {
    const base = records({
      requirements: [requirement('by-unit', { kind: 'unit', unitId: 'jord' })],
      personCompetences: [record('ida', 'natura', 3, -1)],
    });
    expect(competenceCandidates(base, today).map((candidate) => candidate.kind)).toEqual([
      'qualification',
      'requirement',
    ]);
    const covered = {
      ...base,
      externalCoverage: [
        {
          id: 'x',
          requirementId: 'by-unit',
          supplier: 'Rådgiver',
          decidedOn: addDays(today, -10),
          decidedBy: 'director',
          contractEnd: null,
          note: '',
        },
      ],
    };
    expect(competenceCandidates(covered, today).map((candidate) => candidate.kind)).toEqual(['qualification']);
  });
});
