import { lazy, Suspense } from 'react';
import { useApi } from '../../app/api-context';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import { ComparisonTable } from './comparison-table';
import { useFokusStyles } from './fokus-styles';
import { ScorecardTable } from './scorecard-table';

// The charts library comes with this scene only, and after the tables.
const ComparisonChart = lazy(() => import('./comparison-chart').then((m) => ({ default: m.ComparisonChart })));

/**
 * "Kvalitetsevaluering": FOKUS-style rounds. The units side by side across rounds with the change,
 * a chart of the same, and the scorecard of each unit in a round. Units scored on part of the
 * themes are marked "Ikke sammenlignelig" and left out of the comparison.
 */
export function FokusScene() {
  const { t } = useI18n();
  const api = useApi();
  const styles = useFokusStyles();
  const fokus = useApiQuery(queryKeyOf('fokus-get'), (signal) => api.getFokus(signal));
  const title = t('fokus.title');
  const data = fokus.data;
  return (
    <>
      <PageHeading documentTitle={title}>{title}</PageHeading>
      <p className={styles.intro}>{t('fokus.intro')}</p>
      {fokus.error ? <ErrorAlert error={fokus.error} /> : null}
      {!data && !fokus.error ? <Loading label={t('app.loading')} /> : null}
      {data && data.rounds.length === 0 ? <p>{t('fokus.empty')}</p> : null}
      {data && data.rounds.length > 0 ? (
        <>
          <PageSection id="fokus-comparison" heading={t('fokus.comparison.heading')}>
            <ComparisonTable data={data} />
            <Suspense fallback={<Loading label={t('app.loading')} />}>
              <ComparisonChart data={data} />
            </Suspense>
          </PageSection>
          <PageSection id="fokus-scorecards" heading={t('fokus.scorecard.heading')}>
            <ScorecardTable data={data} />
          </PageSection>
        </>
      ) : null}
    </>
  );
}
