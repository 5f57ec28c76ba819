import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from './migrations.js';
import { openDatabase } from './open-database.js';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the id migration', () => {
  it('renames requirement ids with Danish letters, and the coverage that points at them', () => {
    dir = mkdtempSync(join(tmpdir(), 'kh-ids-'));
    const file = join(dir, 'db.sqlite');
    // A database as an earlier build left it: every migration but the id migration applied.
    const old = new Database(file);
    const idMigration = migrations.findIndex((sql) => sql.includes('requirement_id GLOB'));
    expect(idMigration).toBeGreaterThan(0);
    for (const sql of migrations.slice(0, idMigration)) old.exec(sql);
    old.pragma(`user_version = ${idMigration}`);
    old
      .prepare(
        'INSERT INTO competence_requirements (id, competence_id, scope, min_people, min_level) VALUES (?, ?, ?, ?, ?)',
      )
      .run('req-miljø-aktindsigt', 'aktindsigt', '{"kind":"area","area":"Miljø"}', 1, 2);
    old
      .prepare(
        `INSERT INTO external_coverage (id, requirement_id, supplier, decided_on, decided_by, contract_end, note)
         VALUES ('cov-1', 'req-miljø-aktindsigt', 'Rådgiver A/S', '2026-01-01', 'mette-kjaer', NULL, '')`,
      )
      .run();
    old.close();

    const db = openDatabase(file);
    expect(db.prepare('SELECT id FROM competence_requirements').pluck().all()).toEqual(['req-miljoe-aktindsigt']);
    expect(db.prepare('SELECT requirement_id FROM external_coverage').pluck().all()).toEqual(['req-miljoe-aktindsigt']);
    db.close();
  });
});
