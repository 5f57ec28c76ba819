import { beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryPerson, Store } from '../../app/ports.js';
import { demoPeople, demoUnits } from '../../seed/demo-directory.js';
import { openDatabase, type SqliteDatabase } from './open-database.js';
import { createSqliteStore, ensureUnit, linkTeamsUsers, upsertDirectory } from './sqlite-store.js';

let db: SqliteDatabase;
let store: Store;

beforeEach(() => {
  db = openDatabase(':memory:');
  upsertDirectory(db, { units: demoUnits, people: demoPeople });
  store = createSqliteStore(db);
});

function signIn(overrides: Partial<DirectoryPerson> = {}): DirectoryPerson {
  return {
    aadObjectId: 'oid-new',
    name: 'Nina Ny',
    email: 'nina.ny@eksempel-kommune.dk',
    roles: ['caseworker'],
    whenNew: { id: 'p-nina', unitId: 'teknik-miljo', title: '' },
    ...overrides,
  };
}

describe('people from the directory (production sign-in)', () => {
  it('finds a person by Entra object id', async () => {
    linkTeamsUsers(db, { 'oid-peter': 'peter-lund' });
    expect((await store.getPersonByAadObjectId('oid-peter'))?.id).toBe('peter-lund');
    expect(await store.getPersonByAadObjectId('peter-lund')).toBeUndefined();
    expect(await store.getPersonByAadObjectId('nobody')).toBeUndefined();
  });

  it('creates a person on first sign-in, noting when', async () => {
    const before = new Date().toISOString();
    const person = await store.upsertPersonFromDirectory(signIn());
    expect(person.addedAt! >= before && person.addedAt! <= new Date().toISOString()).toBe(true);
    expect(person).toEqual({
      addedAt: person.addedAt,
      id: 'p-nina',
      name: 'Nina Ny',
      email: 'nina.ny@eksempel-kommune.dk',
      title: '',
      unitId: 'teknik-miljo',
      roles: ['caseworker'],
      leaderId: null,
      aadObjectId: 'oid-new',
    });
    expect(await store.getPerson('p-nina')).toEqual(person);
  });

  it('refreshes name, email and roles of a known person and keeps the rest', async () => {
    linkTeamsUsers(db, { 'oid-peter': 'peter-lund' });
    const person = await store.upsertPersonFromDirectory(
      signIn({
        aadObjectId: 'oid-peter',
        name: 'Peter Lund Hansen',
        email: 'plh@eksempel-kommune.dk',
        roles: ['author', 'coordinator'],
        whenNew: { id: 'ignored', unitId: 'miljo', title: 'ignored' },
      }),
    );
    expect(person).toMatchObject({
      id: 'peter-lund',
      name: 'Peter Lund Hansen',
      email: 'plh@eksempel-kommune.dk',
      title: 'Biolog, procedureansvarlig',
      unitId: 'natur',
      roles: ['author', 'coordinator'],
      leaderId: 'anne-birk',
    });
    expect(await store.getPerson('ignored')).toBeUndefined();
  });

  it('signs the same person in twice without a second row', async () => {
    await store.upsertPersonFromDirectory(signIn());
    await store.upsertPersonFromDirectory(signIn({ whenNew: { id: 'p-other', unitId: 'natur', title: '' } }));
    expect((await store.listPeople()).filter((person) => person.aadObjectId === 'oid-new')).toHaveLength(1);
  });

  it('writes nothing when the unit does not exist', async () => {
    await expect(
      store.upsertPersonFromDirectory(signIn({ whenNew: { id: 'p-x', unitId: 'no-such-unit', title: '' } })),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.getPerson('p-x')).toBeUndefined();
  });

  it('ensureUnit creates a missing unit and leaves an existing one alone', () => {
    ensureUnit(db, { id: 'teknik-miljo', name: 'Renamed', parentId: null });
    ensureUnit(db, { id: 'ny-enhed', name: 'Ny enhed', parentId: null });
    const names = db
      .prepare('SELECT id, name FROM units WHERE id IN (?, ?) ORDER BY id')
      .all('ny-enhed', 'teknik-miljo');
    expect(names).toEqual([
      { id: 'ny-enhed', name: 'Ny enhed' },
      { id: 'teknik-miljo', name: 'Teknik og Miljø' },
    ]);
  });
});
