import { makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ClockRegular, WarningFilled } from '@fluentui/react-icons';
import { useI18n } from '../i18n/i18n-context';
import { useVisuallyHiddenStyles } from './visually-hidden';

type ReviewStatus = 'none' | 'ok' | 'due-soon' | 'overdue';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  dueSoon: { color: tokens.colorPaletteMarigoldForeground2 },
  icon: { flexShrink: 0, fontSize: '16px' },
});

/** Next review date with its state as icon and words: colour is never the only signal. */
export function ReviewStatusText(props: { nextReviewOn: string | null; status: ReviewStatus }) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const date = props.nextReviewOn ? formatDate(props.nextReviewOn) : t('procedure.notScheduled');
  if (props.status === 'overdue') {
    return (
      <span className={`${styles.root} ${styles.overdue}`}>
        <WarningFilled className={styles.icon} aria-hidden />
        <span>
          {date} · {t('reviewStatus.overdue')}
        </span>
      </span>
    );
  }
  if (props.status === 'due-soon') {
    return (
      <span className={`${styles.root} ${styles.dueSoon}`}>
        <ClockRegular className={styles.icon} aria-hidden />
        <span>
          {date} · {t('reviewStatus.due-soon')}
        </span>
      </span>
    );
  }
  if (props.status === 'ok') {
    return (
      <span className={styles.root}>
        <CheckmarkCircleRegular className={styles.icon} aria-hidden />
        <span>
          {date}
          <span className={hidden.hidden}> · {t('reviewStatus.ok')}</span>
        </span>
      </span>
    );
  }
  return <span>{date}</span>;
}
