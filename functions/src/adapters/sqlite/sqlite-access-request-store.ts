import type { AccessRequestStore } from '../../app/access-request-ports.js';
import { AppError } from '../../core/errors.js';
import { accessRequestRecord } from '../../records/access-requests.js';
import type { SqliteDatabase } from './open-database.js';
import { fromRow, recordTable, toRow, writeStatement, type Row } from './record-table.js';
import { insertTrailStatement, trailRow } from './sqlite-store.js';

const requests = recordTable(accessRequestRecord);

/** Aktindsigt / innsyn requests in the embedded database (table from the migrations). */
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
  const save = db.transaction((row: Row, expectedEtag: number, trail: Row) => {
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
  });
  return {
    listAccessRequests: async () => (statements.list.all() as Row[]).map((row) => fromRow(requests, row)),
    getAccessRequest: async (id) => {
      const row = statements.get.get(id) as Row | undefined;
      return row ? fromRow(requests, row) : undefined;
    },
    saveAccessRequest: async (request, expectedEtag, trail) =>
      save(toRow(requests, request), expectedEtag, trailRow(trail)),
  };
}
