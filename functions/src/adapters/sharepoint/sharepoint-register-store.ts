import {
  deadlineKey,
  qualityDeadlineWritesFor,
  registerDeadlineWrites,
  type DeadlineEntry,
  type DeadlineWrites,
} from '../../app/deadline-index.js';
import type { RegisterChangeSet, RegisterFilter, RegisterStore } from '../../app/register-ports.js';
import { AppError } from '../../core/errors.js';
import { addDays, type LocalDate } from '../../core/local-date.js';
import type { CorrectiveAction } from '../../core/quality-year-types.js';
import { defaultRegisterSettings } from '../../core/register-rules.js';
import type { StatisticsRow } from '../../core/register-statistics.js';
import type { RegisterItem, RegisterSettings } from '../../core/register-types.js';
import { registerItemRecord, registerSettingsRecord, usedChallengeRecord } from '../../records/register.js';
import type { GraphClient, ListItem } from './graph-client.js';
import { deadlineListWrites } from './sharepoint-deadline-writes.js';
import {
  literal,
  openListRepository,
  toStoredItem,
  type Found,
  type ListWrite,
  type StoredItem,
} from './sharepoint-list-repository.js';
import {
  correctiveActionMapping,
  deadlineMapping,
  fieldOf,
  fromFields,
  mappingOf,
  toFields,
  trailMapping,
  type Fields,
} from './sharepoint-records.js';

const itemMapping = mappingOf(registerItemRecord);
const settingsMapping = mappingOf(registerSettingsRecord);
const challengeMapping = mappingOf(usedChallengeRecord);
const settingsId = 'register';

/**
 * The RegisterStore port on SharePoint lists (`registerLists`: Register, RegisterSettings,
 * RegisterUsedChallenges; the corrective actions started from items go to the quality year's
 * list, the trail to the audit trail), written through the one list repository (see its header
 * for the commit algorithm and its limits).
 *
 * Commit:
 * - One `$batch` of KhKey lookups for everything the commit writes or expects (step 1); then the
 *   checks SQLite makes in its transaction, in the same order: the items' etags, the settings'
 *   etag, the used proof-of-work solution, the receipt numbers and status tokens of NEW items
 *   (one more `$batch`: one indexed `$filter` each), the new corrective actions.
 * - The guarded writes (If-Match on the eTag read, a create relying on a unique column): the
 *   used solution, the settings, every expected or new item, the corrective actions. A lost
 *   race undoes the guarded writes that succeeded and fails with the port's error: a 412 or a
 *   created item is CONFLICT (stale), a taken receipt number DUPLICATE (receiptNumber), a
 *   solution someone used meanwhile DUPLICATE (altcha, replayed): the used solutions are keyed
 *   by the hash of the challenge's signature in the unique KhKey, so SharePoint refuses the
 *   second create even between two instances.
 * - An existing item that is not expected is upserted without If-Match (last writer wins, as on
 *   SQLite); an expected item that is not written is fenced by a no-op PATCH of its etag.
 * - Receipt number and status token are written once (insert-only, as the SQLite columns).
 * - The deadline index's entries (app/deadline-index.ts): every item written gets
 *   `registerDeadlineWrites(item, settings in force)`, the corrective actions
 *   `qualityDeadlineWritesFor`, as on SQLite; saving the settings also rewrites the entries of
 *   every item still waiting for an answer (read by the indexed `awaitingReplyDueOn` before the
 *   lookups), so changed reminder days apply to them. The entries and the stored settings are
 *   looked up in step 1's `$batch` with the records; an entry is written (keyed upsert or delete,
 *   not guarded, as the quality store's) only when it differs from the stored one, so a handling
 *   step that keeps the deadline costs no write.
 * - The trail entries are appended last.
 *
 * Reads: each query filters on ONE indexed column, the rest of the filter is applied here. The
 * derived columns (`derivedFields`) exist for that: the open state (inbox), the reply deadline
 * while unanswered (reminders), the closing date while contact details are held (retention)
 * and the lower-cased e-mail (a sender's export). Date filters are widened by a day each way (a
 * dateOnly value can come back shifted by the site's time zone) and the exact bounds applied to
 * the decoded records.
 */
export async function openSharePointRegisterStore(graph: GraphClient, siteId: string): Promise<RegisterStore> {
  const lists = await openListRepository(graph, siteId, [
    itemMapping.list,
    settingsMapping.list,
    challengeMapping.list,
    correctiveActionMapping.list,
    trailMapping.list,
    deadlineMapping.list,
  ]);
  const field = (column: string) => `fields/${fieldOf(itemMapping, column)}`;
  const readItems = async (filter?: string): Promise<RegisterItem[]> =>
    (await lists.filter(itemMapping, filter)).map((item) => fromFields(itemMapping, item.fields));
  const onOrBefore = (column: string, day: LocalDate) => `${field(column)} le ${literal(addDays(day, 1))}`;

  /** Items holding a unique value (one indexed column), by a `$batch` of filtered reads. */
  async function holders(checks: { column: string; value: string }[]): Promise<StoredItem[][]> {
    const outcomes = await lists.batch(
      checks.map(({ column, value }) => ({
        method: 'GET' as const,
        url: `${lists.itemsPath(itemMapping)}?$expand=fields&$filter=${encodeURIComponent(`${field(column)} eq ${literal(value)}`)}`,
      })),
    );
    return outcomes.map((outcome) => {
      if (!outcome.ok) throw outcome.error;
      return ((outcome.body as { value?: ListItem[] }).value ?? []).map(toStoredItem);
    });
  }

  async function checkUnique(newItems: RegisterItem[]): Promise<void> {
    const checks = newItems.flatMap((item) => [
      { id: item.id, column: 'receiptNumber', value: item.receiptNumber },
      ...(item.statusTokenHash === null
        ? []
        : [{ id: item.id, column: 'statusTokenHash', value: item.statusTokenHash }]),
    ]);
    const found = await holders(checks);
    checks.forEach((check, index) => {
      const taken = found[index]!.some((stored) => fromFields(itemMapping, stored.fields).id !== check.id);
      if (taken) throw duplicateOf(check.column as 'receiptNumber' | 'statusTokenHash');
    });
  }

  async function itemsWithReplyDueBy(until: LocalDate): Promise<RegisterItem[]> {
    const items = await readItems(onOrBefore('awaitingReplyDueOn', until));
    return items
      .filter(
        (item) =>
          item.replyDueOn !== null && item.replyDueOn <= until && item.reply === null && item.status !== 'closed',
      )
      .sort((a, b) => byText(a.replyDueOn!, b.replyDueOn!) || byText(a.id, b.id));
  }

  /** Every item still waiting for an answer (a reply deadline, no answer, not closed). */
  async function awaitingReply(): Promise<RegisterItem[]> {
    const items = await readItems(`${field('awaitingReplyDueOn')} le ${literal(lastDay)}`);
    return items.filter((item) => item.replyDueOn !== null && item.reply === null && item.status !== 'closed');
  }

  return {
    getSettings: () => lists.get(settingsMapping, settingsId),
    getItem: (id) => lists.get(itemMapping, id),
    async findByStatusTokenHash(tokenHash) {
      const [item] = await lists.records(itemMapping, 'statusTokenHash', tokenHash);
      return item;
    },
    async listItems(filter = {}) {
      const items = await readItems(indexedFilterOf(filter, field));
      return items
        .filter((item) => matchesFilter(item, filter))
        .sort((a, b) => byText(b.reportedAt, a.reportedAt) || byText(a.id, b.id));
    },
    async statisticsRows(to) {
      // A narrow read: only the columns a row needs (`$expand=fields($select=…)`), not the JSON
      // of trails and texts.
      const select = statisticsColumns.map((column) => fieldOf(itemMapping, column)).join(',');
      const items = await graph.getAll<ListItem>(
        `${lists.itemsPath(itemMapping)}?$expand=fields($select=${select})` +
          `&$filter=${encodeURIComponent(onOrBefore('receivedOn', to))}`,
      );
      return items.map((item) => statisticsRowOf(toStoredItem(item).fields)).filter((row) => row.receivedOn <= to);
    },
    itemsWithReplyDueBy,
    async closedItemsWithContact(closedBy) {
      const items = await readItems(onOrBefore('contactClosedOn', closedBy));
      return items
        .filter(
          (item) =>
            item.status === 'closed' && item.contact !== null && item.closedOn !== null && item.closedOn <= closedBy,
        )
        .sort((a, b) => byText(a.closedOn!, b.closedOn!) || byText(a.id, b.id));
    },
    async itemsByContactEmail(email) {
      const wanted = email.toLowerCase();
      const items = await readItems(`${field('contactEmail')} eq ${literal(wanted)}`);
      return items
        .filter((item) => item.contact?.email?.toLowerCase() === wanted)
        .sort((a, b) => byText(a.receivedOn, b.receivedOn) || byText(a.id, b.id));
    },
    async purgeUsedChallenges(now) {
      const expired = await lists.filter(
        challengeMapping,
        `fields/${fieldOf(challengeMapping, 'expiresAt')} lt ${literal(now)}`,
      );
      const outcomes = await lists.batch(expired.map((item) => lists.deleteRequest(challengeMapping, item)));
      // One already gone (another instance's sweep) counts as forgotten by that sweep, not this one.
      const failure = outcomes.find((outcome) => !outcome.ok && !isNotFound(outcome.error));
      if (failure && !failure.ok) throw failure.error;
      return outcomes.filter((outcome) => outcome.ok).length;
    },
    async commit(changes: RegisterChangeSet) {
      const expected = changes.expect ?? [];
      const items = changes.items ?? [];
      const actions = changes.correctiveActions ?? [];
      // Saving the settings rewrites the entries of the items still waiting for an answer.
      const waiting = changes.settings
        ? (await awaitingReply()).filter((item) => !items.some((written) => written.id === item.id))
        : [];
      const indexed = [...items, ...waiting];
      const actionDeadlines = qualityDeadlineWritesFor({ correctiveActions: actions });
      const deadlineKeys = [
        ...indexed.map((item) => deadlineKey({ kind: 'register-reply', subjectId: item.id })),
        ...actionDeadlines.upserts.map(deadlineKey),
        ...actionDeadlines.removals.map(deadlineKey),
      ];
      const found = await lists.lookUp([
        ...expected.map(({ id }) => ({ mapping: itemMapping, key: id })),
        ...indexed.map((item) => ({ mapping: itemMapping, key: item.id })),
        ...(changes.settings || indexed.length > 0 ? [{ mapping: settingsMapping, key: settingsId }] : []),
        ...(changes.usedChallenge ? [{ mapping: challengeMapping, key: changes.usedChallenge.signatureHash }] : []),
        ...actions.map((action) => ({ mapping: correctiveActionMapping, key: action.id })),
        ...deadlineKeys.map((key) => ({ mapping: deadlineMapping, key })),
      ]);

      // The checks, before anything is written.
      for (const entry of expected) {
        const stored = found.record(itemMapping, entry.id);
        if ((stored?.etag ?? 0) !== entry.etag) throw staleItemError(entry.id, stored);
      }
      if (changes.settings) {
        const stored = found.record(settingsMapping, settingsId);
        if ((stored?.etag ?? 0) !== changes.settings.expectedEtag) throw staleSettingsError(stored);
      }
      if (changes.usedChallenge && found.get(challengeMapping, changes.usedChallenge.signatureHash))
        throw replayedError();
      const newItems = items.filter((item) => !found.get(itemMapping, item.id));
      await checkUnique(newItems);
      for (const action of actions)
        if (found.get(correctiveActionMapping, action.id)) throw actionExistsError(action.id);

      const writes: ListWrite[] = [];
      if (changes.usedChallenge)
        writes.push({ kind: 'upsert', mapping: challengeMapping, record: changes.usedChallenge, guard: true });
      if (changes.settings)
        writes.push({ kind: 'upsert', mapping: settingsMapping, record: changes.settings.record, guard: true });
      const isExpected = (id: string) => expected.some((entry) => entry.id === id);
      const settings =
        changes.settings?.record ??
        found.record(settingsMapping, settingsId) ??
        defaultRegisterSettings('1970-01-01T00:00:00.000Z', 'system');
      const deadlines: DeadlineWrites[] = [actionDeadlines];
      for (const item of items) {
        const stored = found.record(itemMapping, item.id);
        // Insert-only, as the SQLite columns: an update keeps the stored receipt number and token.
        const record = stored
          ? { ...item, receiptNumber: stored.receiptNumber, statusTokenHash: stored.statusTokenHash }
          : item;
        deadlines.push(registerDeadlineWrites(record, settings));
        writes.push({
          kind: 'upsert',
          mapping: itemMapping,
          record,
          guard: isExpected(item.id) || !stored,
          extra: derivedFields(record),
        });
      }
      for (const entry of expected)
        if (!items.some((item) => item.id === entry.id) && found.get(itemMapping, entry.id))
          writes.push({
            kind: 'fence',
            mapping: itemMapping,
            key: entry.id,
            fields: { [fieldOf(itemMapping, 'etag')]: entry.etag },
          });
      for (const action of actions)
        writes.push({ kind: 'upsert', mapping: correctiveActionMapping, record: action, guard: true });
      // As looked up in step 1: answered, closed or gone since the read, its entry is removed.
      for (const item of waiting)
        deadlines.push(
          registerDeadlineWrites(
            found.record(itemMapping, item.id) ?? { ...item, status: 'closed' as const },
            settings,
          ),
        );
      writes.push(...deadlineListWrites(changedDeadlines(deadlines, found)));
      for (const entry of changes.trail ?? []) writes.push({ kind: 'append', mapping: trailMapping, record: entry });

      await lists.write(writes, found, {
        lostRace: (write, before) => lostRaceError(write, before),
      });
    },
  };

  /** The port's error for a guarded write that lost its race (see the header). */
  async function lostRaceError(write: ListWrite, before: Found): Promise<Error> {
    if (write.kind === 'append') return new Error('An append is never guarded.');
    if (write.mapping === challengeMapping) return replayedError();
    if (write.mapping === settingsMapping) return staleSettingsError(await lists.get(settingsMapping, settingsId));
    if (write.mapping === correctiveActionMapping) {
      const id = (write as { record: CorrectiveAction }).record.id;
      return actionExistsError(id);
    }
    // An item's write, or the fence of an expected item that is not written.
    const id = write.kind === 'fence' ? write.key : (write as { record: RegisterItem }).record.id;
    const now = await lists.get(itemMapping, id);
    if (write.kind === 'fence' || before.get(itemMapping, id) || now) return staleItemError(id, now);
    const item = (write as { record: RegisterItem }).record;
    // A create refused although no item has its id: its receipt number or token was taken meanwhile.
    const [byReceipt] = await holders([{ column: 'receiptNumber', value: item.receiptNumber }]);
    return duplicateOf(byReceipt!.length > 0 || item.statusTokenHash === null ? 'receiptNumber' : 'statusTokenHash');
  }
}

const lastDay = '9999-12-31';

/** The index writes that change what is stored (step 1 found it): an equal entry is not rewritten. */
function changedDeadlines(writes: readonly DeadlineWrites[], found: Found): DeadlineWrites {
  const stored = (key: string) => found.record(deadlineMapping, key);
  const same = (a: DeadlineEntry, b: DeadlineEntry) =>
    JSON.stringify(toFields(deadlineMapping, a)) === JSON.stringify(toFields(deadlineMapping, b));
  return {
    upserts: writes.flatMap((each) =>
      each.upserts.filter((entry) => {
        const before = stored(deadlineKey(entry));
        return before === undefined || !same(before, entry);
      }),
    ),
    removals: writes.flatMap((each) => each.removals.filter((ref) => stored(deadlineKey(ref)) !== undefined)),
  };
}

/**
 * The derived columns of an item (see the header), written with every upsert. A PATCH clears a
 * value with null, so an item leaves a query's column when it no longer qualifies.
 */
export function derivedFields(item: RegisterItem): Fields {
  const isClosed = item.status === 'closed';
  return {
    [fieldOf(itemMapping, 'openState')]: isClosed ? 'closed' : 'open',
    [fieldOf(itemMapping, 'awaitingReplyDueOn')]: item.reply === null && !isClosed ? item.replyDueOn : null,
    [fieldOf(itemMapping, 'contactClosedOn')]: isClosed && item.contact !== null ? item.closedOn : null,
    [fieldOf(itemMapping, 'contactEmail')]: item.contact?.email?.toLowerCase() ?? null,
  };
}

/** The columns `statisticsRowOf` reads. */
const statisticsColumns = [
  'kind',
  'channel',
  'status',
  'category',
  'rootCauseCategory',
  'unitKeys',
  'receivedOn',
  'reportedByKey',
  'contactEmail',
  'replyDueOn',
  'reply',
] as const;

/**
 * What the statistics need of an item, from its list item's fields (`statisticsColumns`; the
 * others read as empty): the one place that decides it on SharePoint, as the SQLite store's
 * statistics query does from its columns.
 */
export function statisticsRowOf(fields: Fields): StatisticsRow {
  const item = fromFields(itemMapping, fields);
  return {
    kind: item.kind,
    channel: item.channel,
    status: item.status,
    categoryId: item.categoryId,
    rootCauseCategoryId: item.rootCauseCategoryId,
    unitId: item.unitIds[0] ?? null,
    receivedOn: item.receivedOn,
    isAnswerable: item.reportedBy !== null || (fields[fieldOf(itemMapping, 'contactEmail')] ?? null) !== null,
    replyDueOn: item.replyDueOn,
    isReplyLate: item.reply === null ? null : item.reply.isLate,
  };
}

/** The one indexed condition a list query sends (the most selective the filter has), or none. */
function indexedFilterOf(filter: RegisterFilter, field: (column: string) => string): string | undefined {
  if (filter.handlerId !== undefined) return `${field('handlerKey')} eq ${literal(filter.handlerId)}`;
  if (filter.reportedBy !== undefined) return `${field('reportedByKey')} eq ${literal(filter.reportedBy)}`;
  if (filter.status !== undefined) return `${field('status')} eq ${literal(filter.status)}`;
  if (filter.isOpen === true) return `${field('openState')} eq 'open'`;
  const bounds = [
    ...(filter.from !== undefined ? [`${field('receivedOn')} ge ${literal(addDays(filter.from, -1))}`] : []),
    ...(filter.to !== undefined ? [`${field('receivedOn')} le ${literal(addDays(filter.to, 1))}`] : []),
  ];
  return bounds.length > 0 ? bounds.join(' and ') : undefined;
}

function matchesFilter(item: RegisterItem, filter: RegisterFilter): boolean {
  return (
    (filter.handlerId === undefined || item.handlerId === filter.handlerId) &&
    (filter.reportedBy === undefined || item.reportedBy === filter.reportedBy) &&
    (filter.status === undefined || item.status === filter.status) &&
    (filter.isOpen !== true || item.status !== 'closed') &&
    (filter.kind === undefined || item.kind === filter.kind) &&
    (filter.channel === undefined || item.channel === filter.channel) &&
    (filter.from === undefined || item.receivedOn >= filter.from) &&
    (filter.to === undefined || item.receivedOn <= filter.to)
  );
}

function staleItemError(id: string, stored: RegisterItem | undefined): AppError {
  return new AppError('CONFLICT', `The register item ${id} changed after you read it. Reload and try again.`, {
    reason: 'stale',
    collection: 'registerItems',
    id,
    etag: stored?.etag ?? 0,
    updatedBy: stored?.updatedBy ?? null,
    updatedAt: stored?.updatedAt ?? null,
  });
}

function staleSettingsError(stored: RegisterSettings | undefined): AppError {
  return new AppError('CONFLICT', 'The register settings changed after you read them. Reload and try again.', {
    reason: 'stale',
    collection: 'registerSettings',
    id: settingsId,
    etag: stored?.etag ?? 0,
    updatedBy: stored?.updatedBy ?? null,
    updatedAt: stored?.updatedAt ?? null,
  });
}

function replayedError(): AppError {
  return new AppError('DUPLICATE', 'This proof-of-work solution was used before.', {
    field: 'altcha',
    reason: 'replayed',
  });
}

function actionExistsError(id: string): AppError {
  return new AppError('CONFLICT', `The corrective action ${id} exists already.`, {
    reason: 'stale',
    collection: 'correctiveActions',
    id,
  });
}

function duplicateOf(field: 'receiptNumber' | 'statusTokenHash'): AppError {
  return new AppError(
    'DUPLICATE',
    field === 'receiptNumber' ? 'The receipt number is taken.' : 'The status token is taken.',
    { field },
  );
}

function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.code === 'NOT_FOUND';
}

/** Code-point order, as SQLite's ORDER BY on text sorts. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
