import type { Goal } from '../core/goal-types.js';
import { ensure, type Actor } from '../core/policies.js';
import { generateOccurrences, defaultRecurringActivities, type RecurringActivity } from '../core/year-wheel.js';
import { canManageYearWheel } from '../core/year-wheel-policies.js';
import type { Services } from './ports.js';
import { peopleNames, todayOf, toOccurrenceView, type OccurrenceView } from './year-wheel-views.js';
import type { Locale } from '../core/locale.js';
import { serverTexts } from '../i18n/server-texts.js';

export type YearWheelGenerated = {
  year: number;
  /** New occurrences. */
  created: OccurrenceView[];
  /** Existing occurrences brought up to date (date, title, completion, adopted origin). */
  updated: OccurrenceView[];
  unchangedCount: number;
  /** Generated, open occurrences whose source is gone: for the coordinator to complete or move. */
  orphans: OccurrenceView[];
};

/**
 * Generates the year's årshjul from the live audits, certificates, management evaluations and
 * the recurring activities (core/year-wheel.ts), and commits the upserts in one change set,
 * each expecting the etag it read (a parallel edit is a CONFLICT, not lost). Idempotent: a
 * second call finds every occurrence by its origin and changes nothing. Occurrences without an
 * owner of their own go to the coordinator who generates.
 */
export async function generateYearWheel(services: Services, actor: Actor, year: number): Promise<YearWheelGenerated> {
  ensure(canManageYearWheel(actor), 'Only the quality coordinator generates the årshjul.');
  const { quality } = services;
  const [audits, certificates, evaluations, existing, names, goals] = await Promise.all([
    quality.listAudits(),
    quality.listCertificates(),
    quality.listManagementEvaluations(),
    quality.listOccurrences(),
    peopleNames(services),
    services.goals.listGoals(),
  ]);
  const now = services.clock.now().toISOString();
  const generation = generateOccurrences({
    year,
    audits,
    certificates,
    evaluations,
    recurring: [...defaultRecurringActivities, ...goalRevisionActivities(goals, storedTitleLocale)],
    locale: storedTitleLocale,
    defaultOwnerId: actor.id,
    existing,
    now,
    actorId: actor.id,
    ids: () => services.ids.next(),
  });
  if (generation.upserts.length > 0) {
    await quality.commit({
      expect: generation.upserts.map((occurrence) => ({
        collection: 'occurrences' as const,
        id: occurrence.id,
        etag: occurrence.etag - 1,
      })),
      occurrences: generation.upserts,
      trail: [
        {
          at: now,
          actorId: actor.id,
          action: 'year-wheel.generated',
          procedureId: null,
          subjectId: `year-wheel:${year}`,
          summary: `Årshjul ${year}: ${generation.upserts.filter((o) => o.etag === 1).length} nye, ${generation.upserts.filter((o) => o.etag > 1).length} opdateret`,
          details: { year, occurrenceIds: generation.upserts.map((occurrence) => occurrence.id) },
        },
      ],
    });
  }
  const today = todayOf(services);
  const view = (occurrence: (typeof generation.upserts)[number]) => toOccurrenceView(occurrence, actor, names, today);
  return {
    year,
    created: generation.upserts.filter((occurrence) => occurrence.etag === 1).map(view),
    updated: generation.upserts.filter((occurrence) => occurrence.etag > 1).map(view),
    unchangedCount: generation.unchanged.length,
    orphans: generation.orphans.map(view),
  };
}

/**
 * The language of the titles the generator stores with an activity: the organisation's, Danish,
 * as for every generated occurrence (`generateOccurrences`' `locale`); a title is data once stored.
 */
const storedTitleLocale: Locale = 'da';

/** Each goal in force (not retired) is revised yearly in its revision month, by its owner. */
export function goalRevisionActivities(goals: readonly Goal[], locale: Locale): RecurringActivity[] {
  const text = serverTexts(locale, 'yearWheel');
  return goals
    .filter((goal) => goal.status !== 'retired')
    .map((goal) => ({
      key: `goal-revision/${goal.id}`,
      kind: 'goal-revision',
      title: text('goal.revision', { title: goal.title }),
      month: goal.revisionMonth,
      day: 15,
      ownerId: goal.ownerId,
    }));
}
