import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeSet, ProcedureQuery, Store, Viewer } from '../../functions/src/app/ports.js';
import type {
  Competence,
  CompetenceRequirement,
  ExternalCoverage,
  PersonCompetence,
} from '../../functions/src/core/competence-types.js';
import { personCompetenceEtag } from '../../functions/src/core/competence-etag.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import { procedureIndexInput, procedureOptions } from '../../functions/src/app/search-everything.js';
import { createSearchIndex } from '../../functions/src/core/search-index.js';
import { parseQuery } from '../../functions/src/core/search-text.js';
import type {
  Approval,
  Person,
  Procedure,
  ProcedureVersion,
  Review,
  TrailEntry,
  Unit,
} from '../../functions/src/core/types.js';
import {
  approvalRecord,
  competenceRecord,
  personCompetenceRecord,
  procedureRecord,
  versionRecord,
} from '../../functions/src/records/index.js';
import { sampleOf } from '../support/record-samples.js';

/**
 * The Store port's behaviour, as every adapter must show it. Each test gets a fresh, empty
 * store; the adapter seeds units and people its own way (that is not part of the port), and
 * everything else goes in through `store.commit`.
 */

export type Directory = { units: Unit[]; people: Person[] };
export type StoreUnderTest = { store: Store; seed(directory: Directory): Promise<void>; close(): Promise<void> };

export const units: Unit[] = [
  { id: 'u-miljo', name: 'Miljø', parentId: null },
  { id: 'u-byg', name: 'Byggeri', parentId: 'u-miljo' },
];

const person = (id: string, name: string, roles: Person['roles'], unitId = 'u-miljo'): Person => ({
  id,
  name,
  email: `${id}@kommune.dk`,
  title: 'Medarbejder',
  unitId,
  roles,
  leaderId: null,
  aadObjectId: null,
  addedAt: null,
});

export const people: Person[] = [
  { ...person('anne-birk', 'Anne Birk', ['leader', 'coordinator']) },
  { ...person('peter-lund', 'Peter Lund', ['author']), leaderId: 'anne-birk' },
  { ...person('kirsten-aa', 'Kirsten Aagaard', ['author'], 'u-byg'), leaderId: 'anne-birk' },
  { ...person('ole-sorensen', 'Ole Sørensen', ['caseworker']), leaderId: 'anne-birk' },
];

const t = (day: number, hour = 9) =>
  `2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

export function buildProcedure(overrides: Partial<Procedure> = {}): Procedure {
  return sampleOf(procedureRecord, {
    id: 'p-1',
    code: 'TM-01-01',
    title: 'Tilsyn med virksomheder',
    level: 'core',
    area: 'Miljøtilsyn',
    unitId: 'u-miljo',
    ownerId: 'peter-lund',
    approverId: 'anne-birk',
    audience: { unitIds: ['u-miljo'], roles: ['caseworker'] },
    reviewIntervalMonths: 12,
    standards: [{ standard: 'ISO 9001', clauses: ['7.5'] }],
    legalBasis: ['Miljøbeskyttelsesloven § 65'],
    createdAt: t(1),
    updatedAt: t(1),
    updatedBy: 'peter-lund',
    etag: 1,
    ...overrides,
  });
}

export function buildVersion(overrides: Partial<ProcedureVersion> = {}): ProcedureVersion {
  return sampleOf(versionRecord, {
    id: 'v-1',
    procedureId: 'p-1',
    state: 'draft',
    authorId: 'peter-lund',
    file: {
      ref: 'ref-abc',
      name: 'tilsyn.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: 1234,
      sha256: 'a'.repeat(64),
    },
    text: 'Tilsyn',
    html: '<p>Tilsyn</p>',
    createdAt: t(1),
    updatedAt: t(1),
    makerIds: null,
    ...overrides,
  });
}

function published(id: string, major: number, text: string, overrides: Partial<ProcedureVersion> = {}) {
  return buildVersion({
    id,
    state: 'published',
    major,
    minor: 0,
    kind: 'major',
    text,
    html: `<p>${text}</p>`,
    publishedAt: t(2),
    approvedBy: 'anne-birk',
    ...overrides,
  });
}

export function buildApproval(overrides: Partial<Approval> = {}): Approval {
  return sampleOf(approvalRecord, {
    id: 'a-1',
    procedureId: 'p-1',
    versionId: 'v-1',
    requestedBy: 'peter-lund',
    requestedAt: t(2),
    approverId: 'anne-birk',
    changeSummary: 'Første udgave',
    kind: 'major',
    ...overrides,
  });
}

const trail = (action: string, at: string, procedureId = 'p-1'): Omit<TrailEntry, 'seq'> => ({
  at,
  actorId: 'peter-lund',
  action,
  procedureId,
  subjectId: procedureId,
  summary: `${action} – æøå`,
  details: { by: 'contract', n: 1 },
});

const coordinator: Viewer = { id: 'anne-birk', isCoordinator: true };
const caseworker: Viewer = { id: 'ole-sorensen', isCoordinator: false };
const today = '2026-02-01' as LocalDate;

function listQuery(viewer: Viewer, overrides: Partial<ProcedureQuery> = {}): ProcedureQuery {
  return { viewer, today, sort: 'code', order: 'asc', limit: 50, offset: 0, ...overrides };
}

/**
 * A small catalogue: three published procedures and two unpublished drafts.
 * - p-a TM-01-01 core/Miljøtilsyn, Peter, u-miljo, review 2026-01-10 (overdue on `today`)
 * - p-b TM-01-02 core/Miljøtilsyn, Anne, u-byg, review 2026-02-20 (due within 30 days)
 * - p-c LE-01-01 management/Strategi, Peter, u-miljo, review 2026-12-01
 * - p-d ST-01-01 support/IT, Kirsten, unpublished, her draft pending Anne's approval
 * - p-e TM-02-01 core/Byggesag, Peter, unpublished, his draft (not submitted)
 */
async function seedCatalogue(store: Store): Promise<void> {
  const commits: ChangeSet[] = [
    {
      procedures: [
        buildProcedure({
          id: 'p-a',
          code: 'TM-01-01',
          title: 'Tilsyn med virksomheder',
          currentVersionId: 'v-a1',
          approvedOn: '2025-01-10' as LocalDate,
          nextReviewOn: '2026-01-10' as LocalDate,
          updatedAt: t(3),
        }),
      ],
      versions: [published('v-a1', 1, 'Tilsynet omfatter virksomheder på Ærø og ved søer.', { procedureId: 'p-a' })],
    },
    {
      procedures: [
        buildProcedure({
          id: 'p-b',
          code: 'TM-01-02',
          title: 'Lovliggørelse af byggeri',
          ownerId: 'anne-birk',
          approverId: 'peter-lund',
          unitId: 'u-byg',
          currentVersionId: 'v-b2',
          nextReviewOn: '2026-02-20' as LocalDate,
          updatedAt: t(5),
        }),
      ],
      versions: [
        published('v-b1', 1, 'Gammel tekst.', {
          procedureId: 'p-b',
          state: 'obsolete',
          supersededByVersionId: 'v-b2',
          authorId: 'anne-birk',
        }),
        published('v-b2', 2, 'Sagen er en lovliggørelsesbyggesag.', {
          procedureId: 'p-b',
          authorId: 'anne-birk',
          createdAt: t(4),
          approvedBy: 'peter-lund',
        }),
      ],
    },
    {
      procedures: [
        buildProcedure({
          id: 'p-c',
          code: 'LE-01-01',
          title: 'strategi og mål',
          level: 'management',
          area: 'Strategi',
          currentVersionId: 'v-c1',
          nextReviewOn: '2026-12-01' as LocalDate,
          updatedAt: t(4),
        }),
      ],
      versions: [published('v-c1', 3, 'Kommunens STRATEGI for kvalitet.', { procedureId: 'p-c', minor: 2 })],
    },
    {
      procedures: [
        buildProcedure({
          id: 'p-d',
          code: 'ST-01-01',
          title: 'IT-drift',
          level: 'support',
          area: 'IT',
          ownerId: 'kirsten-aa',
          unitId: 'u-byg',
          draftVersionId: 'v-d1',
          updatedAt: t(6),
          updatedBy: 'kirsten-aa',
        }),
      ],
      versions: [
        buildVersion({
          id: 'v-d1',
          procedureId: 'p-d',
          state: 'pending',
          authorId: 'kirsten-aa',
          text: 'Strategi for drift',
        }),
      ],
      approvals: [buildApproval({ id: 'a-d', procedureId: 'p-d', versionId: 'v-d1', requestedBy: 'kirsten-aa' })],
    },
    {
      procedures: [
        buildProcedure({
          id: 'p-e',
          code: 'TM-02-01',
          title: 'Byggesag',
          area: 'Byggesag',
          draftVersionId: 'v-e1',
          updatedAt: t(2),
        }),
      ],
      versions: [buildVersion({ id: 'v-e1', procedureId: 'p-e', text: 'Byggesag strategi' })],
    },
  ];
  for (const changes of commits) await store.commit(changes);
}

export function buildCompetence(overrides: Partial<Competence> = {}): Competence {
  return sampleOf(competenceRecord, {
    id: 'c-natur',
    name: 'Naturbeskyttelse § 3',
    category: 'Natur',
    description: 'Beskyttede naturtyper.',
    ...overrides,
  });
}

export function buildPersonCompetence(overrides: Partial<PersonCompetence> = {}): PersonCompetence {
  return sampleOf(personCompetenceRecord, {
    personId: 'peter-lund',
    competenceId: 'c-natur',
    level: 2,
    assessment: 'self',
    ...overrides,
  });
}

const requirement: CompetenceRequirement = {
  id: 'r-1',
  competenceId: 'c-natur',
  scope: { kind: 'unit', unitId: 'u-miljo' },
  minPeople: 2,
  minLevel: 2,
};

const coverage: ExternalCoverage = {
  id: 'x-1',
  requirementId: 'r-1',
  supplier: 'Rådgiver ApS',
  decidedOn: '2026-01-15' as LocalDate,
  decidedBy: 'kirsten-aa',
  contractEnd: null,
  note: 'Indtil to er oplært.',
};

export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`the Store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: Store;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
      await subject.seed({ units, people });
    });
    afterEach(async () => subject?.close());

    describe('directory', () => {
      it('lists the seeded units and people by name, and finds a person by id', async () => {
        expect((await store.listUnits()).map((unit) => unit.name)).toEqual(['Byggeri', 'Miljø']);
        expect((await store.listPeople()).map((entry) => entry.id)).toEqual([
          'anne-birk',
          'kirsten-aa',
          'ole-sorensen',
          'peter-lund',
        ]);
        expect(await store.getPerson('peter-lund')).toEqual(people[1]);
        expect(await store.getPerson('nobody')).toBeUndefined();
      });

      it('creates a person on first sign-in and refreshes name, e-mail and roles later, keeping the rest', async () => {
        expect(await store.getPersonByAadObjectId('oid-1')).toBeUndefined();
        const created = await store.upsertPersonFromDirectory({
          aadObjectId: 'oid-1',
          name: 'Søren Ærø',
          email: 'soren@kommune.dk',
          roles: ['caseworker'],
          whenNew: { id: 'p-new', unitId: 'u-byg', title: 'Sagsbehandler' },
        });
        const expected: Person = {
          id: 'p-new',
          name: 'Søren Ærø',
          email: 'soren@kommune.dk',
          title: 'Sagsbehandler',
          unitId: 'u-byg',
          roles: ['caseworker'],
          leaderId: null,
          aadObjectId: 'oid-1',
          // The first sign-in is when the handbook came to know them (kept through refreshes).
          addedAt: created.addedAt!,
        };
        expect(Date.now() - Date.parse(created.addedAt!)).toBeLessThan(60_000);
        expect(created).toEqual(expected);
        expect(await store.getPersonByAadObjectId('oid-1')).toEqual(expected);

        const refreshed = await store.upsertPersonFromDirectory({
          aadObjectId: 'oid-1',
          name: 'Søren Ærø Hansen',
          email: 'sah@kommune.dk',
          roles: ['author', 'caseworker'],
          whenNew: { id: 'p-other', unitId: 'u-miljo', title: 'Andet' },
        });
        const after = {
          ...expected,
          name: 'Søren Ærø Hansen',
          email: 'sah@kommune.dk',
          roles: ['author', 'caseworker'],
        };
        expect(refreshed).toEqual(after);
        expect(await store.getPerson('p-new')).toEqual(after);
        expect(await store.getPerson('p-other')).toBeUndefined();
        expect(await store.listPeople()).toHaveLength(people.length + 1);
      });
    });

    describe('commit', () => {
      it('writes a procedure with its draft and trail, and reads every record back as it was', async () => {
        const procedure = buildProcedure({ draftVersionId: 'v-1' });
        await store.commit({
          procedures: [procedure],
          versions: [buildVersion()],
          trail: [trail('procedure.created', t(1))],
        });
        expect(await store.getProcedure('p-1')).toEqual(procedure);
        expect(await store.getProcedureByCode('TM-01-01')).toEqual(procedure);
        expect(await store.getProcedure('p-x')).toBeUndefined();
        expect(await store.getProcedureByCode('XX-00-00')).toBeUndefined();
        expect(await store.listVersions('p-1')).toEqual([buildVersion()]);
        expect(await store.getVersion('v-1')).toEqual(buildVersion());
        expect(await store.getVersion('v-x')).toBeUndefined();
        expect(await store.listTrail('p-1')).toEqual([
          { seq: expect.any(Number), ...trail('procedure.created', t(1)) },
        ]);
      });

      it('keeps who designated the approver, and clears it again', async () => {
        const designated = buildProcedure({ approverId: 'ole-sorensen', approverDesignatedBy: 'anne-birk' });
        await store.commit({ procedures: [designated] });
        expect(await store.getProcedure('p-1')).toEqual(designated);
        const cleared = { ...designated, approverId: 'anne-birk', approverDesignatedBy: null, etag: 2 };
        await store.commit({ expect: { procedureId: 'p-1', etag: 1 }, procedures: [cleared] });
        expect(await store.getProcedure('p-1')).toEqual(cleared);
      });

      it('applies a fenced ChangeSet and refuses a stale etag with CONFLICT, writing nothing', async () => {
        await store.commit({ procedures: [buildProcedure({ draftVersionId: 'v-1' })], versions: [buildVersion()] });
        await store.commit({
          expect: { procedureId: 'p-1', etag: 1 },
          procedures: [buildProcedure({ draftVersionId: 'v-1', etag: 2, updatedAt: t(2) })],
          versions: [buildVersion({ state: 'pending', changeSummary: 'Første udgave', updatedAt: t(2) })],
          approvals: [buildApproval()],
          trail: [trail('draft.submitted', t(2))],
        });
        expect(await store.getProcedure('p-1')).toMatchObject({ etag: 2 });

        const refused = await store
          .commit({
            expect: { procedureId: 'p-1', etag: 1 },
            procedures: [buildProcedure({ etag: 3, title: 'Ændret', updatedBy: 'anne-birk' })],
            versions: [buildVersion({ state: 'draft', text: 'Ændret' })],
            approvals: [buildApproval({ id: 'a-2' })],
            trail: [trail('metadata.updated', t(3))],
          })
          .catch((error: unknown) => error);
        expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'stale', changedBy: 'Peter Lund' } });
        expect(await store.getProcedure('p-1')).toMatchObject({ etag: 2, title: 'Tilsyn med virksomheder' });
        expect(await store.getVersion('v-1')).toMatchObject({ state: 'pending', text: 'Tilsyn' });
        expect(await store.getApproval('a-2')).toBeUndefined();
        expect((await store.listTrail('p-1')).map((entry) => entry.action)).toEqual(['draft.submitted']);
      });

      it('refuses an expected procedure that does not exist with NOT_FOUND', async () => {
        await expect(store.commit({ expect: { procedureId: 'p-none', etag: 1 } })).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
      });

      it('refuses a second procedure with the same code as DUPLICATE', async () => {
        await store.commit({ procedures: [buildProcedure()] });
        await expect(store.commit({ procedures: [buildProcedure({ id: 'p-2' })] })).rejects.toMatchObject({
          code: 'DUPLICATE',
          details: { field: 'code' },
        });
        expect(await store.getProcedure('p-2')).toBeUndefined();
      });

      it('keeps the trail in the order it was written, across commits', async () => {
        await store.commit({ procedures: [buildProcedure()], trail: [trail('one', t(1)), trail('two', t(1))] });
        await store.commit({ trail: [trail('three', t(2)), trail('other', t(2), 'p-2')] });
        await store.commit({ trail: [trail('four', t(3))] });
        const entries = await store.listTrail('p-1');
        expect(entries.map((entry) => entry.action)).toEqual(['one', 'two', 'three', 'four']);
        const seqs = entries.map((entry) => entry.seq);
        expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
        expect(new Set(seqs).size).toBe(4);
        expect(entries[0]).toMatchObject({ summary: 'one – æøå', details: { by: 'contract', n: 1 } });
      });
    });

    describe('approvals, reviews and acknowledgements', () => {
      beforeEach(async () => {
        await store.commit({ procedures: [buildProcedure({ draftVersionId: 'v-1' })], versions: [buildVersion()] });
      });

      it('lists approvals of a procedure by request time, and the open ones of an approver', async () => {
        const first = buildApproval({
          id: 'a-1',
          requestedAt: t(2),
          decision: 'rejected',
          decidedBy: 'anne-birk',
          decidedAt: t(3),
          comment: 'Mangler afsnit om Ærø',
        });
        const second = buildApproval({ id: 'a-2', requestedAt: t(4) });
        await store.commit({ approvals: [second] });
        await store.commit({ approvals: [first] });
        expect(await store.listApprovals('p-1')).toEqual([first, second]);
        expect(await store.getApproval('a-1')).toEqual(first);
        expect(await store.getApproval('a-x')).toBeUndefined();
        expect(await store.listOpenApprovalsFor('anne-birk')).toEqual([second]);
        expect(await store.listOpenApprovalsFor('peter-lund')).toEqual([]);

        const decided = { ...second, decision: 'approved' as const, decidedBy: 'anne-birk', decidedAt: t(5) };
        await store.commit({ approvals: [decided] });
        expect(await store.getApproval('a-2')).toEqual(decided);
        expect(await store.listOpenApprovalsFor('anne-birk')).toEqual([]);
      });

      it('lists reviews of a procedure by review time', async () => {
        const review = (id: string, day: number): Review => ({
          id,
          procedureId: 'p-1',
          reviewerId: 'peter-lund',
          outcome: 'still-valid',
          comment: day === 3 ? null : 'Gennemgået',
          reviewedAt: t(day),
          dueOn: '2025-03-01' as LocalDate,
          nextReviewOn: '2026-03-01' as LocalDate,
        });
        await store.commit({ reviews: [review('r-2', 5)] });
        await store.commit({ reviews: [review('r-1', 3)] });
        expect(await store.listReviews('p-1')).toEqual([review('r-1', 3), review('r-2', 5)]);
        expect(await store.listReviews('p-x')).toEqual([]);
      });

      it('keeps acknowledgement requests and acknowledgements once each, and lists what a person has yet to read', async () => {
        await store.commit({
          expect: { procedureId: 'p-1', etag: 1 },
          procedures: [buildProcedure({ currentVersionId: 'v-1', etag: 2 })],
          versions: [published('v-1', 1, 'Tilsyn')],
        });
        const request = (personId: string, day = 3) => ({
          procedureId: 'p-1',
          versionId: 'v-1',
          personId,
          requestedAt: t(day),
        });
        await store.commit({ acknowledgementRequests: [request('ole-sorensen'), request('kirsten-aa', 4)] });
        await store.commit({ acknowledgementRequests: [request('ole-sorensen', 9)] });
        expect(await store.listAcknowledgementRequests('v-1')).toEqual(
          expect.arrayContaining([request('ole-sorensen'), request('kirsten-aa', 4)]),
        );
        expect(await store.listAcknowledgementRequests('v-1')).toHaveLength(2);
        expect(await store.listOpenAcknowledgementsFor('ole-sorensen')).toEqual([request('ole-sorensen')]);

        const acknowledgement = {
          procedureId: 'p-1',
          versionId: 'v-1',
          personId: 'ole-sorensen',
          acknowledgedAt: t(5),
        };
        await store.commit({ acknowledgements: [acknowledgement] });
        await store.commit({ acknowledgements: [{ ...acknowledgement, acknowledgedAt: t(6) }] });
        expect(await store.listAcknowledgements('v-1')).toEqual([acknowledgement]);
        expect(await store.listOpenAcknowledgementsFor('ole-sorensen')).toEqual([]);
        expect(await store.listOpenAcknowledgementsFor('kirsten-aa')).toEqual([request('kirsten-aa', 4)]);

        // A request for a version that is no longer the current one is no longer open.
        await store.commit({
          expect: { procedureId: 'p-1', etag: 2 },
          procedures: [buildProcedure({ currentVersionId: 'v-2', etag: 3 })],
          versions: [published('v-2', 2, 'Ny tekst', { createdAt: t(7) })],
        });
        expect(await store.listOpenAcknowledgementsFor('kirsten-aa')).toEqual([]);
      });

      it('derives the requests of a version whose makers were recorded: the audience except them, none stored', async () => {
        // The audience is Miljø and caseworkers: Anne, Peter and Ole; Peter wrote it, Anne approved it.
        const makers = ['peter-lund', 'anne-birk'];
        await store.commit({
          expect: { procedureId: 'p-1', etag: 1 },
          procedures: [buildProcedure({ currentVersionId: 'v-1', etag: 2 })],
          versions: [published('v-1', 1, 'Tilsyn', { publishedAt: t(3), approvedBy: 'anne-birk', makerIds: makers })],
        });
        const asked = { procedureId: 'p-1', versionId: 'v-1', personId: 'ole-sorensen', requestedAt: t(3) };
        expect((await store.getVersion('v-1'))?.makerIds).toEqual(makers);
        expect(await store.listAcknowledgementRequests('v-1')).toEqual([asked]);
        expect(await store.listOpenAcknowledgementsFor('ole-sorensen')).toEqual([asked]);
        expect(await store.listOpenAcknowledgementsFor('peter-lund')).toEqual([]);
        expect(await store.listOpenAcknowledgementsFor('anne-birk')).toEqual([]);
        expect(await store.listOpenAcknowledgementsFor('kirsten-aa')).toEqual([]);

        await store.commit({
          acknowledgements: [{ procedureId: 'p-1', versionId: 'v-1', personId: 'ole-sorensen', acknowledgedAt: t(5) }],
        });
        expect(await store.listOpenAcknowledgementsFor('ole-sorensen')).toEqual([]);

        // A minor version asks nobody.
        await store.commit({
          expect: { procedureId: 'p-1', etag: 2 },
          procedures: [buildProcedure({ currentVersionId: 'v-2', etag: 3 })],
          versions: [
            published('v-2', 1, 'Rettelse', {
              kind: 'minor',
              minor: 1,
              publishedAt: t(6),
              makerIds: makers,
              createdAt: t(6),
            }),
          ],
        });
        expect(await store.listAcknowledgementRequests('v-2')).toEqual([]);
        expect(await store.listOpenAcknowledgementsFor('ole-sorensen')).toEqual([]);
      });
    });

    describe('listing procedures', () => {
      beforeEach(async () => seedCatalogue(store));

      const codes = async (query: ProcedureQuery) => {
        const { items, total } = await store.listProcedures(query);
        return { codes: items.map((item) => item.code), total };
      };

      it('shows everyone the published procedures, and unpublished ones to those involved', async () => {
        expect(await codes(listQuery(caseworker))).toEqual({
          codes: ['LE-01-01', 'TM-01-01', 'TM-01-02'],
          total: 3,
        });
        expect((await codes(listQuery(coordinator))).total).toBe(5);
        // Owner of p-e; p-d is neither his nor for him to approve.
        expect((await codes(listQuery({ id: 'peter-lund', isCoordinator: false }))).codes).toEqual([
          'LE-01-01',
          'TM-01-01',
          'TM-01-02',
          'TM-02-01',
        ]);
        // Author of p-d's draft.
        expect((await codes(listQuery({ id: 'kirsten-aa', isCoordinator: false }))).codes).toContain('ST-01-01');
        // The approver named on p-d's open approval (not a coordinator here).
        expect((await codes(listQuery({ id: 'anne-birk', isCoordinator: false }))).codes).toContain('ST-01-01');
      });

      it('fills in the current version and the draft state of each row', async () => {
        const { items } = await store.listProcedures(listQuery(coordinator));
        const byCode = new Map(items.map((item) => [item.code, item]));
        expect(byCode.get('LE-01-01')).toMatchObject({
          id: 'p-c',
          currentVersion: { major: 3, minor: 2 },
          draftState: null,
          draftAuthorId: null,
          pendingApproverId: null,
        });
        expect(byCode.get('ST-01-01')).toMatchObject({
          currentVersion: null,
          draftState: 'pending',
          draftAuthorId: 'kirsten-aa',
          pendingApproverId: 'anne-birk',
        });
        expect(byCode.get('TM-02-01')).toMatchObject({ draftState: 'draft', draftAuthorId: 'peter-lund' });
        const { currentVersion, draftState, draftAuthorId, pendingApproverId, ...procedure } = byCode.get('TM-01-01')!;
        expect({ currentVersion, draftState, draftAuthorId, pendingApproverId }).toEqual({
          currentVersion: { major: 1, minor: 0 },
          draftState: null,
          draftAuthorId: null,
          pendingApproverId: null,
        });
        expect(procedure).toEqual(await store.getProcedure('p-a'));
      });

      it('filters by level, area, owner and unit', async () => {
        expect((await codes(listQuery(coordinator, { level: 'core' }))).codes).toEqual([
          'TM-01-01',
          'TM-01-02',
          'TM-02-01',
        ]);
        expect((await codes(listQuery(coordinator, { area: 'Miljøtilsyn' }))).codes).toEqual(['TM-01-01', 'TM-01-02']);
        expect((await codes(listQuery(coordinator, { ownerId: 'peter-lund' }))).codes).toEqual([
          'LE-01-01',
          'TM-01-01',
          'TM-02-01',
        ]);
        expect((await codes(listQuery(caseworker, { ownerId: 'peter-lund' }))).codes).toEqual(['LE-01-01', 'TM-01-01']);
        expect((await codes(listQuery(coordinator, { unitId: 'u-byg' }))).codes).toEqual(['ST-01-01', 'TM-01-02']);
        expect(await codes(listQuery(coordinator, { level: 'core', ownerId: 'anne-birk', unitId: 'u-byg' }))).toEqual({
          codes: ['TM-01-02'],
          total: 1,
        });
      });

      it('filters by status', async () => {
        const status = async (viewer: Viewer, value: ProcedureQuery['status']) =>
          (await codes(listQuery(viewer, { status: value }))).codes;
        expect(await status(coordinator, 'published')).toEqual(['LE-01-01', 'TM-01-01', 'TM-01-02']);
        expect(await status(coordinator, 'unpublished')).toEqual(['ST-01-01', 'TM-02-01']);
        expect(await status(coordinator, 'draft')).toEqual(['ST-01-01', 'TM-02-01']);
        expect(await status(coordinator, 'in-approval')).toEqual(['ST-01-01']);
        expect(await status(coordinator, 'review-overdue')).toEqual(['TM-01-01']);
        expect(await status(coordinator, 'review-due')).toEqual(['TM-01-01', 'TM-01-02']);
        expect(await status(caseworker, 'unpublished')).toEqual([]);
        expect(await status(caseworker, 'in-approval')).toEqual([]);
        expect(await status({ id: 'peter-lund', isCoordinator: false }, 'draft')).toEqual(['TM-02-01']);
        expect(await status({ id: 'anne-birk', isCoordinator: false }, 'in-approval')).toEqual(['ST-01-01']);
      });

      it('sorts by every key in both directions, ties by code', async () => {
        const sorted = async (sort: ProcedureQuery['sort'], order: ProcedureQuery['order'] = 'asc') =>
          (await codes(listQuery(coordinator, { sort, order }))).codes;
        expect(await sorted('code', 'desc')).toEqual(['TM-02-01', 'TM-01-02', 'TM-01-01', 'ST-01-01', 'LE-01-01']);
        expect(await sorted('title')).toEqual(['TM-02-01', 'ST-01-01', 'TM-01-02', 'LE-01-01', 'TM-01-01']);
        expect(await sorted('owner')).toEqual(['TM-01-02', 'ST-01-01', 'LE-01-01', 'TM-01-01', 'TM-02-01']);
        expect(await sorted('nextReview')).toEqual(['TM-01-01', 'TM-01-02', 'LE-01-01', 'ST-01-01', 'TM-02-01']);
        expect(await sorted('nextReview', 'desc')).toEqual([
          'ST-01-01',
          'TM-02-01',
          'LE-01-01',
          'TM-01-02',
          'TM-01-01',
        ]);
        expect(await sorted('updated', 'desc')).toEqual(['ST-01-01', 'TM-01-02', 'LE-01-01', 'TM-01-01', 'TM-02-01']);
        expect(await sorted('level')).toEqual(['LE-01-01', 'TM-02-01', 'TM-01-01', 'TM-01-02', 'ST-01-01']);
      });

      it('pages, with the total of all matches', async () => {
        expect(await codes(listQuery(coordinator, { limit: 2, offset: 1 }))).toEqual({
          codes: ['ST-01-01', 'TM-01-01'],
          total: 5,
        });
        expect(await codes(listQuery(coordinator, { limit: 2, offset: 10 }))).toEqual({ codes: [], total: 5 });
      });

      it('lists areas per level with counts, as the viewer may see them', async () => {
        expect(await store.listAreas(caseworker)).toEqual([
          { level: 'management', area: 'Strategi', count: 1 },
          { level: 'core', area: 'Miljøtilsyn', count: 2 },
        ]);
        expect(await store.listAreas(coordinator)).toEqual([
          { level: 'management', area: 'Strategi', count: 1 },
          { level: 'core', area: 'Miljøtilsyn', count: 2 },
          { level: 'core', area: 'Byggesag', count: 1 },
          { level: 'support', area: 'IT', count: 1 },
        ]);
      });
    });

    describe('competences', () => {
      it('lists competences by name, requirements and coverage as committed, empty at first', async () => {
        expect(await store.listCompetences()).toEqual([]);
        expect(await store.listPersonCompetences()).toEqual([]);
        const auditor = buildCompetence({
          id: 'c-audit',
          name: 'Intern auditor',
          category: 'Kvalitet',
          validityMonths: 36,
        });
        await store.commit({
          competences: [buildCompetence(), auditor],
          competenceRequirements: [
            requirement,
            { ...requirement, id: 'r-2', scope: { kind: 'procedure', procedureId: 'p-1' } },
          ],
          externalCoverage: [coverage, { ...coverage, id: 'x-2', contractEnd: '2027-06-30' as LocalDate }],
        });
        expect(await store.listCompetences()).toEqual([auditor, buildCompetence()]);
        expect(await store.listCompetenceRequirements()).toEqual([
          requirement,
          { ...requirement, id: 'r-2', scope: { kind: 'procedure', procedureId: 'p-1' } },
        ]);
        expect(await store.listExternalCoverage()).toEqual([
          coverage,
          { ...coverage, id: 'x-2', contractEnd: '2027-06-30' },
        ]);
      });

      it('keeps one level per person and competence: a second write updates it', async () => {
        await store.commit({ competences: [buildCompetence(), buildCompetence({ id: 'c-jord', name: 'Jord' })] });
        await store.commit({
          personCompetences: [
            buildPersonCompetence(),
            buildPersonCompetence({ personId: 'anne-birk', competenceId: 'c-jord', level: 1 }),
          ],
        });
        const confirmed = buildPersonCompetence({
          level: 3,
          evidence: { kind: 'course', title: 'Naturkursus', date: '2025-05-31' as LocalDate },
          validUntil: '2028-05-31' as LocalDate,
          assessment: 'confirmed',
          confirmedBy: 'kirsten-aa',
        });
        await store.commit({ personCompetences: [confirmed] });
        expect(await store.listPersonCompetences()).toEqual([
          buildPersonCompetence({ personId: 'anne-birk', competenceId: 'c-jord', level: 1 }),
          confirmed,
        ]);
        expect(await store.listPersonCompetences({ personId: 'peter-lund' })).toEqual([confirmed]);
        expect(await store.listPersonCompetences({ personId: 'nobody' })).toEqual([]);
      });

      it('refuses a level written from a stale read with CONFLICT, writing nothing', async () => {
        await store.commit({
          competences: [buildCompetence()],
          expectPersonCompetence: { personId: 'peter-lund', competenceId: 'c-natur', etag: 0 },
          personCompetences: [buildPersonCompetence()],
        });
        const etag = personCompetenceEtag(buildPersonCompetence());
        const refused = await store
          .commit({
            expectPersonCompetence: { personId: 'peter-lund', competenceId: 'c-natur', etag: 0 },
            personCompetences: [buildPersonCompetence({ level: 4 })],
          })
          .catch((error: unknown) => error);
        expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'stale', currentEtag: etag } });
        await store.commit({
          expectPersonCompetence: { personId: 'peter-lund', competenceId: 'c-natur', etag },
          personCompetences: [buildPersonCompetence({ level: 3 })],
        });
        expect(await store.listPersonCompetences()).toEqual([buildPersonCompetence({ level: 3 })]);
      });

      it('writes competence records with the rest of a ChangeSet, and none of them when it is refused', async () => {
        await store.commit({
          procedures: [buildProcedure()],
          competences: [buildCompetence()],
          personCompetences: [buildPersonCompetence()],
          trail: [
            {
              at: t(1),
              actorId: 'kirsten-aa',
              action: 'competence.level-set',
              procedureId: 'p-1',
              subjectId: 'peter-lund:c-natur',
              summary: 'Niveau 2',
              details: { level: 2 },
            },
          ],
        });
        expect((await store.listTrail('p-1')).map((entry) => entry.action)).toEqual(['competence.level-set']);

        const refused = await store
          .commit({
            expect: { procedureId: 'p-1', etag: 7 },
            competences: [buildCompetence({ id: 'c-other', name: 'Andet' })],
            personCompetences: [buildPersonCompetence({ level: 4 })],
            externalCoverage: [coverage],
          })
          .catch((error: unknown) => error);
        expect(refused).toMatchObject({ code: 'CONFLICT' });
        expect(await store.listCompetences()).toEqual([buildCompetence()]);
        expect(await store.listPersonCompetences()).toEqual([buildPersonCompetence()]);
        expect(await store.listExternalCoverage()).toEqual([]);
      });

      it('deletes a requirement with the coverage decisions that reference it, and keeps the others', async () => {
        const other = { ...requirement, id: 'r-2', scope: { kind: 'procedure', procedureId: 'p-1' } } as const;
        const otherCoverage = { ...coverage, id: 'x-3', requirementId: 'r-2' };
        await store.commit({
          competences: [buildCompetence()],
          competenceRequirements: [requirement, other],
          externalCoverage: [coverage, { ...coverage, id: 'x-2' }, otherCoverage],
        });
        await store.commit({
          deleteCompetenceRequirements: ['r-1'],
          trail: [
            {
              at: t(1),
              actorId: 'kirsten-aa',
              action: 'competence.requirement-removed',
              procedureId: null,
              subjectId: 'r-1',
              summary: 'Krav fjernet',
              details: {},
            },
          ],
        });
        expect(await store.listCompetenceRequirements()).toEqual([other]);
        expect(await store.listExternalCoverage()).toEqual([otherCoverage]);
        expect(await store.listCompetences()).toEqual([buildCompetence()]);
      });

      it('refuses to delete a requirement it does not hold with NOT_FOUND, writing nothing', async () => {
        await store.commit({
          procedures: [buildProcedure()],
          competences: [buildCompetence()],
          competenceRequirements: [requirement],
          externalCoverage: [coverage],
        });
        await store.commit({ deleteCompetenceRequirements: ['r-1'] });
        const refused = await store
          .commit({
            competenceRequirements: [{ ...requirement, id: 'r-9' }],
            deleteCompetenceRequirements: ['r-1'],
            trail: [trail('second delete', t(2))],
          })
          .catch((error: unknown) => error);
        expect(refused).toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.listCompetenceRequirements()).toEqual([]);
        expect(await store.listExternalCoverage()).toEqual([]);
        expect(await store.listTrail('p-1')).toEqual([]);
      });
    });

    describe('search sources', () => {
      beforeEach(async () => seedCatalogue(store));

      // The store only supplies texts; the one index (core/search-index.ts) searches them, so the
      // same queries must find the same procedures on every store.
      const search = async (input: string, limit = 10) => {
        const sources = await store.listSearchSources();
        // Keyed by code, so the hits read as codes.
        const index = createSearchIndex(
          sources.map((source) => ({ ...procedureIndexInput(source), key: source.code })),
          procedureOptions,
        );
        return index.query(parseQuery(input), { limit, offset: 0 });
      };
      const found = async (input: string) => (await search(input)).hits.map((hit) => hit.key).sort();

      it('lists the published procedures only, with their current text and metadata as words', async () => {
        const sources = await store.listSearchSources();
        expect(sources.map((source) => source.code).sort()).toEqual(['LE-01-01', 'TM-01-01', 'TM-01-02']);
        const lovliggoerelse = sources.find((source) => source.code === 'TM-01-02')!;
        expect(lovliggoerelse).toMatchObject({ procedureId: 'p-b', title: 'Lovliggørelse af byggeri' });
        expect(lovliggoerelse.body).toContain('lovliggørelsesbyggesag');
        expect(lovliggoerelse.body).not.toContain('Gammel tekst');
        expect(lovliggoerelse.metadata).toContain('Miljøtilsyn');
      });

      it('keeps a revision per published procedure that moves only when its texts change', async () => {
        const revisionsOf = async () =>
          Object.fromEntries((await store.listSearchRevisions()).map((entry) => [entry.procedureId, entry.revision]));
        const before = await revisionsOf();
        expect(Object.keys(before).sort()).toEqual(['p-a', 'p-b', 'p-c']);
        const sources = await store.listSearchSources();
        expect(Object.fromEntries(sources.map((source) => [source.procedureId, source.revision]))).toEqual(before);

        await store.commit({ trail: [trail('a write', t(5), 'p-a')] });
        expect(await revisionsOf()).toEqual(before);
        await store.commit({
          procedures: [
            buildProcedure({
              id: 'p-a',
              code: 'TM-01-01',
              title: 'Tilsyn med virksomheder',
              currentVersionId: 'v-a2',
              approvedOn: '2025-03-10' as LocalDate,
              nextReviewOn: '2026-03-10' as LocalDate,
              updatedAt: t(6),
              etag: 2,
            }),
          ],
          versions: [published('v-a2', 2, 'Tilsynet omfatter nu også landbrug.', { procedureId: 'p-a' })],
        });
        const after = await revisionsOf();
        expect(after['p-a']).not.toBe(before['p-a']);
        expect({ ...after, 'p-a': before['p-a'] }).toEqual(before);

        const changed = await store.listSearchSources(['p-a', 'p-unknown']);
        expect(changed.map((source) => [source.procedureId, source.revision])).toEqual([['p-a', after['p-a']]]);
        expect(changed[0]!.body).toContain('landbrug');
        expect(await store.listSearchSources([])).toEqual([]);
      });

      it('moves its stamp with every commit', async () => {
        const before = await store.searchStamp();
        expect(await store.searchStamp()).toBe(before);
        await store.commit({ trail: [trail('a write', t(5), 'p-a')] });
        expect(await store.searchStamp()).not.toBe(before);
      });

      it('finds published procedures by a word of their title or text, in any case and form', async () => {
        expect(await found('strategi')).toEqual(['LE-01-01']);
        expect(await found('STRATEGI')).toEqual(['LE-01-01']);
        expect(await found('Tilsynet')).toEqual(['TM-01-01']);
        expect(await found('ærø')).toEqual(['TM-01-01']);
        expect(await found('SØER')).toEqual(['TM-01-01']);
        expect(await found('lovliggø')).toEqual(['TM-01-02']);
        expect(await found('byggesag')).toEqual(['TM-01-02']);
        expect(await found('le-1-1')).toEqual(['LE-01-01']);
      });

      it('never finds unpublished drafts, nor what matches nothing', async () => {
        expect(await found('drift')).toEqual([]);
        expect(await found('zzyzx')).toEqual([]);
      });

      it('answers with a snippet marking the match, a true total and pages', async () => {
        const { hits, total } = await search('kvalitet');
        expect(total).toBe(1);
        expect(hits[0]!.snippet.some((segment) => segment.isMatch && /kvalitet/i.test(segment.text))).toBe(true);
        expect((await search('strategi kvalitet')).hits).toHaveLength(1);
        const tilsyn = await search('miljøtilsyn', 1);
        expect(tilsyn.hits).toHaveLength(1);
        expect(tilsyn.total).toBeGreaterThanOrEqual(1);
      });
    });
  });
}
