import type { ConversationReference, LedgerMessage, MessagingStore, ReminderClaim } from '../../app/messaging-ports.js';
import { addDays, type LocalDate } from '../../core/local-date.js';
import { localDateReader, reminderRules, zonedTime } from '../../core/reminder-schedule.js';
import type { ReminderSource } from '../../jobs/reminder-source.js';
import { candidatesFromDeadlines } from '../../jobs/deadline-candidates.js';
import type { Person } from '../../core/types.js';
import type { SqliteDatabase } from './open-database.js';
import { conversationRecord, ledgerItemRecord, type LedgerItem } from '../../records/messaging.js';
import { fromRow, recordTable, toRow, writeStatement, type Row } from './record-table.js';
import { toEntry } from './sqlite-deadlines.js';

/** What a released lease's expiry is set to: long past, so the next run may take it at once. */
const releasedAt = '1970-01-01T00:00:00.000Z';

/**
 * Chat records in the embedded database: conversation references, the reminder ledger (one
 * `reminder_messages` row per outgoing message, and `reminder_ledger` as the index of its keys,
 * each key pointing at the message that claimed it last) and the sweep lease.
 *
 * `allowPersonIdAsAadObjectId` (default true) lets `findPersonByAadObjectId` fall back to the
 * person id, which is what local mode and the Agents Playground send; production turns it off.
 */
export function createSqliteMessagingStore(
  db: SqliteDatabase,
  options: { allowPersonIdAsAadObjectId?: boolean } = {},
): MessagingStore {
  const allowPersonId = options.allowPersonIdAsAadObjectId ?? true;
  const statements = {
    saveConversation: writeStatement(db, conversationTable),
    conversation: db.prepare('SELECT * FROM conversations WHERE person_id = ?'),
    personByAadObjectId: db.prepare('SELECT id FROM people WHERE aad_object_id = ?').pluck(),
    personById: db.prepare('SELECT id FROM people WHERE id = ?').pluck(),
    insertClaim: db.prepare(
      `INSERT OR IGNORE INTO reminder_ledger (key, recipient_id, stage, subject_id, due_on, state, run_id, claimed_at, message_key)
       VALUES (:key, :recipientId, :stage, :subjectId, :dueOn, 'claimed', :runId, :claimedAt, :messageKey)`,
    ),
    // A claim left by a run that died (or this run's own, when a claim is repeated) changes hands;
    // a sent key never does.
    reclaim: db.prepare(
      `UPDATE reminder_ledger SET run_id = :runId, claimed_at = :claimedAt, recipient_id = :recipientId, message_key = :messageKey
       WHERE key = :key AND state = 'claimed' AND (run_id = :runId OR run_id IN (SELECT value FROM json_each(:staleRunIds)))`,
    ),
    insertMessage: writeStatement(db, ledgerTable),
    message: db.prepare('SELECT * FROM reminder_messages WHERE key = ?'),
    markMessageSent: db.prepare(
      `UPDATE reminder_messages SET state = 'sent', sent_at = :sentAt, message_id = :messageId
       WHERE key = :key AND state = 'claimed'`,
    ),
    // The message has gone out: its keys are sent, whoever holds their claim now.
    markKeysSent: db.prepare(
      `UPDATE reminder_ledger SET state = 'sent', sent_at = :sentAt, message_id = :messageId
       WHERE state = 'claimed' AND key IN (SELECT value FROM json_each(:keys))`,
    ),
    ledger: db.prepare('SELECT * FROM reminder_messages ORDER BY claimed_at, key'),
    lease: db.prepare('SELECT run_id, expires_at FROM sweep_lease WHERE id = 1'),
    takeLease: db.prepare(
      `INSERT INTO sweep_lease (id, run_id, expires_at) VALUES (1, :runId, :expiresAt)
       ON CONFLICT(id) DO UPDATE SET run_id = excluded.run_id, expires_at = excluded.expires_at`,
    ),
    releaseLease: db.prepare('UPDATE sweep_lease SET expires_at = :releasedAt WHERE id = 1 AND run_id = :runId'),
  };

  const claim = db.transaction(
    (
      messages: { recipientId: string; reminders: ReminderClaim[] }[],
      run: { runId: string; claimedAt: string },
      staleRunIds: string[],
    ) => {
      const stale = JSON.stringify(staleRunIds);
      const owned: { recipientId: string; keys: string[] }[] = [];
      for (const message of messages) {
        const messageKey = messageKeyOf(run.runId, message.recipientId);
        const keys: string[] = [];
        for (const reminder of message.reminders) {
          const row = { ...reminder, ...run, recipientId: message.recipientId, messageKey };
          if (statements.insertClaim.run(row).changes === 1) keys.push(reminder.key);
          else if (statements.reclaim.run({ ...row, staleRunIds: stale }).changes === 1) keys.push(reminder.key);
        }
        if (keys.length === 0) continue;
        const item: LedgerItem = {
          key: messageKey,
          runId: run.runId,
          recipientId: message.recipientId,
          messages: [{ recipientId: message.recipientId, keys }],
          state: 'claimed',
          claimedAt: run.claimedAt,
          sentAt: null,
          messageId: null,
        };
        statements.insertMessage.run(toRow(ledgerTable, item));
        owned.push({ recipientId: message.recipientId, keys });
      }
      return owned;
    },
  );

  const markSent = db.transaction((key: string, messageId: string, sentAt: string) => {
    const row = statements.message.get(key) as Row | undefined;
    if (!row || statements.markMessageSent.run({ key, messageId, sentAt }).changes === 0) return;
    const keys = toLedgerMessage(row).keys;
    statements.markKeysSent.run({ keys: JSON.stringify(keys), messageId, sentAt });
  });

  // The lease row is read and written in one IMMEDIATE transaction, so two processes on the same
  // file cannot both see it free.
  const acquire = db.transaction((runId: string, now: string, leaseSeconds: number) => {
    const current = statements.lease.get() as Row | undefined;
    const heldBy = current?.['run_id'] as string | undefined;
    if (heldBy !== undefined && heldBy !== runId && (current?.['expires_at'] as string) > now) {
      return { acquired: false, previousRunId: null };
    }
    const expiresAt = new Date(Date.parse(now) + leaseSeconds * 1000).toISOString();
    statements.takeLease.run({ runId, expiresAt });
    return { acquired: true, previousRunId: heldBy !== undefined && heldBy !== runId ? heldBy : null };
  });

  return {
    async saveConversation(reference) {
      statements.saveConversation.run(toRow(conversationTable, reference));
    },
    async getConversation(personId) {
      const row = statements.conversation.get(personId) as Row | undefined;
      return row ? toConversation(row) : undefined;
    },
    async findPersonByAadObjectId(aadObjectId) {
      const byAad = statements.personByAadObjectId.get(aadObjectId) as string | undefined;
      if (byAad !== undefined || !allowPersonId) return byAad;
      return statements.personById.get(aadObjectId) as string | undefined;
    },
    async claimMessages(messages, run, staleRunIds) {
      return claim.immediate(messages, run, staleRunIds);
    },
    async markMessageSent(runId, recipientId, messageId, sentAt) {
      markSent.immediate(messageKeyOf(runId, recipientId), messageId, sentAt);
    },
    async listLedger() {
      return (statements.ledger.all() as Row[]).map(toLedgerMessage);
    },
    async acquireSweepLease(runId, now, leaseSeconds) {
      return acquire.immediate(runId, now, leaseSeconds);
    },
    async releaseSweepLease(runId) {
      statements.releaseLease.run({ runId, releasedAt });
    },
  };
}

/**
 * The sweep's read (jobs/reminder-source.ts) from the deadline index (app/deadline-index.ts):
 * one query of the `deadlines` table, narrowed to the review entries due within 30 days and
 * those whose approvals or acknowledgements are open (the other kinds are few), plus the
 * directory (people, units, competence names, conversations' user ids, certificates' bodies
 * and, for the competence rules, the procedures' units and areas). The candidates come from
 * `candidatesFromDeadlines`, which the SharePoint source shares.
 */
export function createSqliteReminderSource(db: SqliteDatabase, options: { timeZone: string }): ReminderSource {
  const { timeZone } = options;
  const readLocalDate = localDateReader(timeZone);
  // Every request for one version carries the same instant (its publication), so most are repeats.
  const localDates = new Map<string, LocalDate>();
  const localDate = (instant: string): LocalDate => {
    let date = localDates.get(instant);
    if (date === undefined) {
      date = readLocalDate(new Date(instant));
      if (localDates.size > 50_000) localDates.clear();
      localDates.set(instant, date);
    }
    return date;
  };
  // deadlines_due turns the review part into a range scan; a register item whose handler's
  // notice has not started yet (most of those waiting for an answer) is not read.
  const entries = db.prepare(
    `SELECT * FROM deadlines
     WHERE (kind <> 'review' AND (kind <> 'register-reply' OR json_extract(details, '$.remindOn') <= :today))
       OR due_on <= :horizon
       OR subject_id IN (SELECT json_extract(details, '$.procedureId') FROM deadlines
                         WHERE kind IN ('approval', 'acknowledgement'))`,
  );
  const hasCompetenceEntries = db.prepare(
    "SELECT EXISTS (SELECT 1 FROM deadlines WHERE kind IN ('qualification', 'requirement'))",
  );
  const directory = {
    people: db.prepare('SELECT id, name, unit_id, roles, leader_id, added_at FROM people'),
    units: db.prepare('SELECT id, name, parent_id FROM units'),
    procedures: db.prepare('SELECT id, code, title, unit_id, area FROM procedures'),
    competences: db.prepare('SELECT id, name FROM competences'),
    userIds: db.prepare('SELECT person_id, user_id FROM conversations WHERE user_id IS NOT NULL'),
    certificates: db.prepare('SELECT id, body FROM certificates'),
    // Acknowledgements of the versions whose entries are open (the readers still asked are the rest).
    acknowledged: db
      .prepare(
        `SELECT k.version_id || ':' || k.person_id FROM acknowledgements k
         JOIN deadlines d ON d.kind = 'acknowledgement' AND d.subject_id = k.version_id`,
      )
      .pluck(),
  };
  // The instant a local day starts: "requested before the start of day D" is "requested on or before D - 1".
  const startOf = (date: LocalDate) => zonedTime(date, 0, timeZone).toISOString();

  return {
    async listReminderCandidates(today) {
      const horizon = addDays(today, reminderRules.reviewNoticeDays['review-due-30']);
      const rows = (entries.all({ horizon, today }) as Row[]).map(toEntry);
      const withCompetences = hasCompetenceEntries.pluck().get() === 1;
      const people = (directory.people.all() as Row[]).map((row) => ({
        id: row['id'] as string,
        name: row['name'] as string,
        unitId: row['unit_id'] as string,
        roles: JSON.parse(row['roles'] as string) as Person['roles'],
        leaderId: (row['leader_id'] as string | null) ?? null,
        addedAt: (row['added_at'] as string | null) ?? null,
      }));
      const units = (directory.units.all() as Row[]).map((row) => ({
        id: row['id'] as string,
        name: row['name'] as string,
        parentId: (row['parent_id'] as string | null) ?? null,
      }));
      const procedures = withCompetences
        ? (directory.procedures.all() as Row[]).map((row) => ({
            id: row['id'] as string,
            code: row['code'] as string,
            title: row['title'] as string,
            unitId: (row['unit_id'] as string | null) ?? null,
            area: row['area'] as string,
          }))
        : [];
      const competences = withCompetences
        ? (directory.competences.all() as Row[]).map((row) => ({
            id: row['id'] as string,
            name: row['name'] as string,
          }))
        : [];
      const pairs = (statement: { all(): unknown[] }, key: string, value: string) =>
        new Map((statement.all() as Row[]).map((row) => [row[key] as string, row[value] as string]));
      return candidatesFromDeadlines(
        rows,
        {
          people,
          units,
          procedures,
          competences,
          userIds: pairs(directory.userIds, 'person_id', 'user_id'),
          certificationBodies: pairs(directory.certificates, 'id', 'body'),
          acknowledged: new Set(directory.acknowledged.all() as string[]),
        },
        today,
        { localDate, startOf },
      );
    },
  };
}

const conversationTable = recordTable(conversationRecord);
const ledgerTable = recordTable(ledgerItemRecord);
const toConversation = (row: Row): ConversationReference => fromRow(conversationTable, row);
/** A run sends one message per recipient: the pair names it. */
const messageKeyOf = (runId: string, recipientId: string) => `${runId}/${recipientId}`;
function toLedgerMessage(row: Row): LedgerMessage {
  const item: LedgerItem = fromRow(ledgerTable, row);
  const recipientId = item.recipientId ?? item.messages?.[0]?.recipientId ?? '';
  return {
    runId: item.runId,
    recipientId,
    keys: (item.messages ?? []).flatMap((message) => message.keys),
    state: item.state,
    claimedAt: item.claimedAt,
    sentAt: item.sentAt,
    messageId: item.messageId,
  };
}
