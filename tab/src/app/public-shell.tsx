import { makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { SceneTexts, useI18n } from '../i18n/i18n-context';
import type { PublicRoute } from '../router/routes';
import type { TeamsHost } from '../teams/teams-host';
import { Loading } from '../shared/loading';

// Each page is its own chunk, like the signed-in scenes.
const ConfigureScene = lazy(() =>
  import('../scenes/configure/configure-scene').then((m) => ({ default: m.ConfigureScene })),
);
const PrivacyScene = lazy(() => import('../scenes/privacy/privacy-scene').then((m) => ({ default: m.PrivacyScene })));
const TermsScene = lazy(() => import('../scenes/terms/terms-scene').then((m) => ({ default: m.TermsScene })));

const useStyles = makeStyles({
  main: {
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXXXL}`,
    maxWidth: '48rem',
    ':focus': { outline: 'none' },
    '@media (max-width: 640px)': { padding: tokens.spacingHorizontalM },
  },
});

/**
 * The pages that need no sign-in (privacy, terms, the tab configuration Teams opens): no header,
 * no session, no API call before they show.
 */
export function PublicShell(props: { route: PublicRoute; teams: TeamsHost | null }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main id="main" tabIndex={-1} className={styles.main}>
      <Suspense fallback={<Loading label={t('app.loading')} />}>
        <SceneTexts route={props.route.name}>
          {props.route.name === 'configure' ? <ConfigureScene teams={props.teams} /> : null}
          {props.route.name === 'privacy' ? <PrivacyScene /> : null}
          {props.route.name === 'terms' ? <TermsScene /> : null}
        </SceneTexts>
      </Suspense>
    </main>
  );
}
