import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  heading: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalS}`,
  },
  count: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  empty: { color: tokens.colorNeutralForeground2, margin: 0 },
});

export function TaskSection(props: {
  id: string;
  title: string;
  count: number;
  emptyText: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section aria-labelledby={props.id} className={styles.section}>
      <h2 id={props.id} className={styles.heading}>
        {props.title} <span className={styles.count}>({props.count})</span>
      </h2>
      {props.count === 0 ? (
        <p className={styles.empty}>{props.emptyText}</p>
      ) : (
        <ul className={styles.list}>{props.children}</ul>
      )}
    </section>
  );
}

export const useTaskItemStyles = makeStyles({
  item: {
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
});
