import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { AuditViewDto, ChecklistResult } from '../../api/audit-api';
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
import { FindingsPanel } from './findings-panel';
import { PeoplePicker } from '../../shared/people-picker';
import { DateField } from '../../shared/date-field';

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
  const [status, setStatus] = useState('');

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
  const isOpen = current.status !== 'cancelled';

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
          <EditPlanButton
            audit={current}
            session={props.session}
            onSave={(body) => api.updateAudit(current, body)}
            onSaved={(saved) => {
              audit.setData(saved);
              setStatus(t('audit.saved'));
            }}
          />
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
        <Checklist audit={current} canEdit={recordResults && isOpen} procedureLabel={procedureLabel} write={write} />
      </PageSection>

      <PageSection id="audit-report" heading={t('audit.report')}>
        <ReportForm audit={current} canEdit={recordResults && isOpen} write={write} />
      </PageSection>

      <PageSection id="audit-findings" heading={t('audit.findings')}>
        <FindingsPanel
          audit={current}
          session={props.session}
          procedures={procedures.data ?? []}
          canRecord={recordResults && isOpen}
          canImport={manage && isOpen}
          onChanged={(message) => setStatus(message)}
        />
      </PageSection>
    </>
  );
}

type WriteJob = { run: () => Promise<AuditViewDto>; done: string; after?: () => void };
/** Runs a write on the audit; `after` runs only when it succeeded (a failure keeps the input). */
type Write = (run: () => Promise<AuditViewDto>, done: string, after?: () => void) => void;

function Checklist(props: {
  audit: AuditViewDto;
  canEdit: boolean;
  procedureLabel: (id: string) => string;
  write: Write;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useAuditStyles();
  const { audit } = props;
  const [drafts, setDrafts] = useState<Record<string, { result: ChecklistResult; note: string }>>({});
  const [clause, setClause] = useState('');
  const [question, setQuestion] = useState('');
  const hasUncovered =
    audit.clauses.some((clause) => !audit.checklist.some((line) => line.clause === clause)) ||
    audit.procedureIds.some((id) => !audit.checklist.some((line) => line.procedureId === id));
  const draftOf = (lineId: string, line: { result: ChecklistResult; note: string }) => drafts[lineId] ?? line;
  const setDraft = (lineId: string, value: { result: ChecklistResult; note: string }) =>
    setDrafts((current) => ({ ...current, [lineId]: value }));

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
            {audit.checklist.map((line, index) => {
              const draft = draftOf(line.id, line);
              const number = index + 1;
              return (
                <tr key={line.id}>
                  <td>
                    {line.clause ? t('audit.clauseRef', { clause: line.clause }) : null}
                    {line.procedureId ? props.procedureLabel(line.procedureId) : null}
                  </td>
                  <th scope="row">{line.question}</th>
                  <td>
                    {props.canEdit ? (
                      <Select
                        aria-label={t('audit.resultFor', { number })}
                        value={draft.result}
                        onChange={(_, data) => setDraft(line.id, { ...draft, result: data.value as ChecklistResult })}
                      >
                        {resultOrder.map((result) => (
                          <option key={result} value={result}>
                            {t(resultKey[result])}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      t(resultKey[line.result])
                    )}
                  </td>
                  <td>
                    {props.canEdit ? (
                      <Textarea
                        aria-label={t('audit.noteFor', { number })}
                        value={draft.note}
                        onChange={(_, data) => setDraft(line.id, { ...draft, note: data.value })}
                      />
                    ) : (
                      line.note
                    )}
                  </td>
                  {props.canEdit ? (
                    <td>
                      <Button
                        aria-label={t('audit.saveLine', { number })}
                        disabled={draft.result === line.result && draft.note === line.note}
                        onClick={() =>
                          props.write(
                            () => api.updateChecklistLine(audit, line.id, { result: draft.result, note: draft.note }),
                            t('audit.lineSaved', { number }),
                          )
                        }
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
                    </td>
                  ) : null}
                </tr>
              );
            })}
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
            onSubmit={(event) => {
              event.preventDefault();
              if (clause.trim() === '' || question.trim() === '') return;
              props.write(
                () =>
                  api.addChecklistLine(audit, {
                    clause: clause.trim(),
                    procedureId: null,
                    question: question.trim(),
                  }),
                t('audit.lineAdded'),
                () => {
                  setClause('');
                  setQuestion('');
                },
              );
            }}
          >
            <Field label={t('audit.clause')} required hint={t('audit.clauseHint')}>
              <Input value={clause} onChange={(_, data) => setClause(data.value)} />
            </Field>
            <Field label={t('audit.question')} required>
              <Input value={question} onChange={(_, data) => setQuestion(data.value)} />
            </Field>
            <Button type="submit">{t('audit.addQuestion')}</Button>
          </form>
        </div>
      ) : null}
    </>
  );
}

function ReportForm(props: { audit: AuditViewDto; canEdit: boolean; write: Write }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const styles = useAuditStyles();
  const { audit } = props;
  const [summary, setSummary] = useState(audit.report?.summary ?? '');
  const [conclusion, setConclusion] = useState(audit.report?.conclusion ?? '');
  const [isSubmitted, setIsSubmitted] = useState(false);
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
  const missing = (value: string) => (isSubmitted && value.trim() === '' ? t('audit.required') : undefined);
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        setIsSubmitted(true);
        if (summary.trim() === '' || conclusion.trim() === '') return;
        props.write(
          () => api.reportAudit(audit, { summary: summary.trim(), conclusion: conclusion.trim() }),
          t('audit.reportSaved'),
        );
      }}
    >
      {audit.report ? <p>{t('audit.reportedOn', { date: i18n.formatDate(audit.report.reportedOn) })}</p> : null}
      <Field
        label={t('audit.summary')}
        required
        validationMessage={missing(summary)}
        validationState={missing(summary) ? 'error' : 'none'}
      >
        <Textarea value={summary} onChange={(_, data) => setSummary(data.value)} />
      </Field>
      <Field
        label={t('audit.conclusion')}
        required
        validationMessage={missing(conclusion)}
        validationState={missing(conclusion) ? 'error' : 'none'}
      >
        <Textarea value={conclusion} onChange={(_, data) => setConclusion(data.value)} />
      </Field>
      <div>
        <Button type="submit" appearance="primary">
          {audit.report ? t('audit.amendReport') : t('audit.submitReport')}
        </Button>
      </div>
    </form>
  );
}

function EditPlanButton(props: {
  audit: AuditViewDto;
  session: Session;
  onSave(body: { scope: string; criteria: string; plannedOn: string; auditorIds: string[] }): Promise<AuditViewDto>;
  onSaved(audit: AuditViewDto): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState(props.audit.scope);
  const [criteria, setCriteria] = useState(props.audit.criteria);
  const [plannedOn, setPlannedOn] = useState<string>(props.audit.plannedOn);
  const [auditorIds, setAuditorIds] = useState<string[]>(props.audit.auditorIds);
  if (props.audit.status === 'reported' || props.audit.status === 'cancelled') return null;
  const openDialog = () => {
    setScope(props.audit.scope);
    setCriteria(props.audit.criteria);
    setPlannedOn(props.audit.plannedOn);
    setAuditorIds(props.audit.auditorIds);
    setOpen(true);
  };
  return (
    <>
      <Button onClick={openDialog}>{t('audit.editPlan')}</Button>
      <ActionDialog
        open={open}
        wide
        title={t('audit.editPlan')}
        confirmLabel={t('audit.save')}
        validate={() => /^\d{4}-\d{2}-\d{2}$/.test(plannedOn)}
        onSubmit={async () => {
          props.onSaved(await props.onSave({ scope, criteria, plannedOn, auditorIds }));
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfAudit(props.audit.id)}
      >
        <Field label={t('audit.scope')}>
          <Textarea value={scope} onChange={(_, data) => setScope(data.value)} />
        </Field>
        <Field label={t('audit.criteria')}>
          <Textarea value={criteria} onChange={(_, data) => setCriteria(data.value)} />
        </Field>
        <Field label={t('audit.date')} required>
          <DateField value={plannedOn} onChange={(value) => setPlannedOn(value)} />
        </Field>
        <PeoplePicker
          label={t('audit.auditors')}
          hint={t('audit.auditorsHint')}
          people={props.session.people}
          value={auditorIds}
          onChange={setAuditorIds}
        />
      </ActionDialog>
    </>
  );
}
