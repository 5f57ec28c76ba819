import type { OutboxMessage, Outbox } from '../../app/messaging-ports.js';
import type { Clock, Ids } from '../../app/ports.js';
import { AppError } from '../../core/errors.js';
import type { SqliteDatabase } from '../sqlite/open-database.js';

type Row = Record<string, unknown>;

/**
 * Local chat: "sending" a card stores it in the `outbox` table, where the tab's chat pane reads
 * it. Stands in for Teams in local mode and for the bench, so the sweep runs the same code.
 */
export function createSqliteOutbox(db: SqliteDatabase, clock: Clock, ids: Ids): Outbox {
  const statements = {
    insert: db.prepare(
      `INSERT INTO outbox (id, recipient_id, card, summary, sent_at, updated_at)
       VALUES (:id, :recipientId, :card, :summary, :sentAt, :sentAt)`,
    ),
    // rowid breaks ties between messages stored in the same millisecond: newest first still.
    list: db.prepare('SELECT * FROM outbox WHERE recipient_id = ? ORDER BY sent_at DESC, rowid DESC'),
    update: db.prepare('UPDATE outbox SET card = :card, updated_at = :updatedAt WHERE id = :id'),
  };
  return {
    async send(message) {
      const id = ids.next();
      statements.insert.run({
        id,
        recipientId: message.recipientId,
        card: JSON.stringify(message.card),
        summary: message.summary,
        sentAt: clock.now().toISOString(),
      });
      return { messageId: id };
    },
    async list(recipientId) {
      return (statements.list.all(recipientId) as Row[]).map(toMessage);
    },
    async update(messageId, card) {
      const result = statements.update.run({
        id: messageId,
        card: JSON.stringify(card),
        updatedAt: clock.now().toISOString(),
      });
      if (result.changes === 0) throw new AppError('NOT_FOUND', `No message ${messageId} in the outbox.`);
    },
  };
}

function toMessage(row: Row): OutboxMessage {
  return {
    id: row['id'] as string,
    recipientId: row['recipient_id'] as string,
    card: JSON.parse(row['card'] as string) as Record<string, unknown>,
    summary: row['summary'] as string,
    sentAt: row['sent_at'] as string,
    updatedAt: row['updated_at'] as string,
  };
}
