import { Button, Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ActionCommandBodies, ActionCommandName, ActionDetailDto } from '../../api/quality-api';
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
import { todayLocal } from '../competences/competence-model';
import { actionSourceKey, actionStatusKey, findingGradeKey } from './action-labels';
import { DateField } from '../../shared/date-field';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0, whiteSpace: 'pre-wrap' },
  },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', marginTop: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM },
  status: { minHeight: '1.5em' },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  checks: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** One corrective action: source, correction and root cause apart, the plan, implementation and the effectiveness checks. */
export function ActionScene(props: { session: Session; actionId: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const api = useApi();
  const styles = useStyles();
  const loaded = useApiQuery(queryKeyOf('corrective-actions-get', { params: { id: props.actionId } }), (signal) =>
    api.getAction(props.actionId, signal),
  );
  const action = loaded.data;

  const [status, setStatus] = useState('');
  const [correction, setCorrection] = useState('');
  const [rootCause, setRootCause] = useState('');
  const [plan, setPlan] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [effective, setEffective] = useState<'yes' | 'no' | ''>('');
  const [note, setNote] = useState('');

  useEffect(() => {
    if (!action) return;
    setCorrection(action.correction ?? '');
    setRootCause(action.rootCause ?? '');
    setPlan(action.plan ?? '');
    setOwnerId(action.owner?.id ?? '');
    setDueOn(action.dueOn ?? '');
  }, [action]);

  // A command changes the action, the board, the findings it came from and everyone's task lists.
  const command = useApiMutation({
    run: (job: { action: ActionDetailDto; run: (action: ActionDetailDto) => Promise<ActionDetailDto> }) =>
      job.run(job.action),
    onSuccess: (next) => {
      loaded.setData(next);
      setStatus(t('actionDetail.saved', { status: t(actionStatusKey[next.status]) }));
      setEffective('');
      setNote('');
    },
    invalidates: () => [
      queryKeyOf('corrective-actions-board'),
      queryKeyOf('findings-list'),
      queryKeyOf('audits-findings-list'),
      queryKeyOf('management-evaluations-get'),
      queryKeyOf('my-tasks'),
      queryKeyOf('overview'),
    ],
  });
  const busy = command.isPending;
  const error = command.error ?? undefined;
  const run = <K extends ActionCommandName>(name: K, body: ActionCommandBodies[K]) => {
    if (!action) return;
    setStatus('');
    command.mutate({ action, run: (current) => api.runActionCommand(current, name, body) });
  };

  if (loaded.error && !action) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!action) return <Loading label={t('app.loading')} />;
  const { abilities } = action;
  const canPlan = abilities.analyseAndPlan || abilities.replan;

  return (
    <>
      <p>
        <AppLink href={paths.actions()}>{t('actionDetail.back')}</AppLink>
      </p>
      <PageHeading documentTitle={action.title}>{action.title}</PageHeading>
      <dl className={styles.facts}>
        <dt>{t('actionDetail.status')}</dt>
        <dd>
          {t(actionStatusKey[action.status])}
          {action.daysOverdue !== null ? (
            <span className={styles.overdue}> – {t('actions.daysOverdue', { count: action.daysOverdue })}</span>
          ) : null}
        </dd>
        <dt>{t('actionDetail.unit')}</dt>
        <dd>{action.unit?.name ?? t('actions.noUnit')}</dd>
        <dt>{t('actionDetail.source')}</dt>
        <dd>
          <SourceText action={action} />
        </dd>
      </dl>
      <p className={styles.status} role="status">
        {status}
      </p>
      {error ? <ErrorAlert error={error} onReload={loaded.reload} /> : null}

      <PageSection id="action-correction" heading={t('actionDetail.correctionHeading')}>
        <p>{action.correction ?? t('actionDetail.noCorrection')}</p>
        {abilities.recordCorrection ? (
          <form
            className={styles.form}
            onSubmit={(event) => {
              event.preventDefault();
              run('recordCorrection', { correction });
            }}
          >
            <Field label={t('actionDetail.correction')} hint={t('actionDetail.correctionHint')} required>
              <Textarea value={correction} onChange={(_, data) => setCorrection(data.value)} resize="vertical" />
            </Field>
            <div className={styles.buttons}>
              <Button type="submit" disabled={busy || correction.trim() === ''}>
                {t('actionDetail.saveCorrection')}
              </Button>
            </div>
          </form>
        ) : null}
      </PageSection>

      <PageSection id="action-plan" heading={t('actionDetail.planHeading')}>
        <dl className={styles.facts}>
          <dt>{t('actionDetail.rootCause')}</dt>
          <dd>{action.rootCause ?? t('actionDetail.notYet')}</dd>
          <dt>{t('actionDetail.plan')}</dt>
          <dd>{action.plan ?? t('actionDetail.notYet')}</dd>
          <dt>{t('actions.owner')}</dt>
          <dd>{action.owner?.name ?? t('actions.noOwner')}</dd>
          <dt>{t('actionDetail.dueOn')}</dt>
          <dd>{action.dueOn ? formatDate(action.dueOn) : t('actionDetail.notYet')}</dd>
        </dl>
        {canPlan ? (
          <form
            className={styles.form}
            onSubmit={(event) => {
              event.preventDefault();
              if (abilities.analyseAndPlan) run('analyseAndPlan', { rootCause, plan, ownerId, dueOn });
              else run('replan', { rootCause, plan, ownerId, dueOn });
            }}
          >
            <Field label={t('actionDetail.rootCause')} hint={t('actionDetail.rootCauseHint')} required>
              <Textarea value={rootCause} onChange={(_, data) => setRootCause(data.value)} resize="vertical" />
            </Field>
            <Field label={t('actionDetail.plan')} required>
              <Textarea value={plan} onChange={(_, data) => setPlan(data.value)} resize="vertical" />
            </Field>
            <PersonSelect
              label={t('actions.owner')}
              people={props.session.people}
              value={ownerId}
              onChange={setOwnerId}
              required
            />
            <Field label={t('actionDetail.dueOn')} required>
              <DateField value={dueOn} onChange={(value) => setDueOn(value)} />
            </Field>
            <div className={styles.buttons}>
              <Button
                type="submit"
                appearance="primary"
                disabled={busy || !rootCause.trim() || !plan.trim() || !ownerId || !dueOn}
              >
                {abilities.analyseAndPlan ? t('actionDetail.savePlan') : t('actionDetail.replan')}
              </Button>
            </div>
          </form>
        ) : null}
      </PageSection>

      <PageSection id="action-implementation" heading={t('actionDetail.implementationHeading')}>
        <p>
          {action.implementedOn === null
            ? t('actionDetail.notImplemented')
            : action.implementedBy === null
              ? t('actionDetail.implementedOn', { date: formatDate(action.implementedOn) })
              : t('actionDetail.implementedOnBy', {
                  date: formatDate(action.implementedOn),
                  person: action.implementedBy.name,
                })}
        </p>
        {abilities.markImplemented ? (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => run('markImplemented', { implementedOn: todayLocal() })}
          >
            {t('actionDetail.markImplemented')}
          </Button>
        ) : null}
      </PageSection>

      <PageSection id="action-effectiveness" heading={t('actionDetail.effectivenessHeading')}>
        {action.effectivenessChecks.length === 0 ? (
          <p>{t('actionDetail.noChecks')}</p>
        ) : (
          <ol className={styles.checks}>
            {action.effectivenessChecks.map((check, index) => (
              <li key={`${check.checkedOn}-${index}`}>
                {t(check.isEffective ? 'actionDetail.checkEffective' : 'actionDetail.checkIneffective', {
                  date: formatDate(check.checkedOn),
                  person: check.checkedByName,
                })}
                : {check.note}
              </li>
            ))}
          </ol>
        )}
        {abilities.checkEffectiveness ? (
          <form
            className={styles.form}
            onSubmit={(event) => {
              event.preventDefault();
              run('checkEffectiveness', { isEffective: effective === 'yes', note });
            }}
          >
            <Field label={t('actionDetail.isEffective')} required>
              <RadioGroup value={effective} onChange={(_, data) => setEffective(data.value as 'yes' | 'no')}>
                <Radio value="yes" label={t('actionDetail.effectiveYes')} />
                <Radio value="no" label={t('actionDetail.effectiveNo')} />
              </RadioGroup>
            </Field>
            <Field label={t('actionDetail.checkNote')} hint={t('actionDetail.checkNoteHint')} required>
              <Textarea value={note} onChange={(_, data) => setNote(data.value)} resize="vertical" />
            </Field>
            <div className={styles.buttons}>
              <Button type="submit" appearance="primary" disabled={busy || effective === '' || note.trim() === ''}>
                {t('actionDetail.saveCheck')}
              </Button>
            </div>
          </form>
        ) : action.status === 'implemented' ? (
          <p>{t('actionDetail.checkByOther')}</p>
        ) : null}
      </PageSection>
    </>
  );
}

function SourceText(props: { action: ActionDetailDto }) {
  const { t } = useI18n();
  const source = props.action.source;
  if (source.kind === 'finding') {
    return (
      <>
        {t('actions.source.finding')}
        {source.grade ? `: ${t(findingGradeKey[source.grade])}` : ''}
        {source.clause ? `, ${t('actionDetail.clause', { clause: source.clause })}` : ''}
        {source.auditTitle ? ` (${source.auditTitle})` : ''}
        {source.description ? ` – ${source.description}` : ''}
      </>
    );
  }
  if (source.kind === 'management-decision') {
    return (
      <>
        {t('actionDetail.fromDecision', { year: source.year ?? '' })}{' '}
        <AppLink href={paths.evaluation()}>{source.text ?? ''}</AppLink>
      </>
    );
  }
  return <>{t(actionSourceKey[source.kind])}</>;
}
