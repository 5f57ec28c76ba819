import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import type { SearchResult } from '../../api/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeading } from '../../shared/page-heading';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { SearchResults } from './search-results';

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalL}` },
  more: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalXL,
    color: tokens.colorNeutralForeground2,
  },
});

const pageSize = 20;

/** Results for ?q=; the query is typed in the header's search box, available on every page. */
export function SearchScene(props: { q: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const api = useApi();
  const query = props.q.trim();
  const search = useApiQuery(
    query ? queryKeyOf('search', { query: { q: query, offset: 0, limit: pageSize } }) : null,
    (signal) => api.search(query, { offset: 0, limit: pageSize }, signal),
  );
  // While the next query loads, the previous results stay on screen to avoid flicker.
  const result = query ? search.data : undefined;
  // Pages after the first, fetched with "Show more"; forgotten when the first page changes.
  const [more, setMore] = useState<{ first: SearchResult; hits: SearchResult['hits'] } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiRequestError | null>(null);
  useEffect(() => {
    setMore(null);
    setMoreError(null);
  }, [result]);
  const hits = result ? [...result.hits, ...(more?.first === result ? more.hits : [])] : [];

  const showMore = async () => {
    if (!result) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await api.search(query, { offset: hits.length, limit: pageSize });
      setMore((current) => ({
        first: result,
        hits: [...(current?.first === result ? current.hits : []), ...next.hits],
      }));
    } catch (failure) {
      setMoreError(asApiRequestError(failure));
    } finally {
      setLoadingMore(false);
    }
  };

  let status: string;
  if (!query) status = t('search.emptyState');
  else if (search.error) status = '';
  else if (search.isLoading || !result) status = t('search.searching');
  else if (result.total === 0) status = t('search.noResults', { query });
  else if (result.total === 1) status = t('search.resultCountOne', { query });
  else status = t('search.resultCount', { count: result.total, query });

  return (
    <>
      <PageHeading documentTitle={query ? `${t('search.title')}: ${query}` : t('search.title')}>
        {t('search.title')}
      </PageHeading>
      <p className={styles.status} role="status" aria-live="polite">
        {status}
      </p>
      {search.error && query ? <ErrorAlert error={search.error} onRetry={search.reload} /> : null}
      {hits.length > 0 ? <SearchResults hits={hits} /> : null}
      {result && result.total > 0 ? (
        <div className={styles.more}>
          <span>{t('search.showing', { shown: hits.length, total: result.total })}</span>
          {hits.length < result.total ? (
            <Button onClick={() => void showMore()} disabled={loadingMore}>
              {loadingMore ? t('search.searching') : t('search.showMore')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {moreError ? <ErrorAlert error={moreError} onRetry={() => void showMore()} /> : null}
    </>
  );
}
