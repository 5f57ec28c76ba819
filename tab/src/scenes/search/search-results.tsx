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
  kind: {
    display: 'block',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  code: { marginRight: tokens.spacingHorizontalS, fontVariantNumeric: 'tabular-nums' },
  snippet: { margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground2, maxWidth: '75ch' },
});

type Hit = SearchResult['hits'][number];

/**
 * Where a hit opens: the procedure (also for its draft), the action, the audit (also for its
 * findings), the competence matrix.
 */
function hrefOf(hit: Hit): string {
  switch (hit.kind) {
    case 'procedure':
    case 'draft':
      return paths.procedure(hit.id);
    case 'corrective-action':
      return paths.action(hit.id);
    case 'audit':
    case 'finding':
      return hit.auditId ? paths.auditDetail(hit.auditId) : paths.audit();
    case 'competence':
      return paths.competences();
  }
}

/** Hits in the server's order (procedures first), each labelled with its kind. */
export function SearchResults(props: { hits: readonly Hit[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <ol className={styles.list} aria-label={t('search.title')}>
      {props.hits.map((hit) => (
        <li key={`${hit.kind}:${hit.id}`}>
          <span className={styles.kind}>{t(`search.kind.${hit.kind}`)}</span>
          <h2 className={styles.title}>
            <AppLink href={hrefOf(hit)}>
              {hit.code ? <span className={styles.code}>{hit.code}</span> : null}
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
