import { intlTags } from '../../../../functions/src/core/locale';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  DataVizPalette,
  VerticalStackedBarChart,
  getColorFromToken,
  type VerticalStackedChartProps,
} from '@fluentui/react-charts';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { formatFigure, monthLabel, type ChartMonth } from './goal-model';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  caption: { fontWeight: tokens.fontWeightSemibold },
  chart: { width: '100%', minWidth: 0, minHeight: '300px' },
  tableWrap: { overflowX: 'auto', maxHeight: '24rem', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: {
    whiteSpace: 'nowrap',
    textAlign: 'right',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  head: {
    position: 'sticky',
    top: 0,
    textAlign: 'right',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  first: { textAlign: 'left' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    listStyle: 'none',
    padding: 0,
    margin: 0,
  },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '14px', height: '14px', flexShrink: 0 },
  lineSwatch: { display: 'inline-block', width: '18px', height: '0', borderTopWidth: '3px', borderTopStyle: 'solid' },
});

// Fluent's palette resolved to colours: the stacked chart writes them into SVG attributes as given.
const colours = {
  share: getColorFromToken(DataVizPalette.color1),
  rolling: getColorFromToken(DataVizPalette.color2),
  target: getColorFromToken(DataVizPalette.color10),
};

/**
 * A case-data goal over time: the share within target per month (bars), the rolling 12 months
 * (line) and the target (line). The chart is drawn for those who look; the same figures follow
 * in a table for screen readers and for those who would rather read.
 */
export function GoalChart(props: { months: readonly ChartMonth[]; title: string }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const captionId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const width = useWidthOf(chartRef);
  // A narrow tab shows the last 12 months in the chart; the table keeps every month.
  const shown = width !== null && width < 640 ? props.months.slice(-12) : props.months;
  const tag = intlTags[locale];
  const percent = (value: number | null) => formatFigure(value, 'percent', tag);
  const shareLegend = t('goals.chart.share');
  const rollingLegend = t('goals.chart.rolling12');
  const targetLegend = t('goals.chart.target');
  const data: VerticalStackedChartProps[] = shown.map((month) => ({
    xAxisPoint: monthLabel(month.month, tag),
    // Whole percents on the bars: the exact figures are in the table.
    chartData: [{ legend: shareLegend, data: Math.round(month.share ?? 0), color: colours.share }],
    lineData: [
      ...(month.rolling12 === null
        ? []
        : [{ y: Math.round(month.rolling12 * 10) / 10, legend: rollingLegend, color: colours.rolling }]),
      { y: month.target, legend: targetLegend, color: colours.target },
    ],
  }));
  return (
    <figure className={styles.figure} aria-labelledby={captionId}>
      <figcaption id={captionId} className={styles.caption}>
        {props.title}
      </figcaption>
      {/*
        The chart is a picture of the table below: inert, so its SVG bars and Fluent's focus
        helpers are neither tab stops nor read out twice; the legend is plain text.
      */}
      <div ref={chartRef} className={styles.chart} inert>
        {width === null ? null : (
          <VerticalStackedBarChart
            data={data}
            width={width}
            height={300}
            yMinValue={0}
            yMaxValue={100}
            chartTitle={props.title}
            yAxisTitle={t('goals.chart.yAxis')}
            hideLegend
            barWidth="auto"
            maxBarWidth={24}
            wrapXAxisLables
          />
        )}
      </div>
      <ul className={styles.legend} aria-label={t('goals.chart.legend')}>
        <li className={styles.legendItem}>
          <span className={styles.swatch} style={{ backgroundColor: colours.share }} />
          {shareLegend}
        </li>
        <li className={styles.legendItem}>
          <span className={styles.lineSwatch} style={{ borderTopColor: colours.rolling }} />
          {rollingLegend}
        </li>
        <li className={styles.legendItem}>
          <span className={styles.lineSwatch} style={{ borderTopColor: colours.target }} />
          {targetLegend}
        </li>
      </ul>
      <div className={styles.tableWrap} role="region" aria-label={t('goals.chart.tableLabel')} tabIndex={0}>
        <table className={styles.table}>
          <caption className={mergeClasses(styles.caption, styles.first)}>{t('goals.chart.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.head, styles.first)}>
                {t('goals.chart.month')}
              </th>
              <th scope="col" className={styles.head}>
                {t('goals.figures.decided')}
              </th>
              <th scope="col" className={styles.head}>
                {shareLegend}
              </th>
              <th scope="col" className={styles.head}>
                {rollingLegend}
              </th>
              <th scope="col" className={styles.head}>
                {targetLegend}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.months.map((month) => (
              <tr key={month.month}>
                <th scope="row" className={mergeClasses(styles.cell, styles.first)}>
                  {monthLabel(month.month, tag)}
                </th>
                <td className={styles.cell}>{month.decided}</td>
                <td className={styles.cell}>{percent(month.share)}</td>
                <td className={styles.cell}>{percent(month.rolling12)}</td>
                <td className={styles.cell}>{percent(month.target)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** The element's content width, followed as the tab is resized; null until it is known. */
function useWidthOf(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
