import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { AuditViewDto, FindingGrade, FindingImportResultDto } from '../../api/audit-api';
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
import { DateField } from '../../shared/date-field';

/** An audit's findings: the list, a dialog to record one, and the certifier's CSV import with preview. */
export function FindingsPanel(props: {
  audit: AuditViewDto;
  session: Session;
  procedures: readonly ProcedureRef[];
  canRecord: boolean;
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
                  <th scope="row">{finding.description}</th>
                  <td>{finding.clause ?? '–'}</td>
                  <td>{procedureLabel(finding.procedureId)}</td>
                  <td>{unitName(finding.unitId)}</td>
                  <td>{i18n.formatDate(finding.foundOn)}</td>
                  <td>{personName(finding.foundBy)}</td>
                  <td>
                    {finding.correctiveActionId !== null ? (
                      <AppLink href={paths.action(finding.correctiveActionId)}>{t('audit.openAction')}</AppLink>
                    ) : finding.isOpen && props.canImport ? (
                      <CreateActionButton
                        auditId={props.audit.id}
                        findingId={finding.id}
                        description={finding.description}
                      />
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
        <AddFindingButton
          audit={props.audit}
          session={props.session}
          procedures={props.procedures}
          onCreated={() => props.onChanged(t('audit.findingAdded'))}
        />
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

function AddFindingButton(props: {
  audit: AuditViewDto;
  session: Session;
  procedures: readonly ProcedureRef[];
  onCreated(): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [grade, setGrade] = useState<FindingGrade>('minor');
  const [clause, setClause] = useState('');
  const [procedureId, setProcedureId] = useState('');
  const [unitId, setUnitId] = useState(props.audit.unitId ?? '');
  const [description, setDescription] = useState('');
  const [foundOn, setFoundOn] = useState<string>(props.audit.plannedOn);
  const [isSubmitted, setIsSubmitted] = useState(false);
  const missing = isSubmitted && description.trim() === '' ? t('audit.required') : undefined;
  return (
    <p>
      <Button
        onClick={() => {
          setDescription('');
          setIsSubmitted(false);
          setOpen(true);
        }}
      >
        {t('audit.addFinding')}
      </Button>
      <ActionDialog
        open={open}
        title={t('audit.addFinding')}
        confirmLabel={t('audit.save')}
        validate={() => {
          setIsSubmitted(true);
          return description.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(foundOn);
        }}
        onSubmit={async () => {
          await api.createFinding(props.audit.id, {
            grade,
            clause: clause.trim() === '' ? null : clause.trim(),
            procedureId: procedureId === '' ? null : procedureId,
            unitId: unitId === '' ? null : unitId,
            description: description.trim(),
            foundOn,
          });
          setOpen(false);
          props.onCreated();
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfAudit(props.audit.id)}
      >
        <Field label={t('audit.grade')} required>
          <Select value={grade} onChange={(_, data) => setGrade(data.value as FindingGrade)}>
            {gradeOrder.map((each) => (
              <option key={each} value={each}>
                {t(gradeKey[each])}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t('audit.description')}
          required
          validationMessage={missing}
          validationState={missing ? 'error' : 'none'}
        >
          <Textarea value={description} onChange={(_, data) => setDescription(data.value)} />
        </Field>
        <Field label={t('audit.clause')} hint={t('audit.clauseHint')}>
          <Input value={clause} onChange={(_, data) => setClause(data.value)} />
        </Field>
        <Field label={t('audit.procedure')}>
          <Select value={procedureId} onChange={(_, data) => setProcedureId(data.value)}>
            <option value="">{t('audit.none')}</option>
            {props.procedures.map((procedure) => (
              <option key={procedure.id} value={procedure.id}>
                {procedure.code} {procedure.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('audit.unit')}>
          <Select value={unitId} onChange={(_, data) => setUnitId(data.value)}>
            <option value="">{t('audit.none')}</option>
            {props.session.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('audit.foundOn')} required>
          <DateField value={foundOn} onChange={(value) => setFoundOn(value)} />
        </Field>
      </ActionDialog>
    </p>
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
