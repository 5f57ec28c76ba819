import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../adapters/sqlite/open-database.js';
import { createSqliteStore, upsertDirectory } from '../adapters/sqlite/sqlite-store.js';
import type { Competence, PersonCompetence } from '../core/competence-types.js';
import type { Person } from '../core/types.js';
import { personCompetenceEtag } from '../core/competence-etag.js';
import { asLocalDate } from '../core/local-date.js';
import { competenceMatrixSchema } from '../contract/schemas.js';
import { compactMatrix, getCompetenceMatrix, type CompetenceMatrixRecords } from './competence-matrix.js';
import { noEvents, type Services, type Store } from './ports.js';

/** Counts the store's calls, so the test sees one read per table however large the matrix. */
function counted(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, name: string) {
      const value = target[name as keyof Store];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return (value as (...inner: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

describe('getCompetenceMatrix', () => {
  it('reads 300 people × 150 competences with one query per table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kh-matrix-'));
    const db = openDatabase(join(dir, 'store.sqlite'));
    try {
      const people: Person[] = Array.from({ length: 300 }, (_, index) => ({
        id: `p-${index}`,
        name: `Person ${index}`,
        email: `p-${index}@kommune.dk`,
        title: 'Sagsbehandler',
        unitId: index % 2 === 0 ? 'u-a' : 'u-b',
        roles: ['caseworker'],
        leaderId: null,
        aadObjectId: null,
      }));
      upsertDirectory(db, {
        units: [
          { id: 'u-a', name: 'A', parentId: null },
          { id: 'u-b', name: 'B', parentId: null },
        ],
        people,
      });
      const competences: Competence[] = Array.from({ length: 150 }, (_, index) => ({
        id: `c-${index}`,
        name: `Kompetence ${String(index).padStart(3, '0')}`,
        category: 'Natur',
        description: '',
        validityMonths: null,
      }));
      const levels: PersonCompetence[] = people.flatMap((person) =>
        competences.map((competence, index) => ({
          personId: person.id,
          competenceId: competence.id,
          level: ((index % 4) + 1) as PersonCompetence['level'],
          evidence: null,
          validUntil: null,
          assessment: 'self',
          confirmedBy: null,
        })),
      );
      const { store, calls } = counted(createSqliteStore(db));
      await store.commit({ competences, personCompetences: levels });
      calls.clear();
      const services = { store, events: noEvents } as unknown as Services;

      const started = performance.now();
      const matrix = await getCompetenceMatrix(services, { id: 'p-0', unitId: 'u-a', roles: ['caseworker'] }, {});
      const elapsed = performance.now() - started;

      expect(matrix.people).toHaveLength(300);
      expect(matrix.competences).toHaveLength(150);
      expect(matrix.cells.position).toHaveLength(45_000);
      expect(matrix.cells.level).toHaveLength(45_000);
      expect(Object.fromEntries(calls)).toEqual({
        listPeople: 1,
        listUnits: 1,
        listCompetences: 1,
        listPersonCompetences: 1,
      });
      // Generous: it takes well under a second; an N+1 read would take many.
      expect(elapsed).toBeLessThan(3000);
      const unitA = await getCompetenceMatrix(services, { id: 'p-0', unitId: 'u-a', roles: [] }, { unitId: 'u-a' });
      expect(unitA.cells.position).toHaveLength(150 * 150);
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('compactMatrix', () => {
  const person = (id: string) => ({ id, name: id, title: '', unitId: 'u', email: `${id}@kommune.dk` });
  const competence = (id: string): Competence => ({
    id,
    name: id,
    category: 'X',
    description: '',
    validityMonths: null,
  });
  const record = (personId: string, competenceId: string, overrides: Partial<PersonCompetence> = {}) =>
    ({
      personId,
      competenceId,
      level: 2,
      evidence: null,
      validUntil: null,
      assessment: 'confirmed',
      confirmedBy: 'boss',
      ...overrides,
    }) satisfies PersonCompetence;

  it('lists recorded cells by position (person × width + competence), with details only where present', () => {
    const evidence = { kind: 'course' as const, title: 'Kursus', date: asLocalDate('2026-01-10') };
    const records = [
      record('p2', 'c1', { level: 4, validUntil: asLocalDate('2027-01-10'), evidence }),
      record('p1', 'c3', { level: 1, assessment: 'self', confirmedBy: null }),
      record('p1', 'c1', { level: 0 }),
    ];
    const input: CompetenceMatrixRecords = {
      unitId: 'u',
      people: [person('p1'), person('p2')],
      competences: [competence('c1'), competence('c2'), competence('c3')],
      records,
      abilities: { manage: true, manageUnitIds: ['u'] },
    };
    const matrix = compactMatrix(input);
    expect(competenceMatrixSchema.parse(matrix)).toEqual(matrix);
    expect(matrix.cells).toEqual({
      position: [0, 2, 3],
      level: '014',
      assessment: 'csc',
      etag: [records[2], records[1], records[0]].map((r) => personCompetenceEtag(r)),
      validUntil: { 3: '2027-01-10' },
      evidence: { 3: evidence },
    });
    expect(matrix).not.toHaveProperty('records');
  });

  it('sends an empty matrix as empty columns', () => {
    const matrix = compactMatrix({
      unitId: null,
      people: [],
      competences: [],
      records: [],
      abilities: { manage: false, manageUnitIds: [] },
    });
    expect(matrix.cells).toEqual({ position: [], level: '', assessment: '', etag: [], validUntil: {}, evidence: {} });
  });

  it('is refused by the contract when the columns disagree in length', () => {
    const matrix = compactMatrix({
      unitId: null,
      people: [person('p1')],
      competences: [competence('c1')],
      records: [record('p1', 'c1')],
      abilities: { manage: false, manageUnitIds: [] },
    });
    expect(competenceMatrixSchema.safeParse({ ...matrix, cells: { ...matrix.cells, level: '' } }).success).toBe(false);
  });
});
