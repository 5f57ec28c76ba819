import { randomInt } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { localDateOf, type LocalDate } from '../core/local-date.js';
import { defaultRegisterSettings } from '../core/register-rules.js';
import type { RegisterItem, RegisterSettings, RegisterStatus, RegisterTrailEvent } from '../core/register-types.js';
import type { TrailEntry } from '../core/types.js';
import { leaderDirectory, type LeaderDirectory } from '../core/unit-leaders.js';
import type { RegisterChangeSet } from './register-ports.js';
import type { Services } from './ports.js';

/** What the register's use cases share: settings, loading, trail steps, receipt numbers, commits. */

/** The stored settings, or the defaults of a new installation (Danish practice) until saved. */
export async function registerSettingsOf(services: Services): Promise<RegisterSettings> {
  return (await services.register.getSettings()) ?? defaultRegisterSettings('1970-01-01T00:00:00.000Z', 'system');
}

export async function loadRegisterItem(services: Services, id: string): Promise<RegisterItem> {
  const item = await services.register.getItem(id);
  if (!item) throw new AppError('NOT_FOUND', `No register item with id ${id}.`);
  return item;
}

export async function directoryOf(services: Services): Promise<LeaderDirectory> {
  const [people, units] = await Promise.all([services.store.listPeople(), services.store.listUnits()]);
  return leaderDirectory(people, units);
}

export function todayOf(services: Services): LocalDate {
  return localDateOf(services.clock.now(), services.settings.timeZone);
}

export type Step = {
  at: string;
  /** Person id; null for the public sender and the sweep. */
  actorId: string | null;
  event: RegisterTrailEvent;
  note: string;
};

/**
 * The item after one step: the changes applied, the etag moved, the step in its trail; and the
 * entry for the product's trail (the public sender and the sweep write as `system`).
 */
export function applyStep(
  item: RegisterItem,
  changes: Partial<RegisterItem>,
  step: Step,
): { item: RegisterItem; trail: Omit<TrailEntry, 'seq'> } {
  const status: RegisterStatus = changes.status ?? item.status;
  const next: RegisterItem = {
    ...item,
    ...changes,
    etag: item.etag + 1,
    updatedAt: step.at,
    updatedBy: step.actorId ?? 'system',
    trail: [...item.trail, { at: step.at, actorId: step.actorId, event: step.event, status, note: step.note }],
  };
  return {
    item: next,
    trail: {
      at: step.at,
      actorId: step.actorId ?? 'system',
      action: `register.${step.event}`,
      procedureId: null,
      subjectId: item.id,
      summary: `${item.receiptNumber}: ${step.note}`,
      details: { status },
    },
  };
}

/** Writes one step of an existing item, refused with CONFLICT unless it still has `expectedEtag`. */
export async function commitStep(
  services: Services,
  item: RegisterItem,
  expectedEtag: number,
  changes: Partial<RegisterItem>,
  step: Step,
  extra: Omit<RegisterChangeSet, 'expect' | 'items' | 'trail'> = {},
): Promise<RegisterItem> {
  const { item: next, trail } = applyStep(item, changes, step);
  await services.register.commit({
    ...extra,
    expect: [{ id: item.id, etag: expectedEtag }],
    items: [next],
    trail: [trail],
  });
  return next;
}

const receiptAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A receipt number: the year, a dash and 6 characters without look-alikes (0/O, 1/I), e.g. 2026-K7Q4M2. */
export function newReceiptNumber(year: string): string {
  let code = '';
  for (let index = 0; index < 6; index++) code += receiptAlphabet[randomInt(receiptAlphabet.length)];
  return `${year}-${code}`;
}

/**
 * Commits a new item, drawing another receipt number when the drawn one is taken (30 bits a
 * year: a clash is rare, three in a row is not going to happen).
 */
export async function commitNewItem(
  services: Services,
  build: (receiptNumber: string) => { item: RegisterItem; trail: Omit<TrailEntry, 'seq'>[] },
  extra: Omit<RegisterChangeSet, 'expect' | 'items' | 'trail'> = {},
): Promise<RegisterItem> {
  for (let attempt = 0; ; attempt++) {
    const { item, trail } = build(newReceiptNumber(todayOf(services).slice(0, 4)));
    try {
      await services.register.commit({ ...extra, expect: [{ id: item.id, etag: 0 }], items: [item], trail });
      return item;
    } catch (error) {
      const isTaken =
        error instanceof AppError && error.code === 'DUPLICATE' && error.details?.['field'] === 'receiptNumber';
      if (!isTaken || attempt >= 2) throw error;
    }
  }
}
