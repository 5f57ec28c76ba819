import { makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { SessionView } from '../session/session-context';
import { Loading } from '../shared/loading';

// Only a failed start shows it: its MessageBar stays out of the initial JavaScript (bench/bundle-size.ts).
const ErrorAlert = lazy(() => import('../shared/error-alert').then((module) => ({ default: module.ErrorAlert })));

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalXXL, maxWidth: '60rem' },
  heading: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** Shown until we know who the user is; a failure offers a retry instead of a dead end. */
export function StartScreen(props: { view: Exclude<SessionView, { status: 'ready' }> }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <h1 className={styles.heading}>{t('app.name')}</h1>
      {props.view.status === 'loading' ? (
        <Loading label={t('app.loading')} />
      ) : (
        <>
          <p>{t('app.startFailed')}</p>
          <Suspense fallback={null}>
            <ErrorAlert error={props.view.error} onRetry={props.view.retry} />
          </Suspense>
        </>
      )}
    </main>
  );
}
