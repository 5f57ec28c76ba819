import { deadlineKeysToCarry, deadlineWritesFor } from '../../app/deadline-index.js';
import { createSqliteDeadlines } from './sqlite-deadlines.js';
import { createHash } from 'node:crypto';
import { staleWriteError } from '../../app/procedure-context.js';
import type {
  ChangeSet,
  DirectoryPerson,
  ProcedureQuery,
  ProcedureRow,
  ProcedureSearchRevision,
  ProcedureSearchSource,
  Store,
  Viewer,
} from '../../app/ports.js';
import { acknowledgementRequestsOf } from '../../core/audience.js';
import { AppError } from '../../core/errors.js';
import { addDays } from '../../core/local-date.js';
import type {
  Approval,
  Person,
  ProcessLevel,
  Procedure,
  ProcedureVersion,
  Review,
  TrailEntry,
  Unit,
} from '../../core/types.js';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './open-database.js';
import { cachedUntilChanged } from './cached-until-changed.js';
import { createCompetenceTables } from './sqlite-competences.js';
import { fromRow, recordTable, toRow, writeStatement, type Row } from './record-table.js';
import {
  acknowledgementRecord,
  acknowledgementRequestRecord,
  approvalRecord,
  personRecord,
  procedureRecord,
  reviewRecord,
  trailEntryRecord,
  unitRecord,
  versionRecord,
} from '../../records/document-control.js';

/** Rows of search texts read at once when all of them are (see listSearchSources). */
const searchSourcesPage = 500;

/** A row indexed before revisions were kept has this one until it is indexed again. */
const searchRevision = "coalesce(p.search_revision, 'unrevised')";

/** The revision of a procedure's search texts: a hash of them. */
function searchRevisionOf(texts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const text of texts) hash.update(text).update('\u0000');
  return hash.digest('base64url');
}

const levelWords: Record<ProcessLevel, string> = {
  management: 'Ledelsesproces ledelsesprocesser',
  core: 'Kerneproces kerneprocesser sagsbehandling',
  support: 'Støtteproces støtteprocesser',
};

/** Sort keys as lists of SQL expressions; the direction is added to each. */
const sortColumns: Record<ProcedureQuery['sort'], string[]> = {
  code: ['p.code'],
  title: ['lower(p.title)'],
  owner: ['(SELECT name FROM people WHERE id = p.owner_id)'],
  nextReview: ["coalesce(p.next_review_on, '9999-12-31')"],
  updated: ['p.updated_at'],
  level: ["CASE p.level WHEN 'management' THEN 1 WHEN 'core' THEN 2 ELSE 3 END", 'p.area'],
};

/** The embedded default store: better-sqlite3, one file, every ChangeSet in one transaction. */
export function createSqliteStore(db: SqliteDatabase): Store {
  const statements = prepareStatements(db);
  const competenceTables = createCompetenceTables(db);
  const deadlines = createSqliteDeadlines(db);
  /** Counts this connection's writes; with SQLite's data_version (other connections' writes) it is the search stamp. */
  let commits = 0;

  // Visibility and draft filters are EXISTS subqueries on the procedure row, so counting and
  // sorting touch only `procedures` (and short-circuit on published rows); the joins that
  // fill a page run for the page's ids alone.
  const draftByMe = 'EXISTS (SELECT 1 FROM versions d WHERE d.id = p.draft_version_id AND d.author_id = :me)';
  const approvalForMe =
    'EXISTS (SELECT 1 FROM approvals a WHERE a.version_id = p.draft_version_id AND a.decision IS NULL AND a.approver_id = :me)';
  const visibility = `(p.current_version_id IS NOT NULL OR :isCoordinator = 1 OR p.owner_id = :me OR p.approver_id = :me
      OR ${draftByMe} OR ${approvalForMe})`;
  const seesDraft = `(:isCoordinator = 1 OR p.approver_id = :me OR ${draftByMe} OR ${approvalForMe})`;

  function listWhere(query: ProcedureQuery): { sql: string; params: Row } {
    const clauses = [visibility];
    const params: Row = { me: query.viewer.id, isCoordinator: query.viewer.isCoordinator ? 1 : 0 };
    const equals = { level: 'p.level', area: 'p.area', ownerId: 'p.owner_id', unitId: 'p.unit_id' } as const;
    for (const [key, column] of Object.entries(equals) as [keyof typeof equals, string][]) {
      if (query[key] === undefined) continue;
      clauses.push(`${column} = :${key}`);
      params[key] = query[key];
    }
    switch (query.status) {
      case 'published':
        clauses.push('p.current_version_id IS NOT NULL');
        break;
      case 'unpublished':
        clauses.push('p.current_version_id IS NULL');
        break;
      case 'in-approval':
        clauses.push(
          `EXISTS (SELECT 1 FROM versions d WHERE d.id = p.draft_version_id AND d.state = 'pending') AND ${seesDraft}`,
        );
        break;
      case 'draft':
        clauses.push(`p.draft_version_id IS NOT NULL AND ${seesDraft}`);
        break;
      case 'review-overdue':
        clauses.push('p.next_review_on < :today');
        params['today'] = query.today;
        break;
      case 'review-due':
        clauses.push('p.next_review_on <= :soon');
        params['soon'] = addDays(query.today, 30);
        break;
      case undefined:
        break;
    }
    return { sql: clauses.join(' AND '), params };
  }

  const areasStatement = db.prepare(
    `SELECT p.level AS level, p.area AS area, count(*) AS count FROM procedures p WHERE ${visibility}
     GROUP BY p.level, p.area ORDER BY CASE p.level WHEN 'management' THEN 1 WHEN 'core' THEN 2 ELSE 3 END, min(p.code)`,
  );
  const listCache = new Map<string, { ids: Statement; count: Statement }>();
  function listStatements(where: string, sort: string) {
    const key = `${where}|${sort}`;
    let cached = listCache.get(key);
    if (!cached) {
      cached = {
        ids: db
          .prepare(`SELECT p.id FROM procedures p WHERE ${where} ORDER BY ${sort}, p.code LIMIT :limit OFFSET :offset`)
          .pluck(),
        count: db.prepare(`SELECT count(*) FROM procedures p WHERE ${where}`).pluck(),
      };
      listCache.set(key, cached);
    }
    return cached;
  }

  function reindex(procedureIds: Iterable<string>): void {
    for (const id of procedureIds) {
      const row = statements.procedureForIndex.get(id) as Row | undefined;
      if (!row) continue;
      statements.deleteSearch.run(row['rowid']);
      if (row['current_version_id'] === null) {
        statements.setSearchRevision.run(null, row['rowid']);
        continue;
      }
      const standards = JSON.parse(row['standards'] as string) as { standard: string; clauses: string[] }[];
      const metadata = [
        levelWords[row['level'] as ProcessLevel],
        row['area'],
        row['unit_name'] ?? '',
        row['owner_name'],
        ...(JSON.parse(row['legal_basis'] as string) as string[]),
        ...standards.map((s) => `${s.standard} ${s.clauses.join(' ')}`),
      ].join(' · ');
      const texts = [row['code'] as string, row['title'] as string, metadata, (row['body'] as string | null) ?? ''];
      statements.insertSearch.run(row['rowid'], ...texts);
      statements.setSearchRevision.run(searchRevisionOf(texts), row['rowid']);
    }
  }

  const commitTransaction = db.transaction((changes: ChangeSet) => {
    if (changes.expect) {
      const current = statements.procedure.get(changes.expect.procedureId) as Row | undefined;
      if (!current) throw new AppError('NOT_FOUND', `No procedure with id ${changes.expect.procedureId}.`);
      if (current['etag'] !== changes.expect.etag) {
        const who = statements.person.get(current['updated_by']) as Row | undefined;
        throw staleWriteError(toProcedure(current), (who?.['name'] as string) ?? (current['updated_by'] as string));
      }
    }
    // The deadline index in the same transaction; its carried values are read before anything is written.
    const deadlineWrites = deadlineWritesFor(changes, deadlines.carried(deadlineKeysToCarry(changes)));
    const touched = new Set<string>();
    for (const procedure of changes.procedures ?? []) {
      statements.upsertProcedure.run(toRow(procedureTable, procedure));
      touched.add(procedure.id);
    }
    for (const version of changes.versions ?? []) {
      statements.upsertVersion.run(toRow(versionTable, version));
      touched.add(version.procedureId);
    }
    for (const approval of changes.approvals ?? []) statements.upsertApproval.run(toRow(approvalTable, approval));
    for (const review of changes.reviews ?? []) statements.insertReview.run(toRow(reviewTable, review));
    for (const request of changes.acknowledgementRequests ?? [])
      statements.insertAckRequest.run(toRow(acknowledgementRequestTable, request));
    for (const ack of changes.acknowledgements ?? []) statements.insertAck.run(toRow(acknowledgementTable, ack));
    competenceTables.write(changes);
    deadlines.apply(deadlineWrites);
    for (const entry of changes.trail ?? []) statements.insertTrail.run(trailRow(entry));
    reindex(touched);
  });

  const upsertFromDirectory = db.transaction((entry: DirectoryPerson): Person => {
    const { whenNew, ...fields } = entry;
    const refreshed = { ...fields, roles: JSON.stringify(fields.roles) };
    if (statements.refreshDirectoryPerson.run(refreshed).changes === 0) {
      statements.insertDirectoryPerson.run({ ...refreshed, ...whenNew, addedAt: new Date().toISOString() });
    }
    return toPerson(statements.personByAadObjectId.get(entry.aadObjectId) as Row);
  });

  // Read on nearly every request, changed by a directory sync or an administrator.
  const units = cachedUntilChanged(db, 'directory', () => (statements.units.all() as Row[]).map(toUnit));
  const people = cachedUntilChanged(db, 'directory', () => (statements.people.all() as Row[]).map(toPerson));

  return {
    async listUnits() {
      return [...units()];
    },
    async listPeople() {
      return [...people()];
    },
    async getPerson(id) {
      const row = statements.person.get(id) as Row | undefined;
      return row ? toPerson(row) : undefined;
    },
    async getPersonByAadObjectId(aadObjectId) {
      const row = statements.personByAadObjectId.get(aadObjectId) as Row | undefined;
      return row ? toPerson(row) : undefined;
    },
    async upsertPersonFromDirectory(entry) {
      // IMMEDIATE: two processes signing the same new person in at once cannot both insert.
      commits += 1;
      return upsertFromDirectory.immediate(entry);
    },
    async listProcedures(query) {
      const { sql, params } = listWhere(query);
      const direction = query.order === 'desc' ? 'DESC' : 'ASC';
      const sort = sortColumns[query.sort].map((column) => `${column} ${direction}`).join(', ');
      const { ids, count } = listStatements(sql, sort);
      const pageIds = ids.all({ ...params, limit: query.limit, offset: query.offset }) as string[];
      const rows = new Map(
        (statements.listRows.all(JSON.stringify(pageIds)) as Row[]).map((row) => [row['id'] as string, row]),
      );
      const items = pageIds.map((id) => toProcedureRow(rows.get(id) as Row));
      return { items, total: count.get(params) as number };
    },
    async listAreas(viewer: Viewer) {
      return areasStatement.all({ me: viewer.id, isCoordinator: viewer.isCoordinator ? 1 : 0 }) as {
        level: ProcessLevel;
        area: string;
        count: number;
      }[];
    },
    async getProcedure(id) {
      const row = statements.procedure.get(id) as Row | undefined;
      return row ? toProcedure(row) : undefined;
    },
    async getProcedureByCode(code) {
      const row = statements.procedureByCode.get(code) as Row | undefined;
      return row ? toProcedure(row) : undefined;
    },
    async listVersions(procedureId) {
      return (statements.versions.all(procedureId) as Row[]).map(toVersion);
    },
    async getVersion(id) {
      const row = statements.version.get(id) as Row | undefined;
      return row ? toVersion(row) : undefined;
    },
    async listApprovals(procedureId) {
      return (statements.approvals.all(procedureId) as Row[]).map(toApproval);
    },
    async getApproval(id) {
      const row = statements.approval.get(id) as Row | undefined;
      return row ? toApproval(row) : undefined;
    },
    async listOpenApprovalsFor(approverId) {
      return (statements.openApprovals.all(approverId) as Row[]).map(toApproval);
    },
    async listReviews(procedureId) {
      return (statements.reviews.all(procedureId) as Row[]).map(toReview);
    },
    async listAcknowledgementRequests(versionId) {
      const stored = (statements.ackRequests.all(versionId) as Row[]).map((row) =>
        fromRow(acknowledgementRequestTable, row),
      );
      if (stored.length > 0) return stored;
      // A version whose makers were recorded: its requests are the audience except them.
      const versionRow = statements.version.get(versionId) as Row | undefined;
      const procedureRow = versionRow && (statements.procedure.get(versionRow['procedure_id']) as Row | undefined);
      if (!versionRow || !procedureRow) return [];
      const people = (statements.people.all() as Row[]).map((row) => fromRow(personTable, row));
      return (
        acknowledgementRequestsOf(fromRow(versionTable, versionRow), fromRow(procedureTable, procedureRow), people) ??
        []
      );
    },
    async listAcknowledgements(versionId) {
      return (statements.acks.all(versionId) as Row[]).map((row) => fromRow(acknowledgementTable, row));
    },
    async listOpenAcknowledgementsFor(personId) {
      const stored = (statements.openAcks.all(personId) as Row[]).map((row) =>
        fromRow(acknowledgementRequestTable, row),
      );
      const personRow = statements.person.get(personId) as Row | undefined;
      if (!personRow) return stored;
      // Current major versions whose makers were recorded: asked if in the audience, not a maker.
      const person = [fromRow(personTable, personRow)];
      const acknowledged = new Set(statements.acknowledgedBy.all(personId) as string[]);
      const derived = (statements.currentRecordedMajors.all() as Row[]).flatMap(
        (row) =>
          acknowledgementRequestsOf(
            fromRow(versionTable, row),
            { audience: JSON.parse(row['procedure_audience'] as string) },
            person,
          )?.filter((request) => !acknowledged.has(request.versionId)) ?? [],
      );
      return [...stored, ...derived].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    },
    async listTrail(procedureId) {
      return (statements.trail.all(procedureId) as Row[]).map((row) => fromRow(trailTable, row));
    },
    async searchStamp() {
      return `${statements.dataVersion.get() as number}:${commits}`;
    },
    async listSearchRevisions() {
      return statements.searchRevisions.all() as ProcedureSearchRevision[];
    },
    async listSearchSources(procedureIds): Promise<ProcedureSearchSource[]> {
      let rows: Row[];
      if (procedureIds !== undefined) rows = statements.someSearchSources.all(JSON.stringify(procedureIds)) as Row[];
      else {
        // All of them (5,000 texts take ~100 ms): in pages, letting other requests in between.
        rows = [];
        for (;;) {
          const after = (rows.at(-1)?.['code'] as string | undefined) ?? '';
          const page = statements.searchSourcesAfter.all(after) as Row[];
          rows.push(...page);
          if (page.length < searchSourcesPage) break;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      return rows.map((row) => ({
        procedureId: row['id'] as string,
        code: row['code'] as string,
        title: row['title'] as string,
        metadata: row['metadata'] as string,
        body: row['body'] as string,
        revision: row['revision'] as string,
      }));
    },
    ...competenceTables.reads,

    async commit(changes) {
      try {
        commits += 1;
        commitTransaction(changes);
      } catch (error) {
        if (
          error instanceof Error &&
          'code' in error &&
          error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
          /procedures\.code/.test(error.message)
        ) {
          throw new AppError('DUPLICATE', 'A procedure with this code already exists.', { field: 'code' });
        }
        throw error;
      }
    },
  };
}

/** Writes reference data (units, people) for seeding and tests; not part of the Store port. */
export function upsertDirectory(db: SqliteDatabase, directory: { units: Unit[]; people: Person[] }): void {
  const unit = db.prepare(
    'INSERT INTO units (id, name, parent_id) VALUES (:id, :name, :parentId) ON CONFLICT(id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id',
  );
  const person = db.prepare(
    `INSERT INTO people (id, name, email, title, unit_id, roles, leader_id) VALUES (:id, :name, :email, :title, :unitId, :roles, NULL)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, email = excluded.email, title = excluded.title, unit_id = excluded.unit_id, roles = excluded.roles`,
  );
  const leader = db.prepare('UPDATE people SET leader_id = :leaderId WHERE id = :id');
  db.transaction(() => {
    for (const entry of directory.units) unit.run(entry);
    for (const entry of directory.people) person.run({ ...entry, roles: JSON.stringify(entry.roles) });
    for (const entry of directory.people) leader.run({ id: entry.id, leaderId: entry.leaderId });
  })();
}

/**
 * Production: makes sure the unit new people are placed in exists (a fresh database has no
 * units). An existing unit is left as it is.
 */
export function ensureUnit(db: SqliteDatabase, unit: Unit): void {
  db.prepare('INSERT OR IGNORE INTO units (id, name, parent_id) VALUES (:id, :name, :parentId)').run(unit);
}

/** Local mode: links Teams identities to demo people (see docs/chat.md). */
export function linkTeamsUsers(db: SqliteDatabase, links: Record<string, string>): void {
  const clear = db.prepare('UPDATE people SET aad_object_id = NULL WHERE aad_object_id = ?');
  const link = db.prepare('UPDATE people SET aad_object_id = ? WHERE id = ?');
  db.transaction(() => {
    for (const [aadObjectId, personId] of Object.entries(links)) {
      clear.run(aadObjectId);
      if (link.run(aadObjectId, personId).changes === 0)
        throw new Error(`LOCAL_TEAMS_USERS names an unknown person: ${personId}`);
    }
  })();
}

function prepareStatements(db: SqliteDatabase) {
  return {
    units: db.prepare('SELECT * FROM units ORDER BY name'),
    people: db.prepare('SELECT * FROM people ORDER BY name'),
    person: db.prepare('SELECT * FROM people WHERE id = ?'),
    personByAadObjectId: db.prepare('SELECT * FROM people WHERE aad_object_id = ?'),
    refreshDirectoryPerson: db.prepare(
      'UPDATE people SET name = :name, email = :email, roles = :roles WHERE aad_object_id = :aadObjectId',
    ),
    insertDirectoryPerson: db.prepare(
      `INSERT INTO people (id, name, email, title, unit_id, roles, leader_id, aad_object_id, added_at)
       VALUES (:id, :name, :email, :title, :unitId, :roles, NULL, :aadObjectId, :addedAt)`,
    ),
    procedure: db.prepare('SELECT * FROM procedures WHERE id = ?'),
    procedureByCode: db.prepare('SELECT * FROM procedures WHERE code = ?'),
    versions: db.prepare('SELECT * FROM versions WHERE procedure_id = ? ORDER BY created_at'),
    version: db.prepare('SELECT * FROM versions WHERE id = ?'),
    approvals: db.prepare('SELECT * FROM approvals WHERE procedure_id = ? ORDER BY requested_at'),
    approval: db.prepare('SELECT * FROM approvals WHERE id = ?'),
    openApprovals: db.prepare(
      'SELECT * FROM approvals WHERE approver_id = ? AND decision IS NULL ORDER BY requested_at',
    ),
    reviews: db.prepare('SELECT * FROM reviews WHERE procedure_id = ? ORDER BY reviewed_at'),
    ackRequests: db.prepare('SELECT * FROM acknowledgement_requests WHERE version_id = ?'),
    acks: db.prepare('SELECT * FROM acknowledgements WHERE version_id = ?'),
    openAcks: db.prepare(
      `SELECT r.*
       FROM acknowledgement_requests r JOIN procedures p ON p.id = r.procedure_id AND p.current_version_id = r.version_id
       WHERE r.person_id = ? AND NOT EXISTS (SELECT 1 FROM acknowledgements k WHERE k.version_id = r.version_id AND k.person_id = r.person_id)
       ORDER BY r.requested_at`,
    ),
    acknowledgedBy: db.prepare('SELECT version_id FROM acknowledgements WHERE person_id = ?').pluck(),
    currentRecordedMajors: db.prepare(
      `SELECT v.*, p.audience AS procedure_audience FROM procedures p JOIN versions v ON v.id = p.current_version_id
       WHERE v.maker_ids IS NOT NULL AND v.kind = 'major'`,
    ),
    trail: db.prepare('SELECT * FROM audit_trail WHERE procedure_id = ? ORDER BY seq'),
    listRows: db.prepare(
      `SELECT p.*, cv.major AS cv_major, cv.minor AS cv_minor, d.state AS d_state, d.author_id AS d_author,
         a.approver_id AS a_approver
       FROM procedures p
       LEFT JOIN versions cv ON cv.id = p.current_version_id
       LEFT JOIN versions d ON d.id = p.draft_version_id
       LEFT JOIN approvals a ON a.version_id = d.id AND a.decision IS NULL
       WHERE p.id IN (SELECT value FROM json_each(?))`,
    ),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    // A published procedure has its row in procedure_search (see reindex).
    searchRevisions: db.prepare(
      `SELECT p.id AS procedureId, ${searchRevision} AS revision
       FROM procedures p WHERE p.current_version_id IS NOT NULL ORDER BY p.code`,
    ),
    searchSourcesAfter: db.prepare(
      `SELECT p.id, p.code AS code, s.title, s.metadata, s.body, ${searchRevision} AS revision
       FROM procedures p JOIN procedure_search s ON s.rowid = p.rowid
       WHERE p.current_version_id IS NOT NULL AND p.code > ? ORDER BY p.code LIMIT ${searchSourcesPage}`,
    ),
    someSearchSources: db.prepare(
      `SELECT p.id, s.code, s.title, s.metadata, s.body, ${searchRevision} AS revision
       FROM procedure_search s JOIN procedures p ON p.rowid = s.rowid
       WHERE p.current_version_id IS NOT NULL AND p.id IN (SELECT value FROM json_each(?)) ORDER BY p.code`,
    ),
    setSearchRevision: db.prepare('UPDATE procedures SET search_revision = ? WHERE rowid = ?'),
    procedureForIndex: db.prepare(
      `SELECT p.rowid AS rowid, p.*, u.name AS unit_name, o.name AS owner_name, v.text AS body
       FROM procedures p JOIN people o ON o.id = p.owner_id LEFT JOIN units u ON u.id = p.unit_id
       LEFT JOIN versions v ON v.id = p.current_version_id WHERE p.id = ?`,
    ),
    deleteSearch: db.prepare('DELETE FROM procedure_search WHERE rowid = ?'),
    insertSearch: db.prepare(
      'INSERT INTO procedure_search (rowid, code, title, metadata, body) VALUES (?, ?, ?, ?, ?)',
    ),
    upsertProcedure: writeStatement(db, procedureTable),
    upsertVersion: writeStatement(db, versionTable),
    upsertApproval: writeStatement(db, approvalTable),
    insertReview: writeStatement(db, reviewTable),
    insertAckRequest: writeStatement(db, acknowledgementRequestTable),
    insertAck: writeStatement(db, acknowledgementTable),
    insertTrail: insertTrailStatement(db),
  };
}

const unitTable = recordTable(unitRecord);
const personTable = recordTable(personRecord);
const procedureTable = recordTable(procedureRecord);
const versionTable = recordTable(versionRecord);
const approvalTable = recordTable(approvalRecord);
const reviewTable = recordTable(reviewRecord);
const acknowledgementRequestTable = recordTable(acknowledgementRequestRecord);
const acknowledgementTable = recordTable(acknowledgementRecord);
const trailTable = recordTable(trailEntryRecord);

const toUnit = (row: Row): Unit => fromRow(unitTable, row);
const toPerson = (row: Row): Person => fromRow(personTable, row);
const toProcedure = (row: Row): Procedure => fromRow(procedureTable, row);
const toVersion = (row: Row): ProcedureVersion => fromRow(versionTable, row);
const toApproval = (row: Row): Approval => fromRow(approvalTable, row);
const toReview = (row: Row): Review => fromRow(reviewTable, row);

/** A trail entry's row; SQLite numbers it (seq). */
export function trailRow(entry: Omit<TrailEntry, 'seq'>): Row {
  return toRow(trailTable, entry as TrailEntry);
}
export const insertTrailStatement = (db: SqliteDatabase) => writeStatement(db, trailTable);

function toProcedureRow(row: Row): ProcedureRow {
  return {
    ...toProcedure(row),
    currentVersion:
      row['cv_major'] === null ? null : { major: row['cv_major'] as number, minor: (row['cv_minor'] as number) ?? 0 },
    draftState: (row['d_state'] as 'draft' | 'pending' | null) ?? null,
    draftAuthorId: (row['d_author'] as string | null) ?? null,
    pendingApproverId: (row['a_approver'] as string | null) ?? null,
  };
}
