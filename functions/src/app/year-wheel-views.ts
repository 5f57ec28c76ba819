import { isPastDueAndNotDone } from '../core/certifier-audit-match.js';
import { AppError } from '../core/errors.js';
import { addDays, daysBetween, localDateOf, type LocalDate } from '../core/local-date.js';
import type { Actor } from '../core/policies.js';
import type { OccurrenceKind, OccurrenceOrigin, YearWheelOccurrence } from '../core/quality-year-types.js';
import { occurrenceReminderRules } from '../core/year-wheel.js';
import { canManageYearWheel, occurrenceAbilities, type OccurrenceAbilities } from '../core/year-wheel-policies.js';
import type { Services } from './ports.js';

/**
 * The årshjul as the tab reads it: the year's occurrences by month, each with its owner's name,
 * where it came from, a status in words (not a colour) and what the caller may do with it.
 */

/** `done`; `overdue` after its date; `due-soon` within the reminders' 30 days; else `planned`. */
export type OccurrenceStatus = 'done' | 'overdue' | 'due-soon' | 'planned';

export type OccurrenceView = {
  id: string;
  kind: OccurrenceKind;
  title: string;
  dueOn: LocalDate;
  owner: { id: string; name: string };
  origin: OccurrenceOrigin;
  completedOn: LocalDate | null;
  isEdited: boolean;
  note: string;
  status: OccurrenceStatus;
  /** Send it back as If-Match to change the occurrence. */
  etag: string;
  abilities: OccurrenceAbilities;
};

export type YearWheelView = {
  year: number;
  today: LocalDate;
  /** Twelve entries, January first, each with its occurrences by date. */
  months: { month: number; occurrences: OccurrenceView[] }[];
  abilities: { generate: boolean; create: boolean };
};

export function todayOf(services: Services): LocalDate {
  return localDateOf(services.clock.now(), services.settings.timeZone);
}

export function occurrenceStatus(
  occurrence: Pick<YearWheelOccurrence, 'dueOn' | 'completedOn'>,
  today: LocalDate,
): OccurrenceStatus {
  if (occurrence.completedOn !== null) return 'done';
  if (isPastDueAndNotDone(occurrence.dueOn, false, today)) return 'overdue';
  const daysLeft = daysBetween(today, occurrence.dueOn);
  return daysLeft <= occurrenceReminderRules.noticeDays['occurrence-due-30'] ? 'due-soon' : 'planned';
}

export function occurrenceEtag(occurrence: { etag: number }): string {
  return `"${occurrence.etag}"`;
}

export function toOccurrenceView(
  occurrence: YearWheelOccurrence,
  actor: Actor,
  names: ReadonlyMap<string, string>,
  today: LocalDate,
): OccurrenceView {
  return {
    id: occurrence.id,
    kind: occurrence.kind,
    title: occurrence.title,
    dueOn: occurrence.dueOn,
    owner: { id: occurrence.ownerId, name: names.get(occurrence.ownerId) ?? occurrence.ownerId },
    origin: occurrence.origin,
    completedOn: occurrence.completedOn,
    isEdited: occurrence.isEdited,
    note: occurrence.note,
    status: occurrenceStatus(occurrence, today),
    etag: occurrenceEtag(occurrence),
    abilities: occurrenceAbilities(actor, occurrence),
  };
}

export async function peopleNames(services: Services): Promise<Map<string, string>> {
  const people = await services.store.listPeople();
  return new Map(people.map((person) => [person.id, person.name]));
}

/** The occurrences dated in `year`, January to December. */
export async function getYearWheel(services: Services, actor: Actor, year: number): Promise<YearWheelView> {
  const pad = String(year).padStart(4, '0');
  const [occurrences, names] = await Promise.all([
    services.quality.listOccurrences({ from: `${pad}-01-01` as LocalDate, to: `${pad}-12-31` as LocalDate }),
    peopleNames(services),
  ]);
  const today = todayOf(services);
  const months = Array.from({ length: 12 }, (_, index) => ({
    month: index + 1,
    occurrences: [] as OccurrenceView[],
  }));
  for (const occurrence of occurrences) {
    const month = Number(occurrence.dueOn.slice(5, 7));
    months[month - 1]?.occurrences.push(toOccurrenceView(occurrence, actor, names, today));
  }
  const manages = canManageYearWheel(actor);
  return { year, today, months, abilities: { generate: manages, create: manages } };
}

/** One occurrence by id, or NOT_FOUND. */
export async function loadOccurrence(services: Services, id: string): Promise<YearWheelOccurrence> {
  const occurrence = (await services.quality.listOccurrences()).find((candidate) => candidate.id === id);
  if (!occurrence) throw new AppError('NOT_FOUND', `No årshjul occurrence with id ${id}.`);
  return occurrence;
}

/** The occurrence's view after a write. */
export async function getOccurrenceView(services: Services, actor: Actor, id: string): Promise<OccurrenceView> {
  const [occurrence, names] = await Promise.all([loadOccurrence(services, id), peopleNames(services)]);
  return toOccurrenceView(occurrence, actor, names, todayOf(services));
}

/** VALIDATION unless `ownerId` is a known person. */
export async function ensureKnownOwner(services: Services, ownerId: string): Promise<void> {
  if (!(await services.store.getPerson(ownerId)))
    throw new AppError('VALIDATION', `Invalid body: ownerId: no person with id ${ownerId}`, {
      in: 'body',
      issues: [{ path: 'ownerId', message: 'Unknown person' }],
    });
}

/** The window the reminders look at, for callers that want "soon" in the same sense. */
export function dueSoonHorizon(today: LocalDate): LocalDate {
  return addDays(today, occurrenceReminderRules.noticeDays['occurrence-due-30']);
}
