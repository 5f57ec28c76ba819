import type { RegisterMetric } from './goal-types.js';
import type { LocalDate } from './local-date.js';
import { registerStatistics, type StatisticsRow } from './register-statistics.js';
import type { RegisterKind } from './register-types.js';

/**
 * The value of a quality goal measured from the register ("alle henvendelser besvares inden for
 * fristen"), over the items received in [`from`, `to`], judged as on `to`, with the same rule
 * as the register's own reply-time compliance (`registerStatistics`): anonymous items (no one
 * to answer) are left out; an unanswered item counts as late only once its deadline has passed
 * by `to`; replies are as known now (an item answered after `to` counts as answered).
 *
 * - `replied-in-time`: answered within the deadline, in percent of those answered or overdue;
 *   null when there is none.
 * - `overdue-unanswered`: how many are unanswered past their deadline.
 */
export function registerGoalValue(
  measurement: { metric: RegisterMetric; kinds: readonly RegisterKind[] },
  rows: Iterable<StatisticsRow>,
  from: LocalDate,
  to: LocalDate,
): number | null {
  const kinds = new Set(measurement.kinds);
  const counted = kinds.size === 0 ? [...rows] : [...rows].filter((row) => kinds.has(row.kind));
  const { replyCompliance } = registerStatistics(counted, from, to);
  switch (measurement.metric) {
    case 'replied-in-time':
      return replyCompliance.share === null ? null : replyCompliance.share * 100;
    case 'overdue-unanswered':
      return replyCompliance.overdueUnanswered;
  }
}

/** The target unit a register metric is measured in. */
export function registerMetricUnit(metric: RegisterMetric): 'percent' | 'count' {
  return metric === 'replied-in-time' ? 'percent' : 'count';
}
