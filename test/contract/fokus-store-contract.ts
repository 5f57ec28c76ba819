import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FokusStore } from '../../functions/src/app/fokus-ports.js';
import { unitEvaluationId, type EvaluationRound, type UnitEvaluation } from '../../functions/src/core/fokus-types.js';
import { standardsChoiceId } from '../../functions/src/core/standards.js';
import { evaluationRoundRecord, unitEvaluationRecord } from '../../functions/src/records/fokus.js';
import { sampleOf } from '../support/record-samples.js';
import type { TrailWithoutSeq } from './contract-sites.js';

/**
 * The FokusStore port's behaviour, as every adapter must show it: a fresh store per test (SQLite
 * migrated, SharePoint provisioned).
 */
export type FokusStoreUnderTest = {
  store: FokusStore;
  trail(): Promise<TrailWithoutSeq[]>;
  close(): Promise<void>;
};

const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T08:30:00.000Z`;
const versioned = { etag: 1, createdAt: at(1), updatedAt: at(1), updatedBy: 'mette-kjaer' };

export function buildRound(overrides: Partial<EvaluationRound> = {}): EvaluationRound {
  return sampleOf(evaluationRoundRecord, {
    id: 'round-2015',
    name: 'FOKUS 2015',
    year: 2015,
    scaleMin: 0,
    scaleMax: 4,
    themes: [
      { id: 't-ledelse', name: 'Ledelse og strategi' },
      { id: 't-borger', name: 'Borgerfokus – æøå' },
    ],
    unitIds: ['u-byg', 'u-miljo'],
    note: 'Konstrueret eksempel.',
    ...versioned,
    ...overrides,
  });
}

export function buildEvaluation(overrides: Partial<UnitEvaluation> = {}): UnitEvaluation {
  const roundId = overrides.roundId ?? 'round-2015';
  const unitId = overrides.unitId ?? 'u-byg';
  return sampleOf(unitEvaluationRecord, {
    id: unitEvaluationId(roundId, unitId),
    roundId,
    unitId,
    scores: [
      { themeId: 't-ledelse', score: 3 },
      { themeId: 't-borger', score: 2.5 },
    ],
    note: '',
    ...versioned,
    ...overrides,
  });
}

const trailEntry = (action: string, subjectId: string): TrailWithoutSeq => ({
  at: at(2),
  actorId: 'mette-kjaer',
  action,
  procedureId: null,
  subjectId,
  summary: `${action} – æøå`,
  details: { subjectId },
});

export function describeFokusStoreContract(name: string, open: () => Promise<FokusStoreUnderTest>): void {
  describe(`FokusStore contract: ${name}`, () => {
    let subject: FokusStoreUnderTest;
    let store: FokusStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => subject.close());

    it('round-trips rounds and unit evaluations; rounds by year, then name; evaluations by round, then unit', async () => {
      const rounds = [
        buildRound(),
        buildRound({ id: 'round-2013', name: 'FOKUS 2013', year: 2013, scaleMin: 1, scaleMax: 5, unitIds: [] }),
        buildRound({ id: 'round-2013b', name: 'Ekstra 2013', year: 2013, themes: [] }),
      ];
      const evaluations = [
        buildEvaluation({ unitId: 'u-miljo', scores: [{ themeId: 't-ledelse', score: 4 }] }),
        buildEvaluation(),
        buildEvaluation({ roundId: 'round-2013', note: 'Ikke sammenlignelig: kun ét tema.' }),
      ];
      await store.commit({
        rounds,
        unitEvaluations: evaluations,
        trail: [trailEntry('fokus.round-saved', 'round-2015')],
      });
      expect(await store.listRounds()).toEqual([rounds[2], rounds[1], rounds[0]]);
      expect(await store.getRound('round-2013')).toEqual(rounds[1]);
      expect(await store.getRound('nope')).toBeUndefined();
      expect(await store.listUnitEvaluations()).toEqual([evaluations[2], evaluations[1], evaluations[0]]);
      expect(await store.listUnitEvaluations({ roundId: 'round-2015' })).toEqual([evaluations[1], evaluations[0]]);
      expect(await store.listUnitEvaluations({ roundId: 'round-2017' })).toEqual([]);
      expect(await subject.trail()).toEqual([trailEntry('fokus.round-saved', 'round-2015')]);
    });

    it('updates a unit’s evaluation in a round by its id, never a second one', async () => {
      await store.commit({ rounds: [buildRound()], unitEvaluations: [buildEvaluation()] });
      const again = buildEvaluation({ scores: [{ themeId: 't-ledelse', score: 1 }], etag: 2, updatedBy: 'anne-birk' });
      await store.commit({
        expect: [{ collection: 'unitEvaluations', id: again.id, etag: 1 }],
        unitEvaluations: [again],
      });
      expect(await store.listUnitEvaluations()).toEqual([again]);
    });

    it('refuses a stale write with CONFLICT (stored etag, who, when) and writes nothing of the change set', async () => {
      await store.commit({ expect: [{ collection: 'rounds', id: 'round-2015', etag: 0 }], rounds: [buildRound()] });
      const twice = await store
        .commit({ expect: [{ collection: 'rounds', id: 'round-2015', etag: 0 }], rounds: [buildRound()] })
        .catch((error: unknown) => error);
      expect(twice).toMatchObject({
        code: 'CONFLICT',
        details: { collection: 'rounds', id: 'round-2015', etag: 1, updatedBy: 'mette-kjaer', updatedAt: at(1) },
      });
      const stale = await store
        .commit({
          expect: [
            { collection: 'unitEvaluations', id: 'round-2015:u-byg', etag: 0 },
            { collection: 'rounds', id: 'round-2015', etag: 2 },
          ],
          rounds: [buildRound({ name: 'Ændret', etag: 3 })],
          unitEvaluations: [buildEvaluation()],
          trail: [trailEntry('fokus.evaluation-saved', 'round-2015:u-byg')],
        })
        .catch((error: unknown) => error);
      expect(stale).toMatchObject({ code: 'CONFLICT', details: { collection: 'rounds', etag: 1 } });
      expect(await store.listRounds()).toEqual([buildRound()]);
      expect(await store.listUnitEvaluations()).toEqual([]);
      expect(await subject.trail()).toEqual([]);
    });

    it('works by ISO 9001 until the standards are chosen, and saves the choice only from what was read', async () => {
      const fresh = await store.getStandardsChoice();
      // SQLite's migration writes the ISO 9001 record; a provisioned site has none yet (read as ISO 9001).
      expect(fresh?.standardIds ?? ['iso9001']).toEqual(['iso9001']);
      const read = fresh?.etag ?? 0;
      const choice = {
        id: standardsChoiceId,
        standardIds: ['iso9001' as const, 'iso14001' as const],
        etag: read + 1,
        createdAt: at(3),
        updatedAt: at(3),
        updatedBy: 'anne-birk',
      };
      await store.commit({
        expect: [{ collection: 'standardsChoice', id: standardsChoiceId, etag: read }],
        standardsChoice: [choice],
      });
      expect(await store.getStandardsChoice()).toEqual(choice);
      const late = await store
        .commit({
          expect: [{ collection: 'standardsChoice', id: standardsChoiceId, etag: read }],
          standardsChoice: [{ ...choice, standardIds: ['iso45001'] }],
        })
        .catch((error: unknown) => error);
      expect(late).toMatchObject({
        code: 'CONFLICT',
        details: { collection: 'standardsChoice', etag: read + 1, updatedBy: 'anne-birk' },
      });
      expect(await store.getStandardsChoice()).toEqual(choice);
    });
  });
}
