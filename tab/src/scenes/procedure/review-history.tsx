import type { ReviewDto } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { useHistoryStyles } from './approval-trail';

export function ReviewHistory(props: { reviews: readonly ReviewDto[] }) {
  const { t, formatInstant, formatDate } = useI18n();
  const styles = useHistoryStyles();
  if (props.reviews.length === 0) return <p className={styles.empty}>{t('review.none')}</p>;
  const reviews = [...props.reviews].sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt));
  return (
    <ol className={styles.list}>
      {reviews.map((review) => (
        <li key={review.id} className={styles.item}>
          <span className={`${styles.line} ${styles.headline}`}>
            {t('review.entry', {
              outcome: t(`review.outcome.${review.outcome}`),
              name: review.reviewer.name,
              date: formatInstant(review.reviewedAt),
            })}
          </span>
          {review.comment ? (
            <span className={styles.line}>{t('approval.comment', { comment: review.comment })}</span>
          ) : null}
          {review.nextReviewOn ? (
            <span className={`${styles.line} ${styles.muted}`}>
              {t('review.nextReviewOn', { date: formatDate(review.nextReviewOn) })}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
