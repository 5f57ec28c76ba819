import { createSqliteOutbox } from '../../functions/src/adapters/outbox/sqlite-outbox.js';
import {
  createSqliteMessagingStore,
  createSqliteReminderSource,
} from '../../functions/src/adapters/sqlite/sqlite-messaging-store.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import { zonedTime } from '../../functions/src/core/reminder-schedule.js';
import type { CardFactory } from '../../functions/src/jobs/card-factory.js';
import { createReminderCards } from '../../functions/src/jobs/reminder-cards.js';
import { runSweep, type SweepResult } from '../../functions/src/jobs/run-sweep.js';
import type { TestServer } from './test-server.js';

export type OutboxMessage = { recipientId: string; keys: string[]; card: Record<string, unknown> };

/**
 * The daily sweep over a test server's SQLite database, at noon on any day, with the product's
 * cards sent to the local outbox. Each card carries the ledger keys it was sent for (`keys`), so a
 * test can say exactly which reminders went to whom; `outbox` strips them again, leaving the card
 * as Teams would get it.
 */
export function outboxSweep(server: TestServer, options: { publicUrl: string; timeZone?: string }) {
  const timeZone = options.timeZone ?? 'Europe/Copenhagen';
  const { db } = server.app;
  const product = createReminderCards({ publicUrl: options.publicUrl });
  const cards: CardFactory = {
    single: (item, context) => ({ ...product.single(item, context), keys: [item.key] }),
    digest: (items, context) => ({ ...product.digest(items, context), keys: items.map((item) => item.key) }),
  };
  return {
    sweepOn(date: LocalDate): Promise<SweepResult> {
      const clock = { now: () => zonedTime(date, 12, timeZone) };
      const services = { ...server.app.services, clock };
      return runSweep({
        services,
        messaging: createSqliteMessagingStore(db),
        source: createSqliteReminderSource(db, { timeZone }),
        notifier: createSqliteOutbox(db, clock, services.ids),
        cards,
      });
    },
    outbox(recipientId: string): OutboxMessage[] {
      const rows = db.prepare('SELECT card FROM outbox WHERE recipient_id = ? ORDER BY rowid').all(recipientId) as {
        card: string;
      }[];
      return rows.map((row) => {
        const { keys, ...card } = JSON.parse(row.card) as Record<string, unknown> & { keys: string[] };
        return { recipientId, keys, card };
      });
    },
  };
}
