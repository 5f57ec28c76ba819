import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from './migrations.js';
import { openDatabase } from './open-database.js';

/**
 * The migration that records who implemented a corrective action and everyone who owned or
 * implemented it (issue 10, item 4) recovers both for existing actions from the audit trail.
 */
describe('migration: implemented_by and involved_ids of existing corrective actions', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fills them from the trail, owners and implementers in the order they first acted', () => {
    dir = mkdtempSync(join(tmpdir(), 'kh-migration-'));
    const file = join(dir, 'old.db');
    const old = new Database(file);
    const before = migrations.findIndex((step) => step.includes('ADD COLUMN implemented_by'));
    expect(before).toBeGreaterThan(0);
    for (const step of migrations.slice(0, before)) old.exec(step);
    old.pragma(`user_version = ${before}`);
    const at = '2026-01-01T00:00:00.000Z';
    const insertAction = old.prepare(
      `INSERT INTO corrective_actions (id, title, source, owner_id, status, implemented_on, effectiveness_checks,
         created_at, updated_at, updated_by, etag) VALUES (?, 'T', '{"kind":"other"}', ?, ?, ?, '[]', ?, ?, 'x', 1)`,
    );
    insertAction.run('a1', 'anne', 'implemented', '2026-01-05', at, at);
    insertAction.run('a2', null, 'open', null, at, at);
    const trail = old.prepare(
      `INSERT INTO audit_trail (at, actor_id, action, subject_id, summary, details) VALUES (?, ?, ?, ?, 's', ?)`,
    );
    trail.run(at, 'mette', 'corrective-action.created', 'a1', '{}');
    trail.run(at, 'mette', 'corrective-action.analyseAndPlan', 'a1', '{"command":{"ownerId":"mette"}}');
    trail.run(at, 'mette', 'corrective-action.replan', 'a1', '{"command":{"plan":"p"}}');
    trail.run(at, 'mette', 'corrective-action.replan', 'a1', '{"command":{"ownerId":"anne"}}');
    trail.run(at, 'karen', 'corrective-action.markImplemented', 'a1', '{}');
    trail.run(at, 'mette', 'corrective-action.markImplemented', 'a1', '{}');
    old.close();

    const db = openDatabase(file);
    const rows = db.prepare('SELECT id, implemented_by, involved_ids FROM corrective_actions ORDER BY id').all();
    db.close();
    expect(rows).toEqual([
      { id: 'a1', implemented_by: 'mette', involved_ids: '["mette","anne","karen"]' },
      { id: 'a2', implemented_by: null, involved_ids: '[]' },
    ]);
  });
});
