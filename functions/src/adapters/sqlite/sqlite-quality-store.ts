import { qualityDeadlineWritesFor } from '../../app/deadline-index.js';
import { createSqliteDeadlines } from './sqlite-deadlines.js';
import { staleQualityRecordError } from '../../app/quality-conflict.js';
import type { QualityChangeSet, QualityCollection, QualityStore } from '../../app/quality-ports.js';
import type {
  Audit,
  Certificate,
  CorrectiveAction,
  Finding,
  ManagementEvaluation,
  ProgrammeItem,
  YearWheelOccurrence,
} from '../../core/quality-year-types.js';
import type { SqliteDatabase } from './open-database.js';

type Row = Record<string, unknown>;

/** How a property is stored: as it is, as JSON text, or as 0/1. */
type Codec = 'value' | 'json' | 'boolean';
type Table<T> = { name: string; columns: readonly (readonly [property: keyof T & string, column: string, Codec])[] };

const versioned = [
  ['createdAt', 'created_at', 'value'],
  ['updatedAt', 'updated_at', 'value'],
  ['updatedBy', 'updated_by', 'value'],
  ['etag', 'etag', 'value'],
] as const;

const certificates: Table<Certificate> = {
  name: 'certificates',
  columns: [
    ['id', 'id', 'value'],
    ['body', 'body', 'value'],
    ['standard', 'standard', 'value'],
    ['scope', 'scope', 'value'],
    ['certificateNumber', 'certificate_number', 'value'],
    ['issuedOn', 'issued_on', 'value'],
    ['expiresOn', 'expires_on', 'value'],
    ['cycleYears', 'cycle_years', 'value'],
    ['isActive', 'is_active', 'boolean'],
    ...versioned,
  ],
};

const programmeItems: Table<ProgrammeItem> = {
  name: 'programme_items',
  columns: [
    ['id', 'id', 'value'],
    ['subject', 'subject', 'json'],
    ['title', 'title', 'value'],
    ['importance', 'importance', 'value'],
    ['clauses', 'clauses', 'json'],
    ['unitId', 'unit_id', 'value'],
    ['changedOn', 'changed_on', 'value'],
    ...versioned,
  ],
};

const audits: Table<Audit> = {
  name: 'audits',
  columns: [
    ['id', 'id', 'value'],
    ['kind', 'kind', 'value'],
    ['year', 'year', 'value'],
    ['title', 'title', 'value'],
    ['programmeItemId', 'programme_item_id', 'value'],
    ['certificateId', 'certificate_id', 'value'],
    ['unitId', 'unit_id', 'value'],
    ['clauses', 'clauses', 'json'],
    ['procedureIds', 'procedure_ids', 'json'],
    ['scope', 'scope', 'value'],
    ['criteria', 'criteria', 'value'],
    ['auditorIds', 'auditor_ids', 'json'],
    ['externalAuditors', 'external_auditors', 'json'],
    ['plannedOn', 'planned_on', 'value'],
    ['status', 'status', 'value'],
    ['checklist', 'checklist', 'json'],
    ['report', 'report', 'json'],
    ...versioned,
  ],
};

const findings: Table<Finding> = {
  name: 'findings',
  columns: [
    ['id', 'id', 'value'],
    ['auditId', 'audit_id', 'value'],
    ['grade', 'grade', 'value'],
    ['clause', 'clause', 'value'],
    ['procedureId', 'procedure_id', 'value'],
    ['unitId', 'unit_id', 'value'],
    ['description', 'description', 'value'],
    ['foundOn', 'found_on', 'value'],
    ['correctiveActionId', 'corrective_action_id', 'value'],
    ...versioned,
  ],
};

const correctiveActions: Table<CorrectiveAction> = {
  name: 'corrective_actions',
  columns: [
    ['id', 'id', 'value'],
    ['title', 'title', 'value'],
    ['source', 'source', 'json'],
    ['unitId', 'unit_id', 'value'],
    ['correction', 'correction', 'value'],
    ['rootCause', 'root_cause', 'value'],
    ['plan', 'plan', 'value'],
    ['ownerId', 'owner_id', 'value'],
    ['dueOn', 'due_on', 'value'],
    ['status', 'status', 'value'],
    ['implementedOn', 'implemented_on', 'value'],
    ['implementedBy', 'implemented_by', 'value'],
    ['involvedIds', 'involved_ids', 'json'],
    ['effectivenessChecks', 'effectiveness_checks', 'json'],
    ['closedOn', 'closed_on', 'value'],
    ...versioned,
  ],
};

const managementEvaluations: Table<ManagementEvaluation> = {
  name: 'management_evaluations',
  columns: [
    ['id', 'id', 'value'],
    ['year', 'year', 'value'],
    ['plannedOn', 'planned_on', 'value'],
    ['heldOn', 'held_on', 'value'],
    ['status', 'status', 'value'],
    ['participantIds', 'participant_ids', 'json'],
    ['guests', 'guests', 'json'],
    ['conclusions', 'conclusions', 'value'],
    ['decisions', 'decisions', 'json'],
    ['committee', 'committee', 'value'],
    ['committeeOn', 'committee_on', 'value'],
    ['publishedOn', 'published_on', 'value'],
    ...versioned,
  ],
};

const occurrences: Table<YearWheelOccurrence> = {
  name: 'year_wheel_occurrences',
  columns: [
    ['id', 'id', 'value'],
    ['kind', 'kind', 'value'],
    ['title', 'title', 'value'],
    ['dueOn', 'due_on', 'value'],
    ['ownerId', 'owner_id', 'value'],
    ['origin', 'origin', 'json'],
    ['completedOn', 'completed_on', 'value'],
    ['isEdited', 'is_edited', 'boolean'],
    ['note', 'note', 'value'],
    ...versioned,
  ],
};

const tables = {
  certificates,
  programmeItems,
  audits,
  findings,
  correctiveActions,
  managementEvaluations,
  occurrences,
} satisfies Record<QualityCollection, Table<never>>;

/** The most serious grade first (findingGrades' order). */
const gradeRank = `CASE grade WHEN 'major' THEN 1 WHEN 'minor' THEN 2 WHEN 'observation' THEN 3
  WHEN 'improvement' THEN 4 ELSE 5 END`;

/**
 * The quality year's records in the embedded database: one table per collection, a commit in
 * one transaction together with its trail entries (the document-control trail, procedureId
 * null). The id is the last sort key everywhere, so equal keys list in the same order on every
 * store.
 */
export function createSqliteQualityStore(db: SqliteDatabase): QualityStore {
  const select = <T>(table: Table<T>, where: string, order: string) =>
    db.prepare(`SELECT * FROM ${table.name} ${where} ORDER BY ${order}`);
  const statements = {
    certificates: select(certificates, '', 'issued_on DESC, id'),
    programmeItems: select(programmeItems, '', 'title, id'),
    audits: select(audits, '', 'planned_on, title, id'),
    auditsOfYear: select(audits, 'WHERE year = ?', 'planned_on, title, id'),
    audit: select(audits, 'WHERE id = ?', 'id'),
    findings: select(findings, '', `found_on, ${gradeRank}, id`),
    findingsOfAudit: select(findings, 'WHERE audit_id = ?', `found_on, ${gradeRank}, id`),
    correctiveActions: select(correctiveActions, '', 'due_on IS NULL, due_on, title, id'),
    correctiveAction: select(correctiveActions, 'WHERE id = ?', 'id'),
    managementEvaluations: select(managementEvaluations, '', 'year DESC, planned_on DESC, id'),
    managementEvaluation: select(managementEvaluations, 'WHERE id = ?', 'id'),
    occurrences: select(
      occurrences,
      "WHERE due_on >= coalesce(:from, '0000-01-01') AND due_on <= coalesce(:to, '9999-12-31')",
      'due_on, title, id',
    ),
    deleteOccurrence: db.prepare('DELETE FROM year_wheel_occurrences WHERE id = ?'),
    insertTrail: db.prepare(
      `INSERT INTO audit_trail (at, actor_id, action, procedure_id, subject_id, summary, details)
       VALUES (:at, :actorId, :action, :procedureId, :subjectId, :summary, :details)`,
    ),
  };
  const versionOf = Object.fromEntries(
    Object.entries(tables).map(([collection, table]) => [
      collection,
      db.prepare(`SELECT etag, updated_by, updated_at FROM ${table.name} WHERE id = ?`),
    ]),
  ) as Record<QualityCollection, ReturnType<SqliteDatabase['prepare']>>;
  const upserts = Object.fromEntries(
    Object.entries(tables).map(([collection, table]) => [collection, upsertStatement(db, table as Table<never>)]),
  ) as Record<QualityCollection, ReturnType<SqliteDatabase['prepare']>>;

  /** This connection's commits; with SQLite's data_version (other connections' writes) the search stamp. */
  let commits = 0;
  const dataVersion = db.prepare('PRAGMA data_version').pluck();

  const deadlines = createSqliteDeadlines(db);
  const commitTransaction = db.transaction((changes: QualityChangeSet) => {
    for (const expected of changes.expect ?? []) {
      const row = versionOf[expected.collection].get(expected.id) as Row | undefined;
      const etag = (row?.['etag'] as number | undefined) ?? 0;
      if (etag !== expected.etag)
        throw staleQualityRecordError(expected.collection, expected.id, {
          etag,
          updatedBy: (row?.['updated_by'] as string | undefined) ?? null,
          updatedAt: (row?.['updated_at'] as string | undefined) ?? null,
        });
    }
    for (const collection of Object.keys(tables) as QualityCollection[]) {
      const table = tables[collection] as Table<unknown>;
      for (const record of changes[collection] ?? []) upserts[collection].run(toRow(table, record));
    }
    for (const id of changes.deleteOccurrenceIds ?? []) statements.deleteOccurrence.run(id);
    deadlines.apply(qualityDeadlineWritesFor(changes));
    for (const entry of changes.trail ?? [])
      statements.insertTrail.run({ ...entry, details: JSON.stringify(entry.details) });
  });

  const all = <T>(table: Table<T>, rows: unknown[]) => (rows as Row[]).map((row) => fromRow(table, row));
  const one = <T>(table: Table<T>, row: unknown) => (row === undefined ? undefined : fromRow(table, row as Row));

  return {
    async listCertificates() {
      return all(certificates, statements.certificates.all());
    },
    async listProgrammeItems() {
      return all(programmeItems, statements.programmeItems.all());
    },
    async listAudits(filter) {
      const rows = filter?.year === undefined ? statements.audits.all() : statements.auditsOfYear.all(filter.year);
      return all(audits, rows);
    },
    async getAudit(id) {
      return one(audits, statements.audit.get(id));
    },
    async listFindings(filter) {
      const rows =
        filter?.auditId === undefined ? statements.findings.all() : statements.findingsOfAudit.all(filter.auditId);
      return all(findings, rows);
    },
    async listCorrectiveActions() {
      return all(correctiveActions, statements.correctiveActions.all());
    },
    async getCorrectiveAction(id) {
      return one(correctiveActions, statements.correctiveAction.get(id));
    },
    async listManagementEvaluations() {
      return all(managementEvaluations, statements.managementEvaluations.all());
    },
    async getManagementEvaluation(id) {
      return one(managementEvaluations, statements.managementEvaluation.get(id));
    },
    async listOccurrences(filter) {
      return all(occurrences, statements.occurrences.all({ from: filter?.from ?? null, to: filter?.to ?? null }));
    },
    async searchStamp() {
      return `${dataVersion.get() as number}:${commits}`;
    },
    async commit(changes) {
      commits += 1;
      commitTransaction(changes);
    },
  };
}

function upsertStatement(db: SqliteDatabase, table: Table<never>) {
  const columns = table.columns.map(([, column]) => column);
  const updates = columns.filter((column) => column !== 'id').map((column) => `${column} = excluded.${column}`);
  return db.prepare(
    `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map((column) => `:${column}`).join(', ')})
     ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`,
  );
}

function toRow<T>(table: Table<T>, record: T): Row {
  const row: Row = {};
  for (const [property, column, codec] of table.columns) {
    const value = record[property];
    row[column] =
      codec === 'json'
        ? value === null
          ? null
          : JSON.stringify(value)
        : codec === 'boolean'
          ? value
            ? 1
            : 0
          : value;
  }
  return row;
}

function fromRow<T>(table: Table<T>, row: Row): T {
  const record: Record<string, unknown> = {};
  for (const [property, column, codec] of table.columns) {
    const value = row[column];
    record[property] =
      codec === 'json'
        ? value === null
          ? null
          : JSON.parse(value as string)
        : codec === 'boolean'
          ? value === 1
          : value;
  }
  return record as T;
}
