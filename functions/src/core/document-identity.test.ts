import { describe, expect, it } from 'vitest';
import { documentBaseName, documentIdentityOf, maxBaseNameLength } from './document-identity.js';

describe('documentBaseName', () => {
  it.each([
    [{ code: 'K-17', title: 'Dispensation', version: '1.2' }, 'K-17 Dispensation v1.2'],
    [{ code: 'K-17', title: 'Dispensation', version: null }, 'K-17 Dispensation kladde'],
    [{ code: 'K/17', title: 'Byg: "Å" <og> ø?', version: '2.0' }, 'K 17 Byg Å og ø v2.0'],
    [{ code: '..K', title: 'x', version: '1.0' }, 'K x v1.0'],
  ])('%o → %s', (identity, expected) => {
    expect(documentBaseName(identity, 'kladde')).toBe(expected);
  });

  it('cuts a long title but keeps the version', () => {
    const name = documentBaseName({ code: 'K-1', title: 'ø'.repeat(400), version: '12.3' }, 'kladde');
    expect(name.length).toBeLessThanOrEqual(maxBaseNameLength);
    expect(name.endsWith(' v12.3')).toBe(true);
  });
});

describe('documentIdentityOf', () => {
  const procedure = { code: 'K-17', title: 'Dispensation' };
  it('names the replacement of an obsolete version', () => {
    const identity = documentIdentityOf(
      procedure,
      { major: 1, minor: 1, state: 'obsolete', publishedAt: '2025-02-03T10:00:00.000Z' },
      'Anne Birk',
      { major: 2, minor: 0 },
    );
    expect(identity).toMatchObject({ version: '1.1', replacedBy: '2.0', approverName: 'Anne Birk' });
  });
  it('gives a draft no version, approval or approver', () => {
    const identity = documentIdentityOf(
      procedure,
      { major: null, minor: null, state: 'draft', publishedAt: null },
      'X',
      null,
    );
    expect(identity).toMatchObject({ version: null, approvedAt: null, approverName: null, replacedBy: null });
  });
});
