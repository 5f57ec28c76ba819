import { describe, expect, it } from 'vitest';
import type { CompetenceDto, MatrixCellDto } from '../../api/contract';
import { da } from '../../i18n/da';
import { fillTemplate, type MessageKey } from '../../i18n/messages';
import { matchRoute, paths } from '../../router/routes';
import {
  emptyCell,
  groupByCategory,
  indexCells,
  levelLabel,
  levelNameKey,
  replaceCell,
  validityOf,
} from './competence-model';

const t = (key: MessageKey, values?: Record<string, string | number>) => fillTemplate(da[key], values);

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
    const a: MatrixCellDto = { ...emptyCell('p1', 'c1'), level: 2, etag: 1 };
    const b: MatrixCellDto = { ...emptyCell('p2', 'c1'), level: 1, etag: 1 };
    const index = indexCells([a, b]);
    const next = replaceCell(index, { ...a, level: 3, etag: 2 });
    expect(next.get('p1')?.get('c1')?.level).toBe(3);
    expect(next.get('p2')).toBe(index.get('p2'));
    expect(index.get('p1')?.get('c1')?.level).toBe(2);
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
    expect(matchRoute('/competences', '')).toEqual({ name: 'competences', unitId: null });
    expect(paths.competences()).toBe('/competences');
  });
});
