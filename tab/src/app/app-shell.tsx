import { makeStyles, tokens } from '@fluentui/react-components';
import type { Session } from '../session/session-context';
import { AppHeader } from './app-header';
import { SceneOutlet } from './scene-outlet';
import { SkipLink } from './skip-link';

const useStyles = makeStyles({
  main: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXXXL}`,
    maxWidth: '96rem',
    margin: '0 auto',
    ':focus': { outline: 'none' },
    '@media (max-width: 640px)': { padding: tokens.spacingHorizontalM },
  },
});

export function AppShell(props: { session: Session }) {
  const styles = useStyles();
  return (
    <>
      <SkipLink targetId="main" />
      <AppHeader session={props.session} />
      <main id="main" tabIndex={-1} className={styles.main}>
        <SceneOutlet key={props.session.generation} session={props.session} />
      </main>
    </>
  );
}
