import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useWatch, type FieldPath } from 'react-hook-form';
import { z } from 'zod';
import { asApiRequestError } from '../../api/api-error';
import type { ProgrammeItemDto } from '../../api/audit-api';
import { createAuditBody, programmeItemBody } from '../../../../functions/src/contract/audit-schemas';
import { clausePattern } from '../../../../functions/src/core/quality-year-types';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { DropdownField, TextField } from '../../shared/form/form-fields';
import { DateFormField } from '../../shared/form/date-form-field';
import { PeopleField } from '../../shared/form/people-field';
import { encodeFormMessage } from '../../shared/form/form-message';
import { emptyAsNull, numberFromText } from '../../shared/form/form-shapes';
import { useContractForm } from '../../shared/form/use-contract-form';
import { ActionDialog } from '../procedure/action-dialog';
import { readsOfProgramme } from './audit-reads';
import { clauseListFromText, fieldProblems, showProblems } from './audit-form-model';

type SubjectKind = ProgrammeItemDto['subject']['kind'];
const subjectKinds: readonly SubjectKind[] = ['process', 'unit', 'clause'];
const subjectKey: Record<SubjectKind, MessageKey> = {
  process: 'audit.form.subject.process',
  unit: 'audit.form.subject.unit',
  clause: 'audit.form.subject.clause',
};
const importanceLabel: Record<1 | 2 | 3, MessageKey> = {
  1: 'audit.form.importance.1',
  2: 'audit.form.importance.2',
  3: 'audit.form.importance.3',
};

/** The unit choices: "Tværgående" (none) or one of the organisation's units. */
function unitOptions(session: Session, crossCutting: string) {
  return [{ value: '', text: crossCutting }, ...session.units.map((unit) => ({ value: unit.id, text: unit.name }))];
}

/**
 * The programme item's body (programmeItemBody) as the dialog holds it: the subject's three
 * kinds side by side (only the chosen one is sent), numbers and lists as text, "" for none.
 */
const programmeItemForm = z.object({
  title: programmeItemBody.shape.title,
  subject: z
    .object({ kind: z.enum(['process', 'unit', 'clause']), area: z.string(), unitId: z.string(), clause: z.string() })
    .transform((subject, context) => {
      if (subject.kind === 'process') return { kind: subject.kind, area: subject.area };
      if (subject.kind === 'unit') return { kind: subject.kind, unitId: subject.unitId };
      const clause = subject.clause.trim();
      if (!clausePattern.test(clause)) {
        context.addIssue({
          code: 'custom',
          path: ['clause'],
          input: clause,
          message: encodeFormMessage({ key: 'audit.form.invalidClauses', values: { clauses: clause || '–' } }),
        });
        return z.NEVER;
      }
      return { kind: subject.kind, clause };
    })
    .pipe(programmeItemBody.shape.subject),
  importance: numberFromText(programmeItemBody.shape.importance),
  clauses: clauseListFromText(programmeItemBody.shape.clauses.unwrap()),
  unitId: emptyAsNull(programmeItemBody.shape.unitId.unwrap()),
  changedOn: emptyAsNull(programmeItemBody.shape.changedOn.unwrap()),
});
type ProgrammeItemValues = z.input<typeof programmeItemForm>;

function programmeItemValues(item: ProgrammeItemDto | undefined, session: Session): ProgrammeItemValues {
  const subject = item?.subject;
  return {
    title: item?.title ?? '',
    subject: {
      kind: subject?.kind ?? 'process',
      area: subject?.kind === 'process' ? subject.area : '',
      unitId: subject?.kind === 'unit' ? subject.unitId : (session.units[0]?.id ?? ''),
      clause: subject?.kind === 'clause' ? subject.clause : '',
    },
    importance: String(item?.importance ?? 2),
    clauses: item?.clauses.join(', ') ?? '',
    unitId: item?.unitId ?? '',
    changedOn: item?.changedOn ?? '',
  };
}

/**
 * Add an item to the audit programme or edit one (coordinator): title, subject (a process, a unit
 * or a clause), importance Lav/Middel/Høj, clauses and unit. An edit sends If-Match.
 */
export function ProgrammeItemDialogButton(props: {
  session: Session;
  item?: ProgrammeItemDto | undefined;
  onSaved(item: ProgrammeItemDto): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const { item } = props;
  const [open, setOpen] = useState(false);
  const form = useContractForm(programmeItemForm, { defaultValues: programmeItemValues(item, props.session) });
  const kind = useWatch({ control: form.control, name: 'subject.kind' });
  const dialogTitle = item ? t('audit.form.editItem', { title: item.title }) : t('audit.form.newItem');

  return (
    <>
      <Button
        appearance={item ? 'subtle' : 'secondary'}
        aria-label={item ? t('audit.form.editItem', { title: item.title }) : undefined}
        onClick={() => {
          form.reset(programmeItemValues(item, props.session));
          setOpen(true);
        }}
      >
        {item ? t('audit.form.edit') : t('audit.form.addItem')}
      </Button>
      <ActionDialog
        open={open}
        wide
        title={dialogTitle}
        confirmLabel={t('audit.save')}
        form={form}
        onSubmit={async (body) => {
          try {
            props.onSaved(item ? await api.updateProgrammeItem(item, body) : await api.createProgrammeItem(body));
          } catch (failure) {
            showProblems(
              fieldProblems(asApiRequestError(failure), t, i18n.formatDate),
              (field, error) => form.setError(field as FieldPath<ProgrammeItemValues>, error),
              { subject: `subject.${kind === 'process' ? 'area' : kind === 'unit' ? 'unitId' : 'clause'}` },
            );
            throw failure;
          }
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfProgramme()}
      >
        {open ? (
          <>
            <TextField control={form.control} name="title" label={t('audit.form.title')} required />
            <DropdownField
              control={form.control}
              name="subject.kind"
              label={t('audit.form.subjectKind')}
              required
              options={subjectKinds.map((each) => ({ value: each, text: t(subjectKey[each]) }))}
            />
            {kind === 'process' ? (
              <TextField control={form.control} name="subject.area" label={t('audit.form.subjectArea')} required />
            ) : null}
            {kind === 'unit' ? (
              <DropdownField
                control={form.control}
                name="subject.unitId"
                label={t('audit.form.subjectUnit')}
                required
                options={props.session.units.map((unit) => ({ value: unit.id, text: unit.name }))}
              />
            ) : null}
            {kind === 'clause' ? (
              <TextField
                control={form.control}
                name="subject.clause"
                label={t('audit.form.subjectClause')}
                required
                hint={t('audit.clauseHint')}
              />
            ) : null}
            <DropdownField
              control={form.control}
              name="importance"
              label={t('audit.importance')}
              required
              options={([1, 2, 3] as const).map((level) => ({ value: String(level), text: t(importanceLabel[level]) }))}
            />
            <TextField
              control={form.control}
              name="clauses"
              label={t('audit.clauses')}
              hint={t('audit.form.clausesHint')}
            />
            <DropdownField
              control={form.control}
              name="unitId"
              label={t('audit.unit')}
              options={unitOptions(props.session, t('audit.crossCutting'))}
            />
            <DateFormField
              control={form.control}
              name="changedOn"
              label={t('audit.form.changedOn')}
              hint={t('audit.form.changedOnHint')}
            />
          </>
        ) : null}
      </ActionDialog>
    </>
  );
}

/** An internal audit by hand (createAuditBody), as the dialog holds it. */
const internalAuditForm = z.object({
  title: createAuditBody.shape.title,
  unitId: emptyAsNull(createAuditBody.shape.unitId.unwrap()),
  clauses: clauseListFromText(createAuditBody.shape.clauses.unwrap()),
  plannedOn: createAuditBody.shape.plannedOn,
  auditorIds: createAuditBody.shape.auditorIds.unwrap(),
});
type InternalAuditValues = z.input<typeof internalAuditForm>;
const emptyInternalAudit: InternalAuditValues = { title: '', unitId: '', clauses: '', plannedOn: '', auditorIds: [] };

/**
 * An internal audit by hand, not from the plan (coordinator): title, unit, clauses, date and
 * auditors. The independence warnings are shown on the audit's page, which opens after saving.
 */
export function InternalAuditDialogButton(props: { session: Session }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const form = useContractForm(internalAuditForm, { defaultValues: emptyInternalAudit });

  return (
    <>
      <Button
        onClick={() => {
          form.reset(emptyInternalAudit);
          setOpen(true);
        }}
      >
        {t('audit.form.addAudit')}
      </Button>
      <ActionDialog
        open={open}
        wide
        title={t('audit.form.addAudit')}
        confirmLabel={t('audit.save')}
        form={form}
        onSubmit={async (values) => {
          try {
            const audit = await api.createAudit({ kind: 'internal', ...values });
            setOpen(false);
            navigate(paths.auditDetail(audit.id));
          } catch (failure) {
            showProblems(fieldProblems(asApiRequestError(failure), t, i18n.formatDate), (field, error) =>
              form.setError(field as FieldPath<InternalAuditValues>, error),
            );
            throw failure;
          }
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfProgramme()}
      >
        {open ? (
          <>
            <TextField control={form.control} name="title" label={t('audit.form.title')} required />
            <DropdownField
              control={form.control}
              name="unitId"
              label={t('audit.unit')}
              options={unitOptions(props.session, t('audit.crossCutting'))}
            />
            <TextField
              control={form.control}
              name="clauses"
              label={t('audit.clauses')}
              hint={t('audit.form.clausesHint')}
            />
            <DateFormField control={form.control} name="plannedOn" label={t('audit.date')} required />
            <PeopleField
              control={form.control}
              name="auditorIds"
              label={t('audit.auditors')}
              hint={t('audit.auditorsHint')}
              people={props.session.people}
            />
          </>
        ) : null}
      </ActionDialog>
    </>
  );
}
