import {
  VerticalBarChart,
  VerticalStackedBarChart,
  type VerticalBarChartDataPoint,
  type VerticalStackedChartProps,
} from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import { intlTags } from '../../../../functions/src/core/locale';
import { registerKinds, type RegisterKind } from '../../../../functions/src/core/register-types';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import type { RegisterStatisticsDto, RegisterStatisticsQuery } from '../../api/register-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { OptionDropdown } from '../../shared/option-dropdown';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import { kindKey } from './register-labels';
import { useRegisterStyles } from './register-styles';

const periods = [3, 6, 12, 24] as const;
const kindColours: Readonly<Record<RegisterKind, string>> = {
  deviation: tokens.colorPaletteRedBorderActive,
  complaint: tokens.colorPaletteMarigoldBorderActive,
  suggestion: tokens.colorPaletteBlueBorderActive,
  praise: tokens.colorPaletteGreenBorderActive,
};

/**
 * What the register teaches: a Pareto of root causes (bars, most frequent first, with the
 * cumulative share as a line), the trend over 24 months per kind, replies in time and open items
 * by age, for a period and a kind in the URL. Each chart is a picture of the table before it:
 * the tables are what screen readers and keyboards use (the charts are inert). Fluent's charts
 * come with this scene's chunk only.
 */
export function RegisterStatisticsScene(props: { query: URLSearchParams }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useRegisterStyles();
  const navigate = useNavigate();
  const months = periods.find((value) => String(value) === props.query.get('months')) ?? 12;
  const kind = registerKinds.find((value) => value === props.query.get('kind'));
  // The labels of every breakdown come worded in the tab's language.
  const query: RegisterStatisticsQuery = { months, kind, locale };
  const statistics = useApiQuery(queryKeyOf('register-statistics', { query }), (signal) =>
    api.getRegisterStatistics(query, signal),
  );
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(props.query);
    if (value) next.set(name, value);
    else next.delete(name);
    navigate(paths.registerStatistics(next), { replace: true, keepFocus: true });
  };
  const percent = new Intl.NumberFormat(intlTags[locale], { style: 'percent', maximumFractionDigits: 0 });
  const data = statistics.data;

  return (
    <>
      <PageHeading documentTitle={t('register.stats.heading')}>{t('register.stats.heading')}</PageHeading>
      <div className={styles.toolbar}>
        <OptionDropdown
          label={t('register.stats.period')}
          fieldClassName={styles.filter}
          options={periods.map((value) => ({
            value: String(value),
            text: t('register.stats.months', { count: value }),
          }))}
          value={String(months)}
          onChange={(value) => setFilter('months', value === '12' ? '' : value)}
        />
        <OptionDropdown
          label={t('register.filter.kind')}
          fieldClassName={styles.filter}
          options={[
            { value: '', text: t('register.filter.any') },
            ...registerKinds.map((value) => ({ value, text: t(kindKey[value]) })),
          ]}
          value={kind ?? ''}
          onChange={(value) => setFilter('kind', value)}
        />
      </div>
      {statistics.error ? <ErrorAlert error={statistics.error} onRetry={statistics.reload} /> : null}
      {!data && statistics.isLoading ? <Loading label={t('app.loading')} /> : null}
      {data ? (
        <>
          <p role="status">{t('register.stats.total', { count: data.total })}</p>
          <ParetoSection data={data} percent={percent} />
          <TrendSection data={data} />
          <PageSection id="register-compliance" heading={t('register.stats.compliance')}>
            {data.replyCompliance.share === null ? (
              <p>{t('register.stats.noCompliance')}</p>
            ) : (
              <p data-testid="reply-compliance">
                {t('register.stats.complianceText', {
                  inTime: data.replyCompliance.answeredInTime,
                  total:
                    data.replyCompliance.answeredInTime +
                    data.replyCompliance.answeredLate +
                    data.replyCompliance.overdueUnanswered,
                  share: percent.format(data.replyCompliance.share),
                  late: data.replyCompliance.answeredLate,
                  overdue: data.replyCompliance.overdueUnanswered,
                })}
              </p>
            )}
          </PageSection>
          <CountTable
            id="register-open-age"
            heading={t('register.stats.openByAge')}
            groupLabel={t('register.stats.ageBucket')}
            rows={data.openByAge.map((row) => ({ key: row.bucket, label: row.bucket, count: row.count }))}
          />
          <CountTable
            id="register-by-kind"
            heading={t('register.stats.byKind')}
            groupLabel={t('register.filter.kind')}
            rows={data.byKind}
          />
          <CountTable
            id="register-by-unit"
            heading={t('register.stats.byUnit')}
            groupLabel={t('register.filter.unit')}
            rows={data.byUnit}
          />
          <CountTable
            id="register-by-channel"
            heading={t('register.stats.byChannel')}
            groupLabel={t('register.stats.group')}
            rows={data.byChannel}
          />
        </>
      ) : null}
    </>
  );
}

function ParetoSection(props: { data: RegisterStatisticsDto; percent: Intl.NumberFormat }) {
  const { t } = useI18n();
  const styles = useRegisterStyles();
  const rows = props.data.pareto;
  const points: VerticalBarChartDataPoint[] = rows.map((row) => ({
    x: row.label,
    y: row.count,
    legend: t('register.stats.count'),
    color: tokens.colorPaletteBlueBorderActive,
    lineData: {
      y: Math.round(row.cumulativeShare * 100),
      useSecondaryYScale: true,
      yAxisCalloutData: props.percent.format(row.cumulativeShare),
    },
  }));
  return (
    <PageSection id="register-pareto" heading={t('register.stats.pareto')}>
      {rows.length === 0 ? (
        <p>{t('register.stats.noRootCauses')}</p>
      ) : (
        <>
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="pareto-table">
              <thead>
                <tr>
                  <th className={styles.cell}>{t('register.stats.rootCause')}</th>
                  <th className={`${styles.cell} ${styles.number}`}>{t('register.stats.count')}</th>
                  <th className={`${styles.cell} ${styles.number}`}>{t('register.stats.cumulative')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row" className={styles.cell}>
                      {row.label}
                    </th>
                    <td className={`${styles.cell} ${styles.number}`}>{row.count}</td>
                    <td className={`${styles.cell} ${styles.number}`}>{props.percent.format(row.cumulativeShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <figure className={styles.chart}>
            {/* inert: a picture of the table above, out of the tab order and the accessibility tree. */}
            <div inert>
              <VerticalBarChart
                data={points}
                height={320}
                barWidth="auto"
                hideLegend
                chartTitle={t('register.stats.pareto')}
                secondaryYScaleOptions={{ yMinValue: 0, yMaxValue: 100 }}
              />
            </div>
            <figcaption>{t('register.stats.paretoCaption')}</figcaption>
          </figure>
        </>
      )}
    </PageSection>
  );
}

function TrendSection(props: { data: RegisterStatisticsDto }) {
  const { t, locale } = useI18n();
  const styles = useRegisterStyles();
  const monthName = new Intl.DateTimeFormat(intlTags[locale], { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const label = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));
  const trend = props.data.trend;
  const chartData: VerticalStackedChartProps[] = trend.map((row) => ({
    xAxisPoint: label(row.month),
    chartData: registerKinds.map((kind) => ({
      legend: t(kindKey[kind]),
      data: row.counts[kind] ?? 0,
      color: kindColours[kind],
    })),
  }));
  return (
    <PageSection id="register-trend" heading={t('register.stats.trend')}>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="trend-table">
          <thead>
            <tr>
              <th className={styles.cell}>{t('register.stats.month')}</th>
              {registerKinds.map((kind) => (
                <th key={kind} className={`${styles.cell} ${styles.number}`}>
                  {t(kindKey[kind])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.map((row) => (
              <tr key={row.month}>
                <th scope="row" className={`${styles.cell} ${styles.nowrap}`}>
                  {label(row.month)}
                </th>
                {registerKinds.map((kind) => (
                  <td key={kind} className={`${styles.cell} ${styles.number}`}>
                    {row.counts[kind] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figure className={styles.chart}>
        <div inert>
          <VerticalStackedBarChart
            data={chartData}
            height={320}
            barWidth="auto"
            chartTitle={t('register.stats.trend')}
          />
        </div>
        <figcaption>{t('register.stats.trendCaption')}</figcaption>
      </figure>
    </PageSection>
  );
}

function CountTable(props: {
  id: string;
  heading: string;
  groupLabel: string;
  rows: readonly { key: string; label: string; count: number }[];
}) {
  const { t } = useI18n();
  const styles = useRegisterStyles();
  return (
    <PageSection id={props.id} heading={props.heading}>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.cell}>{props.groupLabel}</th>
              <th className={`${styles.cell} ${styles.number}`}>{t('register.stats.count')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className={styles.cell}>
                  {row.label}
                </th>
                <td className={`${styles.cell} ${styles.number}`}>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PageSection>
  );
}
