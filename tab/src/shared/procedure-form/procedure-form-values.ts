import type { CreateProcedureBody, ProcedureDetail, ProcessLevel, Role, UpdateProcedureBody } from '../../api/contract';
import type { MessageKey } from '../../i18n/messages';

/** What the form holds: strings as typed, so half-typed numbers and lists survive re-renders. */
export type ProcedureFormValues = {
  code: string;
  title: string;
  level: ProcessLevel;
  area: string;
  unitId: string;
  ownerId: string;
  approverId: string;
  reviewIntervalMonths: string;
  audienceUnitIds: string[];
  audienceRoles: Role[];
  standards: { standard: string; clauses: string }[];
  legalBasis: string;
};

export type ProcedureFormField =
  'code' | 'title' | 'area' | 'ownerId' | 'approverId' | 'reviewIntervalMonths' | 'standards';
export type ProcedureFormErrors = Partial<Record<ProcedureFormField, MessageKey>>;

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
    audienceUnitIds: [],
    audienceRoles: [],
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
    audienceUnitIds: [...detail.audience.unitIds],
    audienceRoles: [...detail.audience.roles],
    standards: detail.standards.map((s) => ({ standard: s.standard, clauses: s.clauses.join(', ') })),
    legalBasis: detail.legalBasis.join('\n'),
  };
}

/** Same rule as the server's contract (a code like K-16 or S-01); the server stays the authority. */
const codePattern = /^[A-ZÆØÅ]{1,4}-\d{1,3}[a-z]?$/;

export function validateProcedureForm(
  values: ProcedureFormValues,
  options: { checkCode: boolean },
): ProcedureFormErrors {
  const errors: ProcedureFormErrors = {};
  if (options.checkCode && !codePattern.test(values.code.trim())) errors.code = 'form.codeInvalid';
  if (!values.title.trim()) errors.title = 'form.required';
  if (!values.area.trim()) errors.area = 'form.required';
  if (!values.ownerId) errors.ownerId = 'form.required';
  if (!values.approverId) errors.approverId = 'form.required';
  const months = Number(values.reviewIntervalMonths);
  if (!Number.isInteger(months) || months < 1 || months > 60)
    errors.reviewIntervalMonths = 'form.reviewIntervalInvalid';
  if (values.standards.some((s) => !s.standard.trim() && s.clauses.trim())) errors.standards = 'form.required';
  return errors;
}

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function toCommonBody(values: ProcedureFormValues) {
  return {
    title: values.title.trim(),
    level: values.level,
    area: values.area.trim(),
    unitId: values.unitId || null,
    ownerId: values.ownerId,
    approverId: values.approverId,
    audience: { unitIds: values.audienceUnitIds, roles: values.audienceRoles },
    reviewIntervalMonths: Number(values.reviewIntervalMonths),
    standards: values.standards
      .filter((s) => s.standard.trim())
      .map((s) => ({ standard: s.standard.trim(), clauses: splitList(s.clauses, /[,;]/) })),
    legalBasis: splitList(values.legalBasis, /\r?\n/),
  };
}

export function toCreateProcedureBody(values: ProcedureFormValues): CreateProcedureBody {
  return { code: values.code.trim(), ...toCommonBody(values) };
}

export function toUpdateProcedureBody(values: ProcedureFormValues): UpdateProcedureBody {
  return toCommonBody(values);
}
