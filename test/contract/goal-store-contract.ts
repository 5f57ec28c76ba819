import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GoalStore } from '../../functions/src/app/goal-ports.js';
import type { CaseRecord, CaseSource, Goal, QualityPolicy } from '../../functions/src/core/goal-types.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import {
  caseRecordRecord,
  caseSourceRecord,
  goalRecord,
  qualityPolicyRecord,
} from '../../functions/src/records/goals.js';
import { sampleOf } from '../support/record-samples.js';
import type { TrailWithoutSeq } from './contract-sites.js';

/**
 * The GoalStore port's behaviour, as every adapter must show it: a fresh, empty store per test.
 */
export type GoalStoreUnderTest = {
  store: GoalStore;
  trail(): Promise<TrailWithoutSeq[]>;
  close(): Promise<void>;
};

const d = (value: string) => value as LocalDate;
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T08:30:00.000Z`;
const versioned = { etag: 1, createdAt: at(1), updatedAt: at(1), updatedBy: 'mette-kjaer' };

export function buildPolicy(overrides: Partial<QualityPolicy> = {}): QualityPolicy {
  return sampleOf(qualityPolicyRecord, {
    id: 'quality-policy',
    text: { da: 'Vi træffer rigtige afgørelser – hurtigt og forståeligt.', nb: 'Vi tar riktige beslutninger.' },
    adoptedBy: 'Byrådet',
    adoptedOn: d('2025-06-19'),
    isPublished: true,
    publishedOn: d('2025-07-01'),
    ...versioned,
    ...overrides,
  });
}

export function buildGoal(overrides: Partial<Goal> = {}): Goal {
  return sampleOf(goalRecord, {
    id: 'goal-1',
    title: '95 % af byggesagerne inden for servicemålet',
    description: 'Andel afgjorte sager inden for servicemålet, fritagne sager undtaget.',
    clauses: ['6.2', '9.1.3'],
    target: { direction: 'at-least', value: 95, unit: 'percent' },
    scope: { caseTypes: ['Byggetilladelse'], unitIds: ['u-byg'] },
    periodFrom: d('2026-01-01'),
    periodTo: d('2026-12-31'),
    cadence: 'monthly',
    ownerId: 'mette-kjaer',
    measurement: { kind: 'cases', metric: 'share-within-target' },
    thresholds: { yellowWithinPoints: 5 },
    status: 'active',
    revisionMonth: 11,
    lastReading: { colour: 'yellow', value: 91.5, computedOn: d('2026-03-01'), redSince: null },
    ...versioned,
    ...overrides,
  });
}

export function buildSource(overrides: Partial<CaseSource> = {}): CaseSource {
  return sampleOf(caseSourceRecord, {
    id: 'src-bom',
    name: 'Byg og Miljø (BOM)',
    mapping: {
      caseId: 'Sagsnr.',
      caseType: 'Kategori',
      unit: 'Afdeling',
      receivedOn: 'Modtaget',
      fullyInformedOn: 'Fuldt oplyst',
      decidedOn: 'Afgørelse',
      pausedDays: 'Dage hos ansøger',
      targetDays: 'Servicemål',
      exemptionReason: null,
      decisionType: null,
    },
    ...versioned,
    ...overrides,
  });
}

export function buildCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const sourceId = overrides.sourceId ?? 'src-bom';
  const caseId = overrides.caseId ?? 'BYG-2026-0001';
  return sampleOf(caseRecordRecord, {
    id: `${sourceId}:${caseId}`,
    sourceId,
    caseId,
    caseType: 'Byggetilladelse',
    unitId: 'u-byg',
    receivedOn: d('2026-01-05'),
    fullyInformedOn: d('2026-01-12'),
    decidedOn: d('2026-02-20'),
    pausedDays: 3,
    targetDays: 40,
    exemptionReason: null,
    decisionType: 'Tilladelse',
    importedAt: at(2),
    ...overrides,
  });
}

/** `count` cases of one source, numbered from 1. */
export function buildCases(count: number, overrides: Partial<CaseRecord> = {}): CaseRecord[] {
  return Array.from({ length: count }, (_, index) =>
    buildCase({ caseId: `BYG-${String(index + 1).padStart(5, '0')}`, ...overrides }),
  );
}

const trailEntry = (action: string, subjectId: string): TrailWithoutSeq => ({
  at: at(2),
  actorId: 'mette-kjaer',
  action,
  procedureId: null,
  subjectId,
  summary: `${action} – æøå`,
  details: { subjectId, n: 1 },
});

async function snapshot(store: GoalStore) {
  return {
    policy: await store.getQualityPolicy('quality-policy'),
    goals: await store.listGoals(),
    sources: await store.listCaseSources(),
    cases: await store.listCaseRecords(),
  };
}

export function describeGoalStoreContract(name: string, open: () => Promise<GoalStoreUnderTest>): void {
  describe(`GoalStore contract: ${name}`, () => {
    let subject: GoalStoreUnderTest;
    let store: GoalStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => subject.close());

    it('round-trips every record type with every field, and lists goals by title, sources by name, cases by id', async () => {
      const goals = [
        buildGoal(),
        buildGoal({
          id: 'goal-3',
          title: 'Tilfredshed: 90 % tilfredse eller meget tilfredse',
          measurement: { kind: 'survey', surveyId: null },
          scope: { caseTypes: [], unitIds: [] },
          cadence: 'yearly',
          lastReading: null,
        }),
        buildGoal({
          id: 'goal-2',
          title: 'Tilfredshed: 90 % tilfredse eller meget tilfredse',
          measurement: { kind: 'entered', values: [{ on: d('2026-02-01'), value: 12, note: 'Tal fra KL – æøå' }] },
          target: { direction: 'at-most', value: 40, unit: 'days' },
          status: 'draft',
          lastReading: { colour: 'red', value: 52, computedOn: d('2026-03-01'), redSince: d('2026-02-01') },
        }),
        buildGoal({
          id: 'goal-4',
          title: 'Henvendelser besvares inden for fristen',
          measurement: { kind: 'register', metric: 'replied-in-time', kinds: ['complaint', 'deviation'] },
          target: { direction: 'at-least', value: 95, unit: 'percent' },
          lastReading: { colour: 'yellow', value: 91.5, computedOn: d('2026-03-01'), redSince: null },
        }),
      ];
      const sources = [
        buildSource(),
        buildSource({ id: 'src-aa', name: 'Byg og Miljø (BOM)' }),
        buildSource({ id: 'src-esdh', name: 'ESDH' }),
      ];
      const cases = [
        buildCase({ caseId: 'B-2' }),
        buildCase({
          caseId: 'B-1',
          unitId: null,
          fullyInformedOn: null,
          decidedOn: null,
          exemptionReason: 'Lovliggørelse',
          decisionType: null,
        }),
        buildCase({ sourceId: 'src-esdh', caseId: 'E-1' }),
      ];
      await store.commit({
        qualityPolicies: [buildPolicy()],
        goals,
        caseSources: sources,
        caseRecords: cases,
        trail: [trailEntry('goal.created', 'goal-1'), trailEntry('case-data.imported', 'src-bom')],
      });
      expect(await store.getQualityPolicy('quality-policy')).toEqual(buildPolicy());
      expect(await store.getQualityPolicy('nope')).toBeUndefined();
      expect(await store.listGoals()).toEqual([goals[0], goals[3], goals[2], goals[1]]);
      expect(await store.getGoal('goal-2')).toEqual(goals[2]);
      // A register goal's measurement (metric and kinds) round-trips as it was.
      expect(await store.getGoal('goal-4')).toEqual(goals[3]);
      expect(await store.getGoal('nope')).toBeUndefined();
      expect(await store.listCaseSources()).toEqual([sources[1], sources[0], sources[2]]);
      expect(await store.getCaseSource('src-esdh')).toEqual(sources[2]);
      expect(await store.getCaseSource('nope')).toBeUndefined();
      expect(await store.listCaseRecords()).toEqual([cases[1], cases[0], cases[2]]);
      expect(await store.listCaseRecords({ sourceId: 'src-bom' })).toEqual([cases[1], cases[0]]);
      expect(await store.listCaseRecords({ sourceId: 'src-none' })).toEqual([]);
      expect(await subject.trail()).toEqual([
        trailEntry('goal.created', 'goal-1'),
        trailEntry('case-data.imported', 'src-bom'),
      ]);
    });

    it('refuses a stale write with CONFLICT (stored etag, who, when) and writes nothing of the change set', async () => {
      await store.commit({
        expect: [{ collection: 'goals', id: 'goal-1', etag: 0 }],
        goals: [buildGoal()],
        caseSources: [buildSource()],
      });
      const twice = await store
        .commit({ expect: [{ collection: 'goals', id: 'goal-1', etag: 0 }], goals: [buildGoal()] })
        .catch((error: unknown) => error);
      expect(twice).toMatchObject({
        code: 'CONFLICT',
        details: { collection: 'goals', id: 'goal-1', etag: 1, updatedBy: 'mette-kjaer', updatedAt: at(1) },
      });
      const before = await snapshot(store);
      const stale = await store
        .commit({
          expect: [
            { collection: 'goals', id: 'goal-1', etag: 1 },
            { collection: 'caseSources', id: 'src-bom', etag: 3 },
          ],
          goals: [buildGoal({ title: 'Ændret', etag: 2 })],
          caseRecords: buildCases(3),
          qualityPolicies: [buildPolicy()],
          trail: [trailEntry('goal.updated', 'goal-1')],
        })
        .catch((error: unknown) => error);
      expect(stale).toMatchObject({ code: 'CONFLICT', details: { collection: 'caseSources', id: 'src-bom', etag: 1 } });
      const gone = await store
        .commit({
          expect: [{ collection: 'qualityPolicies', id: 'quality-policy', etag: 1 }],
          qualityPolicies: [buildPolicy({ etag: 2 })],
        })
        .catch((error: unknown) => error);
      expect(gone).toMatchObject({ code: 'CONFLICT', details: { etag: 0, updatedBy: null, updatedAt: null } });
      expect(await snapshot(store)).toEqual(before);
      expect(await subject.trail()).toEqual([]);

      const edited = buildGoal({ title: 'Ændret', etag: 2, updatedBy: 'anne-birk', updatedAt: at(4) });
      await store.commit({ expect: [{ collection: 'goals', id: 'goal-1', etag: 1 }], goals: [edited] });
      expect(await store.getGoal('goal-1')).toEqual(edited);
    });

    it('updates cases on a re-import, never duplicates them (small and large imports)', async () => {
      await store.commit({
        caseRecords: [buildCase({ caseId: 'B-1' }), buildCase({ caseId: 'B-2', decidedOn: null })],
      });
      const again = [
        buildCase({ caseId: 'B-2', decidedOn: d('2026-03-02'), importedAt: at(5) }),
        buildCase({ caseId: 'B-3', importedAt: at(5) }),
      ];
      await store.commit({ caseRecords: again });
      expect(await store.listCaseRecords()).toEqual([buildCase({ caseId: 'B-1' }), ...again]);

      // Past a few hundred cases the SharePoint adapter reads the source's items instead of looking each up.
      const large = buildCases(450, { sourceId: 'src-big' });
      await store.commit({ caseRecords: large, trail: [trailEntry('case-data.imported', 'src-big')] });
      const reimport = buildCases(450, { sourceId: 'src-big', pausedDays: 9, importedAt: at(6) });
      await store.commit({ caseRecords: reimport, trail: [trailEntry('case-data.imported', 'src-big')] });
      expect(await store.listCaseRecords({ sourceId: 'src-big' })).toEqual(reimport);
      expect(await store.listCaseRecords({ sourceId: 'src-bom' })).toHaveLength(3);
      expect((await subject.trail()).map((entry) => entry.subjectId)).toEqual(['src-big', 'src-big']);
    });
  });
}
