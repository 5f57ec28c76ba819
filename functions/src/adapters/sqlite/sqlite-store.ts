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
import { AppError } from '../../core/errors.js';
import { addDays, type LocalDate } from '../../core/local-date.js';
import type {
  Acknowledgement,
  AcknowledgementRequest,
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
import { createCompetenceTables } from './sqlite-competences.js';

type Row = Record<string, unknown>;

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
      statements.upsertProcedure.run(fromProcedure(procedure));
      touched.add(procedure.id);
    }
    for (const version of changes.versions ?? []) {
      statements.upsertVersion.run(fromVersion(version));
      touched.add(version.procedureId);
    }
    for (const approval of changes.approvals ?? []) statements.upsertApproval.run(fromApproval(approval));
    for (const review of changes.reviews ?? []) statements.insertReview.run(fromReview(review));
    for (const request of changes.acknowledgementRequests ?? []) statements.insertAckRequest.run(request);
    for (const ack of changes.acknowledgements ?? []) statements.insertAck.run(ack);
    competenceTables.write(changes);
    deadlines.apply(deadlineWrites);
    for (const entry of changes.trail ?? [])
      statements.insertTrail.run({ ...entry, details: JSON.stringify(entry.details) });
    reindex(touched);
  });

  const upsertFromDirectory = db.transaction((entry: DirectoryPerson): Person => {
    const { whenNew, ...fields } = entry;
    const refreshed = { ...fields, roles: JSON.stringify(fields.roles) };
    if (statements.refreshDirectoryPerson.run(refreshed).changes === 0) {
      statements.insertDirectoryPerson.run({ ...refreshed, ...whenNew });
    }
    return toPerson(statements.personByAadObjectId.get(entry.aadObjectId) as Row);
  });

  return {
    async listUnits() {
      return (statements.units.all() as Row[]).map(toUnit);
    },
    async listPeople() {
      return (statements.people.all() as Row[]).map(toPerson);
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
      return statements.ackRequests.all(versionId) as AcknowledgementRequest[];
    },
    async listAcknowledgements(versionId) {
      return statements.acks.all(versionId) as Acknowledgement[];
    },
    async listOpenAcknowledgementsFor(personId) {
      return statements.openAcks.all(personId) as AcknowledgementRequest[];
    },
    async listTrail(procedureId) {
      return (statements.trail.all(procedureId) as Row[]).map((row): TrailEntry => ({
        seq: row['seq'] as number,
        at: row['at'] as string,
        actorId: row['actor_id'] as string,
        action: row['action'] as string,
        procedureId: row['procedure_id'] as string | null,
        subjectId: row['subject_id'] as string,
        summary: row['summary'] as string,
        details: JSON.parse(row['details'] as string) as Record<string, unknown>,
      }));
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
      `INSERT INTO people (id, name, email, title, unit_id, roles, leader_id, aad_object_id)
       VALUES (:id, :name, :email, :title, :unitId, :roles, NULL, :aadObjectId)`,
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
    ackRequests: db.prepare(
      'SELECT procedure_id AS procedureId, version_id AS versionId, person_id AS personId, requested_at AS requestedAt FROM acknowledgement_requests WHERE version_id = ?',
    ),
    acks: db.prepare(
      'SELECT procedure_id AS procedureId, version_id AS versionId, person_id AS personId, acknowledged_at AS acknowledgedAt FROM acknowledgements WHERE version_id = ?',
    ),
    openAcks: db.prepare(
      `SELECT r.procedure_id AS procedureId, r.version_id AS versionId, r.person_id AS personId, r.requested_at AS requestedAt
       FROM acknowledgement_requests r JOIN procedures p ON p.id = r.procedure_id AND p.current_version_id = r.version_id
       WHERE r.person_id = ? AND NOT EXISTS (SELECT 1 FROM acknowledgements k WHERE k.version_id = r.version_id AND k.person_id = r.person_id)
       ORDER BY r.requested_at`,
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
    upsertProcedure: db.prepare(
      `INSERT INTO procedures (id, code, title, level, area, unit_id, owner_id, approver_id, approver_designated_by,
         audience, review_interval_months,
         standards, legal_basis, current_version_id, draft_version_id, approved_on, last_reviewed_on, next_review_on,
         created_at, updated_at, updated_by, etag)
       VALUES (:id, :code, :title, :level, :area, :unitId, :ownerId, :approverId, :approverDesignatedBy,
         :audience, :reviewIntervalMonths,
         :standards, :legalBasis, :currentVersionId, :draftVersionId, :approvedOn, :lastReviewedOn, :nextReviewOn,
         :createdAt, :updatedAt, :updatedBy, :etag)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, level = excluded.level, area = excluded.area,
         unit_id = excluded.unit_id, owner_id = excluded.owner_id, approver_id = excluded.approver_id,
         approver_designated_by = excluded.approver_designated_by,
         audience = excluded.audience, review_interval_months = excluded.review_interval_months,
         standards = excluded.standards, legal_basis = excluded.legal_basis,
         current_version_id = excluded.current_version_id, draft_version_id = excluded.draft_version_id,
         approved_on = excluded.approved_on, last_reviewed_on = excluded.last_reviewed_on,
         next_review_on = excluded.next_review_on, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by, etag = excluded.etag`,
    ),
    upsertVersion: db.prepare(
      `INSERT INTO versions (id, procedure_id, state, major, minor, kind, author_id, file_ref, file_name, media_type, size, sha256,
         text, html, change_summary, created_at, updated_at, published_at, approved_by, superseded_by, obsolete_at)
       VALUES (:id, :procedureId, :state, :major, :minor, :kind, :authorId, :fileRef, :fileName, :mediaType, :size, :sha256,
         :text, :html, :changeSummary, :createdAt, :updatedAt, :publishedAt, :approvedBy, :supersededBy, :obsoleteAt)
       ON CONFLICT(id) DO UPDATE SET state = excluded.state, major = excluded.major, minor = excluded.minor,
         kind = excluded.kind, file_ref = excluded.file_ref, file_name = excluded.file_name,
         media_type = excluded.media_type, size = excluded.size, sha256 = excluded.sha256, text = excluded.text,
         html = excluded.html, change_summary = excluded.change_summary, updated_at = excluded.updated_at,
         published_at = excluded.published_at, approved_by = excluded.approved_by,
         superseded_by = excluded.superseded_by, obsolete_at = excluded.obsolete_at`,
    ),
    upsertApproval: db.prepare(
      `INSERT INTO approvals (id, procedure_id, version_id, requested_by, requested_at, approver_id, change_summary, kind,
         decision, decided_by, decided_at, comment)
       VALUES (:id, :procedureId, :versionId, :requestedBy, :requestedAt, :approverId, :changeSummary, :kind,
         :decision, :decidedBy, :decidedAt, :comment)
       ON CONFLICT(id) DO UPDATE SET decision = excluded.decision, decided_by = excluded.decided_by,
         decided_at = excluded.decided_at, comment = excluded.comment`,
    ),
    insertReview: db.prepare(
      `INSERT INTO reviews (id, procedure_id, reviewer_id, outcome, comment, reviewed_at, due_on, next_review_on)
       VALUES (:id, :procedureId, :reviewerId, :outcome, :comment, :reviewedAt, :dueOn, :nextReviewOn)`,
    ),
    insertAckRequest: db.prepare(
      `INSERT OR IGNORE INTO acknowledgement_requests (procedure_id, version_id, person_id, requested_at)
       VALUES (:procedureId, :versionId, :personId, :requestedAt)`,
    ),
    insertAck: db.prepare(
      `INSERT OR IGNORE INTO acknowledgements (procedure_id, version_id, person_id, acknowledged_at)
       VALUES (:procedureId, :versionId, :personId, :acknowledgedAt)`,
    ),
    insertTrail: db.prepare(
      `INSERT INTO audit_trail (at, actor_id, action, procedure_id, subject_id, summary, details)
       VALUES (:at, :actorId, :action, :procedureId, :subjectId, :summary, :details)`,
    ),
  };
}

function toUnit(row: Row): Unit {
  return {
    id: row['id'] as string,
    name: row['name'] as string,
    parentId: (row['parent_id'] as string | null) ?? null,
  };
}

function toPerson(row: Row): Person {
  return {
    id: row['id'] as string,
    name: row['name'] as string,
    email: row['email'] as string,
    title: row['title'] as string,
    unitId: row['unit_id'] as string,
    roles: JSON.parse(row['roles'] as string) as Person['roles'],
    leaderId: (row['leader_id'] as string | null) ?? null,
    aadObjectId: (row['aad_object_id'] as string | null) ?? null,
  };
}

function toProcedure(row: Row): Procedure {
  return {
    id: row['id'] as string,
    code: row['code'] as string,
    title: row['title'] as string,
    level: row['level'] as ProcessLevel,
    area: row['area'] as string,
    unitId: row['unit_id'] as string | null,
    ownerId: row['owner_id'] as string,
    approverId: row['approver_id'] as string,
    approverDesignatedBy: (row['approver_designated_by'] as string | null) ?? null,
    audience: JSON.parse(row['audience'] as string) as Procedure['audience'],
    reviewIntervalMonths: row['review_interval_months'] as number,
    standards: JSON.parse(row['standards'] as string) as Procedure['standards'],
    legalBasis: JSON.parse(row['legal_basis'] as string) as string[],
    currentVersionId: row['current_version_id'] as string | null,
    draftVersionId: row['draft_version_id'] as string | null,
    approvedOn: row['approved_on'] as LocalDate | null,
    lastReviewedOn: row['last_reviewed_on'] as LocalDate | null,
    nextReviewOn: row['next_review_on'] as LocalDate | null,
    createdAt: row['created_at'] as string,
    updatedAt: row['updated_at'] as string,
    updatedBy: row['updated_by'] as string,
    etag: row['etag'] as number,
  };
}

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

function fromProcedure(procedure: Procedure): Row {
  return {
    ...procedure,
    audience: JSON.stringify(procedure.audience),
    standards: JSON.stringify(procedure.standards),
    legalBasis: JSON.stringify(procedure.legalBasis),
  };
}

function toVersion(row: Row): ProcedureVersion {
  return {
    id: row['id'] as string,
    procedureId: row['procedure_id'] as string,
    state: row['state'] as ProcedureVersion['state'],
    major: row['major'] as number | null,
    minor: row['minor'] as number | null,
    kind: row['kind'] as ProcedureVersion['kind'],
    authorId: row['author_id'] as string,
    file: {
      ref: row['file_ref'] as string,
      name: row['file_name'] as string,
      mediaType: row['media_type'] as string,
      size: row['size'] as number,
      sha256: row['sha256'] as string,
    },
    text: row['text'] as string,
    html: row['html'] as string,
    changeSummary: row['change_summary'] as string | null,
    createdAt: row['created_at'] as string,
    updatedAt: row['updated_at'] as string,
    publishedAt: row['published_at'] as string | null,
    approvedBy: row['approved_by'] as string | null,
    supersededByVersionId: row['superseded_by'] as string | null,
    obsoleteAt: row['obsolete_at'] as string | null,
  };
}

function fromVersion(version: ProcedureVersion): Row {
  const { file, supersededByVersionId, ...rest } = version;
  return {
    ...rest,
    fileRef: file.ref,
    fileName: file.name,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    supersededBy: supersededByVersionId,
  };
}

function toApproval(row: Row): Approval {
  return {
    id: row['id'] as string,
    procedureId: row['procedure_id'] as string,
    versionId: row['version_id'] as string,
    requestedBy: row['requested_by'] as string,
    requestedAt: row['requested_at'] as string,
    approverId: row['approver_id'] as string,
    changeSummary: row['change_summary'] as string,
    kind: row['kind'] as Approval['kind'],
    decision: row['decision'] as Approval['decision'],
    decidedBy: row['decided_by'] as string | null,
    decidedAt: row['decided_at'] as string | null,
    comment: row['comment'] as string | null,
  };
}

function fromApproval(approval: Approval): Row {
  return { ...approval };
}

function toReview(row: Row): Review {
  return {
    id: row['id'] as string,
    procedureId: row['procedure_id'] as string,
    reviewerId: row['reviewer_id'] as string,
    outcome: row['outcome'] as Review['outcome'],
    comment: row['comment'] as string | null,
    reviewedAt: row['reviewed_at'] as string,
    dueOn: row['due_on'] as LocalDate | null,
    nextReviewOn: row['next_review_on'] as LocalDate | null,
  };
}

function fromReview(review: Review): Row {
  return { ...review };
}
