import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL },
  heading: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalS}`,
  },
});

/** A titled part of a text page: an h2 that also names the section for screen readers. */
export function PageSection(props: { id: string; heading: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = `${props.id}-heading`;
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h2 id={headingId} className={styles.heading}>
        {props.heading}
      </h2>
      {props.children}
    </section>
  );
}
