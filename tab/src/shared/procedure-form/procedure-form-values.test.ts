import { describe, expect, it } from 'vitest';
import { emptyProcedureForm, toCreateProcedureBody, validateProcedureForm } from './procedure-form-values';

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

describe('procedure form', () => {
  it('accepts a complete form and builds the body', () => {
    expect(validateProcedureForm(filled, { checkCode: true })).toEqual({});
    expect(toCreateProcedureBody(filled)).toMatchObject({
      code: 'K-16',
      unitId: null,
      reviewIntervalMonths: 12,
      standards: [{ standard: 'ISO 9001', clauses: ['7.5', '8.1'] }],
      legalBasis: ['Byggeloven', 'Bygningsreglementet'],
    });
  });

  it.each([
    ['code', { code: 'k16' }, 'form.codeInvalid'],
    ['title', { title: '  ' }, 'form.required'],
    ['approverId', { approverId: '' }, 'form.required'],
    ['reviewIntervalMonths', { reviewIntervalMonths: '0' }, 'form.reviewIntervalInvalid'],
    ['reviewIntervalMonths', { reviewIntervalMonths: '1.5' }, 'form.reviewIntervalInvalid'],
  ] as const)('reports %s', (field, patch, message) => {
    expect(validateProcedureForm({ ...filled, ...patch }, { checkCode: true })[field]).toBe(message);
  });

  it('does not check the code when editing', () => {
    expect(validateProcedureForm({ ...filled, code: '' }, { checkCode: false })).toEqual({});
  });
});
