import type { ChangeSet, Store } from '../../app/ports.js';
import type {
  Assessment,
  Competence,
  CompetenceLevel,
  CompetenceRequirement,
  Evidence,
  ExternalCoverage,
  PersonCompetence,
  RequirementScope,
} from '../../core/competence-types.js';
import { personCompetenceEtag, staleCompetenceError } from '../../core/competence-etag.js';
import { AppError } from '../../core/errors.js';
import type { LocalDate } from '../../core/local-date.js';
import type { SqliteDatabase } from './open-database.js';

type Row = Record<string, unknown>;

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
    upsertCompetence: db.prepare(
      `INSERT INTO competences (id, name, category, description, validity_months)
       VALUES (:id, :name, :category, :description, :validityMonths)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, category = excluded.category,
         description = excluded.description, validity_months = excluded.validity_months`,
    ),
    upsertRequirement: db.prepare(
      `INSERT INTO competence_requirements (id, competence_id, scope, min_people, min_level)
       VALUES (:id, :competenceId, :scope, :minPeople, :minLevel)
       ON CONFLICT(id) DO UPDATE SET competence_id = excluded.competence_id, scope = excluded.scope,
         min_people = excluded.min_people, min_level = excluded.min_level`,
    ),
    deleteRequirement: db.prepare('DELETE FROM competence_requirements WHERE id = ?'),
    deleteCoverageOf: db.prepare('DELETE FROM external_coverage WHERE requirement_id = ?'),
    upsertPersonCompetence: db.prepare(
      `INSERT INTO person_competences (person_id, competence_id, level, evidence, valid_until, assessment, confirmed_by)
       VALUES (:personId, :competenceId, :level, :evidence, :validUntil, :assessment, :confirmedBy)
       ON CONFLICT(person_id, competence_id) DO UPDATE SET level = excluded.level, evidence = excluded.evidence,
         valid_until = excluded.valid_until, assessment = excluded.assessment, confirmed_by = excluded.confirmed_by`,
    ),
    upsertCoverage: db.prepare(
      `INSERT INTO external_coverage (id, requirement_id, supplier, decided_on, decided_by, contract_end, note)
       VALUES (:id, :requirementId, :supplier, :decidedOn, :decidedBy, :contractEnd, :note)
       ON CONFLICT(id) DO UPDATE SET requirement_id = excluded.requirement_id, supplier = excluded.supplier,
         decided_on = excluded.decided_on, decided_by = excluded.decided_by,
         contract_end = excluded.contract_end, note = excluded.note`,
    ),
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
      for (const competence of changes.competences ?? []) statements.upsertCompetence.run(competence);
      for (const requirement of changes.competenceRequirements ?? [])
        statements.upsertRequirement.run({ ...requirement, scope: JSON.stringify(requirement.scope) });
      for (const record of changes.personCompetences ?? [])
        statements.upsertPersonCompetence.run({
          ...record,
          evidence: record.evidence === null ? null : JSON.stringify(record.evidence),
        });
      for (const coverage of changes.externalCoverage ?? []) statements.upsertCoverage.run(coverage);
      for (const requirementId of changes.deleteCompetenceRequirements ?? []) {
        // Inside the commit transaction: a missing id rolls back everything written above.
        if (statements.deleteRequirement.run(requirementId).changes === 0)
          throw new AppError('NOT_FOUND', `No competence requirement with id ${requirementId}.`);
        statements.deleteCoverageOf.run(requirementId);
      }
    },
  };
}

function toCompetence(row: Row): Competence {
  return {
    id: row['id'] as string,
    name: row['name'] as string,
    category: row['category'] as string,
    description: row['description'] as string,
    validityMonths: row['validity_months'] as number | null,
  };
}

function toRequirement(row: Row): CompetenceRequirement {
  return {
    id: row['id'] as string,
    competenceId: row['competence_id'] as string,
    scope: JSON.parse(row['scope'] as string) as RequirementScope,
    minPeople: row['min_people'] as number,
    minLevel: row['min_level'] as CompetenceLevel,
  };
}

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

const personCompetenceColumns = 'person_id, competence_id, level, evidence, valid_until, assessment, confirmed_by';
type PersonCompetenceRow = [string, string, number, string | null, string | null, string, string | null];

function toPersonCompetence(row: PersonCompetenceRow): PersonCompetence {
  const [personId, competenceId, level, evidence, validUntil, assessment, confirmedBy] = row;
  return {
    personId,
    competenceId,
    level: level as CompetenceLevel,
    evidence: evidence === null ? null : (JSON.parse(evidence) as Evidence),
    validUntil: validUntil as LocalDate | null,
    assessment: assessment as Assessment,
    confirmedBy,
  };
}

function toCoverage(row: Row): ExternalCoverage {
  return {
    id: row['id'] as string,
    requirementId: row['requirement_id'] as string,
    supplier: row['supplier'] as string,
    decidedOn: row['decided_on'] as LocalDate,
    decidedBy: row['decided_by'] as string,
    contractEnd: row['contract_end'] as LocalDate | null,
    note: row['note'] as string,
  };
}
