import type { TypedClient } from './typed-client';

export type {
  ComparisonCellDto,
  CoverageMatrixDto,
  FokusOverviewDto,
  RoundDto,
  ScoreImportResultDto,
  StandardsDto,
} from '../../../functions/src/contract/fokus-schemas';

/** FOKUS-style evaluation rounds, the standards worked by and the coverage matrix. */
export function createFokusApi(api: TypedClient) {
  return {
    getFokus: (signal?: AbortSignal) => api.call('fokus-get', { signal }),
    getCoverageMatrix: (signal?: AbortSignal) => api.call('coverage-matrix-get', { signal }),
    getStandards: (signal?: AbortSignal) => api.call('standards-get', { signal }),
    chooseStandards: (standardIds: ('iso9001' | 'iso14001' | 'iso45001')[], etag: number) =>
      api.call('standards-choose', { body: { standardIds }, ifMatch: String(etag) }),
  };
}
