import { intlTags } from '../../../../functions/src/core/locale';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CaseStatisticsDto, GoalDetailDto } from '../../api/goals-api';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import { GoalChart } from './goal-chart';
import { GoalColourBadge } from './goal-colour-badge';
import { EnteredValuesSection } from './entered-values-section';
import { GoalForm } from './goal-form';
import { cadenceKey, chartMonths, colourOf, formatFigure, measurementText, statusKey, targetKey } from './goal-model';

const useStyles = makeStyles({
  status: { minHeight: '1.5em', margin: `0 0 ${tokens.spacingVerticalS}` },
  summary: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL, margin: 0 },
  value: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0 },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 10rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  figure: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
  },
  figureValue: { display: 'block', fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  tableWrap: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase300 },
  cell: {
    textAlign: 'right',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  first: { textAlign: 'left' },
});

/** One goal: its status and figures, the chart over its period, and the breakdowns; editing for the coordinator. */
export function GoalScene(props: { session: Session; goalId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const goal = useApiQuery(queryKeyOf('goals-get', { params: { id: props.goalId } }), (signal) =>
    api.getGoal(props.goalId, signal),
  );
  const [isEditing, setIsEditing] = useState(false);
  const [status, setStatus] = useState('');
  const data = goal.data;
  const title = data?.title ?? t('goals.title');
  return (
    <>
      <p>
        <AppLink href={paths.goals()}>{t('goals.back')}</AppLink>
      </p>
      <PageHeading documentTitle={title}>{title}</PageHeading>
      <p role="status" aria-live="polite" className={styles.status}>
        {status}
      </p>
      {goal.error ? <ErrorAlert error={goal.error} onRetry={goal.reload} /> : null}
      {!data && goal.isLoading ? <Loading label={t('app.loading')} /> : null}
      {data && isEditing ? (
        <GoalForm
          heading={t('goals.editHeading')}
          goal={data}
          session={props.session}
          onSaved={(saved) => {
            goal.setData(saved);
            setIsEditing(false);
            setStatus(t('goals.saved'));
          }}
          onCancel={() => setIsEditing(false)}
        />
      ) : null}
      {data && !isEditing ? (
        <>
          <GoalDetail
            goal={data}
            unitNames={new Map(props.session.units.map((unit) => [unit.id, unit.name]))}
            onEdit={data.abilities.edit ? () => setIsEditing(true) : null}
          />
          <EnteredValuesSection
            goal={data}
            onSaved={(saved) => {
              goal.setData(saved);
              setStatus(t('goals.entered.added'));
            }}
          />
        </>
      ) : null}
    </>
  );
}

function GoalDetail(props: {
  goal: GoalDetailDto;
  unitNames: ReadonlyMap<string, string>;
  onEdit: (() => void) | null;
}) {
  const { t, formatDate, locale } = useI18n();
  const styles = useStyles();
  const { goal } = props;
  const tag = intlTags[locale];
  const target = t(targetKey(goal.target), {
    value: formatFigure(goal.target.value, goal.target.unit, tag),
    count: goal.target.value,
  });
  const measurement = measurementText(goal.measurement, t);
  return (
    <>
      <p className={styles.summary}>
        <GoalColourBadge colour={colourOf(goal)} />
        <span>
          <span className={styles.value}>{formatFigure(goal.lastReading?.value ?? null, goal.target.unit, tag)}</span>{' '}
          {t('goals.ofTarget', { target })}
        </span>
        {goal.lastReading ? (
          <span>{t('goals.computedOn', { on: formatDate(goal.lastReading.computedOn) })}</span>
        ) : null}
      </p>
      {goal.description ? <p>{goal.description}</p> : null}
      {goal.measurement.kind === 'survey' && goal.measurement.surveyId === null ? (
        <p>{t('goals.surveyPending')}</p>
      ) : null}
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('goals.period')}</dt>
        <dd className={styles.detail}>
          {t('goals.periodValue', { from: formatDate(goal.periodFrom), to: formatDate(goal.periodTo) })}
        </dd>
        <dt className={styles.term}>{t('goals.owner')}</dt>
        <dd className={styles.detail}>{goal.ownerName}</dd>
        <dt className={styles.term}>{t('goals.measurementLabel')}</dt>
        <dd className={styles.detail}>{measurement}</dd>
        <dt className={styles.term}>{t('goals.form.cadence')}</dt>
        <dd className={styles.detail}>{t(cadenceKey[goal.cadence])}</dd>
        <dt className={styles.term}>{t('goals.thresholds')}</dt>
        <dd className={styles.detail}>
          {t('goals.thresholdsValue', {
            points: formatFigure(goal.thresholds.yellowWithinPoints, 'count', tag),
            count: goal.thresholds.yellowWithinPoints,
          })}
        </dd>
        <dt className={styles.term}>{t('goals.form.status')}</dt>
        <dd className={styles.detail}>{t(statusKey[goal.status])}</dd>
        <dt className={styles.term}>{t('goals.form.clauses')}</dt>
        <dd className={styles.detail}>{goal.clauses.join(', ') || '–'}</dd>
      </dl>
      {props.onEdit ? <Button onClick={props.onEdit}>{t('goals.edit')}</Button> : null}
      {goal.statistics ? <GoalStatistics goal={goal} statistics={goal.statistics} unitNames={props.unitNames} /> : null}
    </>
  );
}

function GoalStatistics(props: {
  goal: GoalDetailDto;
  statistics: CaseStatisticsDto;
  unitNames: ReadonlyMap<string, string>;
}) {
  const { t, formatDate, locale } = useI18n();
  const styles = useStyles();
  const tag = intlTags[locale];
  const { statistics } = props;
  const headline = statistics.headline;
  const days = (value: number | null) => (value === null ? '–' : t('goals.days', { count: Math.round(value) }));
  const figures = [
    { label: t('goals.figures.share'), value: formatFigure(headline.sharePercent, 'percent', tag) },
    { label: t('goals.figures.decided'), value: String(headline.decided) },
    { label: t('goals.figures.mean'), value: days(headline.meanDays) },
    { label: t('goals.figures.median'), value: days(headline.medianDays) },
    { label: t('goals.figures.backlog'), value: String(statistics.backlog) },
    { label: t('goals.figures.exempt'), value: String(statistics.exempt) },
  ];
  return (
    <>
      <PageSection id="goal-figures" heading={t('goals.figuresHeading')}>
        <p>
          {t('goals.figuresIntro', {
            from: formatDate(statistics.from),
            to: formatDate(statistics.to),
            asOf: formatDate(statistics.asOf),
          })}
        </p>
        <dl className={styles.figures}>
          {figures.map((figure) => (
            <div key={figure.label} className={styles.figure}>
              <dt>{figure.label}</dt>
              <dd className={mergeClasses(styles.detail, styles.figureValue)}>{figure.value}</dd>
            </div>
          ))}
        </dl>
      </PageSection>
      <PageSection id="goal-chart" heading={t('goals.chart.heading')}>
        <GoalChart months={chartMonths(statistics, props.goal.target)} title={t('goals.chart.title')} />
      </PageSection>
      <PageSection id="goal-case-types" heading={t('goals.byCaseType')}>
        <GroupTable groups={statistics.byCaseType} label={t('goals.byCaseType')} keyLabel={t('goals.field.caseType')} />
      </PageSection>
      <PageSection id="goal-units" heading={t('goals.byUnit')}>
        <GroupTable
          groups={statistics.byUnit}
          label={t('goals.byUnit')}
          keyLabel={t('goals.field.unit')}
          nameOf={(key) => (key === '' ? t('goals.noUnit') : (props.unitNames.get(key) ?? key))}
        />
      </PageSection>
    </>
  );
}

function GroupTable(props: {
  groups: CaseStatisticsDto['byCaseType'];
  label: string;
  keyLabel: string;
  nameOf?: (key: string) => string;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const tag = intlTags[locale];
  const number = (value: number | null) => (value === null ? '–' : formatFigure(Math.round(value), 'count', tag));
  if (props.groups.length === 0) return <p>{t('goals.noCases')}</p>;
  return (
    <div className={styles.tableWrap} role="region" aria-label={props.label} tabIndex={0}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.first)}>
              {props.keyLabel}
            </th>
            <th scope="col" className={styles.cell}>
              {t('goals.figures.decided')}
            </th>
            <th scope="col" className={styles.cell}>
              {t('goals.figures.share')}
            </th>
            <th scope="col" className={styles.cell}>
              {t('goals.figures.mean')}
            </th>
            <th scope="col" className={styles.cell}>
              {t('goals.figures.median')}
            </th>
            <th scope="col" className={styles.cell}>
              {t('goals.figures.backlog')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map((group) => (
            <tr key={group.key}>
              <th scope="row" className={mergeClasses(styles.cell, styles.first)}>
                {props.nameOf ? props.nameOf(group.key) : group.key}
              </th>
              <td className={styles.cell}>{group.figures.decided}</td>
              <td className={styles.cell}>{formatFigure(group.figures.sharePercent, 'percent', tag)}</td>
              <td className={styles.cell}>{number(group.figures.meanDays)}</td>
              <td className={styles.cell}>{number(group.figures.medianDays)}</td>
              <td className={styles.cell}>{group.backlog}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
