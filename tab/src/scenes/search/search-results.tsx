import { makeStyles, tokens } from '@fluentui/react-components';
import type { SearchResult } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { SnippetText } from './snippet-text';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  code: { marginRight: tokens.spacingHorizontalS, fontVariantNumeric: 'tabular-nums' },
  snippet: { margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground2, maxWidth: '75ch' },
});

/** Hits in the server's rank order. */
export function SearchResults(props: { result: SearchResult }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <ol className={styles.list} aria-label={t('search.title')}>
      {props.result.hits.map((hit) => (
        <li key={hit.procedureId}>
          <h2 className={styles.title}>
            <AppLink href={paths.procedure(hit.procedureId)}>
              <span className={styles.code}>{hit.code}</span>
              {hit.title}
            </AppLink>
          </h2>
          {hit.snippet.length > 0 ? (
            <p className={styles.snippet}>
              <SnippetText segments={hit.snippet} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
