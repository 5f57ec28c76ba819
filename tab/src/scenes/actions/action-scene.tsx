import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { z } from 'zod';
import { actionCommandBodies } from '../../../../functions/src/contract/action-schemas';
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
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { todayLocal } from '../competences/competence-model';
import { actionSourceKey, actionStatusKey, findingGradeKey } from './action-labels';
import { DropdownField, RadioField, TextField, TextareaField } from '../../shared/form/form-fields';
import { DateFormField } from '../../shared/form/date-form-field';
import { useContractForm } from '../../shared/form/use-contract-form';

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

  // A command changes the action, the board, the findings it came from and everyone's task lists.
  const command = useApiMutation({
    run: (job: { action: ActionDetailDto; run: (action: ActionDetailDto) => Promise<ActionDetailDto> }) =>
      job.run(job.action),
    onSuccess: (next) => {
      loaded.setData(next);
      setStatus(t('actionDetail.saved', { status: t(actionStatusKey[next.status]) }));
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
          <CorrectionForm action={action} busy={busy} onSubmit={(body) => run('recordCorrection', body)} />
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
          <PlanForm
            action={action}
            people={props.session.people}
            busy={busy}
            onSubmit={(body) => (abilities.analyseAndPlan ? run('analyseAndPlan', body) : run('replan', body))}
          />
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
        {action.implementationNote !== null ? (
          <dl className={styles.facts}>
            <dt>{t('actionDetail.whatWasDone')}</dt>
            <dd>{action.implementationNote}</dd>
            {action.evidenceText !== null || action.evidenceUrl !== null ? (
              <>
                <dt>{t('actionDetail.evidence')}</dt>
                <dd>
                  {action.evidenceText}
                  {action.evidenceText !== null && action.evidenceUrl !== null ? ' – ' : null}
                  {action.evidenceUrl !== null ? (
                    <a href={action.evidenceUrl} target="_blank" rel="noopener noreferrer">
                      {action.evidenceUrl}
                    </a>
                  ) : null}
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {abilities.markImplemented ? (
          <ImplementForm busy={busy} onSubmit={(body) => run('markImplemented', body)} />
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
                {check.earlyReason ? <> ({t('actionDetail.checkedEarly', { reason: check.earlyReason })})</> : null}
              </li>
            ))}
          </ol>
        )}
        {action.effectivenessCheckDueOn !== null ? (
          <p>{t('actionDetail.checkDueOn', { date: formatDate(action.effectivenessCheckDueOn) })}</p>
        ) : null}
        {abilities.checkEffectiveness ? (
          // A new form after each check, so the next one starts empty.
          <CheckForm
            key={action.effectivenessChecks.length}
            busy={busy}
            isEarly={action.effectivenessCheckDueOn !== null && todayLocal() < action.effectivenessCheckDueOn}
            onSubmit={(body) => run('checkEffectiveness', body)}
          />
        ) : action.status === 'implemented' ? (
          <p>{t('actionDetail.checkByOther')}</p>
        ) : null}
      </PageSection>
    </>
  );
}

/** The correction made at once (the recordCorrection command's body); it follows the saved action. */
function CorrectionForm(props: {
  action: ActionDetailDto;
  busy: boolean;
  onSubmit(body: ActionCommandBodies['recordCorrection']): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const form = useContractForm(actionCommandBodies.recordCorrection, {
    values: { correction: props.action.correction ?? '' },
  });
  return (
    <form className={styles.form} noValidate onSubmit={form.handleSubmit(props.onSubmit)}>
      <TextareaField
        control={form.control}
        name="correction"
        label={t('actionDetail.correction')}
        hint={t('actionDetail.correctionHint')}
        required
      />
      <div className={styles.buttons}>
        <Button type="submit" disabled={props.busy}>
          {t('actionDetail.saveCorrection')}
        </Button>
      </div>
    </form>
  );
}

/** Root cause, plan, owner and due date (analyseAndPlan's body, also sent to replan). */
function PlanForm(props: {
  action: ActionDetailDto;
  people: Session['people'];
  busy: boolean;
  onSubmit(body: ActionCommandBodies['analyseAndPlan']): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { action } = props;
  const form = useContractForm(actionCommandBodies.analyseAndPlan, {
    values: {
      rootCause: action.rootCause ?? '',
      plan: action.plan ?? '',
      ownerId: action.owner?.id ?? '',
      dueOn: action.dueOn ?? '',
    },
  });
  return (
    <form className={styles.form} noValidate onSubmit={form.handleSubmit(props.onSubmit)}>
      <TextareaField
        control={form.control}
        name="rootCause"
        label={t('actionDetail.rootCause')}
        hint={t('actionDetail.rootCauseHint')}
        required
      />
      <TextareaField control={form.control} name="plan" label={t('actionDetail.plan')} required />
      <DropdownField
        control={form.control}
        name="ownerId"
        label={t('actions.owner')}
        required
        options={props.people.map((person) => ({ value: person.id, text: `${person.name} – ${person.title}` }))}
      />
      <DateFormField control={form.control} name="dueOn" label={t('actionDetail.dueOn')} required />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={props.busy}>
          {action.abilities.analyseAndPlan ? t('actionDetail.savePlan') : t('actionDetail.replan')}
        </Button>
      </div>
    </form>
  );
}

/** What was done, when, and the evidence (the markImplemented command's body). */
function ImplementForm(props: { busy: boolean; onSubmit(body: ActionCommandBodies['markImplemented']): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const form = useContractForm(actionCommandBodies.markImplemented, {
    defaultValues: { implementedOn: todayLocal(), description: '', evidenceText: '', evidenceUrl: '' },
  });
  return (
    <form className={styles.form} noValidate onSubmit={form.handleSubmit(props.onSubmit)}>
      <TextareaField
        control={form.control}
        name="description"
        label={t('actionDetail.implementationDescription')}
        hint={t('actionDetail.implementationDescriptionHint')}
        required
      />
      <DateFormField
        control={form.control}
        name="implementedOn"
        label={t('actionDetail.implementedOnField')}
        required
      />
      <TextareaField
        control={form.control}
        name="evidenceText"
        label={t('actionDetail.evidenceText')}
        hint={t('actionDetail.evidenceTextHint')}
      />
      <TextField
        control={form.control}
        name="evidenceUrl"
        type="url"
        label={t('actionDetail.evidenceUrl')}
        hint={t('actionDetail.evidenceUrlHint')}
      />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={props.busy}>
          {t('actionDetail.markImplemented')}
        </Button>
      </div>
    </form>
  );
}

/** An effectiveness check (the checkEffectiveness command's body), with "yes"/"no" as radio values. */
const checkForm = actionCommandBodies.checkEffectiveness.pick({ note: true }).extend({
  // "" (nothing chosen yet) is no answer: the contract's boolean then asks for one.
  isEffective: z
    .string()
    .transform((answer) => (answer === 'yes' ? true : answer === 'no' ? false : undefined))
    .pipe(actionCommandBodies.checkEffectiveness.shape.isEffective),
  earlyReason: actionCommandBodies.checkEffectiveness.shape.earlyReason,
});

/** Before the waiting period has passed the check needs a reason (core/corrective-action.ts). */
const earlyCheckForm = checkForm.refine((body) => (body.earlyReason ?? '') !== '', {
  path: ['earlyReason'],
  message: 'Required',
});

function CheckForm(props: {
  busy: boolean;
  /** True before the waiting period after the implementation has passed: a reason is asked for. */
  isEarly: boolean;
  onSubmit(body: ActionCommandBodies['checkEffectiveness']): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const form = useContractForm(props.isEarly ? earlyCheckForm : checkForm, {
    defaultValues: { isEffective: '', note: '', earlyReason: '' },
  });
  return (
    <form className={styles.form} noValidate onSubmit={form.handleSubmit(props.onSubmit)}>
      <RadioField
        control={form.control}
        name="isEffective"
        label={t('actionDetail.isEffective')}
        required
        options={[
          { value: 'yes', text: t('actionDetail.effectiveYes') },
          { value: 'no', text: t('actionDetail.effectiveNo') },
        ]}
      />
      <TextareaField
        control={form.control}
        name="note"
        label={t('actionDetail.checkNote')}
        hint={t('actionDetail.checkNoteHint')}
        required
      />
      {props.isEarly ? (
        <TextareaField
          control={form.control}
          name="earlyReason"
          label={t('actionDetail.earlyReason')}
          hint={t('actionDetail.earlyReasonHint')}
          required
        />
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={props.busy}>
          {t('actionDetail.saveCheck')}
        </Button>
      </div>
    </form>
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
