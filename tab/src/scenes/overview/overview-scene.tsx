import { Card, makeStyles, tokens } from '@fluentui/react-components';
import type { OverviewDto, OverviewTileDto } from '../../api/overview-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { AppLink } from '../../router/app-link';
import { pathOfListLink } from '../../router/list-link';
import { paths } from '../../router/routes';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { tileText } from './overview-texts';

const useStyles = makeStyles({
  scopes: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, margin: 0, padding: 0 },
  scopeList: {
    listStyle: 'none',
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
  },
  current: { fontWeight: tokens.fontWeightSemibold, textDecoration: 'underline' },
  tiles: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 10.5rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  card: { height: '100%', boxSizing: 'border-box' },
  link: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, textDecoration: 'none' },
  figure: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
  },
  label: { fontSize: tokens.fontSizeBase300, textDecoration: 'underline' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
});

const scopeKey: Record<OverviewDto['scope'], MessageKey> = {
  organisation: 'overview.scope.organisation',
  unit: 'overview.scope.unit',
  personal: 'overview.scope.personal',
};

/**
 * "Overblik", the tab's home: the coordinator's and the director's figures for the whole
 * organisation, a leader's for their unit, and everyone's own. Each figure links to the filtered
 * list it counts.
 */
export function OverviewScene(props: { query: URLSearchParams }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const asked = props.query.get('scope') ?? undefined;
  const overview = useApiQuery([...queryKeyOf('overview'), asked ?? ''], (signal) => api.getOverview(asked, signal));
  const data = overview.data;
  return (
    <>
      <PageHeading documentTitle={t('overview.title')}>{t('overview.title')}</PageHeading>
      {overview.error ? <ErrorAlert error={overview.error} onRetry={overview.reload} /> : null}
      {!data && overview.isLoading ? <Loading label={t('app.loading')} /> : null}
      {data ? (
        <>
          {data.scopes.length > 1 ? (
            <nav aria-label={t('overview.scopes')} className={styles.scopes}>
              <ul className={styles.scopeList}>
                {data.scopes.map((scope) => (
                  <li key={scope}>
                    <AppLink
                      href={paths.overview({ scope: scope === data.scopes[0] ? null : scope })}
                      className={scope === data.scope ? styles.current : undefined}
                      aria-current={scope === data.scope ? 'page' : undefined}
                    >
                      {t(scopeKey[scope])}
                    </AppLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {data.scope !== 'personal' ? (
            <PageSection
              id="overview-scope"
              heading={
                data.unit ? t('overview.unitHeading', { unit: data.unit.name }) : t('overview.organisationHeading')
              }
            >
              <TileList tiles={data.tiles} testId="overview-tiles" />
            </PageSection>
          ) : null}
          <PageSection id="overview-personal" heading={t('overview.personalHeading')}>
            <TileList tiles={data.personal} testId="overview-personal" />
          </PageSection>
        </>
      ) : null}
    </>
  );
}

function TileList(props: { tiles: OverviewTileDto[]; testId: string }) {
  const i18n = useI18n();
  const styles = useStyles();
  return (
    <ul className={styles.tiles} data-testid={props.testId}>
      {props.tiles.map((tile) => {
        const text = tileText(tile, i18n);
        if (!text) return null;
        return (
          <li key={tile.id} data-tile={tile.id}>
            <Card className={styles.card}>
              {/* The whole visible text is the link's name (WCAG 2.5.3): figure, then words. */}
              <AppLink href={pathOfListLink(tile.link)} className={styles.link}>
                <span className={styles.figure} data-testid="tile-figure">
                  {text.figure}
                </span>{' '}
                <span className={styles.label}>{text.label}</span>
              </AppLink>
              {text.note ? <p className={styles.note}>{text.note}</p> : null}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
