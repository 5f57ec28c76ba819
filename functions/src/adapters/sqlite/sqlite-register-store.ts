import { AppError } from '../../core/errors.js';
import type { LocalDate } from '../../core/local-date.js';
import type { StatisticsRow } from '../../core/register-statistics.js';
import type { RegisterChangeSet, RegisterFilter, RegisterStore } from '../../app/register-ports.js';
import { qualityDeadlineWritesFor, registerDeadlineWrites } from '../../app/deadline-index.js';
import { defaultRegisterSettings } from '../../core/register-rules.js';
import type { RegisterSettings } from '../../core/register-types.js';
import { correctiveActionRecord } from '../../records/quality-year.js';
import { registerItemRecord, registerSettingsRecord, usedChallengeRecord } from '../../records/register.js';
import { cachedUntilChanged } from './cached-until-changed.js';
import type { SqliteDatabase } from './open-database.js';
import { createSqliteDeadlines } from './sqlite-deadlines.js';
import { insertTrailStatement, trailRow } from './sqlite-store.js';
import { fromRow, recordTable, toRow, writeStatement, type Row } from './record-table.js';

const items = recordTable(registerItemRecord);
const settingsTable = recordTable(registerSettingsRecord);
const usedChallenges = recordTable(usedChallengeRecord);
const actions = recordTable(correctiveActionRecord);
/** The columns of the register_items_statistics index, in its order. */
const statisticsColumns =
  'received_on, kind, channel, status, category_id, root_cause_category_id, main_unit_id, is_answerable, reply_due_on, is_reply_late';

/**
 * The register in the embedded database (tables from the migrations). Every commit writes the
 * items' entries in the deadline index (app/deadline-index.ts `registerDeadlineWrites`, with the
 * reminder days of the settings in force) in its own transaction; saving the settings rewrites
 * the entries of every item still waiting for an answer, so a changed notice or escalation
 * period applies to them too. Opening the store fills in the entries of items written before
 * the store wrote them (`backfillRegisterDeadlines`).
 */
export function createSqliteRegisterStore(db: SqliteDatabase): RegisterStore {
  const statements = {
    settings: db.prepare("SELECT * FROM register_settings WHERE id = 'register'"),
    item: db.prepare('SELECT * FROM register_items WHERE id = ?'),
    itemEtag: db.prepare('SELECT etag, updated_by, updated_at FROM register_items WHERE id = ?'),
    byToken: db.prepare('SELECT * FROM register_items WHERE status_token_hash = ?'),
    byReceipt: db.prepare('SELECT id FROM register_items WHERE receipt_number = ?').pluck(),
    byTokenId: db.prepare('SELECT id FROM register_items WHERE status_token_hash = ?').pluck(),
    // Plain columns only (`derived` in records/register.ts), grouped in the covering index's order
    // (register_items_statistics), so SQLite reads the index alone and needs no sort.
    statistics: db.prepare(
      `SELECT ${statisticsColumns}, count(*) FROM register_items WHERE received_on <= ? GROUP BY ${statisticsColumns}`,
    ),
    replyDue: db.prepare(
      "SELECT * FROM register_items WHERE reply_due_on IS NOT NULL AND reply_due_on <= ? AND reply IS NULL AND status <> 'closed'",
    ),
    closedWithContact: db.prepare(
      "SELECT * FROM register_items WHERE status = 'closed' AND contact IS NOT NULL AND closed_on <= ?",
    ),
    byEmail: db.prepare(
      "SELECT * FROM register_items WHERE lower(contact ->> '$.email') = lower(?) ORDER BY received_on, id",
    ),
    usedChallenge: db.prepare('SELECT 1 FROM register_used_challenges WHERE signature_hash = ?').pluck(),
    purgeChallenges: db.prepare('DELETE FROM register_used_challenges WHERE expires_at < ?'),
    actionExists: db.prepare('SELECT 1 FROM corrective_actions WHERE id = ?').pluck(),
    writeItem: writeStatement(db, items),
    writeSettings: writeStatement(db, settingsTable),
    writeUsedChallenge: writeStatement(db, usedChallenges),
    writeAction: writeStatement(db, actions),
    insertTrail: insertTrailStatement(db),
  };
  const deadlines = createSqliteDeadlines(db);
  const storedSettings = (): RegisterSettings => {
    const row = statements.settings.get() as Row | undefined;
    return row ? fromRow(settingsTable, row) : defaultRegisterSettings('1970-01-01T00:00:00.000Z', 'system');
  };

  const commit = db.transaction((changes: RegisterChangeSet) => {
    for (const expected of changes.expect ?? []) {
      const stored = statements.itemEtag.get(expected.id) as Row | undefined;
      const etag = (stored?.['etag'] as number | undefined) ?? 0;
      if (etag !== expected.etag) {
        throw new AppError(
          'CONFLICT',
          `The register item ${expected.id} changed after you read it. Reload and try again.`,
          {
            reason: 'stale',
            collection: 'registerItems',
            id: expected.id,
            etag,
            updatedBy: stored?.['updated_by'] ?? null,
            updatedAt: stored?.['updated_at'] ?? null,
          },
        );
      }
    }
    if (changes.settings) {
      const stored = statements.settings.get() as Row | undefined;
      const etag = (stored?.['etag'] as number | undefined) ?? 0;
      if (etag !== changes.settings.expectedEtag) {
        throw new AppError('CONFLICT', 'The register settings changed after you read them. Reload and try again.', {
          reason: 'stale',
          collection: 'registerSettings',
          id: 'register',
          etag,
          updatedBy: stored?.['updated_by'] ?? null,
          updatedAt: stored?.['updated_at'] ?? null,
        });
      }
      statements.writeSettings.run(toRow(settingsTable, changes.settings.record));
    }
    const settings = changes.settings?.record ?? storedSettings();
    if (changes.usedChallenge) {
      if (statements.usedChallenge.get(changes.usedChallenge.signatureHash) !== undefined) {
        throw new AppError('DUPLICATE', 'This proof-of-work solution was used before.', {
          field: 'altcha',
          reason: 'replayed',
        });
      }
      statements.writeUsedChallenge.run(toRow(usedChallenges, changes.usedChallenge));
    }
    for (const item of changes.items ?? []) {
      const receiptHolder = statements.byReceipt.get(item.receiptNumber) as string | undefined;
      if (receiptHolder !== undefined && receiptHolder !== item.id) {
        throw new AppError('DUPLICATE', 'The receipt number is taken.', { field: 'receiptNumber' });
      }
      if (item.statusTokenHash !== null) {
        const tokenHolder = statements.byTokenId.get(item.statusTokenHash) as string | undefined;
        if (tokenHolder !== undefined && tokenHolder !== item.id) {
          throw new AppError('DUPLICATE', 'The status token is taken.', { field: 'statusTokenHash' });
        }
      }
      statements.writeItem.run(toRow(items, item));
      deadlines.apply(registerDeadlineWrites(item, settings));
    }
    for (const action of changes.correctiveActions ?? []) {
      if (statements.actionExists.get(action.id) !== undefined) {
        throw new AppError('CONFLICT', `The corrective action ${action.id} exists already.`, {
          reason: 'stale',
          collection: 'correctiveActions',
          id: action.id,
        });
      }
      statements.writeAction.run(toRow(actions, action));
    }
    if (changes.correctiveActions)
      deadlines.apply(qualityDeadlineWritesFor({ correctiveActions: changes.correctiveActions }));
    if (changes.settings) {
      const written = new Set((changes.items ?? []).map((item) => item.id));
      for (const row of statements.replyDue.all(lastDay) as Row[]) {
        const item = fromRow(items, row);
        if (!written.has(item.id)) deadlines.apply(registerDeadlineWrites(item, settings));
      }
    }
    for (const entry of changes.trail ?? []) statements.insertTrail.run(trailRow(entry));
  });
  backfillRegisterDeadlines(db);

  const read = (row: Row | undefined) => (row ? fromRow(items, row) : undefined);
  // Every public submission and most register reads need the settings; a coordinator changes them.
  const settings = cachedUntilChanged(db, 'register-settings', () => {
    const row = statements.settings.get() as Row | undefined;
    return row ? fromRow(settingsTable, row) : undefined;
  });

  return {
    getSettings: async () => settings(),
    getItem: async (id) => read(statements.item.get(id) as Row | undefined),
    findByStatusTokenHash: async (tokenHash) => read(statements.byToken.get(tokenHash) as Row | undefined),
    listItems: async (filter = {}) => {
      const { sql, values } = listQuery(filter);
      return (db.prepare(sql).all(...values) as Row[]).map((row) => fromRow(items, row));
    },
    statisticsRows: async (to) =>
      (statements.statistics.raw().all(to) as unknown[][]).map(
        ([
          receivedOn,
          kind,
          channel,
          status,
          categoryId,
          rootCauseCategoryId,
          unitId,
          isAnswerable,
          replyDueOn,
          isLate,
          count,
        ]) =>
          ({
            kind,
            channel,
            status,
            categoryId,
            rootCauseCategoryId,
            unitId,
            receivedOn,
            isAnswerable: isAnswerable === 1,
            replyDueOn,
            isReplyLate: isLate === null ? null : isLate === 1,
            count,
          }) as StatisticsRow,
      ),
    itemsWithReplyDueBy: async (until: LocalDate) =>
      (statements.replyDue.all(until) as Row[]).map((row) => fromRow(items, row)),
    closedItemsWithContact: async (closedBy: LocalDate) =>
      (statements.closedWithContact.all(closedBy) as Row[]).map((row) => fromRow(items, row)),
    itemsByContactEmail: async (email) => (statements.byEmail.all(email) as Row[]).map((row) => fromRow(items, row)),
    purgeUsedChallenges: async (now) => statements.purgeChallenges.run(now).changes,
    commit: async (changes) => commit(changes),
  };
}

const lastDay = '9999-12-31';

/**
 * Writes the index entries of the items waiting for an answer that have none: those stored before
 * the store wrote them (the register came before its reminders moved to the index), or by hand.
 * A startup backfill rather than a migration because the reminder days count working days in the
 * register's holiday calendar; idempotent, and nothing to do once filled. How many it wrote.
 */
export function backfillRegisterDeadlines(db: SqliteDatabase): number {
  const missing = db.prepare(
    `SELECT i.* FROM register_items i
     WHERE i.reply_due_on IS NOT NULL AND i.reply IS NULL AND i.status <> 'closed'
       AND NOT EXISTS (SELECT 1 FROM deadlines d WHERE d.kind = 'register-reply' AND d.subject_id = i.id)`,
  );
  const rows = missing.all() as Row[];
  if (rows.length === 0) return 0;
  const stored = db.prepare("SELECT * FROM register_settings WHERE id = 'register'").get() as Row | undefined;
  const settings = stored
    ? fromRow(settingsTable, stored)
    : defaultRegisterSettings('1970-01-01T00:00:00.000Z', 'system');
  const deadlines = createSqliteDeadlines(db);
  db.transaction(() => {
    for (const row of rows) deadlines.apply(registerDeadlineWrites(fromRow(items, row), settings));
  })();
  return rows.length;
}

function listQuery(filter: RegisterFilter): { sql: string; values: unknown[] } {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (clause: string, value?: unknown) => {
    where.push(clause);
    if (value !== undefined) values.push(value);
  };
  if (filter.handlerId !== undefined) add('handler_id = ?', filter.handlerId);
  if (filter.reportedBy !== undefined) add('reported_by = ?', filter.reportedBy);
  if (filter.status !== undefined) add('status = ?', filter.status);
  if (filter.isOpen === true) add("status <> 'closed'");
  if (filter.kind !== undefined) add('kind = ?', filter.kind);
  if (filter.channel !== undefined) add('channel = ?', filter.channel);
  if (filter.from !== undefined) add('received_on >= ?', filter.from);
  if (filter.to !== undefined) add('received_on <= ?', filter.to);
  const condition = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  return { sql: `SELECT * FROM register_items ${condition} ORDER BY reported_at DESC, id`, values };
}
