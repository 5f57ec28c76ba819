import { describe, expect, it } from 'vitest';
import { messageForIssue } from '../form/form-message';
import { editProcedureForm, emptyProcedureForm, newProcedureForm } from './procedure-form-values';

const filled = {
  ...emptyProcedureForm({ ownerId: 'p1' }),
  code: 'K-16',
  title: 'Byggesagsbehandling',
  area: 'Byggeri',
  approverId: 'p2',
  standards: [
    { standard: 'ISO 9001', clauses: '7.5, 8.1' },
    { standard: '', clauses: '' },
  ],
  legalBasis: 'Byggeloven\n\n  Bygningsreglementet  ',
};

/** The message of each field's first problem, by its top-level field name. */
function problems(schema: typeof newProcedureForm | typeof editProcedureForm, values: unknown) {
  const result = schema.safeParse(values, { reportInput: true });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), messageForIssue(issue).key]));
}

describe('procedure form', () => {
  it('starts a new procedure with its owner, ISO 9001 and a 12-month review', () => {
    expect(emptyProcedureForm({ ownerId: 'p1' })).toMatchObject({
      ownerId: 'p1',
      reviewIntervalMonths: '12',
      standards: [{ standard: 'ISO 9001', clauses: '' }],
    });
  });

  it('asks an untouched new form for exactly the fields without a default', () => {
    expect(problems(newProcedureForm, emptyProcedureForm({ ownerId: 'p1' }))).toEqual({
      code: 'form.required',
      title: 'form.required',
      area: 'form.required',
      approverId: 'form.required',
    });
  });

  it('accepts a complete form and gives the contract’s body', () => {
    expect(newProcedureForm.parse(filled)).toMatchObject({
      code: 'K-16',
      unitId: null,
      reviewIntervalMonths: 12,
      standards: [{ standard: 'ISO 9001', clauses: ['7.5', '8.1'] }],
      legalBasis: ['Byggeloven', 'Bygningsreglementet'],
    });
  });

  it.each([
    ['code', { code: 'k16' }, 'form.codeInvalid'],
    ['code', { code: ' ' }, 'form.required'],
    ['title', { title: '  ' }, 'form.required'],
    ['approverId', { approverId: '' }, 'form.required'],
    ['reviewIntervalMonths', { reviewIntervalMonths: '0' }, 'form.tooSmall'],
    ['reviewIntervalMonths', { reviewIntervalMonths: '1.5' }, 'form.wholeNumber'],
    ['standards', { standards: [{ standard: '', clauses: '7.5' }] }, 'form.required'],
  ] as const)('reports %s', (field, patch, message) => {
    expect(problems(newProcedureForm, { ...filled, ...patch })[field]).toBe(message);
  });

  it('does not check the code when editing', () => {
    expect(problems(editProcedureForm, { ...filled, code: '' })).toEqual({});
  });
});
