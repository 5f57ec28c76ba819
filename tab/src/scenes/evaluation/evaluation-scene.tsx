import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
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
import { PersonSelect } from '../../shared/person-select';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { actionStatusKey } from '../actions/action-labels';
import { todayLocal } from '../competences/competence-model';
import { PackSections } from './pack-sections';
import { OptionDropdown } from '../../shared/option-dropdown';
import { DateField } from '../../shared/date-field';

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

type DecisionDraft = { key: string; id?: string; text: string; ownerId: string; dueOn: string };

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
              options={items.map((item) => ({ value: item.id, text: `${item.year} – ${t(statusKey[item.status])}` }))}
            />
          ) : (
            <p>{t('evaluation.noneYet')}</p>
          )}
          {list.data.abilities.create && !items.some((item) => item.year === thisYear) ? (
            <PlanForm year={thisYear} onCreated={setSelectedId} />
          ) : null}
        </div>
      ) : null}
      {currentId ? <EvaluationView key={currentId} session={props.session} id={currentId} /> : null}
    </>
  );
}

function PlanForm(props: { year: number; onCreated(id: string): void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const [plannedOn, setPlannedOn] = useState('');
  const create = useApiMutation({
    run: (body: { year: number; plannedOn: string }) => api.createEvaluation(body),
    onSuccess: (created) => props.onCreated(created.id),
    invalidates: () => [...readsOfEvaluation(), queryKeyOf('year-wheel-get')],
  });
  const error = create.error ?? undefined;
  return (
    <form
      className={styles.row}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ year: props.year, plannedOn });
      }}
    >
      <Field label={t('evaluation.plannedOnFor', { year: props.year })} required>
        <DateField value={plannedOn} onChange={(value) => setPlannedOn(value)} />
      </Field>
      <Button type="submit" disabled={plannedOn === '' || create.isPending}>
        {t('evaluation.plan')}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
    </form>
  );
}

function EvaluationView(props: { session: Session; id: string }) {
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
        <div className={styles.row}>
          <Button onClick={() => void download('pdf')}>{t('evaluation.downloadPdf')}</Button>
          <Button onClick={() => void download('docx')}>{t('evaluation.downloadDocx')}</Button>
        </div>
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

      <PageSection id="evaluation-pack" heading={t('evaluation.packHeading')}>
        {pack.error ? <ErrorAlert error={pack.error} onRetry={pack.reload} /> : null}
        {pack.data ? <PackSections pack={pack.data} /> : <Loading label={t('app.loading')} />}
      </PageSection>
    </>
  );
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
  const [heldOn, setHeldOn] = useState('');
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [nextParticipant, setNextParticipant] = useState('');
  const [guests, setGuests] = useState('');
  const [conclusions, setConclusions] = useState('');
  const [decisions, setDecisions] = useState<DecisionDraft[]>([]);
  const [committee, setCommittee] = useState('');
  const [committeeOn, setCommitteeOn] = useState('');
  const [publishedOn, setPublishedOn] = useState('');
  const [nextStatus, setNextStatus] = useState(evaluation.status);
  const saving = useApiMutation({
    run: (body: Parameters<typeof api.updateEvaluation>[1]) => api.updateEvaluation(evaluation, body),
    onSuccess: (next) => props.onSaved(next),
    invalidates: () => [...readsOfEvaluation(evaluation.id), queryKeyOf('corrective-actions-board')],
  });
  const error = saving.error ?? undefined;
  const names = useMemo(() => new Map(props.session.people.map((p) => [p.id, p.name])), [props.session.people]);

  useEffect(() => {
    setHeldOn(evaluation.heldOn ?? '');
    setParticipantIds(evaluation.participants.map((p) => p.id));
    setGuests(evaluation.guests.join('\n'));
    setConclusions(evaluation.conclusions);
    setDecisions(
      evaluation.decisions.map((d) => ({
        key: d.id,
        id: d.id,
        text: d.text,
        ownerId: d.owner?.id ?? '',
        dueOn: d.dueOn ?? '',
      })),
    );
    setCommittee(evaluation.committee ?? '');
    setCommitteeOn(evaluation.committeeOn ?? '');
    setPublishedOn(evaluation.publishedOn ?? '');
    setNextStatus(evaluation.status);
  }, [evaluation]);

  const updateDecision = (key: string, change: Partial<DecisionDraft>) =>
    setDecisions((current) => current.map((d) => (d.key === key ? { ...d, ...change } : d)));

  const save = () =>
    saving.mutate({
      heldOn: heldOn || null,
      participantIds,
      guests: guests
        .split('\n')
        .map((guest) => guest.trim())
        .filter(Boolean),
      conclusions,
      decisions: decisions.map((d) => ({
        ...(d.id ? { id: d.id } : {}),
        text: d.text,
        ownerId: d.ownerId || null,
        dueOn: d.dueOn || null,
      })),
      committee: committee.trim() || null,
      committeeOn: committeeOn || null,
      publishedOn: publishedOn || null,
      status: nextStatus,
    });

  const statuses = (['planned', 'held', 'published'] as const).filter(
    (status) =>
      ['planned', 'held', 'published'].indexOf(status) >= ['planned', 'held', 'published'].indexOf(evaluation.status),
  );

  return (
    <PageSection id="evaluation-form" heading={t('evaluation.formHeading')}>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Field label={t('evaluation.heldOn')} hint={t('evaluation.heldOnHint')}>
          <DateField value={heldOn} onChange={(value) => setHeldOn(value)} />
        </Field>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('evaluation.participants')}</legend>
          {participantIds.length === 0 ? <p>{t('evaluation.noParticipants')}</p> : null}
          <ul className={styles.list}>
            {participantIds.map((id) => (
              <li key={id}>
                {names.get(id) ?? id}{' '}
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => setParticipantIds((current) => current.filter((p) => p !== id))}
                  aria-label={t('evaluation.removeParticipant', { person: names.get(id) ?? id })}
                >
                  {t('evaluation.remove')}
                </Button>
              </li>
            ))}
          </ul>
          <div className={styles.row}>
            <PersonSelect
              label={t('evaluation.addParticipant')}
              people={props.session.people.filter((p) => !participantIds.includes(p.id))}
              value={nextParticipant}
              onChange={setNextParticipant}
            />
            <Button
              disabled={nextParticipant === ''}
              onClick={() => {
                setParticipantIds((current) => [...current, nextParticipant]);
                setNextParticipant('');
              }}
            >
              {t('evaluation.add')}
            </Button>
          </div>
        </fieldset>
        <Field label={t('evaluation.guests')} hint={t('evaluation.guestsHint')}>
          <Textarea value={guests} onChange={(_, data) => setGuests(data.value)} resize="vertical" />
        </Field>
        <Field label={t('evaluation.conclusions')}>
          <Textarea value={conclusions} onChange={(_, data) => setConclusions(data.value)} resize="vertical" rows={5} />
        </Field>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('evaluation.decisions')}</legend>
          {decisions.map((decision, index) => {
            const hasAction = evaluation.decisions.find((d) => d.id === decision.id)?.action != null;
            return (
              <div key={decision.key} className={styles.decision}>
                <Field label={t('evaluation.decisionText', { number: index + 1 })} required>
                  <Textarea
                    value={decision.text}
                    onChange={(_, data) => updateDecision(decision.key, { text: data.value })}
                    resize="vertical"
                  />
                </Field>
                <div className={styles.row}>
                  <PersonSelect
                    label={t('actions.owner')}
                    people={props.session.people}
                    value={decision.ownerId}
                    onChange={(ownerId) => updateDecision(decision.key, { ownerId })}
                  />
                  <Field label={t('actionDetail.dueOn')}>
                    <DateField
                      value={decision.dueOn}
                      onChange={(value) => updateDecision(decision.key, { dueOn: value })}
                    />
                  </Field>
                  {hasAction ? null : (
                    <Button
                      appearance="subtle"
                      onClick={() => setDecisions((current) => current.filter((d) => d.key !== decision.key))}
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
            <Button
              onClick={() =>
                setDecisions((current) => [
                  ...current,
                  { key: `new-${Date.now()}-${current.length}`, text: '', ownerId: '', dueOn: '' },
                ])
              }
            >
              {t('evaluation.addDecision')}
            </Button>
          </div>
        </fieldset>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('evaluation.political')}</legend>
          <div className={styles.row}>
            <Field label={t('evaluation.committee')}>
              <Input value={committee} onChange={(_, data) => setCommittee(data.value)} />
            </Field>
            <Field label={t('evaluation.committeeOn')}>
              <DateField value={committeeOn} onChange={(value) => setCommitteeOn(value)} />
            </Field>
          </div>
        </fieldset>
        <div className={styles.row}>
          <Field label={t('evaluation.publishedOn')}>
            <DateField value={publishedOn} onChange={(value) => setPublishedOn(value)} />
          </Field>
          <Field label={t('evaluation.statusField')}>
            <Select value={nextStatus} onChange={(_, data) => setNextStatus(data.value as typeof nextStatus)}>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {t(statusKey[status])}
                </option>
              ))}
            </Select>
          </Field>
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
