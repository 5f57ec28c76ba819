import { describe, expect, it } from 'vitest';
import { planCompetenceImport, type ImportPlanInput } from './competence-import.js';
import type { Competence, PersonCompetence } from './competence-types.js';
import type { LocalDate } from './local-date.js';
import type { Person } from './types.js';

const person = (id: string): Person => ({
  id,
  name: id.toUpperCase(),
  email: `${id}@kommune.dk`,
  title: 'Sagsbehandler',
  unitId: 'u',
  roles: ['caseworker'],
  leaderId: null,
  aadObjectId: null,
});
const competence = (id: string, name: string): Competence => ({
  id,
  name,
  category: 'Natur',
  description: '',
  validityMonths: null,
});
const stored: PersonCompetence = {
  personId: 'ida',
  competenceId: 'jord',
  level: 2,
  evidence: null,
  validUntil: null,
  assessment: 'self',
  confirmedBy: null,
};

function plan(
  rows: string[][],
  header = ['Person', 'Kompetence', 'Niveau', 'Gyldig til'],
  mayManage?: ImportPlanInput['mayManage'],
) {
  const input: ImportPlanInput = {
    ...(mayManage ? { mayManage } : {}),
    header,
    rows: rows.map((cells, index) => ({ line: index + 2, cells })),
    people: [person('ida'), person('ole')],
    competences: [competence('jord', 'Jordflytning'), competence('natur', 'Naturbeskyttelse § 3')],
    existing: [stored],
  };
  return planCompetenceImport(input);
}

describe('planCompetenceImport', () => {
  it('finds people by id or e-mail and competences by name, ignoring case, and lists changes', () => {
    const result = plan([
      ['IDA', 'jordflytning', '3', '2027-03-31'],
      ['ole@kommune.dk', 'Naturbeskyttelse § 3', '0', ''],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.changes).toEqual([
      {
        line: 2,
        personId: 'ida',
        personName: 'IDA',
        competenceId: 'jord',
        competenceName: 'Jordflytning',
        from: { level: 2, validUntil: null },
        to: { level: 3, validUntil: '2027-03-31' as LocalDate },
      },
      {
        line: 3,
        personId: 'ole',
        personName: 'OLE',
        competenceId: 'natur',
        competenceName: 'Naturbeskyttelse § 3',
        from: null,
        to: { level: 0, validUntil: null },
      },
    ]);
  });

  it('reports a row for a person the importer does not manage, by name, and plans no change for it', () => {
    const result = plan(
      [
        ['ida', 'Jordflytning', '3', ''],
        ['ole', 'Jordflytning', '3', ''],
      ],
      undefined,
      (candidate) => candidate.id === 'ida',
    );
    expect(result.errors).toEqual([
      {
        line: 3,
        column: 'Person',
        code: 'person-out-of-scope',
        params: { value: 'OLE' },
        message: 'OLE works outside the units you manage.',
      },
    ]);
    expect(result.changes.map((change) => change.personId)).toEqual(['ida']);
  });

  it('leaves rows that match the store out of the changes', () => {
    expect(plan([['ida', 'Jordflytning', '2', '']])).toEqual({ changes: [], unchangedLines: [2], errors: [] });
  });

  it.each([
    [['ida', 'Jordflytning', '5', ''], 'Niveau', 'unknown-level', { value: '5', min: 0, max: 4 }, /Unknown level/],
    [['ida', 'Jordflytning', '2.5', ''], 'Niveau', 'unknown-level', { value: '2.5', min: 0, max: 4 }, /Unknown level/],
    [['ida', 'Jordflytning', '', ''], 'Niveau', 'unknown-level', { value: '', min: 0, max: 4 }, /Unknown level/],
    [['nobody', 'Jordflytning', '2', ''], 'Person', 'unknown-person', { value: 'nobody' }, /Unknown person/],
    [['ida', 'Svejsning', '2', ''], 'Kompetence', 'unknown-competence', { value: 'Svejsning' }, /Unknown competence/],
    [['ida', 'Jordflytning', '2', '2027-02-30'], 'Gyldig til', 'bad-date', { value: '2027-02-30' }, /not a date/],
  ])('reports %j in column %s as %s', (row, column, code, params, message) => {
    const result = plan([row]);
    expect(result.changes).toEqual([]);
    expect(result.errors).toEqual([{ line: 2, column, code, params, message: expect.stringMatching(message) }]);
  });

  it('reports a second row for the same person and competence, naming the first line', () => {
    const result = plan([
      ['ida', 'Jordflytning', '3', ''],
      ['ida@kommune.dk', 'JORDFLYTNING', '4', ''],
    ]);
    expect(result.errors).toEqual([
      {
        line: 3,
        column: null,
        code: 'duplicate-row',
        params: { person: 'IDA', competence: 'Jordflytning', firstLine: 2 },
        message: expect.stringContaining('line 2'),
      },
    ]);
  });

  it('reports unknown, repeated and missing columns on line 1 and reads no row', () => {
    const result = plan([['ida', 'Jordflytning', '3']], ['Person', 'Kompetence', 'Kompetence', 'Level']);
    expect(result.changes).toEqual([]);
    expect(result.errors.map((error) => [error.line, error.column, error.code, error.params])).toEqual([
      [1, 'Kompetence', 'duplicate-column', { value: 'Kompetence' }],
      [
        1,
        'Level',
        'unknown-column',
        { value: 'Level', expected: 'Person, Navn, Kompetence, Niveau, Gyldig til, Vurdering' },
      ],
      [1, 'Niveau', 'missing-column', { value: 'Niveau' }],
      [1, 'Gyldig til', 'missing-column', { value: 'Gyldig til' }],
    ]);
    expect(result.errors[1]?.message).toBe(
      'Unknown column "Level". Expected: Person, Navn, Kompetence, Niveau, Gyldig til, Vurdering.',
    );
  });
});
