import { makeStyles, tokens } from '@fluentui/react-components';
import type { EvaluationPack } from '../../api/quality-api';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { percentText, pointsCount, pointsText } from '../surveys/survey-model';

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
  muted: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

type Scope = EvaluationPack['surveyResults']['rounds'][number]['all'];

/** The pack's survey section: per round of the period, the share satisfied per case type (issue 14). */
export function PackSurveySection(props: { section: EvaluationPack['surveyResults'] }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const none = t('surveys.noValue');
  if (props.section.rounds.length === 0) return <p>{t('surveys.pack.none')}</p>;
  const row = (label: string, scope: Scope, key: string) => (
    <tr key={key}>
      <th scope="row" className={styles.cell}>
        {label}
      </th>
      {scope.isSuppressed ? (
        <td colSpan={4} className={`${styles.cell} ${styles.muted}`}>
          {t('surveys.suppressed')}
        </td>
      ) : (
        <>
          <td className={`${styles.cell} ${styles.number}`}>{percentText(scope.headline.share, locale) ?? none}</td>
          <td className={`${styles.cell} ${styles.number}`}>{scope.headline.n}</td>
          <td className={`${styles.cell} ${styles.number}`}>{percentText(scope.responseRate, locale) ?? none}</td>
          <td className={`${styles.cell} ${styles.number}`}>
            {scope.change === null
              ? none
              : t('surveys.points', { value: pointsText(scope.change, locale), count: pointsCount(scope.change) })}
          </td>
        </>
      )}
    </tr>
  );
  return (
    <>
      {props.section.rounds.map((round) => {
        const headingId = `pack-survey-${round.surveyId}-${round.roundId}`;
        return (
          <div key={headingId}>
            <h3 id={headingId} className={styles.subheading}>
              {t('surveys.pack.round', { title: round.title[locale], round: round.roundLabel })}
            </h3>
            <p>{t('surveys.headline', { question: round.headlineQuestion[locale] })}</p>
            <div className={styles.tableWrap} role="region" aria-labelledby={headingId} tabIndex={0}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    {(['scope', 'share', 'n', 'rate', 'change'] as const).map((column) => (
                      <th key={column} scope="col" className={styles.cell}>
                        {t(`surveys.col.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {row(t('surveys.scope.allCaseTypes'), round.all, 'all')}
                  {round.caseTypes.map((scope) => row(scope.caseType ?? '', scope, scope.caseType ?? ''))}
                </tbody>
              </table>
            </div>
            <p>
              <AppLink href={paths.surveys({ survey: round.surveyId, round: round.roundId })}>
                {t('surveys.pack.open')}
              </AppLink>
            </p>
          </div>
        );
      })}
    </>
  );
}
