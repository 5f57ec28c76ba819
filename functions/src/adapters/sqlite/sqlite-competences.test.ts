import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../app/ports.js';
import type { PersonCompetence } from '../../core/competence-types.js';
import { demoPeople, demoUnits } from '../../seed/demo-directory.js';
import { openDatabase, type SqliteDatabase } from './open-database.js';
import { createSqliteStore, upsertDirectory } from './sqlite-store.js';

const competence = { id: 'c-1', name: 'Natura 2000', category: 'Natur', description: '', validityMonths: null };
const level = (personId: string, value: PersonCompetence['level']): PersonCompetence => ({
  personId,
  competenceId: competence.id,
  level: value,
  evidence: null,
  validUntil: null,
  assessment: 'confirmed',
  confirmedBy: null,
});

let dir: string;
let db: SqliteDatabase;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kh-competences-'));
  db = openDatabase(join(dir, 'store.sqlite'));
  upsertDirectory(db, { units: demoUnits, people: demoPeople });
  store = createSqliteStore(db);
  await store.commit({ competences: [competence], personCompetences: [level(demoPeople[0]!.id, 1)] });
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('all levels, kept between reads until the database changes', () => {
  it('sees this store’s own writes', async () => {
    expect((await store.listPersonCompetences()).map((record) => record.level)).toEqual([1]);
    await store.commit({ personCompetences: [level(demoPeople[0]!.id, 3), level(demoPeople[1]!.id, 2)] });
    expect((await store.listPersonCompetences()).map((record) => record.level).sort()).toEqual([2, 3]);
  });

  it('sees writes committed by another connection to the same file', async () => {
    expect(await store.listPersonCompetences()).toHaveLength(1);
    const other = openDatabase(join(dir, 'store.sqlite'));
    try {
      other
        .prepare(
          `INSERT INTO person_competences (person_id, competence_id, level, assessment) VALUES (?, ?, 4, 'self')`,
        )
        .run(demoPeople[1]!.id, competence.id);
    } finally {
      other.close();
    }
    expect((await store.listPersonCompetences()).map((record) => record.level).sort()).toEqual([1, 4]);
  });

  it('cannot be changed by a caller', async () => {
    const first = await store.listPersonCompetences();
    first.push(level('someone', 2));
    expect(() => {
      (first[0] as { level: number }).level = 4;
    }).toThrow(TypeError);
    expect((await store.listPersonCompetences()).map((record) => record.level)).toEqual([1]);
  });
});
