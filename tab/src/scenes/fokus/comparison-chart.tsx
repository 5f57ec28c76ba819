import { GroupedVerticalBarChart } from '@fluentui/react-charts';
import type { FokusOverviewDto } from '../../api/fokus-api';
import { useI18n } from '../../i18n/i18n-context';
import { chartGroups } from './fokus-model';
import { useFokusStyles } from './fokus-styles';

/**
 * The comparison as grouped bars (per unit, a bar per comparable round, 0–100 % of the scale).
 * Screen readers and the keyboard skip it: the table before it holds the same figures and says
 * why a bar is missing.
 */
export function ComparisonChart(props: { data: FokusOverviewDto }) {
  const { t } = useI18n();
  const styles = useFokusStyles();
  return (
    <figure className={styles.chart}>
      {/* inert: a picture of the table, out of the tab order and the accessibility tree (Fluent's
          chart brings focus sentinels that axe flags as aria-hidden yet focusable). */}
      <div inert>
        <GroupedVerticalBarChart
          data={chartGroups(props.data)}
          height={320}
          yMaxValue={100}
          barWidth="auto"
          chartTitle={t('fokus.chart.title')}
        />
      </div>
      <figcaption>{t('fokus.chart.caption')}</figcaption>
    </figure>
  );
}
