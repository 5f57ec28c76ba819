import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRegisterSettings } from '../../core/register-rules.js';
import { cachedUntilChanged } from './cached-until-changed.js';
import { openDatabase, type SqliteDatabase } from './open-database.js';
import { createSqliteRegisterStore } from './sqlite-register-store.js';
import { createSqliteStore, ensureUnit } from './sqlite-store.js';

/** The directory and the register settings are kept until their tables change, by any path. */

let dir: string;
let db: SqliteDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cached-until-changed-'));
  db = openDatabase(join(dir, 'db.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cachedUntilChanged', () => {
  it('loads once until the group changes, and again after any write to its tables', () => {
    let loads = 0;
    const names = cachedUntilChanged(db, 'directory', () => {
      loads++;
      return db.prepare('SELECT name FROM units ORDER BY name').pluck().all() as string[];
    });
    expect(names()).toEqual([]);
    expect(names()).toEqual([]);
    expect(loads).toBe(1);

    ensureUnit(db, { id: 'natur', name: 'Natur', parentId: null });
    expect(names()).toEqual(['Natur']);
    db.prepare("UPDATE units SET name = 'Natur og vand' WHERE id = 'natur'").run();
    expect(names()).toEqual(['Natur og vand']);
    db.prepare('DELETE FROM units').run();
    expect(names()).toEqual([]);
    expect(loads).toBe(4);
    // Writes to other tables leave it alone.
    db.prepare("INSERT INTO register_used_challenges VALUES ('ab', '2030-01-01T00:00:00.000Z')").run();
    expect(names()).toEqual([]);
    expect(loads).toBe(4);
  });

  it('sees a change committed by another connection to the same file', () => {
    const store = createSqliteStore(db);
    ensureUnit(db, { id: 'natur', name: 'Natur', parentId: null });
    return (async () => {
      expect((await store.listUnits()).map((unit) => unit.name)).toEqual(['Natur']);
      const other = openDatabase(join(dir, 'db.sqlite'));
      other.prepare("UPDATE units SET name = 'Vand' WHERE id = 'natur'").run();
      other.close();
      expect((await store.listUnits()).map((unit) => unit.name)).toEqual(['Vand']);
    })();
  });

  it('keeps nothing read inside a transaction that is rolled back', () => {
    const names = cachedUntilChanged(
      db,
      'directory',
      () => db.prepare('SELECT name FROM units ORDER BY name').pluck().all() as string[],
    );
    expect(names()).toEqual([]);
    expect(() =>
      db.transaction(() => {
        ensureUnit(db, { id: 'natur', name: 'Natur', parentId: null });
        expect(names()).toEqual(['Natur']);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(names()).toEqual([]);
    // The count is back where it was; another write moves it on and is seen.
    ensureUnit(db, { id: 'vand', name: 'Vand', parentId: null });
    expect(names()).toEqual(['Vand']);
  });

  it('hands out frozen values, and lists callers can sort', async () => {
    const store = createSqliteStore(db);
    ensureUnit(db, { id: 'b', name: 'B', parentId: null });
    ensureUnit(db, { id: 'a', name: 'A', parentId: null });
    const units = await store.listUnits();
    expect(Object.isFrozen(units[0])).toBe(true);
    expect(units.sort((x, y) => y.name.localeCompare(x.name)).map((unit) => unit.name)).toEqual(['B', 'A']);
    expect((await store.listUnits()).map((unit) => unit.name)).toEqual(['A', 'B']);
  });

  it('gives the register settings as saved, the new ones right after a save', async () => {
    const register = createSqliteRegisterStore(db);
    expect(await register.getSettings()).toBeUndefined();
    const settings = defaultRegisterSettings('2026-12-06T06:00:00.000Z', 'mette-kjaer');
    await register.commit({ settings: { record: { ...settings, etag: 1 }, expectedEtag: 0 } });
    expect((await register.getSettings())?.remindDaysBefore).toBe(settings.remindDaysBefore);
    await register.commit({
      settings: { record: { ...settings, remindDaysBefore: 7, etag: 2 }, expectedEtag: 1 },
    });
    expect((await register.getSettings())?.remindDaysBefore).toBe(7);
    expect(Object.isFrozen((await register.getSettings())?.categories)).toBe(true);
  });
});
