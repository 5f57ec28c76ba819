import { Button, Textarea } from '@fluentui/react-components';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useController } from 'react-hook-form';
import { z } from 'zod';
import type { AuditViewDto } from '../../api/audit-api';
import {
  addChecklistLineBody,
  reportAuditBody,
  updateAuditBody,
  updateChecklistLineBody,
} from '../../../../functions/src/contract/audit-schemas';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { readsOfAudit } from './audit-reads';
import { ActionDialog } from '../procedure/action-dialog';
import { resultKey, resultOrder, warningText } from './audit-model';
import { useAuditStyles } from './audit-styles';
import { AuditKindText, AuditStatusText, WarningLine, AuditTable } from './audit-texts';
import { FindingsPanel, RecordFindingButton, type FindingValues } from './findings-panel';
import { CorrectReportButton, ReportRevisions } from './report-correction';
import { TextField, TextareaField } from '../../shared/form/form-fields';
import { DateFormField } from '../../shared/form/date-form-field';
import { PeopleField } from '../../shared/form/people-field';
import { useContractForm } from '../../shared/form/use-contract-form';
import { OptionDropdown } from '../../shared/option-dropdown';

export type ProcedureRef = { id: string; code: string; title: string };

/** One audit: its plan, the auditors' independence, the checklist, the report and the findings. */
export function AuditDetailScene(props: { session: Session; auditId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const styles = useAuditStyles();
  const audit = useApiQuery(queryKeyOf('audits-get', { params: { id: props.auditId } }), (signal) =>
    api.getAudit(props.auditId, signal),
  );
  const procedures = useApiQuery(
    [...queryKeyOf('procedures-list', { query: { limit: 1000, sort: 'code' } }), 'refs'],
    async (signal): Promise<ProcedureRef[]> => {
      const list = await api.listProcedures({ limit: 1000, sort: 'code' }, signal);
      return list.items.map((item) => ({ id: item.id, code: item.code, title: item.title }));
    },
  );
  const findings = useApiQuery(queryKeyOf('audits-findings-list', { params: { id: props.auditId } }), (signal) =>
    api.listAuditFindings(props.auditId, signal),
  );
  const [status, setStatus] = useState('');
  // A checklist line gives one finding: "Registrér fund" is not offered on a line that has one.
  const linesWithFinding = useMemo(
    () =>
      new Set(
        (findings.data?.findings ?? []).flatMap((finding) =>
          finding.checklistLineId !== null && finding.withdrawal === null ? [finding.checklistLineId] : [],
        ),
      ),
    [findings.data],
  );

  const personName = useCallback(
    (id: string) => props.session.people.find((person) => person.id === id)?.name ?? id,
    [props.session.people],
  );
  const unitName = (id: string | null) =>
    id === null ? t('audit.crossCutting') : (props.session.units.find((unit) => unit.id === id)?.name ?? id);
  const procedureLabel = useMemo(() => {
    const byId = new Map((procedures.data ?? []).map((p) => [p.id, `${p.code} ${p.title}`]));
    return (id: string) => byId.get(id) ?? id;
  }, [procedures.data]);

  /** A write that returns the audit; a 409 reloads so the user sees the current version. */
  const writing = useApiMutation({
    run: (job: WriteJob) => job.run(),
    onSuccess: (saved, job) => {
      audit.setData(saved);
      setStatus(job.done);
      job.after?.();
    },
    onError: (failure) => {
      if (failure.status === 409) audit.reload();
    },
    invalidates: () => readsOfAudit(props.auditId),
  });
  const write: Write = (run, done, after) => {
    setStatus('');
    writing.mutate({ run, done, ...(after ? { after } : {}) });
  };
  const error = writing.error ?? undefined;

  if (audit.error && !audit.data) return <ErrorAlert error={audit.error} onRetry={audit.reload} />;
  if (!audit.data) return <Loading label={t('app.loading')} />;
  const current = audit.data;
  const { manage, recordResults } = current.abilities;
  // A reported audit is locked (the server refuses every write with RECORD_LOCKED); a cancelled one takes no results.
  const isOpen = current.status !== 'cancelled' && current.status !== 'reported';

  return (
    <>
      <p>
        <AppLink href={paths.audit({ year: current.year })}>{t('audit.back', { year: current.year })}</AppLink>
      </p>
      <PageHeading documentTitle={current.title}>{current.title}</PageHeading>
      <p role="status" className={styles.status}>
        {status}
      </p>
      {error ? <ErrorAlert error={error} /> : null}
      {current.status === 'reported' ? <p>{t('audit.lockedNote')}</p> : null}

      <dl className={styles.facts}>
        <dt>{t('audit.kind')}</dt>
        <dd>
          <AuditKindText kind={current.kind} />
        </dd>
        <dt>{t('audit.status')}</dt>
        <dd>
          <AuditStatusText status={current.status} />
        </dd>
        <dt>{t('audit.date')}</dt>
        <dd>{i18n.formatDate(current.plannedOn)}</dd>
        <dt>{t('audit.unit')}</dt>
        <dd>{unitName(current.unitId)}</dd>
        <dt>{t('audit.clauses')}</dt>
        <dd>{current.clauses.join(', ') || '–'}</dd>
        <dt>{t('audit.procedures')}</dt>
        <dd>{current.procedureIds.map(procedureLabel).join('; ') || '–'}</dd>
        <dt>{t('audit.scope')}</dt>
        <dd>{current.scope || '–'}</dd>
        <dt>{t('audit.criteria')}</dt>
        <dd>{current.criteria || '–'}</dd>
        <dt>{t('audit.auditors')}</dt>
        <dd>{[...current.auditorIds.map(personName), ...current.externalAuditors].join(', ') || '–'}</dd>
      </dl>
      {current.independenceWarnings.length > 0 ? (
        <ul className={styles.list} aria-label={t('audit.warnings')}>
          {current.independenceWarnings.map((warning, index) => (
            <WarningLine key={index} text={warningText(warning, t, personName)} />
          ))}
        </ul>
      ) : null}

      {manage ? (
        <div className={styles.toolbar}>
          {isOpen ? (
            <EditPlanButton
              audit={current}
              session={props.session}
              onSave={(body) => api.updateAudit(current, body)}
              onSaved={(saved) => {
                audit.setData(saved);
                setStatus(t('audit.saved'));
              }}
            />
          ) : null}
          {current.status === 'planned' ? (
            <Button onClick={() => write(() => api.changeAuditStatus(current, 'start'), t('audit.started'))}>
              {t('audit.start')}
            </Button>
          ) : null}
          {current.status === 'planned' || current.status === 'in-progress' ? (
            <Button onClick={() => write(() => api.changeAuditStatus(current, 'cancel'), t('audit.cancelled'))}>
              {t('audit.cancel')}
            </Button>
          ) : null}
          {current.status === 'cancelled' ? (
            <Button onClick={() => write(() => api.changeAuditStatus(current, 'reopen'), t('audit.reopened'))}>
              {t('audit.reopen')}
            </Button>
          ) : null}
        </div>
      ) : null}

      <PageSection id="audit-checklist" heading={t('audit.checklist')}>
        <Checklist
          audit={current}
          canEdit={recordResults && isOpen}
          procedureLabel={procedureLabel}
          write={write}
          offerFinding={(line, number) =>
            // A nonconformity on the checklist: offer to record it as a finding, its text prefilled,
            // unless the line has its finding already.
            linesWithFinding.has(line.id) ? (
              <span>{t('audit.lineHasFinding')}</span>
            ) : (
              <RecordFindingButton
                audit={current}
                session={props.session}
                procedures={procedures.data ?? []}
                prefill={findingFromLine(line)}
                checklistLineId={line.id}
                label={t('audit.recordLineFinding')}
                ariaLabel={t('audit.recordLineFindingFor', { number })}
                onCreated={() => setStatus(t('audit.findingAdded'))}
              />
            )
          }
        />
      </PageSection>

      <PageSection id="audit-report" heading={t('audit.report')}>
        <ReportForm audit={current} canEdit={recordResults && isOpen} write={write} />
        {current.abilities.correctReport ? (
          <div className={styles.toolbar}>
            <CorrectReportButton
              audit={current}
              findings={findings.data?.findings ?? []}
              onCorrected={() => setStatus(t('audit.reportCorrected'))}
            />
          </div>
        ) : null}
        {current.status === 'reported' ? <ReportRevisions audit={current} personName={personName} /> : null}
      </PageSection>

      <PageSection id="audit-findings" heading={t('audit.findings')}>
        <FindingsPanel
          audit={current}
          session={props.session}
          procedures={procedures.data ?? []}
          canRecord={recordResults && isOpen}
          canImport={manage && isOpen}
          canCreateAction={manage && current.status !== 'cancelled'}
          onChanged={(message) => setStatus(message)}
        />
      </PageSection>
    </>
  );
}

type WriteJob = { run: () => Promise<AuditViewDto>; done: string; after?: () => void };
/** Runs a write on the audit; `after` runs only when it succeeded (a failure keeps the input). */
type Write = (run: () => Promise<AuditViewDto>, done: string, after?: () => void) => void;

/** A checklist line's answer (updateChecklistLineBody): its result and note. */
const checklistAnswerForm = z.object({
  result: updateChecklistLineBody.shape.result.unwrap(),
  note: updateChecklistLineBody.shape.note.unwrap(),
});

/** A question of the auditor's own (addChecklistLineBody): here always with its clause. */
const checklistQuestionForm = z.object({
  clause: addChecklistLineBody.shape.clause.unwrap().unwrap(),
  question: addChecklistLineBody.shape.question,
});

/** A checklist line's result that is a nonconformity, and so a finding to record. */
function isNonconformity(result: ChecklistLine['result']): result is 'minor' | 'major' {
  return result === 'minor' || result === 'major';
}

/** The finding dialog's start from a nonconformity line: its grade, clause, procedure and text. */
function findingFromLine(line: ChecklistLine): Partial<FindingValues> {
  return {
    grade: isNonconformity(line.result) ? line.result : 'minor',
    clause: line.clause ?? '',
    procedureId: line.procedureId ?? '',
    description: line.note.trim() === '' ? line.question : line.note.trim(),
  };
}

type ChecklistLine = AuditViewDto['checklist'][number];

function Checklist(props: {
  audit: AuditViewDto;
  canEdit: boolean;
  procedureLabel: (id: string) => string;
  write: Write;
  /** The "record the finding" offer for a saved nonconformity line. */
  offerFinding: (line: ChecklistLine, number: number) => ReactNode;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useAuditStyles();
  const { audit } = props;
  const questionForm = useContractForm(checklistQuestionForm, { defaultValues: { clause: '', question: '' } });
  const hasUncovered =
    audit.clauses.some((clause) => !audit.checklist.some((line) => line.clause === clause)) ||
    audit.procedureIds.some((id) => !audit.checklist.some((line) => line.procedureId === id));

  return (
    <>
      {audit.checklist.length === 0 ? <p>{t('audit.noChecklist')}</p> : null}
      {audit.checklist.length > 0 ? (
        <AuditTable
          caption={t('audit.checklistCaption')}
          columns={[
            t('audit.checks'),
            t('audit.question'),
            t('audit.result'),
            t('audit.note'),
            props.canEdit ? t('audit.actions') : null,
          ]}
        >
          <tbody>
            {audit.checklist.map((line, index) => (
              <ChecklistRow
                key={line.id}
                audit={audit}
                line={line}
                number={index + 1}
                canEdit={props.canEdit}
                procedureLabel={props.procedureLabel}
                write={props.write}
                offerFinding={props.offerFinding}
              />
            ))}
          </tbody>
        </AuditTable>
      ) : null}
      {props.canEdit ? (
        <div className={styles.form}>
          {hasUncovered ? (
            <div>
              <Button onClick={() => props.write(() => api.startChecklist(audit), t('audit.checklistStarted'))}>
                {t('audit.startChecklist')}
              </Button>
            </div>
          ) : null}
          <form
            className={styles.row}
            noValidate
            onSubmit={questionForm.handleSubmit((line) =>
              props.write(
                () => api.addChecklistLine(audit, { ...line, procedureId: null }),
                t('audit.lineAdded'),
                () => questionForm.reset(),
              ),
            )}
          >
            <TextField
              control={questionForm.control}
              name="clause"
              label={t('audit.clause')}
              required
              hint={t('audit.clauseHint')}
            />
            <TextField control={questionForm.control} name="question" label={t('audit.question')} required />
            <Button type="submit">{t('audit.addQuestion')}</Button>
          </form>
        </div>
      ) : null}
    </>
  );
}

/**
 * One checklist line; its result and note are a small form of their own. Its values follow the
 * saved line, except what the user has changed and not saved yet (another line's save reloads
 * the audit).
 */
function ChecklistRow(props: {
  audit: AuditViewDto;
  line: AuditViewDto['checklist'][number];
  number: number;
  canEdit: boolean;
  procedureLabel: (id: string) => string;
  write: Write;
  offerFinding: (line: ChecklistLine, number: number) => ReactNode;
}) {
  const { t } = useI18n();
  const api = useApi();
  const { audit, line, number } = props;
  const form = useContractForm(checklistAnswerForm, {
    values: { result: line.result, note: line.note },
    resetOptions: { keepDirtyValues: true },
  });
  const result = useController({ control: form.control, name: 'result' }).field;
  const note = useController({ control: form.control, name: 'note' }).field;
  const save = form.handleSubmit((answer) =>
    props.write(() => api.updateChecklistLine(audit, line.id, answer), t('audit.lineSaved', { number })),
  );
  return (
    <tr>
      <td>
        {line.clause ? t('audit.clauseRef', { clause: line.clause }) : null}
        {line.procedureId ? props.procedureLabel(line.procedureId) : null}
      </td>
      <th scope="row">{line.question}</th>
      <td>
        {props.canEdit ? (
          <OptionDropdown
            aria-label={t('audit.resultFor', { number })}
            value={result.value}
            onChange={result.onChange}
            options={resultOrder.map((each) => ({ value: each, text: t(resultKey[each]) }))}
          />
        ) : (
          t(resultKey[line.result])
        )}
      </td>
      <td>
        {props.canEdit ? (
          <Textarea
            aria-label={t('audit.noteFor', { number })}
            value={note.value}
            onChange={(_, data) => note.onChange(data.value)}
            onBlur={note.onBlur}
          />
        ) : (
          line.note
        )}
      </td>
      {props.canEdit ? (
        <td>
          <Button
            aria-label={t('audit.saveLine', { number })}
            disabled={!form.formState.isDirty}
            onClick={() => void save()}
          >
            {t('audit.save')}
          </Button>{' '}
          <Button
            appearance="subtle"
            aria-label={t('audit.removeLine', { number })}
            onClick={() =>
              props.write(() => api.removeChecklistLine(audit, line.id), t('audit.lineRemoved', { number }))
            }
          >
            {t('audit.remove')}
          </Button>
          {/* Offered for the saved result, so the dialog starts from what is stored. */}
          {isNonconformity(line.result) && !form.formState.isDirty ? <> {props.offerFinding(line, number)}</> : null}
        </td>
      ) : null}
    </tr>
  );
}

/** The audit report (reportAuditBody): summary and conclusion; the date is the server's today. */
const reportForm = reportAuditBody.pick({ summary: true, conclusion: true });

function ReportForm(props: { audit: AuditViewDto; canEdit: boolean; write: Write }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const styles = useAuditStyles();
  const { audit } = props;
  const form = useContractForm(reportForm, {
    defaultValues: { summary: audit.report?.summary ?? '', conclusion: audit.report?.conclusion ?? '' },
  });
  if (!props.canEdit)
    return audit.report ? (
      <>
        <p>{t('audit.reportedOn', { date: i18n.formatDate(audit.report.reportedOn) })}</p>
        <p>{audit.report.summary}</p>
        <p>{audit.report.conclusion}</p>
      </>
    ) : (
      <p>{t('audit.noReport')}</p>
    );
  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={form.handleSubmit((report) =>
        props.write(() => api.reportAudit(audit, report), t('audit.reportSaved')),
      )}
    >
      {audit.report ? <p>{t('audit.reportedOn', { date: i18n.formatDate(audit.report.reportedOn) })}</p> : null}
      <TextareaField control={form.control} name="summary" label={t('audit.summary')} required />
      <TextareaField control={form.control} name="conclusion" label={t('audit.conclusion')} required />
      <div>
        <Button type="submit" appearance="primary">
          {audit.report ? t('audit.amendReport') : t('audit.submitReport')}
        </Button>
      </div>
    </form>
  );
}

/** The audit's plan (updateAuditBody): scope, criteria, date and auditors. */
const planForm = z.object({
  scope: updateAuditBody.shape.scope.unwrap(),
  criteria: updateAuditBody.shape.criteria.unwrap(),
  plannedOn: updateAuditBody.shape.plannedOn.unwrap(),
  auditorIds: updateAuditBody.shape.auditorIds.unwrap(),
});
type PlanValues = z.input<typeof planForm>;

function EditPlanButton(props: {
  audit: AuditViewDto;
  session: Session;
  onSave(body: { scope: string; criteria: string; plannedOn: string; auditorIds: string[] }): Promise<AuditViewDto>;
  onSaved(audit: AuditViewDto): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const planOf = (audit: AuditViewDto): PlanValues => ({
    scope: audit.scope,
    criteria: audit.criteria,
    plannedOn: audit.plannedOn,
    auditorIds: [...audit.auditorIds],
  });
  const form = useContractForm(planForm, { defaultValues: planOf(props.audit) });
  if (props.audit.status === 'reported' || props.audit.status === 'cancelled') return null;
  return (
    <>
      <Button
        onClick={() => {
          form.reset(planOf(props.audit));
          setOpen(true);
        }}
      >
        {t('audit.editPlan')}
      </Button>
      <ActionDialog
        open={open}
        wide
        title={t('audit.editPlan')}
        confirmLabel={t('audit.save')}
        form={form}
        onSubmit={async (plan) => {
          props.onSaved(await props.onSave(plan));
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfAudit(props.audit.id)}
      >
        <TextareaField control={form.control} name="scope" label={t('audit.scope')} />
        <TextareaField control={form.control} name="criteria" label={t('audit.criteria')} />
        <DateFormField control={form.control} name="plannedOn" label={t('audit.date')} required />
        <PeopleField
          control={form.control}
          name="auditorIds"
          label={t('audit.auditors')}
          hint={t('audit.auditorsHint')}
          people={props.session.people}
        />
      </ActionDialog>
    </>
  );
}
