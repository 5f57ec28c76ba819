import { makeStyles, tokens } from '@fluentui/react-components';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import type { SurveyDto, SurveyScopeDto } from '../../api/survey-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageSection } from '../../shared/page-section';
import { meanText, percentText, pointsCount, pointsText } from './survey-model';

const useStyles = makeStyles({
  figure: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  note: { color: tokens.colorNeutralForeground2, maxWidth: '60rem' },
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', minWidth: '100%', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  comments: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, maxWidth: '60rem' },
});

/** A round's results: the headline, the table per case type and unit, the means per question, the comments. */
export function SurveyResultsView(props: { survey: SurveyDto; roundId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const { units } = useSession();
  const { survey, roundId } = props;
  const results = useApiQuery(
    queryKeyOf('surveys-results', { params: { id: survey.id }, query: { roundId } }),
    (signal) => api.getSurveyResults(survey.id, roundId, signal),
  );
  if (results.error) return <ErrorAlert error={results.error} />;
  if (!results.data) return <Loading label={t('app.loading')} />;
  const scopes = results.data.scopes;
  const all = scopes.find((scope) => scope.caseType === null && scope.unitId === null);
  const headline = survey.questions.find((question) => question.id === survey.headlineQuestionId);
  const unitName = (id: string) => units.find((unit) => unit.id === id)?.name ?? id;
  const scopeLabel = (scope: SurveyScopeDto) =>
    scope.caseType === null && scope.unitId === null
      ? t('surveys.scope.all')
      : scope.unitId === null
        ? `${scope.caseType} (${t('surveys.scope.allUnits')})`
        : scope.caseType === null
          ? `${t('surveys.scope.allCaseTypes')}, ${unitName(scope.unitId)}`
          : `${scope.caseType}, ${unitName(scope.unitId)}`;
  const none = t('surveys.noValue');
  const questionText = (id: string) => survey.questions.find((question) => question.id === id)?.wording[locale] ?? id;

  return (
    <>
      <PageSection id="survey-headline" heading={t('surveys.headline', { question: headline?.wording[locale] ?? '' })}>
        {all && !all.isSuppressed && all.headline.share !== null ? (
          <p className={styles.figure}>
            {t('surveys.headlineFigure', {
              share: percentText(all.headline.share, locale) ?? none,
              satisfied: all.headline.satisfied,
              n: all.headline.n,
            })}
          </p>
        ) : (
          <p>{all?.isSuppressed ? t('surveys.suppressed') : none}</p>
        )}
        <p className={styles.note}>{t('surveys.suppressedNote')}</p>
      </PageSection>

      <PageSection id="survey-scopes" heading={t('surveys.results')}>
        <div className={styles.tableWrap} role="region" aria-labelledby="survey-scopes-heading" tabIndex={0}>
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
              {scopes.map((scope) => (
                <tr key={`${scope.caseType ?? '*'}|${scope.unitId ?? '*'}`}>
                  <th scope="row" className={styles.cell}>
                    {scopeLabel(scope)}
                  </th>
                  {scope.isSuppressed ? (
                    <td colSpan={4} className={`${styles.cell} ${styles.muted}`}>
                      {t('surveys.suppressed')}
                    </td>
                  ) : (
                    <>
                      <td className={`${styles.cell} ${styles.number}`}>
                        {percentText(scope.headline.share, locale) ?? none}
                      </td>
                      <td className={`${styles.cell} ${styles.number}`}>{scope.headline.n}</td>
                      <td className={`${styles.cell} ${styles.number}`}>
                        {percentText(scope.responseRate, locale) ?? none}
                      </td>
                      <td className={`${styles.cell} ${styles.number}`}>
                        {scope.change === null
                          ? none
                          : t('surveys.points', {
                              value: pointsText(scope.change, locale),
                              count: pointsCount(scope.change),
                            })}
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PageSection>

      {all && !all.isSuppressed ? (
        <PageSection id="survey-questions" heading={t('surveys.questions', { scope: t('surveys.scope.all') })}>
          <div className={styles.tableWrap} role="region" aria-labelledby="survey-questions-heading" tabIndex={0}>
            <table className={styles.table}>
              <thead>
                <tr>
                  {(['question', 'mean', 'share', 'n'] as const).map((column) => (
                    <th key={column} scope="col" className={styles.cell}>
                      {t(`surveys.col.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {all.questions.map((question) => {
                  const definition = survey.questions.find((each) => each.id === question.questionId);
                  return (
                    <tr key={question.questionId}>
                      <th scope="row" className={styles.cell}>
                        {questionText(question.questionId)}
                        {definition?.kind === 'scale' ? ` (${t('surveys.scale', { max: definition.scaleMax })})` : ''}
                      </th>
                      <td className={`${styles.cell} ${styles.number}`}>{meanText(question.mean, locale) ?? none}</td>
                      <td className={`${styles.cell} ${styles.number}`}>
                        {percentText(question.shareSatisfied, locale) ?? none}
                      </td>
                      <td className={`${styles.cell} ${styles.number}`}>{question.n}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </PageSection>
      ) : null}

      <PageSection id="survey-comments" heading={t('surveys.comments')}>
        {all && all.comments.length > 0 ? (
          <ul className={styles.comments}>
            {all.comments.map((comment, index) => (
              <li key={index}>{comment.text}</li>
            ))}
          </ul>
        ) : (
          <p>{t('surveys.noComments')}</p>
        )}
      </PageSection>
    </>
  );
}
