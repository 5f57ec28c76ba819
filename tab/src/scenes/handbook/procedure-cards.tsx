import { makeStyles, tokens } from '@fluentui/react-components';
import type { ProcedureListItem } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { ProcedureStatus } from '../../shared/procedure-status';
import { ReviewStatusText } from '../../shared/review-status-text';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  code: {
    fontVariantNumeric: 'tabular-nums',
    color: tokens.colorNeutralForeground2,
    marginRight: tokens.spacingHorizontalS,
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
});

/** The handbook's rows as compact cards for a narrow tab: code and title, status, owner, next review. */
export function ProcedureCards(props: { items: readonly ProcedureListItem[]; label: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={props.label} data-testid="procedure-cards">
      {props.items.map((item) => (
        <li key={item.id} className={styles.card}>
          <span className={styles.title}>
            <span className={styles.code}>{item.code}</span>
            <AppLink href={paths.procedure(item.id)}>{item.title}</AppLink>
          </span>
          <span className={styles.meta}>
            <ProcedureStatus item={item} />
            <span>
              {t('column.owner')}: {item.owner.name}
            </span>
            <span>
              {t('column.version')}: {item.version ?? t('handbook.noVersion')}
            </span>
          </span>
          <span className={styles.meta}>
            <span>{t('column.nextReview')}:</span>
            <ReviewStatusText nextReviewOn={item.nextReviewOn} status={item.reviewStatus} />
          </span>
        </li>
      ))}
    </ul>
  );
}
