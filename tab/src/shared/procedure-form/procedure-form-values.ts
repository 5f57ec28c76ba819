import { z } from 'zod';
import type { ProcedureDetail } from '../../api/contract';
import { createProcedureBody } from '../../../../functions/src/contract/schemas';
import { emptyAsNull, linesFromText, numberFromText, wordedText } from '../form/form-shapes';
import { encodeFormMessage } from '../form/form-message';

// The create body's defaults (unit none, a 12-month review …) are the form's default values instead.
const contract = {
  ...createProcedureBody.shape,
  unitId: createProcedureBody.shape.unitId.unwrap(),
  audience: createProcedureBody.shape.audience.unwrap(),
  reviewIntervalMonths: createProcedureBody.shape.reviewIntervalMonths.unwrap(),
  standards: createProcedureBody.shape.standards.unwrap(),
  legalBasis: createProcedureBody.shape.legalBasis.unwrap(),
};

/**
 * The standards as the form holds them: one row per standard with its clauses as typed
 * ("7.5, 8.1"). Empty rows are dropped; a row with clauses but no standard is a problem.
 */
const standardRows = z
  .array(z.object({ standard: z.string(), clauses: z.string() }))
  .transform((rows, context): z.input<typeof contract.standards> => {
    if (rows.some((row) => row.standard.trim() === '' && row.clauses.trim() !== '')) {
      context.addIssue({ code: 'custom', input: rows, message: encodeFormMessage({ key: 'form.required' }) });
      return z.NEVER;
    }
    return rows
      .filter((row) => row.standard.trim() !== '')
      .map((row) => ({
        standard: row.standard.trim(),
        clauses: row.clauses
          .split(/[,;]/)
          .map((part) => part.trim())
          .filter((part) => part !== ''),
      }));
  })
  .pipe(contract.standards);

/**
 * "Ny procedure": the contract's body (createProcedureBody) with the controls' text shapes; its
 * output is the body the API takes.
 */
export const newProcedureForm = z.object({
  code: wordedText(contract.code, 'form.codeInvalid'),
  title: contract.title,
  level: contract.level,
  area: contract.area,
  unitId: emptyAsNull(contract.unitId),
  ownerId: contract.ownerId,
  approverId: contract.approverId,
  audience: contract.audience,
  reviewIntervalMonths: numberFromText(contract.reviewIntervalMonths),
  standards: standardRows,
  legalBasis: linesFromText(contract.legalBasis),
});

/** "Rediger oplysninger": the same fields; the code is shown nowhere and not sent. */
export const editProcedureForm = newProcedureForm.extend({ code: z.string() });

/** What the form holds: strings as typed, so half-typed numbers and lists survive re-renders. */
export type ProcedureFormValues = z.input<typeof newProcedureForm>;

export function emptyProcedureForm(defaults: { ownerId: string }): ProcedureFormValues {
  return {
    code: '',
    title: '',
    level: 'core',
    area: '',
    unitId: '',
    ownerId: defaults.ownerId,
    approverId: '',
    reviewIntervalMonths: '12',
    audience: { unitIds: [], roles: [] },
    standards: [{ standard: 'ISO 9001', clauses: '' }],
    legalBasis: '',
  };
}

export function procedureFormFromDetail(detail: ProcedureDetail): ProcedureFormValues {
  return {
    code: detail.code,
    title: detail.title,
    level: detail.level,
    area: detail.area,
    unitId: detail.unit?.id ?? '',
    ownerId: detail.owner.id,
    approverId: detail.approver.id,
    reviewIntervalMonths: String(detail.reviewIntervalMonths),
    audience: { unitIds: [...detail.audience.unitIds], roles: [...detail.audience.roles] },
    standards: detail.standards.map((s) => ({ standard: s.standard, clauses: s.clauses.join(', ') })),
    legalBasis: detail.legalBasis.join('\n'),
  };
}
