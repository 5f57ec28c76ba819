import type { z } from 'zod';
import type { roundBody, unitScoresBody } from '../../../functions/src/contract/fokus-schemas';
import type { TypedClient } from './typed-client';

export type {
  ComparisonCellDto,
  CoverageMatrixDto,
  FokusOverviewDto,
  RoundDto,
  ScoreImportResultDto,
  StandardsDto,
} from '../../../functions/src/contract/fokus-schemas';

export type RoundBodyInput = z.input<typeof roundBody>;
export type UnitScoresInput = z.input<typeof unitScoresBody>;

/** FOKUS-style evaluation rounds, the standards worked by and the coverage matrix. */
export function createFokusApi(api: TypedClient) {
  return {
    getFokus: (signal?: AbortSignal) => api.call('fokus-get', { signal }),
    createRound: (body: RoundBodyInput) => api.call('fokus-round-create', { body }),
    /** Themes sent with their ids keep their scores; the round's ETag guards a stale form. */
    updateRound: (round: { id: string; etag: number }, body: RoundBodyInput) =>
      api.call('fokus-round-update', { params: { id: round.id }, body, ifMatch: `"${round.etag}"` }),
    /** A unit's scores in a round; themes left out make it "ikke sammenlignelig". */
    setUnitScores: (roundId: string, unitId: string, body: UnitScoresInput) =>
      api.call('fokus-unit-scores-set', { params: { id: roundId, unitId }, body }),
    /** 'preview' checks every row and writes nothing; 'apply' imports all rows or none. */
    importScores: (roundId: string, query: { format: 'csv' | 'xlsx'; mode: 'preview' | 'apply' }, file: Blob) =>
      api.call('fokus-scores-import', { params: { id: roundId }, query, body: file }),
    getCoverageMatrix: (signal?: AbortSignal) => api.call('coverage-matrix-get', { signal }),
    getStandards: (signal?: AbortSignal) => api.call('standards-get', { signal }),
    chooseStandards: (standardIds: ('iso9001' | 'iso14001' | 'iso45001')[], etag: number) =>
      api.call('standards-choose', { body: { standardIds }, ifMatch: String(etag) }),
  };
}
