import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../functions/src/adapters/sqlite/open-database.js';
import { createSqliteQualityStore } from '../../functions/src/adapters/sqlite/sqlite-quality-store.js';
import { describeQualityStoreContract, type TrailWithoutSeq } from './quality-store-contract.js';

/** The QualityStore contract on a real SQLite file; the trail is read from its append-only table. */
describeQualityStoreContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kh-quality-contract-'));
  const db = openDatabase(join(dir, 'store.sqlite'));
  const trail = db.prepare('SELECT * FROM audit_trail WHERE procedure_id IS NULL ORDER BY seq');
  return {
    store: createSqliteQualityStore(db),
    trail: async () =>
      (trail.all() as Record<string, unknown>[]).map((row): TrailWithoutSeq => ({
        at: row['at'] as string,
        actorId: row['actor_id'] as string,
        action: row['action'] as string,
        procedureId: row['procedure_id'] as string | null,
        subjectId: row['subject_id'] as string,
        summary: row['summary'] as string,
        details: JSON.parse(row['details'] as string) as Record<string, unknown>,
      })),
    close: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
