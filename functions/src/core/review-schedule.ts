import { addMonths, daysBetween, type LocalDate } from './local-date.js';

export const defaultReviewIntervalMonths = 12;

/**
 * When a procedure is next due for periodic review (ISO 9001 7.5.2: reviewed and updated at set
 * intervals). The clock restarts at the later of the last approval and the last confirmed review.
 * Returns null when the procedure has never been approved: an unpublished draft has nothing to
 * review yet.
 */
export function nextReviewDue(input: {
  approvedOn: LocalDate | null;
  lastReviewedOn: LocalDate | null;
  intervalMonths: number;
}): LocalDate | null {
  const { approvedOn, lastReviewedOn, intervalMonths } = input;
  if (approvedOn === null) return null;
  const start = lastReviewedOn !== null && lastReviewedOn > approvedOn ? lastReviewedOn : approvedOn;
  return addMonths(start, intervalMonths);
}

export type ReviewStatus = 'none' | 'ok' | 'due-soon' | 'overdue';

/** How a review date looks from `today`: due within `soonDays` days counts as due soon. */
export function reviewStatus(nextReviewOn: LocalDate | null, today: LocalDate, soonDays = 30): ReviewStatus {
  if (nextReviewOn === null) return 'none';
  const days = daysBetween(today, nextReviewOn);
  if (days < 0) return 'overdue';
  return days <= soonDays ? 'due-soon' : 'ok';
}
