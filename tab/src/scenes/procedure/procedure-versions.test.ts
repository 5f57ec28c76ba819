import { describe, expect, it } from 'vitest';
import type { ProcedureDetail, VersionDto } from '../../api/contract';
import { demoteHeadings, selectVersion, versionStanding, visibleVersions } from './procedure-versions';

function buildVersion(overrides: Partial<VersionDto>): VersionDto {
  return {
    id: 'v1',
    state: 'published',
    label: '1.0',
    kind: 'major',
    author: { id: 'a', name: 'Author' },
    file: { name: 'p.md', mediaType: 'text/markdown', size: 10, sha256: 'x' },
    changeSummary: null,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    publishedAt: '2025-01-01T00:00:00Z',
    approvedBy: null,
    supersededBy: null,
    obsoleteAt: null,
    ...overrides,
  };
}

const old = buildVersion({ id: 'v1', state: 'obsolete', label: '1.0', supersededBy: { id: 'v2', label: '2.0' } });
const current = buildVersion({ id: 'v2', label: '2.0', createdAt: '2025-06-01T00:00:00Z' });
const draft = buildVersion({ id: 'v3', state: 'draft', label: null, createdAt: '2025-09-01T00:00:00Z' });
const detail = { currentVersion: current, draft, versions: [old, current] } as unknown as ProcedureDetail;

describe('procedure versions', () => {
  it('lists the draft once, newest first', () => {
    expect(visibleVersions({ ...detail, versions: [old, current, draft] }).map((v) => v.id)).toEqual([
      'v3',
      'v2',
      'v1',
    ]);
  });

  it('shows the requested version, else the current one', () => {
    expect(selectVersion(detail, 'v1')?.id).toBe('v1');
    expect(selectVersion(detail, 'missing')?.id).toBe('v2');
    expect(selectVersion({ ...detail, currentVersion: null }, null)?.id).toBe('v3');
  });

  it('marks obsolete, current and draft versions', () => {
    expect(versionStanding(detail, old)).toEqual({ kind: 'obsolete', replacedBy: '2.0' });
    expect(versionStanding(detail, current)).toEqual({ kind: 'current', label: '2.0' });
    expect(versionStanding(detail, draft)).toEqual({ kind: 'draft' });
  });

  it('demotes document headings', () => {
    expect(demoteHeadings('<h1 id="a">T</h1><h5>x</h5><hr>')).toBe('<h3 id="a">T</h3><h6>x</h6><hr>');
  });
});
