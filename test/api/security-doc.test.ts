import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyTableMarkdown } from '../../functions/src/core/policy-table.js';
import { normaliseTable, policyTableIn } from '../../functions/src/core/policy-table-doc.js';

describe('docs/security.md', () => {
  it('holds the rules of core/policies.ts as they are (run `npm run docs:policies` after changing a rule)', () => {
    const document = readFileSync(join(import.meta.dirname, '../../docs/security.md'), 'utf8');
    const table = policyTableIn(document);
    expect(table, 'the policy-table markers are missing').not.toBeNull();
    expect(normaliseTable(table!)).toBe(normaliseTable(policyTableMarkdown()));
  });
});
