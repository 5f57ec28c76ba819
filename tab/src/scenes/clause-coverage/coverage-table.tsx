import { makeStyles, tokens } from '@fluentui/react-components';
import type { CoverageMatrixDto } from '../../api/fokus-api';
import { useI18n } from '../../i18n/i18n-context';

type StandardCoverage = CoverageMatrixDto['standards'][number];

const useStyles = makeStyles({
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', minWidth: '32rem' },
  caption: { textAlign: 'start', padding: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    verticalAlign: 'top',
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  uncovered: { backgroundColor: tokens.colorPaletteRedBackground1 },
  uncoveredMark: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  none: { color: tokens.colorNeutralForeground3 },
});

/** One standard's clauses against the procedures, goals and audits citing them; uncovered rows highlighted. */
export function CoverageTable(props: { coverage: StandardCoverage; onlyUncovered: boolean; hasGoals: boolean }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { coverage } = props;
  const rows = props.onlyUncovered ? coverage.rows.filter((row) => !row.isCovered) : coverage.rows;
  const captionId = `coverage-${coverage.standard}-caption`;
  const items = (list: { id: string; title: string }[]) =>
    list.length === 0 ? (
      <span className={styles.none}>–</span>
    ) : (
      <ul className={styles.list}>
        {list.map((item) => (
          <li key={item.id}>{item.title}</li>
        ))}
      </ul>
    );
  return (
    <div className={styles.scroller} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className={styles.caption}>
          {t('coverage.caption', { standard: `${coverage.name}:${coverage.edition}`, count: coverage.uncoveredCount })}
        </caption>
        <thead>
          <tr>
            {[
              t('coverage.clause'),
              t('coverage.subject'),
              t('coverage.procedures'),
              t('coverage.goals'),
              t('coverage.audits'),
              t('coverage.status'),
            ].map((heading) => (
              <th key={heading} scope="col" className={`${styles.cell} ${styles.head}`}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.clause} className={row.isCovered ? undefined : styles.uncovered}>
              <th scope="row" className={`${styles.cell} ${styles.head}`}>
                {row.clause}
              </th>
              <td className={styles.cell}>{row.label[locale]}</td>
              <td className={styles.cell}>{items(row.procedures)}</td>
              <td className={styles.cell}>
                {props.hasGoals ? items(row.goals) : <span className={styles.none}>{t('coverage.goalsLater')}</span>}
              </td>
              <td className={styles.cell}>{items(row.audits)}</td>
              <td className={styles.cell}>
                {row.isCovered ? (
                  t('coverage.covered')
                ) : (
                  <span className={styles.uncoveredMark}>{t('coverage.uncovered')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
