import { describe, expect, it } from 'vitest';
import { coverageMatrix, type CitingItem } from './coverage-matrix.js';
import {
  catalogueClauseOf,
  compareClauses,
  parseClauseCitation,
  standardIdOf,
  standardIds,
  standards,
} from './standards.js';

describe('the standards’ clause catalogues', () => {
  it.each(standardIds)('%s lists clauses 4 to 10 in order, each with our three labels', (id) => {
    const clauses = standards[id].clauses.map((entry) => entry.clause);
    expect([...clauses].sort(compareClauses)).toEqual(clauses);
    expect(new Set(clauses).size).toBe(clauses.length);
    for (const top of ['4.1', '5.2', '6.2', '7.5', '8.1', '9.2', '9.3', '10.2']) expect(clauses).toContain(top);
    for (const entry of standards[id].clauses) for (const text of Object.values(entry.label)) expect(text).not.toBe('');
  });

  it.each([
    ['ISO 9001:2015', 'iso9001'],
    ['DS/EN ISO 14001', 'iso14001'],
    ['iso45001', 'iso45001'],
    ['ISO 27001', null],
    ['ISO 190012', null],
  ])('reads the reference %j as %s', (text, id) => {
    expect(standardIdOf(text)).toBe(id);
  });

  it.each([
    ['7.5.3', { standard: 'iso9001', clause: '7.5.3' }],
    ['ISO 14001 6.1.2', { standard: 'iso14001', clause: '6.1.2' }],
    ['14001:8.2', { standard: 'iso14001', clause: '8.2' }],
    ['iso45001:5.4', { standard: 'iso45001', clause: '5.4' }],
    ['ISO 9001:2015 9.2', { standard: 'iso9001', clause: '9.2' }],
    ['27001:5.1', null],
    ['kapitel 7', null],
  ])('reads the citation %j', (text, citation) => {
    expect(parseClauseCitation(text)).toEqual(citation);
  });

  it.each([
    ['iso9001', '7.5.3', '7.5'],
    ['iso9001', '9.1.2', '9.1.2'],
    ['iso9001', '9.1.1', '9.1'],
    ['iso14001', '6.1.2', '6.1.2'],
    ['iso14001', '6.1.4', '6.1'],
    ['iso45001', '5.4', '5.4'],
    ['iso9001', '5.4', null],
    ['iso9001', '3', null],
    ['iso9001', '10.10', null],
  ] as const)('%s %s counts for %s', (standard, cited, clause) => {
    expect(catalogueClauseOf(standard, cited)).toBe(clause);
  });
});

describe('the coverage matrix', () => {
  const items: CitingItem[] = [
    {
      kind: 'procedure',
      id: 'p1',
      title: 'Dokumentstyring',
      citations: [
        { standard: 'iso9001', clause: '7.5.3' },
        { standard: 'iso9001', clause: '7.5.2' },
      ],
    },
    { kind: 'goal', id: 'g1', title: '95 % til tiden', citations: [{ standard: 'iso9001', clause: '6.2' }] },
    {
      kind: 'audit',
      id: 'a1',
      title: 'Intern audit',
      citations: [
        { standard: 'iso9001', clause: '7.5' },
        { standard: 'iso14001', clause: '6.1.2' },
      ],
    },
    {
      kind: 'procedure',
      id: 'p2',
      title: 'Gammel',
      citations: [
        { standard: 'iso9001', clause: '3' },
        { standard: 'iso45001', clause: '5.4' },
      ],
    },
  ];
  const [quality, environment] = coverageMatrix(['iso9001', 'iso14001'], items);
  const row = (coverage: typeof quality, clause: string) => coverage!.rows.find((entry) => entry.clause === clause)!;

  it('places each item once per clause, in its kind’s column', () => {
    expect(row(quality, '7.5')).toMatchObject({
      isCovered: true,
      procedures: [{ kind: 'procedure', id: 'p1', title: 'Dokumentstyring' }],
      goals: [],
      audits: [{ kind: 'audit', id: 'a1', title: 'Intern audit' }],
    });
    expect(row(quality, '6.2').goals.map((item) => item.id)).toEqual(['g1']);
  });

  it('reveals the clauses nothing cites', () => {
    expect(row(quality, '8.3').isCovered).toBe(false);
    expect(quality!.uncoveredCount).toBe(quality!.rows.length - 2);
    expect(row(environment, '6.1.2').isCovered).toBe(true);
    expect(environment!.uncoveredCount).toBe(environment!.rows.length - 1);
  });

  it('lists citations outside the catalogue and leaves out standards not chosen', () => {
    expect(quality!.unplaced).toEqual([{ kind: 'procedure', id: 'p2', title: 'Gammel', clause: '3' }]);
    expect(coverageMatrix(['iso9001', 'iso14001'], items).map((entry) => entry.standard)).toEqual([
      'iso9001',
      'iso14001',
    ]);
  });
});
