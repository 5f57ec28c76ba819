import { intlTags } from '../../../../functions/src/core/locale';
import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useApiQuery } from '../../api/query-client';
import type { SurveyDto } from '../../api/survey-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageSection } from '../../shared/page-section';
import { chartRows, percentText } from './survey-model';

const useStyles = makeStyles({
  chart: { maxWidth: '60rem', minWidth: 0 },
  tableWrap: { overflowX: 'auto', maxWidth: '100%', marginTop: tokens.spacingVerticalM },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
});

/** Bar colours from the theme's palette, one per round. */
const roundColours = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPaletteBerryBorderActive,
];

/**
 * Satisfaction per question and round (all respondents): Fluent's grouped bars to look at, and
 * the same figures as a table below for screen readers, keyboards and anyone who would rather read.
 */
export function SatisfactionChart(props: { survey: SurveyDto }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const { survey } = props;
  const rounds = [...survey.rounds].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const results = useApiQuery(['surveys-results', { params: { id: survey.id }, query: { every: true } }], (signal) =>
    Promise.all(rounds.map((round) => api.getSurveyResults(survey.id, round.id, signal))),
  );
  if (results.error) return <ErrorAlert error={results.error} />;
  if (!results.data) return <Loading label={t('surveys.chart.loading')} />;
  const rows = chartRows(survey, results.data, locale);
  const labelOf = (roundId: string) => rounds.find((round) => round.id === roundId)?.label ?? roundId;
  // The wordings are long: the bars are named by the question's number, which the table repeats.
  const data: GroupedVerticalBarChartData[] = rows.map((row, index) => ({
    name: t('surveys.form.question', { number: index + 1 }),
    series: row.values.map((value, index) => ({
      key: `${row.questionId}-${value.roundId}`,
      data: value.share === null ? 0 : Math.round(value.share * 100),
      legend: labelOf(value.roundId),
      color: roundColours[index % roundColours.length],
      yAxisCalloutData: percentText(value.share, locale) ?? t('surveys.noValue'),
    })),
  }));

  return (
    <PageSection id="survey-chart" heading={t('surveys.chart.title')}>
      {/* inert: Tabster's focus sentinels inside the chart are focusable yet aria-hidden (axe:
          aria-hidden-focus). The bars carry their values as labels; the table below has every figure. */}
      <div className={styles.chart} data-testid="survey-chart" inert>
        <GroupedVerticalBarChart
          data={data}
          height={340}
          yMaxValue={100}
          yAxisTickFormat={(value: number) => `${value} %`}
          barWidth="auto"
          maxBarWidth={56}
          hideTooltip={false}
          culture={intlTags[locale]}
          chartTitle={t('surveys.chart.title')}
        />
      </div>
      <div className={styles.tableWrap} role="region" aria-labelledby="survey-chart-table-caption" tabIndex={0}>
        <table className={styles.table}>
          <caption id="survey-chart-table-caption" className={styles.caption}>
            {t('surveys.chart.table')}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.cell}>
                {t('surveys.col.question')}
              </th>
              {rounds.map((round) => (
                <th key={round.id} scope="col" className={`${styles.cell} ${styles.number}`}>
                  {round.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.questionId}>
                <th scope="row" className={styles.cell}>
                  {t('surveys.form.question', { number: index + 1 })}: {row.label}
                </th>
                {row.values.map((value) => (
                  <td key={value.roundId} className={`${styles.cell} ${styles.number}`}>
                    {percentText(value.share, locale) ?? t('surveys.noValue')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PageSection>
  );
}
