import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../adapters/sqlite/open-database.js';
import { createSqliteStore } from '../adapters/sqlite/sqlite-store.js';
import type { LocalDate } from '../core/local-date.js';
import { seedDemoCompetences } from './seed-demo-competences.js';

describe('seedDemoCompetences', () => {
  it('writes the demo matrix once, and keeps procedure codes it cannot resolve', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kh-seed-'));
    const db = openDatabase(join(dir, 'store.sqlite'));
    try {
      const store = createSqliteStore(db);
      const today = '2026-11-23' as LocalDate;
      expect(await seedDemoCompetences(store, today)).toBe(25);
      const levels = await store.listPersonCompetences();
      expect(levels.length).toBeGreaterThan(50);
      expect(await seedDemoCompetences(store, today)).toBe(0);
      expect(await store.listPersonCompetences()).toEqual(levels);
      const k16 = (await store.listCompetenceRequirements()).find(
        (requirement) => requirement.id === 'req-k-16-naturbeskyttelse-3',
      );
      expect(k16?.scope).toEqual({ kind: 'procedure', procedureId: 'K-16' });
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
