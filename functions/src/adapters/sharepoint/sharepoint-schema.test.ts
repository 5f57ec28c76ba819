import { describe, expect, it } from 'vitest';
import { columnChanges, columnDefinition, parseSiteUrl } from './provision.js';
import { handbookSchema, procedureLibrary, typeOf } from './sharepoint-schema.js';
import existingNames from '../../../../test/fixtures/sharepoint-column-names.json' with { type: 'json' };

describe('the SharePoint schema', () => {
  it.each(handbookSchema.map((spec) => [spec.displayName, spec] as const))('%s has sound columns', (_name, spec) => {
    const names = spec.columns.map((column) => column.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const column of spec.columns) {
      if (!column.builtIn) expect(column.name).toMatch(/^Kh[A-Z][A-Za-z0-9]*$/);
      if (column.unique) expect(column.indexed).toBe(true);
      // SharePoint cannot index multi-line text.
      if (column.indexed) expect(JSON.stringify(column.type)).not.toContain('allowMultipleLines');
    }
    // SharePoint allows at most 20 indexed columns per list.
    expect(spec.columns.filter((column) => column.indexed).length).toBeLessThanOrEqual(20);
  });

  it('indexes what the app filters procedures on: code, status, next review date and owner', () => {
    const indexed = procedureLibrary.columns.filter((column) => column.indexed).map((column) => column.key);
    expect(indexed).toEqual(expect.arrayContaining(['code', 'status', 'nextReviewDate', 'ownerKey']));
    expect(procedureLibrary.columns.find((column) => column.key === 'owner')?.type).toHaveProperty('personOrGroup');
  });
});

describe('provisioning plans', () => {
  it('reads a site URL as hostname and server-relative path', () => {
    expect(parseSiteUrl('https://contoso.sharepoint.com/sites/kvalitet/')).toEqual({
      hostname: 'contoso.sharepoint.com',
      path: '/sites/kvalitet',
    });
    expect(() => parseSiteUrl('contoso/sites/x')).toThrow(/--site must be a URL/);
  });

  it('plans missing columns and missing indexes, and reports type drift without touching it', () => {
    const code = procedureLibrary.columns.find((column) => column.key === 'code')!;
    const area = procedureLibrary.columns.find((column) => column.key === 'area')!;
    const existing = procedureLibrary.columns
      .filter((column) => column.key !== 'status')
      .map((column, index) => ({
        id: `c${index}`,
        ...columnDefinition(column),
        ...(column === code ? { indexed: false, enforceUniqueValues: false } : {}),
        ...(column === area ? { text: undefined, number: {} } : {}),
        name: column.name,
      }));
    const drift: string[] = [];
    const planned = columnChanges('/sites/s/lists/l', procedureLibrary, existing, drift);
    expect(planned.map((request) => `${request.method} ${request.url} ${JSON.stringify(request.body)}`)).toEqual([
      'PATCH /sites/s/lists/l/columns/c2 {"indexed":true,"enforceUniqueValues":true}',
      expect.stringMatching(/^POST \/sites\/s\/lists\/l\/columns \{"name":"KhStatus",.*"indexed":true/),
    ]);
    expect(drift).toEqual([`"Procedurer".KhArea is not a ${typeOf(area)} column; left as it is.`]);
  });
});

describe('the declarations keep existing sites working', () => {
  it('keeps every list and column internal name a site provisioned by main at 3a74b64 has', () => {
    const provisioned = existingNames.lists as Record<string, string[]>;
    for (const [displayName, names] of Object.entries(provisioned)) {
      const spec = handbookSchema.find((candidate) => candidate.displayName === displayName);
      expect(spec, displayName).toBeDefined();
      expect(spec!.columns.map((column) => column.name)).toEqual(expect.arrayContaining(names));
    }
  });
});
