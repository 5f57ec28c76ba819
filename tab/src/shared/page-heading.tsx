import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { usePageVisits } from '../router/navigation';

const useStyles = makeStyles({
  heading: {
    margin: `0 0 ${tokens.spacingVerticalM}`,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

let lastFocusedVisit = 0;

/**
 * The scene's h1. After an in-app navigation it takes focus, so screen readers announce the new
 * page; it also names the browser tab.
 */
export function PageHeading(props: { children: ReactNode; documentTitle: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const pageVisits = usePageVisits();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${props.documentTitle} – ${t('app.name')}`;
  }, [props.documentTitle, t]);

  useEffect(() => {
    if (pageVisits > lastFocusedVisit) {
      lastFocusedVisit = pageVisits;
      ref.current?.focus({ preventScroll: true });
    }
  }, [pageVisits]);

  return (
    <h1 ref={ref} tabIndex={-1} className={styles.heading}>
      {props.children}
    </h1>
  );
}
