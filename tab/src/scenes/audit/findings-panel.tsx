import { Button } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { z } from 'zod';
import type { AuditViewDto, FindingImportResultDto } from '../../api/audit-api';
import { findingBody } from '../../../../functions/src/contract/audit-schemas';
import { useApi } from '../../app/api-context';
import { useI18n, type Translate } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { AppLink } from '../../router/app-link';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { importErrorText, type ImportErrorDto, type ImportErrorKeys } from '../../shared/import-error-text';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { readsOfAudit } from './audit-reads';
import { ActionDialog } from '../procedure/action-dialog';
import { gradeKey, gradeOrder } from './audit-model';
import { useAuditStyles } from './audit-styles';
import { GradeBadge, AuditTable } from './audit-texts';
import type { ProcedureRef } from './audit-detail-scene';
import type { FindingImportErrorCode } from '../../../../functions/src/core/import-errors';
import type { FindingColumn } from '../../../../functions/src/core/finding-import';
import { DropdownField, TextField, TextareaField } from '../../shared/form/form-fields';
import { DateFormField } from '../../shared/form/date-form-field';
import { emptyAsNull } from '../../shared/form/form-shapes';
import { useContractForm } from '../../shared/form/use-contract-form';
import { todayLocal } from '../competences/competence-model';

/** An audit's findings: the list, a dialog to record one, and the certifier's CSV import with preview. */
export function FindingsPanel(props: {
  audit: AuditViewDto;
  session: Session;
  procedures: readonly ProcedureRef[];
  canRecord: boolean;
  /** Starting a corrective action from a finding: also on a reported (locked) audit, since it does not change the audit. */
  canCreateAction: boolean;
  canImport: boolean;
  onChanged(message: string): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const findings = useApiQuery(queryKeyOf('audits-findings-list', { params: { id: props.audit.id } }), (signal) =>
    api.listAuditFindings(props.audit.id, signal),
  );
  const procedureLabel = (id: string | null) => {
    if (id === null) return '–';
    const procedure = props.procedures.find((p) => p.id === id);
    return procedure ? procedure.code : id;
  };
  const unitName = (id: string | null) =>
    id === null ? '–' : (props.session.units.find((unit) => unit.id === id)?.name ?? id);
  const personName = (id: string | null) =>
    id === null ? '–' : (props.session.people.find((person) => person.id === id)?.name ?? id);

  return (
    <>
      {findings.error ? <ErrorAlert error={findings.error} onRetry={findings.reload} /> : null}
      {findings.data ? (
        findings.data.findings.length === 0 ? (
          <p>{t('audit.noFindings')}</p>
        ) : (
          <AuditTable
            caption={t('audit.findingsCaption')}
            columns={[
              t('audit.grade'),
              t('audit.description'),
              t('audit.clause'),
              t('audit.procedure'),
              t('audit.unit'),
              t('audit.foundOn'),
              t('audit.foundBy'),
              t('audit.action'),
            ]}
          >
            <tbody>
              {findings.data.findings.map((finding) => (
                <tr key={finding.id}>
                  <td>
                    <GradeBadge grade={finding.grade} />
                  </td>
                  <th scope="row">
                    {finding.description}
                    {finding.withdrawal ? (
                      <>
                        <br />
                        <span>
                          {t('audit.findingWithdrawn', {
                            date: i18n.formatDate(finding.withdrawal.withdrawnOn),
                            reason: finding.withdrawal.reason,
                          })}
                        </span>
                      </>
                    ) : null}
                  </th>
                  <td>{finding.clause ?? '–'}</td>
                  <td>{procedureLabel(finding.procedureId)}</td>
                  <td>{unitName(finding.unitId)}</td>
                  <td>{i18n.formatDate(finding.foundOn)}</td>
                  <td>{personName(finding.foundBy)}</td>
                  <td>
                    {finding.correctiveActionId !== null ? (
                      <AppLink href={paths.action(finding.correctiveActionId)}>{t('audit.openAction')}</AppLink>
                    ) : finding.isOpen && props.canCreateAction ? (
                      <CreateActionButton
                        auditId={props.audit.id}
                        findingId={finding.id}
                        description={finding.description}
                      />
                    ) : finding.withdrawal ? (
                      t('audit.withdrawnNoAction')
                    ) : finding.isOpen ? (
                      t('audit.actionNeeded')
                    ) : (
                      t('audit.noActionNeeded')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </AuditTable>
        )
      ) : null}
      {props.canRecord ? (
        <p>
          <RecordFindingButton
            audit={props.audit}
            session={props.session}
            procedures={props.procedures}
            onCreated={() => props.onChanged(t('audit.findingAdded'))}
          />
        </p>
      ) : null}
      {props.canImport ? (
        <FindingImport
          auditId={props.audit.id}
          onImported={(count) => props.onChanged(t('audit.imported', { count }))}
        />
      ) : null}
    </>
  );
}

/** Opens a corrective action for a nonconformity and goes to it, where the correction and plan are recorded. */
function CreateActionButton(props: { auditId: string; findingId: string; description: string }) {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const create = useApiMutation({
    run: (findingId: string) => api.createAction({ source: { kind: 'finding', findingId } }),
    onSuccess: (action) => navigate(paths.action(action.id)),
    invalidates: () => readsOfAudit(props.auditId),
  });
  const error = create.error;
  return (
    <>
      <Button
        size="small"
        disabled={create.isPending}
        aria-label={t('audit.createActionFor', { finding: props.description })}
        onClick={() => create.mutate(props.findingId)}
      >
        {t('audit.createAction')}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

/** A finding (findingBody) as the dialog holds it: "" for no clause, procedure or unit. */
const findingForm = z.object({
  grade: findingBody.shape.grade,
  clause: emptyAsNull(findingBody.shape.clause.unwrap()),
  procedureId: emptyAsNull(findingBody.shape.procedureId.unwrap()),
  unitId: emptyAsNull(findingBody.shape.unitId.unwrap()),
  description: findingBody.shape.description,
  // The dialog always sends the date; the server defaults it to today only for other clients.
  foundOn: findingBody.shape.foundOn.unwrap(),
});
export type FindingValues = z.input<typeof findingForm>;

/**
 * Records a finding in a dialog. "Konstateret" starts at today (the day it is recorded) and
 * cannot be set after it (core/audit-dates.ts; the server refuses it too). `prefill` starts the
 * dialog from a checklist line marked as a nonconformity; `label` names the button.
 */
export function RecordFindingButton(props: {
  audit: AuditViewDto;
  session: Session;
  procedures: readonly ProcedureRef[];
  prefill?: Partial<FindingValues>;
  /** The checklist line the finding is recorded from (one finding per line; the server refuses a second). */
  checklistLineId?: string;
  label?: string;
  ariaLabel?: string;
  appearance?: 'secondary' | 'subtle';
  onCreated(): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const today = todayLocal();
  const defaults: FindingValues = {
    grade: 'minor',
    clause: '',
    procedureId: '',
    unitId: props.audit.unitId ?? '',
    description: '',
    foundOn: today,
    ...props.prefill,
  };
  const form = useContractForm(findingForm, { defaultValues: defaults });
  const none = { value: '', text: t('audit.none') };
  return (
    <>
      <Button
        appearance={props.appearance ?? 'secondary'}
        {...(props.ariaLabel ? { 'aria-label': props.ariaLabel } : {})}
        onClick={() => {
          form.reset(defaults);
          setOpen(true);
        }}
      >
        {props.label ?? t('audit.addFinding')}
      </Button>
      <ActionDialog
        open={open}
        title={t('audit.addFinding')}
        confirmLabel={t('audit.save')}
        form={form}
        onSubmit={async (body) => {
          await api.createFinding(props.audit.id, { ...body, checklistLineId: props.checklistLineId ?? null });
          setOpen(false);
          props.onCreated();
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfAudit(props.audit.id)}
      >
        <DropdownField
          control={form.control}
          name="grade"
          label={t('audit.grade')}
          required
          options={gradeOrder.map((each) => ({ value: each, text: t(gradeKey[each]) }))}
        />
        <TextareaField control={form.control} name="description" label={t('audit.description')} required />
        <TextField control={form.control} name="clause" label={t('audit.clause')} hint={t('audit.clauseHint')} />
        <DropdownField
          control={form.control}
          name="procedureId"
          label={t('audit.procedure')}
          options={[
            none,
            ...props.procedures.map((procedure) => ({
              value: procedure.id,
              text: `${procedure.code} ${procedure.title}`,
            })),
          ]}
        />
        <DropdownField
          control={form.control}
          name="unitId"
          label={t('audit.unit')}
          options={[none, ...props.session.units.map((unit) => ({ value: unit.id, text: unit.name }))]}
        />
        <DateFormField
          control={form.control}
          name="foundOn"
          label={t('audit.foundOn')}
          hint={t('audit.foundOnHint')}
          maxDate={today}
          required
        />
      </ActionDialog>
    </>
  );
}

const importErrorKeys: ImportErrorKeys<FindingImportErrorCode> = {
  'unknown-column': 'audit.importError.unknownColumn',
  'duplicate-column': 'audit.importError.duplicateColumn',
  'missing-column': 'audit.importError.missingColumn',
  'no-rows': 'audit.importError.noRows',
  'too-many-fields': 'audit.importError.tooManyFields',
  'empty-required': 'audit.importError.emptyRequired',
  'unknown-grade': 'audit.importError.unknownGrade',
  'bad-clause': 'audit.importError.badClause',
  'unknown-procedure': 'audit.importError.unknownProcedure',
  'unknown-unit': 'audit.importError.unknownUnit',
  'too-long': 'audit.importError.tooLong',
  'control-characters': 'audit.importError.controlCharacters',
  'bad-date': 'audit.importError.badDate',
  'future-date': 'audit.importError.futureDate',
};

const importColumnKeys: Readonly<Record<FindingColumn, MessageKey>> = {
  grade: 'audit.importColumn.grade',
  clause: 'audit.importColumn.clause',
  procedure: 'audit.importColumn.procedure',
  unit: 'audit.importColumn.unit',
  description: 'audit.importColumn.description',
  foundOn: 'audit.importColumn.foundOn',
};

/** A column code ("grade") in the user's words; a header cell of the file is shown as written. */
function columnTitle(column: string | null, t: Translate): string {
  if (column === null) return '–';
  return Object.hasOwn(importColumnKeys, column) ? t(importColumnKeys[column as FindingColumn]) : column;
}

/** The server names columns by code; the user is told the titles the tab shows. */
function withColumnTitles(error: ImportErrorDto, t: Translate): ImportErrorDto {
  if (error.code === 'unknown-column') {
    const titles = (Object.keys(importColumnKeys) as FindingColumn[]).map((column) => t(importColumnKeys[column]));
    return { ...error, params: { ...error.params, expected: titles.join(';') } };
  }
  if (error.code === 'missing-column' && typeof error.params['value'] === 'string') {
    return { ...error, params: { ...error.params, value: columnTitle(error.params['value'], t) } };
  }
  return error;
}

function FindingImport(props: { auditId: string; onImported(count: number): void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useAuditStyles();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<FindingImportResultDto | null>(null);
  // A preview changes nothing; applying it adds findings to the audit and the findings lists.
  const importing = useApiMutation({
    run: (job: { file: File; mode: 'preview' | 'apply' }) => api.importFindings(props.auditId, job.file, job.mode),
    onSuccess: (result, job) => {
      if (job.mode === 'apply') {
        setPreview(null);
        setFile(null);
        props.onImported(result.created.length);
      } else setPreview(result);
    },
    invalidates: (_, job) => (job.mode === 'apply' ? readsOfAudit(props.auditId) : []),
  });
  const error = importing.error ?? undefined;
  const isBusy = importing.isPending;
  const run = (mode: 'preview' | 'apply') => {
    if (file) importing.mutate({ file, mode });
  };
  return (
    <section aria-labelledby={`${fileId}-heading`}>
      <h3 id={`${fileId}-heading`}>{t('audit.import')}</h3>
      <p id={`${fileId}-hint`}>{t('audit.importHint')}</p>
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor={fileId}>{t('audit.importFile')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${fileId}-hint`}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
            }}
          />
        </div>
        <Button disabled={!file || isBusy} onClick={() => run('preview')}>
          {t('audit.importPreview')}
        </Button>
        <Button
          appearance="primary"
          disabled={!preview || preview.errors.length > 0 || preview.rows.length === 0 || isBusy}
          onClick={() => run('apply')}
        >
          {t('audit.importApply', { count: preview?.rows.length ?? 0 })}
        </Button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {preview ? (
        preview.errors.length > 0 ? (
          <div role="alert">
            <p>{t('audit.importErrors', { count: preview.errorCount })}</p>
            <ul>
              {preview.errors.map((each, index) => (
                <li key={index}>
                  {t('audit.importErrorLine', { line: each.line, column: columnTitle(each.column, t) })}{' '}
                  {importErrorText(withColumnTitles(each, t), importErrorKeys, t)}
                </li>
              ))}
            </ul>
            {preview.errorCount > preview.errors.length ? (
              <p>{t('import.moreErrors', { count: preview.errorCount - preview.errors.length })}</p>
            ) : null}
          </div>
        ) : (
          <AuditTable
            caption={t('audit.importPreviewCaption', { count: preview.rows.length })}
            columns={[t('audit.line'), t('audit.grade'), t('audit.clause'), t('audit.description')]}
          >
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>
                    <GradeBadge grade={row.grade} />
                  </td>
                  <td>{row.clause ?? '–'}</td>
                  <td>{row.description}</td>
                </tr>
              ))}
            </tbody>
          </AuditTable>
        )
      ) : null}
    </section>
  );
}
