import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../core/local-date.js';
import type { CorrectiveAction, YearWheelOccurrence } from '../core/quality-year-types.js';
import type { Approval, Procedure, ProcedureVersion } from '../core/types.js';
import {
  deadlineKey,
  deadlineKeysToCarry,
  deadlineWritesFor,
  qualityDeadlineWritesFor,
  type DeadlineEntry,
  type DeadlineRef,
} from './deadline-index.js';

const procedure = {
  id: 'p1',
  code: 'K-01',
  title: 'Tilsyn',
  area: 'Natur',
  unitId: 'natur',
  ownerId: 'owner',
  currentVersionId: 'v1',
  draftVersionId: null,
  nextReviewOn: '2027-01-01',
  lastReviewedOn: null,
  reviewIntervalMonths: 12,
  etag: 4,
} as unknown as Procedure;

const published = {
  id: 'v2',
  procedureId: 'p1',
  major: 2,
  minor: 1,
  changeSummary: 'Ny',
  publishedAt: '2026-03-01T10:00:00.000Z',
} as ProcedureVersion;

const approval = {
  id: 'a1',
  procedureId: 'p1',
  versionId: 'd1',
  requestedBy: 'author',
  requestedAt: '2026-03-01T10:00:00.000Z',
  approverId: 'approver',
  changeSummary: 'Ændret',
  kind: 'minor',
  decision: null,
} as Approval;

const action = {
  id: 'ca1',
  title: 'Ret skabelonen',
  unitId: 'natur',
  ownerId: 'owner',
  dueOn: '2026-04-01',
  status: 'planned',
} as unknown as CorrectiveAction;

const keys = (entries: DeadlineRef[]) => entries.map(deadlineKey);

describe('deadlineWritesFor', () => {
  it('writes every procedure its review entry, with no due date until it is published', () => {
    const { upserts } = deadlineWritesFor({
      procedures: [procedure, { ...procedure, id: 'p2', currentVersionId: null }],
    });
    expect(upserts.map((entry) => [deadlineKey(entry), entry.dueOn, entry.responsibleId, entry.unitId])).toEqual([
      ['review:p1', '2027-01-01', 'owner', 'natur'],
      ['review:p2', null, 'owner', 'natur'],
    ]);
    expect(upserts[0]?.details).toMatchObject({ code: 'K-01', title: 'Tilsyn', etag: 4, draftVersionId: null });
  });

  it('takes the current version number from the ChangeSet, else carries it over from the stored entry', () => {
    const publishing = deadlineWritesFor({
      procedures: [{ ...procedure, currentVersionId: 'v2' }],
      versions: [published],
    });
    expect(publishing.upserts[0]?.details).toMatchObject({ currentVersionLabel: '2.1' });

    expect(deadlineKeysToCarry({ procedures: [procedure] })).toEqual(['review:p1']);
    expect(
      deadlineKeysToCarry({ procedures: [{ ...procedure, currentVersionId: 'v2' }], versions: [published] }),
    ).toEqual([]);
    const stored = publishing.upserts[0] as DeadlineEntry;
    const renamed = deadlineWritesFor(
      { procedures: [{ ...procedure, currentVersionId: 'v2', title: 'Nyt navn' }] },
      new Map([['review:p1', stored]]),
    );
    expect(renamed.upserts[0]?.details).toMatchObject({ title: 'Nyt navn', currentVersionLabel: '2.1' });
    // A stored label of another version is not carried over.
    const other = deadlineWritesFor(
      { procedures: [{ ...procedure, currentVersionId: 'v3' }] },
      new Map([['review:p1', stored]]),
    );
    expect(other.upserts[0]?.details).toMatchObject({ currentVersionLabel: null });
  });

  it('writes an open approval and removes it once decided', () => {
    const open = deadlineWritesFor({ approvals: [approval] });
    expect(open.upserts).toEqual([
      expect.objectContaining({ kind: 'approval', subjectId: 'a1', dueOn: '2026-03-01', responsibleId: 'approver' }),
    ]);
    const decided = deadlineWritesFor({ approvals: [{ ...approval, decision: 'withdrawn' }] });
    expect(decided).toEqual({ upserts: [], removals: [{ kind: 'approval', subjectId: 'a1' }] });
  });

  it('writes one acknowledgement entry per published major version, whatever the audience, and none for a minor one', () => {
    const major = { ...published, state: 'published', kind: 'major', approvedBy: 'boss', makerIds: ['author', 'boss'] };
    const writes = deadlineWritesFor({ versions: [major as ProcedureVersion] });
    expect(writes.upserts).toEqual([
      {
        kind: 'acknowledgement',
        subjectId: 'v2',
        dueOn: '2026-03-01',
        responsibleId: null,
        unitId: null,
        details: {
          procedureId: 'p1',
          versionId: 'v2',
          requestedAt: published.publishedAt,
          versionLabel: '2.1',
          changeSummary: 'Ny',
          publishedAt: published.publishedAt,
          approvedBy: 'boss',
          makerIds: ['author', 'boss'],
          requested: null,
        },
      },
    ]);
    expect(deadlineWritesFor({ versions: [{ ...major, kind: 'minor' } as ProcedureVersion] }).upserts).toEqual([]);
    // An acknowledgement leaves the entry: the readers still asked are derived on the day.
    expect(
      deadlineWritesFor({
        acknowledgements: [{ procedureId: 'p1', versionId: 'v2', personId: 'reader', acknowledgedAt: 'x' }],
      }),
    ).toEqual({ upserts: [], removals: [] });
    // A version made obsolete asks nobody any more.
    expect(deadlineWritesFor({ versions: [{ ...major, state: 'obsolete' } as ProcedureVersion] })).toEqual({
      upserts: [],
      removals: [{ kind: 'acknowledgement', subjectId: 'v2' }],
    });
  });

  it('keeps the stored request rows of an older version on its one entry, adding to those carried', () => {
    const request = { procedureId: 'p1', versionId: 'v2', personId: 'reader', requestedAt: '2026-03-02T10:00:00.000Z' };
    const first = deadlineWritesFor({ acknowledgementRequests: [request] });
    expect(first.upserts[0]).toMatchObject({
      subjectId: 'v2',
      details: { makerIds: null, requested: [{ personId: 'reader', requestedAt: request.requestedAt }] },
    });
    const carried = new Map([[deadlineKey({ kind: 'acknowledgement', subjectId: 'v2' }), first.upserts[0]!]]);
    const second = deadlineWritesFor(
      { acknowledgementRequests: [{ ...request, personId: 'another', requestedAt: '2026-03-01T10:00:00.000Z' }] },
      carried,
    );
    expect(second.upserts[0]).toMatchObject({
      dueOn: '2026-03-01',
      details: {
        requested: [
          { personId: 'another', requestedAt: '2026-03-01T10:00:00.000Z' },
          { personId: 'reader', requestedAt: request.requestedAt },
        ],
      },
    });
  });

  it('indexes every competence record, requirement and external decision, and removes a deleted requirement', () => {
    const writes = deadlineWritesFor({
      personCompetences: [
        {
          personId: 'a',
          competenceId: 'c',
          level: 2,
          evidence: null,
          validUntil: '2027-01-01' as LocalDate,
          assessment: 'self',
          confirmedBy: null,
        },
        {
          personId: 'b',
          competenceId: 'c',
          level: 3,
          evidence: null,
          validUntil: null,
          assessment: 'self',
          confirmedBy: null,
        },
      ],
      competenceRequirements: [
        { id: 'r', competenceId: 'c', scope: { kind: 'unit', unitId: 'natur' }, minPeople: 2, minLevel: 2 },
      ],
      externalCoverage: [
        {
          id: 'x',
          requirementId: 'r',
          supplier: 'S',
          decidedOn: '2026-01-01' as LocalDate,
          decidedBy: 'q',
          contractEnd: '2026-12-31' as LocalDate,
          note: '',
        },
      ],
      deleteCompetenceRequirements: ['old'],
    });
    expect(writes.upserts.map((entry) => [deadlineKey(entry), entry.dueOn])).toEqual([
      ['qualification:a/c', '2027-01-01'],
      ['qualification:b/c', null],
      ['requirement:r', null],
      ['coverage:x', '2026-12-31'],
    ]);
    expect(keys(writes.removals)).toEqual(['requirement:old']);
  });
});

describe('qualityDeadlineWritesFor', () => {
  it('writes a corrective action while its plan is not carried out, with owner and due date', () => {
    expect(qualityDeadlineWritesFor({ correctiveActions: [action] }).upserts).toEqual([
      {
        kind: 'action',
        subjectId: 'ca1',
        dueOn: '2026-04-01',
        responsibleId: 'owner',
        unitId: 'natur',
        details: { title: 'Ret skabelonen', status: 'planned' },
      },
    ]);
    for (const change of [{ status: 'implemented' }, { status: 'closed' }, { ownerId: null }, { dueOn: null }]) {
      const writes = qualityDeadlineWritesFor({ correctiveActions: [{ ...action, ...change } as CorrectiveAction] });
      expect(writes, JSON.stringify(change)).toEqual({ upserts: [], removals: [{ kind: 'action', subjectId: 'ca1' }] });
    }
  });

  it('writes an open occurrence, and removes a completed or deleted one', () => {
    const occurrence = {
      id: 'o1',
      kind: 'internal-audit',
      title: 'Intern audit',
      dueOn: '2026-05-01',
      ownerId: 'owner',
      origin: { kind: 'manual' },
      completedOn: null,
    } as unknown as YearWheelOccurrence;
    expect(qualityDeadlineWritesFor({ occurrences: [occurrence] }).upserts[0]).toMatchObject({
      subjectId: 'o1',
      dueOn: '2026-05-01',
      responsibleId: 'owner',
      details: { occurrenceKind: 'internal-audit', title: 'Intern audit', origin: { kind: 'manual' } },
    });
    const done = qualityDeadlineWritesFor({
      occurrences: [{ ...occurrence, completedOn: '2026-05-01' as LocalDate }],
      deleteOccurrenceIds: ['o2'],
    });
    expect(done).toEqual({
      upserts: [],
      removals: [
        { kind: 'occurrence', subjectId: 'o1' },
        { kind: 'occurrence', subjectId: 'o2' },
      ],
    });
  });
});
