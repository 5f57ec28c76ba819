import { intlTags } from '../../../../functions/src/core/locale';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { GoalViewDto } from '../../api/goals-api';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { OptionDropdown } from '../../shared/option-dropdown';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import { CaseImportDialog } from './case-import-dialog';
import { GoalColourBadge } from './goal-colour-badge';
import { GoalForm } from './goal-form';
import {
  colourFilterOf,
  colourKey,
  colourOf,
  filterGoals,
  formatFigure,
  goalColourFilters,
  measurementText,
  sortGoals,
  targetKey,
} from './goal-model';
import { PolicySection } from './policy-section';

const useStyles = makeStyles({
  intro: { maxWidth: '48rem', marginTop: 0 },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  status: { minHeight: '1.5em', margin: `0 0 ${tokens.spacingVerticalS}` },
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 22rem), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  cardTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0 },
});

/**
 * "Mål og kvalitetspolitik" (ISO 9001 5.2 and 6.2): the quality policy and the quality goals with
 * their status, for everyone; the coordinator edits them and imports the case data they are
 * measured on. `?colour=red` shows the goals of one colour (the overview's goal tiles link so).
 */
export function GoalsScene(props: { session: Session; query: URLSearchParams }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const navigate = useNavigate();
  const colour = colourFilterOf(props.query.get('colour'));
  const goals = useApiQuery(queryKeyOf('goals-list'), (signal) => api.listGoals(signal));
  const [isCreating, setIsCreating] = useState(false);
  const [isImporting, setIsImporting] = useState(false);
  const [status, setStatus] = useState('');
  const title = t('goals.title');
  const data = goals.data;
  const shown = data ? sortGoals(filterGoals(data.goals, colour)) : [];
  const colourOptions = [
    { value: '', text: t('goals.filter.all') },
    ...goalColourFilters.map((value) => ({ value, text: t(colourKey[value]) })),
  ];

  return (
    <>
      <PageHeading documentTitle={title}>{title}</PageHeading>
      <p className={styles.intro}>{t('goals.intro')}</p>
      <p role="status" aria-live="polite" className={styles.status}>
        {status}
      </p>
      <PolicySection onSaved={() => setStatus(t('policy.saved'))} />
      <PageSection id="goals-list" heading={t('goals.listHeading')}>
        <div className={styles.toolbar}>
          <OptionDropdown
            label={t('goals.filter.label')}
            options={colourOptions}
            value={colour ?? ''}
            onChange={(value) =>
              navigate(paths.goals(value ? { colour: value } : undefined), { replace: true, keepFocus: true })
            }
          />
          {data?.abilities.create && !isCreating ? (
            <Button appearance="primary" onClick={() => setIsCreating(true)}>
              {t('goals.new')}
            </Button>
          ) : null}
          {data?.abilities.create ? (
            <Button onClick={() => setIsImporting(true)}>{t('goals.import.open')}</Button>
          ) : null}
        </div>
        {isCreating ? (
          <GoalForm
            heading={t('goals.newHeading')}
            goal={null}
            session={props.session}
            onSaved={(saved) => {
              setIsCreating(false);
              setStatus(t('goals.created', { title: saved.title }));
            }}
            onCancel={() => setIsCreating(false)}
          />
        ) : null}
        {goals.error ? <ErrorAlert error={goals.error} onRetry={goals.reload} /> : null}
        {!data && goals.isLoading ? <Loading label={t('app.loading')} /> : null}
        {data && shown.length === 0 ? <p>{colour ? t('goals.noneOfColour') : t('goals.none')}</p> : null}
        {shown.length > 0 ? (
          <ul className={styles.list} aria-label={t('goals.listHeading')}>
            {shown.map((goal) => (
              <GoalCard key={goal.id} goal={goal} />
            ))}
          </ul>
        ) : null}
      </PageSection>
      <CaseImportDialog
        open={isImporting}
        units={props.session.units}
        onClose={() => setIsImporting(false)}
        onImported={(count) => {
          setIsImporting(false);
          setStatus(t('goals.import.done', { count }));
        }}
      />
    </>
  );
}

function GoalCard(props: { goal: GoalViewDto }) {
  const { t, formatDate, locale } = useI18n();
  const styles = useStyles();
  const { goal } = props;
  const tag = intlTags[locale];
  const headingId = `goal-${goal.id}`;
  const measurement = measurementText(goal.measurement, t);
  return (
    <li className={styles.card}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className={styles.cardTitle}>
          <AppLink href={paths.goal(goal.id)}>{goal.title}</AppLink>
        </h3>
        <p>
          <GoalColourBadge colour={colourOf(goal)} />
        </p>
        <dl className={styles.facts}>
          <dt className={styles.term}>{t('goals.current')}</dt>
          <dd className={`${styles.detail} ${styles.value}`}>
            {formatFigure(goal.lastReading?.value ?? null, goal.target.unit, tag)}
          </dd>
          <dt className={styles.term}>{t('goals.targetLabel')}</dt>
          <dd className={styles.detail}>
            {t(targetKey(goal.target), {
              value: formatFigure(goal.target.value, goal.target.unit, tag),
              count: goal.target.value,
            })}
          </dd>
          <dt className={styles.term}>{t('goals.period')}</dt>
          <dd className={styles.detail}>
            {t('goals.periodValue', { from: formatDate(goal.periodFrom), to: formatDate(goal.periodTo) })}
          </dd>
          <dt className={styles.term}>{t('goals.owner')}</dt>
          <dd className={styles.detail}>{goal.ownerName}</dd>
          <dt className={styles.term}>{t('goals.measurementLabel')}</dt>
          <dd className={styles.detail}>{measurement}</dd>
        </dl>
      </article>
    </li>
  );
}
