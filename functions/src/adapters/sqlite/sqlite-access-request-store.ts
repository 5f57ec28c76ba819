import type { AccessRequestStore } from '../../app/access-request-ports.js';
import { accessRequestDeadlineWrites } from '../../app/deadline-index.js';
import type { AccessRequest } from '../../core/access-request.js';
import { AppError } from '../../core/errors.js';
import { accessRequestRecord } from '../../records/access-requests.js';
import type { SqliteDatabase } from './open-database.js';
import { createSqliteDeadlines } from './sqlite-deadlines.js';
import { fromRow, recordTable, toRow, writeStatement, type Row } from './record-table.js';
import { insertTrailStatement, trailRow } from './sqlite-store.js';

const requests = recordTable(accessRequestRecord);

/**
 * Aktindsigt / innsyn requests in the embedded database (table from the migrations). Each save
 * writes the request's entry in the deadline index (app/deadline-index.ts) in the same
 * transaction: open, its deadline for the coordinators' reminders; answered, removed.
 */
export function createSqliteAccessRequestStore(db: SqliteDatabase): AccessRequestStore {
  const statements = {
    list: db.prepare(
      `SELECT * FROM access_requests
       ORDER BY state = 'answered', CASE WHEN state = 'open' THEN deadline_on END, received_on DESC, id`,
    ),
    get: db.prepare('SELECT * FROM access_requests WHERE id = ?'),
    write: writeStatement(db, requests),
    insertTrail: insertTrailStatement(db),
  };
  const deadlines = createSqliteDeadlines(db);
  const save = db.transaction((request: AccessRequest, expectedEtag: number, trail: Row) => {
    const row = toRow(requests, request);
    const stored = statements.get.get(row['id']) as Row | undefined;
    const etag = (stored?.['etag'] as number | undefined) ?? 0;
    if (etag !== expectedEtag)
      throw new AppError(
        'CONFLICT',
        `The request ${String(row['id'])} changed after you read it. Reload and try again.`,
        {
          reason: 'stale',
          collection: 'accessRequests',
          id: row['id'],
          etag,
          updatedBy: stored?.['updated_by'] ?? null,
          updatedAt: stored?.['updated_at'] ?? null,
        },
      );
    statements.write.run(row);
    statements.insertTrail.run(trail);
    deadlines.apply(accessRequestDeadlineWrites(request));
  });
  return {
    listAccessRequests: async () => (statements.list.all() as Row[]).map((row) => fromRow(requests, row)),
    getAccessRequest: async (id) => {
      const row = statements.get.get(id) as Row | undefined;
      return row ? fromRow(requests, row) : undefined;
    },
    saveAccessRequest: async (request, expectedEtag, trail) => save(request, expectedEtag, trailRow(trail)),
  };
}
