import type { ChangeSet, Store } from '../../app/ports.js';
import type {
  Competence,
  CompetenceRequirement,
  ExternalCoverage,
  PersonCompetence,
} from '../../core/competence-types.js';
import { personCompetenceEtag, staleCompetenceError } from '../../core/competence-etag.js';
import { AppError } from '../../core/errors.js';
import {
  competenceRecord,
  competenceRequirementRecord,
  externalCoverageRecord,
  personCompetenceRecord,
} from '../../records/competences.js';
import type { SqliteDatabase } from './open-database.js';
import { fromRawRow, fromRow, recordTable, toRow, writeStatement, type Row } from './record-table.js';

type CompetenceReads = Pick<
  Store,
  'listCompetences' | 'listCompetenceRequirements' | 'listPersonCompetences' | 'listExternalCoverage'
>;

/**
 * Competence records in SQLite: the Store's reads (one query per table) and the part of a
 * ChangeSet that writes them, run inside the store's commit transaction.
 */
export function createCompetenceTables(db: SqliteDatabase): {
  reads: CompetenceReads;
  write(changes: ChangeSet): void;
} {
  const statements = {
    competences: db.prepare('SELECT * FROM competences ORDER BY name, id'),
    requirements: db.prepare('SELECT * FROM competence_requirements ORDER BY competence_id, id'),
    // Rows as arrays (raw): a 300 × 150 matrix reads ~20,000 of them per request, and arrays come
    // out of better-sqlite3 about a third faster than objects.
    personCompetences: db
      .prepare(`SELECT ${personCompetenceColumns} FROM person_competences ORDER BY person_id, competence_id`)
      .raw(true),
    personCompetence: db
      .prepare(`SELECT ${personCompetenceColumns} FROM person_competences WHERE person_id = ? AND competence_id = ?`)
      .raw(true),
    personCompetencesOf: db
      .prepare(
        `SELECT ${personCompetenceColumns} FROM person_competences WHERE person_id = ? ORDER BY person_id, competence_id`,
      )
      .raw(true),
    coverage: db.prepare('SELECT * FROM external_coverage ORDER BY decided_on, id'),
    upsertCompetence: writeStatement(db, competenceTable),
    upsertRequirement: writeStatement(db, requirementTable),
    deleteRequirement: db.prepare('DELETE FROM competence_requirements WHERE id = ?'),
    deleteCoverageOf: db.prepare('DELETE FROM external_coverage WHERE requirement_id = ?'),
    upsertPersonCompetence: writeStatement(db, personCompetenceTable),
    upsertCoverage: writeStatement(db, coverageTable),
  };

  // Every level, read again only when the database has changed since: the matrix, the gaps report
  // and the import each need all of them (~20,000 rows at 300 × 150), on every request.
  const allPersonCompetences = cachedUntilChanged(db, () =>
    (statements.personCompetences.all() as PersonCompetenceRow[]).map((row) => {
      const record = toPersonCompetence(row);
      if (record.evidence !== null) Object.freeze(record.evidence);
      return Object.freeze(record);
    }),
  );

  return {
    reads: {
      async listCompetences() {
        return (statements.competences.all() as Row[]).map(toCompetence);
      },
      async listCompetenceRequirements() {
        return (statements.requirements.all() as Row[]).map(toRequirement);
      },
      async listPersonCompetences(filter) {
        if (filter?.personId !== undefined)
          return (statements.personCompetencesOf.all(filter.personId) as PersonCompetenceRow[]).map(toPersonCompetence);
        return [...allPersonCompetences.read()];
      },
      async listExternalCoverage() {
        return (statements.coverage.all() as Row[]).map(toCoverage);
      },
    },
    write(changes) {
      const expected = changes.expectPersonCompetence;
      if (expected) {
        const row = statements.personCompetence.get(expected.personId, expected.competenceId) as
          PersonCompetenceRow | undefined;
        const current = row ? toPersonCompetence(row) : undefined;
        const currentEtag = personCompetenceEtag(current);
        if (currentEtag !== expected.etag) throw staleCompetenceError(currentEtag);
      }
      for (const competence of changes.competences ?? [])
        statements.upsertCompetence.run(toRow(competenceTable, competence));
      for (const requirement of changes.competenceRequirements ?? [])
        statements.upsertRequirement.run(toRow(requirementTable, requirement));
      for (const record of changes.personCompetences ?? [])
        statements.upsertPersonCompetence.run(toRow(personCompetenceTable, record));
      for (const coverage of changes.externalCoverage ?? [])
        statements.upsertCoverage.run(toRow(coverageTable, coverage));
      for (const requirementId of changes.deleteCompetenceRequirements ?? []) {
        // Inside the commit transaction: a missing id rolls back everything written above.
        if (statements.deleteRequirement.run(requirementId).changes === 0)
          throw new AppError('NOT_FOUND', `No competence requirement with id ${requirementId}.`);
        statements.deleteCoverageOf.run(requirementId);
      }
    },
  };
}

const competenceTable = recordTable(competenceRecord);
const requirementTable = recordTable(competenceRequirementRecord);
const personCompetenceTable = recordTable(personCompetenceRecord);
const coverageTable = recordTable(externalCoverageRecord);

const toCompetence = (row: Row): Competence => fromRow(competenceTable, row);
const toRequirement = (row: Row): CompetenceRequirement => fromRow(requirementTable, row);
const toCoverage = (row: Row): ExternalCoverage => fromRow(coverageTable, row);
/** Read as arrays (see personCompetences above), in the declaration's column order. */
const personCompetenceColumns = personCompetenceTable.columnList;
type PersonCompetenceRow = unknown[];
const toPersonCompetence = (row: PersonCompetenceRow): PersonCompetence => fromRawRow(personCompetenceTable, row);
/**
 * A read kept until the database changes: `total_changes()` counts the rows this connection has
 * written (committed or not) and `PRAGMA data_version` moves when another connection commits, so
 * together they change with any write from anywhere. The value is frozen so no caller can change
 * what the next one reads.
 */
function cachedUntilChanged<T>(db: SqliteDatabase, read: () => T[]): { read(): readonly T[] } {
  const changes = db.prepare('SELECT total_changes()').pluck();
  let cached: { key: string; value: readonly T[] } | null = null;
  return {
    read() {
      const key = `${String(db.pragma('data_version', { simple: true }))}:${String(changes.get())}`;
      if (cached?.key !== key) cached = { key, value: Object.freeze(read()) };
      return cached.value;
    },
  };
}
