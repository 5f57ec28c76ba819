import type { CaseStatistics } from './case-statistics.js';
import type { CaseMetric, GoalColour, GoalReading, GoalTarget, GoalThresholds } from './goal-types.js';
import type { LocalDate } from './local-date.js';

/**
 * A goal's colour from its value, with the thresholds the municipality sets: green at or beyond
 * the target, yellow when short of it by at most `yellowWithinPoints` (percentage points, days
 * or cases, in the target's unit), red when shorter. No value (nothing measured yet): 'none'.
 */
export function goalColour(target: GoalTarget, thresholds: GoalThresholds, value: number | null): GoalColour {
  if (value === null) return 'none';
  const shortBy = target.direction === 'at-least' ? target.value - value : value - target.value;
  if (shortBy <= 0) return 'green';
  if (shortBy <= thresholds.yellowWithinPoints) return 'yellow';
  return 'red';
}

/** The value of a case-data goal: a figure of its period's statistics. */
export function caseMetricValue(metric: CaseMetric, statistics: CaseStatistics): number | null {
  switch (metric) {
    case 'share-within-target':
      return statistics.headline.sharePercent;
    case 'mean-days':
      return statistics.headline.meanDays;
    case 'median-days':
      return statistics.headline.medianDays;
    case 'backlog':
      return statistics.backlog;
  }
}

/**
 * The next reading after a computation. `redSince` is kept while the goal stays red, so the
 * owner's reminder (keyed by goal and `redSince`) goes out once per turn to red, not once per
 * import.
 */
export function nextReading(
  previous: GoalReading | null,
  colour: GoalColour,
  value: number | null,
  today: LocalDate,
): GoalReading {
  const redSince = colour === 'red' ? (previous?.colour === 'red' ? (previous.redSince ?? today) : today) : null;
  return { colour, value, computedOn: today, redSince };
}

export function hasTurnedRed(previous: GoalReading | null, next: GoalReading): boolean {
  return next.colour === 'red' && previous?.colour !== 'red';
}
