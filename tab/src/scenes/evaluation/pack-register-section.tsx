import { makeStyles, tokens } from '@fluentui/react-components';
import type { EvaluationPack } from '../../api/quality-api';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { percentText } from '../surveys/survey-model';

const useStyles = makeStyles({
  subheading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

const kinds = ['praise', 'complaint', 'suggestion', 'deviation'] as const;
const kindKey: Record<(typeof kinds)[number], MessageKey> = {
  praise: 'evaluation.register.kind.praise',
  complaint: 'evaluation.register.kind.complaint',
  suggestion: 'evaluation.register.kind.suggestion',
  deviation: 'evaluation.register.kind.deviation',
};

/**
 * The pack's "Afvigelser, klager og forslag" (issue 15): the register's figures of the period as
 * they stood on the reference day, as tables, with the way to the register's own statistics.
 */
/** `links`: the reader may open the register's list and statistics (a caseworker gets 403 there). */
export function PackRegisterSection(props: { section: EvaluationPack['register']; links: boolean }) {
  const { t, formatDate, locale } = useI18n();
  const styles = useStyles();
  const section = props.section;
  if (section.status !== 'available') return <p>{t('evaluation.register.notInSnapshot')}</p>;
  const compliance = section.replyCompliance;
  const judged = compliance.answeredInTime + compliance.answeredLate + compliance.overdueUnanswered;
  const table = (id: string, headers: string[], rows: (string | number)[][]) => (
    <div className={styles.tableWrap} role="region" aria-labelledby={id} tabIndex={0}>
      <table className={styles.table}>
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th key={header} scope="col" className={`${styles.cell} ${index > 0 ? styles.number : ''}`}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, ...values]) => (
            <tr key={String(label)}>
              <th scope="row" className={styles.cell}>
                {label}
              </th>
              {values.map((value, index) => (
                <td key={index} className={`${styles.cell} ${styles.number}`}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <p id="pack-register-kinds">
        {t('evaluation.register.intro', { count: section.total, date: formatDate(section.asOf) })}
      </p>
      {table(
        'pack-register-kinds',
        [t('evaluation.register.kind'), t('evaluation.register.count')],
        kinds.map((kind) => [t(kindKey[kind]), section.byKind[kind]]),
      )}
      <h3 className={styles.subheading}>{t('evaluation.register.compliance')}</h3>
      {judged === 0 ? (
        <p>{t('evaluation.register.noCompliance')}</p>
      ) : (
        <p>
          <span className={styles.figure}>{percentText(compliance.share, locale)}</span>{' '}
          {t('evaluation.register.complianceCounts', {
            inTime: compliance.answeredInTime,
            judged,
            late: compliance.answeredLate,
            overdue: compliance.overdueUnanswered,
          })}
        </p>
      )}
      <h3 id="pack-register-causes" className={styles.subheading}>
        {t('evaluation.register.rootCauses')}
      </h3>
      {section.topRootCauses.length === 0 ? (
        <p>{t('evaluation.register.noRootCauses')}</p>
      ) : (
        table(
          'pack-register-causes',
          [
            t('evaluation.register.rootCause'),
            t('evaluation.register.count'),
            t('evaluation.register.share'),
            t('evaluation.register.cumulative'),
          ],
          section.topRootCauses.map((cause) => [
            cause.label[locale],
            cause.count,
            percentText(cause.share, locale) ?? '',
            percentText(cause.cumulativeShare, locale) ?? '',
          ]),
        )
      )}
      <h3 id="pack-register-age" className={styles.subheading}>
        {t('evaluation.register.openByAge', { count: section.open })}
      </h3>
      {table(
        'pack-register-age',
        [t('evaluation.register.age'), t('evaluation.register.count')],
        section.openByAge.map((entry) => [entry.bucket.replace('-', '–'), entry.count]),
      )}
      {props.links ? (
        <p className={styles.links}>
          <AppLink href={paths.registerStatistics()}>{t('evaluation.register.openStatistics')}</AppLink>
          <AppLink href={paths.register({ view: 'all' })}>{t('evaluation.register.openList')}</AppLink>
        </p>
      ) : null}
    </>
  );
}
