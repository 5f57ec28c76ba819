import type { FokusOverviewDto } from '../../api/fokus-api';
import { useI18n } from '../../i18n/i18n-context';
import { formatNumber, formatSigned } from './fokus-model';
import { useFokusStyles } from './fokus-styles';

/**
 * The units side by side across rounds: per round the mean, its place on the scale and the change
 * from the unit's previous comparable round; "Ikke sammenlignelig" where the unit was scored on
 * part of the themes. Also the chart's alternative for screen readers.
 */
export function ComparisonTable(props: { data: FokusOverviewDto }) {
  const { t, locale } = useI18n();
  const styles = useFokusStyles();
  const { data } = props;
  const unitName = new Map(data.units.map((unit) => [unit.id, unit.name]));
  const roundYear = new Map(data.rounds.map((round) => [round.id, round.year]));
  return (
    <div className={styles.scroller} role="region" aria-labelledby="fokus-comparison-caption" tabIndex={0}>
      <table className={styles.table}>
        <caption id="fokus-comparison-caption" className={styles.caption}>
          {t('fokus.comparison.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={`${styles.cell} ${styles.head}`}>
              {t('fokus.unit')}
            </th>
            {data.rounds.map((round) => (
              <th key={round.id} scope="col" className={`${styles.cell} ${styles.head}`}>
                {round.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.comparison.map((row) => (
            <tr key={row.unitId}>
              <th scope="row" className={`${styles.cell} ${styles.head}`}>
                {unitName.get(row.unitId) ?? row.unitId}
              </th>
              {row.cells.map((cell) => {
                if (cell.standing === 'not-covered')
                  return (
                    <td key={cell.roundId} className={`${styles.cell} ${styles.muted}`}>
                      {t('fokus.notCovered')}
                    </td>
                  );
                if (cell.standing !== 'comparable')
                  return (
                    <td key={cell.roundId} className={`${styles.cell} ${styles.notComparable}`}>
                      <span className={styles.mark}>
                        {cell.standing === 'not-comparable' ? t('fokus.notComparable') : t('fokus.notEvaluated')}
                      </span>
                    </td>
                  );
                return (
                  <td key={cell.roundId} className={`${styles.cell} ${styles.number}`}>
                    {t('fokus.meanOf', {
                      mean: formatNumber(cell.mean ?? 0, locale),
                      percent: formatNumber(cell.percent ?? 0, locale, 1),
                    })}
                    <span className={styles.change}>
                      {cell.change === null
                        ? t('fokus.noChange')
                        : t('fokus.change', {
                            points: formatSigned(cell.change.percentPoints, locale, 1),
                            // The plural of the number as shown (one decimal, no sign).
                            count: Math.abs(Math.round(cell.change.percentPoints * 10) / 10),
                            year: roundYear.get(cell.change.fromRoundId) ?? '',
                          })}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
