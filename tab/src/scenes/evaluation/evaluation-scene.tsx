import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import type { QueryKey } from '@tanstack/react-query';
import type { EvaluationDetailDto } from '../../api/quality-api';
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
import { actionStatusKey } from '../actions/action-labels';
import { todayLocal } from '../competences/competence-model';
import { PackSections } from './pack-sections';
import { OptionDropdown } from '../../shared/option-dropdown';
import {
  correctionBody,
  createEvaluationBody,
  updateEvaluationBody,
} from '../../../../functions/src/contract/evaluation-schemas';
import { DropdownField, TextField, TextareaField } from '../../shared/form/form-fields';
import { DateFormField } from '../../shared/form/date-form-field';
import { PeopleField } from '../../shared/form/people-field';
import { emptyAsNull, linesFromText } from '../../shared/form/form-shapes';
import { useContractForm } from '../../shared/form/use-contract-form';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  decision: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  status: { minHeight: '1.5em' },
});

/** The reads an evaluation write can change: the list, its record and pack, and the task lists. */
function readsOfEvaluation(id?: string): QueryKey[] {
  const own = id ? { params: { id } } : undefined;
  return [
    queryKeyOf('management-evaluations-list'),
    queryKeyOf('management-evaluations-get', own),
    queryKeyOf('management-evaluations-pack', own),
    queryKeyOf('my-tasks'),
    queryKeyOf('overview'),
  ];
}

const statusKey = {
  planned: 'evaluation.status.planned',
  held: 'evaluation.status.held',
  published: 'evaluation.status.published',
} as const;

/** "Ledelsens evaluering": the year's evaluation, its live input pack, the record and the report. */
export function EvaluationScene(props: { session: Session }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const list = useApiQuery(queryKeyOf('management-evaluations-list'), (signal) => api.listEvaluations(signal));
  const [selectedId, setSelectedId] = useState('');
  const thisYear = Number(todayLocal().slice(0, 4));
  const items = list.data?.items ?? [];
  const currentId =
    selectedId ||
    items.find((item) => item.year === thisYear)?.id ||
    items.find((item) => item.status === 'planned')?.id ||
    items[0]?.id ||
    '';

  return (
    <>
      <PageHeading documentTitle={t('evaluation.title')}>{t('evaluation.title')}</PageHeading>
      <p>{t('evaluation.intro')}</p>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data ? <Loading label={t('app.loading')} /> : null}
      {list.data ? (
        <div className={styles.toolbar}>
          {items.length > 0 ? (
            <OptionDropdown
              label={t('evaluation.year')}
              value={currentId}
              onChange={setSelectedId}
              options={items.map((item) => ({
                value: item.id,
                text: [
                  `${item.year} – ${t(statusKey[item.status])}`,
                  ...(item.isCorrection ? [t('evaluation.listCorrection')] : []),
                  ...(item.isCorrected ? [t('evaluation.listCorrected')] : []),
                ].join(' – '),
              }))}
            />
          ) : (
            <p>{t('evaluation.noneYet')}</p>
          )}
          {list.data.abilities.create && !items.some((item) => item.year === thisYear) ? (
            <PlanForm year={thisYear} onCreated={setSelectedId} />
          ) : null}
        </div>
      ) : null}
      {currentId ? (
        <EvaluationView key={currentId} session={props.session} id={currentId} onOpen={setSelectedId} />
      ) : null}
    </>
  );
}

/** The year's evaluation (createEvaluationBody) planned on a date; the year is this year. */
const planForm = createEvaluationBody.pick({ plannedOn: true });

function PlanForm(props: { year: number; onCreated(id: string): void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const form = useContractForm(planForm, { defaultValues: { plannedOn: '' } });
  const create = useApiMutation({
    run: (body: { year: number; plannedOn: string }) => api.createEvaluation(body),
    onSuccess: (created) => props.onCreated(created.id),
    invalidates: () => [...readsOfEvaluation(), queryKeyOf('year-wheel-get')],
  });
  const error = create.error ?? undefined;
  return (
    <form
      className={styles.row}
      noValidate
      onSubmit={form.handleSubmit(({ plannedOn }) => create.mutate({ year: props.year, plannedOn }))}
    >
      <DateFormField
        control={form.control}
        name="plannedOn"
        label={t('evaluation.plannedOnFor', { year: props.year })}
        required
      />
      <Button type="submit" disabled={create.isPending}>
        {t('evaluation.plan')}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
    </form>
  );
}

function EvaluationView(props: { session: Session; id: string; onOpen(id: string): void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const api = useApi();
  const styles = useStyles();
  const loaded = useApiQuery(queryKeyOf('management-evaluations-get', { params: { id: props.id } }), (signal) =>
    api.getEvaluation(props.id, signal),
  );
  const pack = useApiQuery(queryKeyOf('management-evaluations-pack', { params: { id: props.id } }), (signal) =>
    api.getEvaluationPack(props.id, signal),
  );
  const evaluation = loaded.data;
  const [downloadError, setDownloadError] = useState<ApiRequestError | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [correcting, setCorrecting] = useState(false);

  // A decision's new action shows on the record and the action board, and in the owner's tasks.
  const createAction = useApiMutation({
    run: (job: { evaluation: EvaluationDetailDto; decisionId: string }) =>
      api.createDecisionAction(job.evaluation, job.decisionId),
    onSuccess: () => setStatus(t('evaluation.actionCreated')),
    invalidates: () => [...readsOfEvaluation(props.id), queryKeyOf('corrective-actions-board')],
  });
  const error = downloadError ?? createAction.error ?? undefined;

  const download = async (format: 'pdf' | 'docx') => {
    if (!evaluation) return;
    setDownloadError(undefined);
    try {
      const blob = await api.exportEvaluation(evaluation.id, format, i18n.locale);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${t('evaluation.title')} ${evaluation.year}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (failure) {
      setDownloadError(asApiRequestError(failure));
    }
  };

  if (loaded.error && !evaluation) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!evaluation) return <Loading label={t('app.loading')} />;

  return (
    <>
      <PageSection id="evaluation-record" heading={t('evaluation.recordHeading', { year: evaluation.year })}>
        <p>
          {t('evaluation.statusLine', {
            status: t(statusKey[evaluation.status]),
            planned: formatDate(evaluation.plannedOn),
          })}
          {evaluation.heldOn ? ` ${t('evaluation.heldLine', { date: formatDate(evaluation.heldOn) })}` : ''}
          {evaluation.committee
            ? ` ${t('evaluation.committeeLine', {
                committee: evaluation.committee,
                date: formatDate(evaluation.committeeOn) || '–',
              })}`
            : ''}
          {evaluation.publishedOn
            ? ` ${t('evaluation.publishedLine', { date: formatDate(evaluation.publishedOn) })}`
            : ''}
        </p>
        <RecordStateNotes evaluation={evaluation} onOpen={props.onOpen} />
        <div className={styles.row}>
          <Button onClick={() => void download('pdf')}>{t('evaluation.downloadPdf')}</Button>
          <Button onClick={() => void download('docx')}>{t('evaluation.downloadDocx')}</Button>
          {evaluation.abilities.correct && !correcting ? (
            <Button onClick={() => setCorrecting(true)}>{t('evaluation.correct')}</Button>
          ) : null}
        </div>
        {correcting ? (
          <CorrectionForm
            evaluation={evaluation}
            onCancel={() => setCorrecting(false)}
            onCreated={(next) => {
              setCorrecting(false);
              props.onOpen(next.id);
            }}
          />
        ) : null}
        <p className={styles.status} role="status">
          {status}
        </p>
        {error ? <ErrorAlert error={error} onReload={loaded.reload} /> : null}
        <h3>{t('evaluation.decisions')}</h3>
        {evaluation.decisions.length === 0 ? (
          <p>{t('evaluation.noDecisions')}</p>
        ) : (
          <ul className={styles.list}>
            {evaluation.decisions.map((decision) => (
              <li key={decision.id}>
                {decision.text}
                {decision.owner ? ` – ${decision.owner.name}` : ''}
                {decision.dueOn ? `, ${t('actions.due', { date: formatDate(decision.dueOn) })}` : ''}
                {' – '}
                {decision.action ? (
                  <AppLink href={paths.action(decision.action.id)}>
                    {t('evaluation.actionStatus', {
                      status: decision.action.isOverdue
                        ? t('actions.overdue')
                        : t(actionStatusKey[decision.action.status]),
                    })}
                  </AppLink>
                ) : evaluation.abilities.createActions ? (
                  <Button
                    size="small"
                    disabled={createAction.isPending}
                    onClick={() => {
                      setStatus('');
                      setDownloadError(undefined);
                      createAction.mutate({ evaluation, decisionId: decision.id });
                    }}
                    aria-label={t('evaluation.createActionFor', { decision: decision.text })}
                  >
                    {t('evaluation.createAction')}
                  </Button>
                ) : (
                  t('evaluation.noAction')
                )}
              </li>
            ))}
          </ul>
        )}
      </PageSection>

      {evaluation.abilities.edit ? (
        <RecordForm
          session={props.session}
          evaluation={evaluation}
          onSaved={(next) => {
            loaded.setData(next);
            setStatus(t('evaluation.saved'));
          }}
        />
      ) : null}

      <PageSection
        id="evaluation-pack"
        heading={
          pack.data?.frozen
            ? t('evaluation.packHeadingFrozen', { date: formatDate(pack.data.frozen.asOf) })
            : t('evaluation.packHeading')
        }
      >
        {pack.error ? <ErrorAlert error={pack.error} onRetry={pack.reload} /> : null}
        {pack.data ? (
          <PackSections pack={pack.data} registerLinks={evaluation.abilities.readRegister} />
        ) : (
          <Loading label={t('app.loading')} />
        )}
      </PageSection>
    </>
  );
}

const changes = updateEvaluationBody.shape;

/** The decisions as the form holds them ("" for no owner or date), then the contract's list. */
const decisionRows = z
  .array(z.object({ id: z.string().optional(), text: z.string(), ownerId: z.string(), dueOn: z.string() }))
  .transform((rows) => rows.map((row) => ({ ...row, ownerId: row.ownerId || null, dueOn: row.dueOn || null })))
  .pipe(changes.decisions.unwrap());

/** The record of the meeting (updateEvaluationBody) as the form holds it: lists and dates as typed. */
const recordForm = z.object({
  heldOn: emptyAsNull(changes.heldOn.unwrap()),
  participantIds: changes.participantIds.unwrap(),
  guests: linesFromText(changes.guests.unwrap()),
  conclusions: changes.conclusions.unwrap(),
  decisions: decisionRows,
  committee: emptyAsNull(changes.committee.unwrap()),
  committeeOn: emptyAsNull(changes.committeeOn.unwrap()),
  publishedOn: emptyAsNull(changes.publishedOn.unwrap()),
  status: changes.status.unwrap(),
});
type RecordValues = z.input<typeof recordForm>;

function recordValues(evaluation: EvaluationDetailDto): RecordValues {
  return {
    heldOn: evaluation.heldOn ?? '',
    participantIds: evaluation.participants.map((p) => p.id),
    guests: evaluation.guests.join('\n'),
    conclusions: evaluation.conclusions,
    decisions: evaluation.decisions.map((d) => ({
      id: d.id,
      text: d.text,
      ownerId: d.owner?.id ?? '',
      dueOn: d.dueOn ?? '',
    })),
    committee: evaluation.committee ?? '',
    committeeOn: evaluation.committeeOn ?? '',
    publishedOn: evaluation.publishedOn ?? '',
    status: evaluation.status,
  };
}

function RecordForm(props: {
  session: Session;
  evaluation: EvaluationDetailDto;
  onSaved(next: EvaluationDetailDto): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const { evaluation } = props;
  // The values follow the saved record: after a save (a new etag) the form shows what was stored.
  const form = useContractForm(recordForm, { values: recordValues(evaluation) });
  const decisions = useFieldArray({ control: form.control, name: 'decisions', keyName: 'key' });
  const saving = useApiMutation({
    run: (body: Parameters<typeof api.updateEvaluation>[1]) => api.updateEvaluation(evaluation, body),
    onSuccess: (next) => props.onSaved(next),
    invalidates: () => [...readsOfEvaluation(evaluation.id), queryKeyOf('corrective-actions-board')],
  });
  const error = saving.error ?? undefined;
  const personOptions = [
    { value: '', text: t('form.choosePerson') },
    ...props.session.people.map((person) => ({ value: person.id, text: `${person.name} – ${person.title}` })),
  ];

  const order = ['planned', 'held', 'published'] as const;
  const statuses = order.filter((status) => order.indexOf(status) >= order.indexOf(evaluation.status));

  return (
    <PageSection id="evaluation-form" heading={t('evaluation.formHeading')}>
      <form
        className={styles.form}
        noValidate
        onSubmit={form.handleSubmit((body) => {
          if (!saving.isPending) saving.mutate(body);
        })}
      >
        <DateFormField
          control={form.control}
          name="heldOn"
          label={t('evaluation.heldOn')}
          hint={t('evaluation.heldOnHint')}
        />
        <PeopleField
          control={form.control}
          name="participantIds"
          label={t('evaluation.participants')}
          people={props.session.people}
        />
        <TextareaField
          control={form.control}
          name="guests"
          label={t('evaluation.guests')}
          hint={t('evaluation.guestsHint')}
        />
        <TextareaField control={form.control} name="conclusions" label={t('evaluation.conclusions')} rows={5} />
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('evaluation.decisions')}</legend>
          {decisions.fields.map((decision, index) => {
            const hasAction = evaluation.decisions.find((d) => d.id === decision.id)?.action != null;
            return (
              <div key={decision.key} className={styles.decision}>
                <TextareaField
                  control={form.control}
                  name={`decisions.${index}.text`}
                  label={t('evaluation.decisionText', { number: index + 1 })}
                  required
                />
                <div className={styles.row}>
                  <DropdownField
                    control={form.control}
                    name={`decisions.${index}.ownerId`}
                    label={t('actions.owner')}
                    options={personOptions}
                  />
                  <DateFormField
                    control={form.control}
                    name={`decisions.${index}.dueOn`}
                    label={t('actionDetail.dueOn')}
                  />
                  {hasAction ? null : (
                    <Button
                      appearance="subtle"
                      onClick={() => decisions.remove(index)}
                      aria-label={t('evaluation.removeDecision', { number: index + 1 })}
                    >
                      {t('evaluation.remove')}
                    </Button>
                  )}
                </div>
              </div>
            );
          })}
          <div>
            <Button onClick={() => decisions.append({ text: '', ownerId: '', dueOn: '' })}>
              {t('evaluation.addDecision')}
            </Button>
          </div>
        </fieldset>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('evaluation.political')}</legend>
          <div className={styles.row}>
            <TextField control={form.control} name="committee" label={t('evaluation.committee')} />
            <DateFormField control={form.control} name="committeeOn" label={t('evaluation.committeeOn')} />
          </div>
        </fieldset>
        <div className={styles.row}>
          <DateFormField control={form.control} name="publishedOn" label={t('evaluation.publishedOn')} />
          <DropdownField
            control={form.control}
            name="status"
            label={t('evaluation.statusField')}
            options={statuses.map((status) => ({ value: status, text: t(statusKey[status]) }))}
          />
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <div>
          <Button type="submit" appearance="primary" disabled={saving.isPending}>
            {t('evaluation.save')}
          </Button>
        </div>
      </form>
    </PageSection>
  );
}

/** Frozen, locked and corrected: what the record says about itself, with links both ways. */
function RecordStateNotes(props: { evaluation: EvaluationDetailDto; onOpen(id: string): void }) {
  const { t } = useI18n();
  const { record } = props.evaluation;
  return (
    <>
      {record.locked ? <p>{t('evaluation.lockedNote')}</p> : null}
      {record.correctedBy ? (
        <p>
          {t('evaluation.correctedBy')}{' '}
          <Link as="button" onClick={() => props.onOpen(record.correctedBy!.id)}>
            {t('evaluation.openCorrection', { year: record.correctedBy.year })}
          </Link>
          .
        </p>
      ) : null}
      {record.corrects ? (
        <p>
          {t('evaluation.corrects')}{' '}
          <Link as="button" onClick={() => props.onOpen(record.corrects!.id)}>
            {t('evaluation.openOriginal', { year: record.corrects.year })}
          </Link>
          . {t('evaluation.correctionReasonLine', { reason: record.correctionReason ?? '' })}
        </p>
      ) : null}
    </>
  );
}

/** "Ret": the reason, then a new linked evaluation (correctionBody). */
const correctionForm = correctionBody;

function CorrectionForm(props: {
  evaluation: EvaluationDetailDto;
  onCancel(): void;
  onCreated(next: EvaluationDetailDto): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const form = useContractForm(correctionForm, { defaultValues: { reason: '' } });
  const create = useApiMutation({
    run: (body: { reason: string }) => api.correctEvaluation(props.evaluation, body.reason),
    onSuccess: (next) => props.onCreated(next),
    invalidates: () => [...readsOfEvaluation(props.evaluation.id), ...readsOfEvaluation()],
  });
  const error = create.error ?? undefined;
  return (
    <section aria-labelledby="evaluation-correct-heading">
      <h3 id="evaluation-correct-heading">{t('evaluation.correctHeading')}</h3>
      <p>{t('evaluation.correctIntro')}</p>
      <form
        className={styles.form}
        noValidate
        onSubmit={form.handleSubmit((body) => {
          if (!create.isPending) create.mutate(body);
        })}
      >
        <TextareaField control={form.control} name="reason" label={t('evaluation.correctionReason')} required />
        {error ? <ErrorAlert error={error} /> : null}
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={create.isPending}>
            {t('evaluation.createCorrection')}
          </Button>
          <Button onClick={props.onCancel}>{t('evaluation.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
