import type { Services } from '../app/ports.js';
import { createOccurrence } from '../app/create-occurrence.js';
import { generateYearWheel } from '../app/generate-year-wheel.js';
import { updateOccurrence } from '../app/update-occurrence.js';
import { addDays, localDateOf, type LocalDate } from '../core/local-date.js';
import type { Actor } from '../core/policies.js';
import type { OccurrenceKind } from '../core/quality-year-types.js';
import { zonedTime } from '../core/reminder-schedule.js';
import { demoPeople } from './demo-directory.js';

/** The demo's quality coordinator, who runs the year. */
const coordinatorId = 'mette-kjaer';

type DemoActivity = { title: string; kind: OccurrenceKind; daysFromToday: number; ownerId: string; note: string };

/** Hand-made activities relative to today, so the demo always has one due within a week and one overdue. */
const demoActivities: DemoActivity[] = [
  {
    title: 'Forberedelse af intern audit: Natur og Miljø',
    kind: 'internal-audit',
    daysFromToday: 5,
    ownerId: 'peter-lund',
    note: 'Tjekliste efter ISO 9001 pkt. 7.5 og 8.5; aftal tidspunkt med afdelingen.',
  },
  {
    title: 'Opfølgning på byggesagsaudit',
    kind: 'other',
    daysFromToday: -10,
    ownerId: 'henrik-skov',
    note: 'Status på handlinger fra sidste interne audit.',
  },
];

/**
 * The årshjul of the demo municipality, through the use cases: this year's and next year's
 * occurrences generated from whatever audits, certificate and evaluations the demo has (none
 * needed: the recurring activities are always there), this year's generated activities more
 * than two weeks past marked done, and two hand-made ones relative to today. Idempotent:
 * generation finds its occurrences by origin, and the hand-made ones by title.
 */
export async function seedDemoYearWheel(
  services: Services,
  clock: { set(date: Date): void },
  now: Date,
): Promise<void> {
  const person = demoPeople.find((candidate) => candidate.id === coordinatorId);
  if (!person) return;
  const coordinator: Actor = { id: person.id, unitId: person.unitId, roles: person.roles };
  const { timeZone } = services.settings;
  const today = localDateOf(now, timeZone);
  const year = Number(today.slice(0, 4));
  const at = (date: LocalDate) => clock.set(zonedTime(date, 10, timeZone));

  at(addDays(today, -60));
  for (const target of [year, year + 1]) await generateYearWheel(services, coordinator, target);

  const occurrences = await services.quality.listOccurrences();
  for (const occurrence of occurrences) {
    const isPast = occurrence.dueOn < addDays(today, -14) && occurrence.dueOn.startsWith(`${year}-`);
    if (!isPast || occurrence.completedOn !== null || occurrence.origin.kind === 'manual') continue;
    at(occurrence.dueOn);
    await updateOccurrence(services, coordinator, {
      id: occurrence.id,
      etag: occurrence.etag,
      changes: { completedOn: occurrence.dueOn },
    });
  }

  const titles = new Set(
    occurrences.filter((occurrence) => occurrence.origin.kind === 'manual').map((occurrence) => occurrence.title),
  );
  for (const activity of demoActivities) {
    if (titles.has(activity.title)) continue;
    at(addDays(today, Math.min(activity.daysFromToday, 0) - 30));
    await createOccurrence(services, coordinator, {
      kind: activity.kind,
      title: activity.title,
      dueOn: addDays(today, activity.daysFromToday),
      ownerId: activity.ownerId,
      note: activity.note,
    });
  }
}
