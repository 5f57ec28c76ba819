import { describe, expect, it } from 'vitest';
import type { CompetenceDto, CompetenceMatrixDto } from '../../api/contract';
import { danish } from '../../i18n/danish-texts';
import { matchRoute, paths } from '../../router/routes';
import {
  emptyCell,
  groupByCategory,
  importFormatOf,
  indexCells,
  levelLabel,
  levelNameKey,
  matrixCells,
  replaceCell,
  validityOf,
  type MatrixCell,
} from './competence-model';

const t = danish;

const competence = (id: string, category: string): CompetenceDto => ({
  id,
  name: id,
  category,
  description: '',
  validityMonths: null,
});

describe('level labels', () => {
  it('names the number and the word', () => {
    expect(levelLabel(3, t)).toBe('Niveau 3 – erfaren');
    expect(levelLabel(0, t)).toBe('Niveau 0 – ingen');
    expect(levelNameKey(4)).toBe('competences.level4');
  });
});

describe('groupByCategory', () => {
  it('keeps categories in first-seen order and their competences together', () => {
    const groups = groupByCategory([competence('a', 'X'), competence('b', 'Y'), competence('c', 'X')]);
    expect(groups.map((g) => [g.category, g.competences.map((c) => c.id)])).toEqual([
      ['X', ['a', 'c']],
      ['Y', ['b']],
    ]);
  });
});

describe('cell index', () => {
  it('replaces one cell and only that row', () => {
    const a: MatrixCell = { ...emptyCell('p1', 'c1'), level: 2, etag: 1 };
    const b: MatrixCell = { ...emptyCell('p2', 'c1'), level: 1, etag: 1 };
    const index = indexCells([a, b]);
    const next = replaceCell(index, { ...a, level: 3, etag: 2 });
    expect(next.get('p1')?.get('c1')?.level).toBe(3);
    expect(next.get('p2')).toBe(index.get('p2'));
    expect(index.get('p1')?.get('c1')?.level).toBe(2);
  });
});

describe('matrixCells', () => {
  const person = (id: string) => ({ id, name: id, title: '', unitId: 'u', email: '' });
  it('decodes positions (person × width + competence) and the per-cell columns', () => {
    const evidence = { kind: 'course', title: 'Kursus', date: '2026-01-10' } as const;
    const matrix = {
      people: [person('p1'), person('p2')],
      competences: [competence('c1', 'X'), competence('c2', 'X'), competence('c3', 'Y')],
      cells: {
        position: [0, 2, 4],
        level: '014',
        assessment: 'csc',
        etag: [11, 12, 13],
        validUntil: { 4: '2027-01-10' },
        evidence: { 4: evidence },
      },
    } as unknown as CompetenceMatrixDto;
    expect(matrixCells(matrix)).toEqual([
      { ...emptyCell('p1', 'c1'), assessment: 'confirmed', etag: 11 },
      { ...emptyCell('p1', 'c3'), level: 1, assessment: 'self', etag: 12 },
      { ...emptyCell('p2', 'c2'), level: 4, assessment: 'confirmed', validUntil: '2027-01-10', evidence, etag: 13 },
    ]);
  });
});

describe('importFormatOf', () => {
  it('takes .xlsx and .csv in any case, and nothing else', () => {
    expect(importFormatOf('niveauer.xlsx')).toBe('xlsx');
    expect(importFormatOf('Niveauer.CSV')).toBe('csv');
    expect(importFormatOf('niveauer.xls')).toBeNull();
    expect(importFormatOf('csv')).toBeNull();
    expect(importFormatOf('niveauer.csv.txt')).toBeNull();
  });
});

describe('validityOf', () => {
  it('tells expired, expiring within 90 days, valid and none', () => {
    expect(validityOf(null, '2026-01-01')).toBe('none');
    expect(validityOf('2025-12-31', '2026-01-01')).toBe('expired');
    expect(validityOf('2026-03-01', '2026-01-01')).toBe('expiring');
    expect(validityOf('2026-04-01', '2026-01-01')).toBe('expiring');
    expect(validityOf('2026-04-02', '2026-01-01')).toBe('valid');
  });
});

describe('the /competences route', () => {
  it('matches and builds the path', () => {
    expect(matchRoute('/competences', '')).toMatchObject({ name: 'competences', params: {} });
    expect(paths.competences()).toBe('/competences');
  });
});
