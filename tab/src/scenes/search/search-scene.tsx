import { makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeading } from '../../shared/page-heading';
import { useAsync } from '../../shared/use-async';
import { SearchResults } from './search-results';

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalL}` },
});

/** Results for ?q=; the query is typed in the header's search box, available on every page. */
export function SearchScene(props: { q: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const api = useApi();
  const query = props.q.trim();
  const search = useAsync(query ? query : null, (signal) => api.search(query, signal));
  // While the next query loads, the previous results stay on screen to avoid flicker.
  const result = query ? search.data : undefined;

  let status: string;
  if (!query) status = t('search.emptyState');
  else if (search.error) status = '';
  else if (search.isLoading || !result) status = t('search.searching');
  else if (result.hits.length === 0) status = t('search.noResults', { query });
  else if (result.hits.length === 1) status = t('search.resultCountOne', { query });
  else status = t('search.resultCount', { count: result.hits.length, query });

  return (
    <>
      <PageHeading documentTitle={query ? `${t('search.title')}: ${query}` : t('search.title')}>
        {t('search.title')}
      </PageHeading>
      <p className={styles.status} role="status" aria-live="polite">
        {status}
      </p>
      {search.error && query ? <ErrorAlert error={search.error} onRetry={search.reload} /> : null}
      {result && result.hits.length > 0 ? <SearchResults result={result} /> : null}
    </>
  );
}
