import { localDateOf, type LocalDate } from './local-date.js';
import { canBeAnswered, replyDueOn } from './register-rules.js';
import { registerStatistics, type AgeBucket, type StatisticsRow } from './register-statistics.js';
import {
  registerKinds,
  type LocalizedLabel,
  type RegisterItem,
  type RegisterKind,
  type RegisterSettings,
} from './register-types.js';

/**
 * The register's figures for a period as the management evaluation (and the yearly report) show
 * them: counts per kind, the top root causes, replies in time and the items still open by age,
 * counted as they stood at the end of a reference day (`asOf`), so a pack frozen on the meeting
 * day keeps the figures the meeting saw.
 */

/** How many root causes the figures name (the Pareto's head). */
export const topRootCauseCount = 5;

export type RegisterFigures = {
  period: { from: LocalDate; to: LocalDate };
  /** The day the statuses are as of (the end of it). */
  asOf: LocalDate;
  /** Items received in the period. */
  total: number;
  byKind: Record<RegisterKind, number>;
  /** The Pareto's first `topRootCauseCount` root-cause categories, most frequent first. */
  topRootCauses: {
    key: string;
    /** In every language, so a frozen pack renders in any of them. */
    label: LocalizedLabel;
    count: number;
    /** Of the items in the period with a root-cause category. */
    share: number;
    cumulativeShare: number;
  }[];
  /** Items in the period with a root-cause category (the Pareto's whole). */
  withRootCause: number;
  replyCompliance: {
    /** Items in the period whose sender can be answered. */
    answerable: number;
    answeredInTime: number;
    answeredLate: number;
    /** Not answered by `asOf`, past their deadline. */
    overdueUnanswered: number;
    /** answeredInTime / (in time + late + overdue); null when none could be judged. */
    share: number | null;
  };
  /** Items received by `asOf` and not closed then, by age in days (received before the period too). */
  openByAge: { bucket: AgeBucket; count: number }[];
  open: number;
};

/**
 * What the statistics need of an item as it stood at the end of `asOf`, from its own trail; null
 * when it was received later. The trail gives the status (the last step recorded by then), the
 * reply and interim replies their dates; an interim reply sent by then moves the deadline to its
 * `expectedOn`. Category, root cause and unit have no history: they count as they are now.
 */
export function statisticsRowAsOf(
  item: RegisterItem,
  asOf: LocalDate,
  timeZone: string,
  settings: Pick<RegisterSettings, 'replyDeadlines' | 'holidayCalendar'>,
): StatisticsRow | null {
  if (item.receivedOn > asOf) return null;
  const dateOf = (instant: string) => localDateOf(new Date(instant), timeZone);
  const steps = item.trail.filter((entry) => dateOf(entry.at) <= asOf);
  const status = item.trail.length === 0 ? item.status : (steps.at(-1)?.status ?? 'registered');
  const reply = item.reply !== null && dateOf(item.reply.sentAt) <= asOf ? item.reply : null;
  const interims = item.interimReplies.filter((interim) => dateOf(interim.sentAt) <= asOf);
  // An answered item or one given an interim reply could be answered, even once its contact details are removed.
  const isAnswerable = canBeAnswered(item) || item.reply !== null || item.interimReplies.length > 0;
  const deadlineThen = (): LocalDate | null => {
    if (!isAnswerable || reply !== null) return null;
    const lastInterim = interims.at(-1);
    if (lastInterim) return lastInterim.expectedOn;
    // Untouched since receipt: the deadline stored is the first one.
    if (item.reply === null && item.interimReplies.length === 0 && item.replyDueOn !== null) return item.replyDueOn;
    return replyDueOn(item.receivedOn, settings.replyDeadlines[item.kind], settings.holidayCalendar);
  };
  return {
    kind: item.kind,
    channel: item.channel,
    status,
    categoryId: item.categoryId,
    rootCauseCategoryId: item.rootCauseCategoryId,
    unitId: item.unitIds[0] ?? null,
    receivedOn: item.receivedOn,
    isAnswerable,
    replyDueOn: deadlineThen(),
    isReplyLate: reply === null ? null : reply.isLate,
  };
}

/**
 * The figures of the rows received in `period` (up to its end, the reference day), with open
 * items aged at `period.to`. `labelOf` words a root-cause category in every language.
 */
export function registerFigures(
  rows: Iterable<StatisticsRow>,
  period: { from: LocalDate; to: LocalDate },
  labelOf: (rootCauseCategoryId: string) => LocalizedLabel,
): RegisterFigures {
  const statistics = registerStatistics(rows, period.from, period.to);
  const byKind = Object.fromEntries(registerKinds.map((kind) => [kind, 0])) as Record<RegisterKind, number>;
  for (const entry of statistics.byKind) byKind[entry.key as RegisterKind] = entry.count;
  const withRootCause = statistics.byRootCause.reduce((sum, entry) => sum + entry.count, 0);
  return {
    period,
    asOf: period.to,
    total: statistics.total,
    byKind,
    topRootCauses: statistics.pareto.slice(0, topRootCauseCount).map((entry) => ({
      key: entry.key,
      label: labelOf(entry.key),
      count: entry.count,
      share: entry.count / withRootCause,
      cumulativeShare: entry.cumulativeShare,
    })),
    withRootCause,
    replyCompliance: statistics.replyCompliance,
    openByAge: statistics.openByAge,
    open: statistics.openByAge.reduce((sum, entry) => sum + entry.count, 0),
  };
}
