import { qualityDeadlineWritesFor } from '../../app/deadline-index.js';
import { createSqliteDeadlines } from './sqlite-deadlines.js';
import { staleQualityRecordError } from '../../app/quality-conflict.js';
import type { QualityChangeSet, QualityCollection, QualityStore } from '../../app/quality-ports.js';
import {
  auditRecord,
  certificateRecord,
  correctiveActionRecord,
  findingRecord,
  managementEvaluationRecord,
  occurrenceRecord,
  programmeItemRecord,
} from '../../records/quality-year.js';
import { frozenRecordRecord } from '../../records/frozen.js';
import { yearlyReportRecord } from '../../records/publication.js';
import type { SqliteDatabase } from './open-database.js';
import { insertTrailStatement, trailRow } from './sqlite-store.js';
import { fromRow, recordTable, toRow, writeStatement, type RecordTable, type Row } from './record-table.js';

const certificates = recordTable(certificateRecord);
const programmeItems = recordTable(programmeItemRecord);
const audits = recordTable(auditRecord);
const findings = recordTable(findingRecord);
const correctiveActions = recordTable(correctiveActionRecord);
const managementEvaluations = recordTable(managementEvaluationRecord);
const occurrences = recordTable(occurrenceRecord);
const frozenRecords = recordTable(frozenRecordRecord);
const yearlyReports = recordTable(yearlyReportRecord);

const tables = {
  certificates,
  programmeItems,
  audits,
  findings,
  correctiveActions,
  managementEvaluations,
  occurrences,
  frozenRecords,
  yearlyReports,
} satisfies Record<QualityCollection, { name: string }>;

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
  const select = <T>(table: RecordTable<T>, where: string, order: string) =>
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
    frozenRecord: select(frozenRecords, 'WHERE subject_kind = ? AND subject_id = ?', 'id'),
    frozenRecordsOfKind: select(frozenRecords, 'WHERE subject_kind = ?', 'subject_id, id'),
    yearlyReports: select(yearlyReports, '', 'year DESC, revision DESC, id'),
    deleteOccurrence: db.prepare('DELETE FROM year_wheel_occurrences WHERE id = ?'),
    insertTrail: insertTrailStatement(db),
  };
  const versionOf = Object.fromEntries(
    Object.entries(tables).map(([collection, table]) => [
      collection,
      db.prepare(`SELECT etag, updated_by, updated_at FROM ${table.name} WHERE id = ?`),
    ]),
  ) as Record<QualityCollection, ReturnType<SqliteDatabase['prepare']>>;
  const upserts = Object.fromEntries(
    Object.entries(tables).map(([collection, table]) => [
      collection,
      writeStatement(db, table as RecordTable<unknown>),
    ]),
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
      const table = tables[collection] as RecordTable<unknown>;
      for (const record of changes[collection] ?? []) upserts[collection].run(toRow(table, record));
    }
    for (const id of changes.deleteOccurrenceIds ?? []) statements.deleteOccurrence.run(id);
    deadlines.apply(qualityDeadlineWritesFor(changes));
    for (const entry of changes.trail ?? []) statements.insertTrail.run(trailRow(entry));
  });

  const all = <T>(table: RecordTable<T>, rows: unknown[]) => (rows as Row[]).map((row) => fromRow(table, row));
  const one = <T>(table: RecordTable<T>, row: unknown) => (row === undefined ? undefined : fromRow(table, row as Row));

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
    async getFrozenRecord(kind, subjectId) {
      return one(frozenRecords, statements.frozenRecord.get(kind, subjectId));
    },
    async listFrozenRecords(kind) {
      return all(frozenRecords, statements.frozenRecordsOfKind.all(kind));
    },
    async listYearlyReports() {
      return all(yearlyReports, statements.yearlyReports.all());
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
