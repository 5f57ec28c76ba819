import { makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, type ReactNode } from 'react';
import { SceneTexts, useI18n } from '../i18n/i18n-context';
import type { SceneName } from '../router/routes';
import { Loading } from '../shared/loading';

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
export function PublicShell(props: { scene: SceneName; children: ReactNode }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main id="main" tabIndex={-1} className={styles.main}>
      <Suspense fallback={<Loading label={t('app.loading')} />}>
        <SceneTexts route={props.scene}>{props.children}</SceneTexts>
      </Suspense>
    </main>
  );
}
