import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { policyTableMarkdown } from '../functions/src/core/policy-table.js';
import { withPolicyTable } from '../functions/src/core/policy-table-doc.js';

/** `npm run docs:policies`: writes the policy table of docs/security.md from core/policies.ts. */
const file = join(import.meta.dirname, '..', 'docs', 'security.md');
const before = readFileSync(file, 'utf8');
const after = await format(withPolicyTable(before, policyTableMarkdown()), { parser: 'markdown', filepath: file });
if (after === before) console.log('docs/security.md: the policy table is up to date.');
else {
  writeFileSync(file, after);
  console.log('docs/security.md: the policy table was written anew.');
}
