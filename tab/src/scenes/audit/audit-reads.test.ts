import { describe, expect, it } from 'vitest';
import type { QueryKey } from '@tanstack/react-query';
import { createQueryClient, queryKeyOf } from '../../api/query-client';
import { readsOfAudit, readsOfCertificates, readsOfProgramme } from './audit-reads';

/** Caches every key, invalidates the given reads and says which keys became stale. */
async function staleAfter(reads: QueryKey[], cached: Record<string, QueryKey>): Promise<string[]> {
  const client = createQueryClient();
  for (const key of Object.values(cached)) client.setQueryData(key, { key });
  for (const queryKey of reads) await client.invalidateQueries({ queryKey });
  return Object.entries(cached)
    .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name)
    .sort();
}

const cached = {
  audit1: queryKeyOf('audits-get', { params: { id: 'a1' } }),
  audit2: queryKeyOf('audits-get', { params: { id: 'a2' } }),
  findings1: queryKeyOf('audits-findings-list', { params: { id: 'a1' } }),
  findings2: queryKeyOf('audits-findings-list', { params: { id: 'a2' } }),
  allFindings: queryKeyOf('findings-list', { query: { state: 'open' } }),
  board: queryKeyOf('corrective-actions-board', { query: { unitId: 'u1' } }),
  programme: queryKeyOf('audit-programme-year', { query: { year: 2026 } }),
  certificates: queryKeyOf('certificates-list'),
  tasks: queryKeyOf('my-tasks'),
  overview: queryKeyOf('overview'),
  procedure: queryKeyOf('procedures-get', { params: { id: 'p1' } }),
};

describe('what an audit write invalidates', () => {
  it('a write on one audit reaches that audit, the findings, the board, the programme and the task lists', async () => {
    expect(await staleAfter(readsOfAudit('a1'), cached)).toEqual(
      ['allFindings', 'audit1', 'board', 'findings1', 'overview', 'programme', 'tasks'].sort(),
    );
  });

  it('a programme write leaves the audits and findings alone', async () => {
    expect(await staleAfter(readsOfProgramme(), cached)).toEqual(['overview', 'programme', 'tasks']);
  });

  it('a certificate write also refetches the certificates', async () => {
    expect(await staleAfter(readsOfCertificates(), cached)).toEqual(
      ['certificates', 'overview', 'programme', 'tasks'].sort(),
    );
  });
});
