import type { ConversationReference, LedgerEntry, MessagingStore } from '../../app/messaging-ports.js';
import { acknowledgementRequestsOf } from '../../core/audience.js';
import { addDays, type LocalDate } from '../../core/local-date.js';
import type { ChangeKind } from '../../core/types.js';
import { localDateReader, reminderRules, zonedTime } from '../../core/reminder-schedule.js';
import type { ReminderCandidate, ReminderSource } from '../../jobs/reminder-source.js';
import { competenceCandidates } from '../../jobs/competence-candidates.js';
import type { AcknowledgementRequest, Person, Procedure } from '../../core/types.js';
import type { OccurrenceKind, OccurrenceOrigin } from '../../core/quality-year-types.js';
import { leaderDirectory, leaderOfPerson } from '../../core/unit-leaders.js';
import { occurrenceReminderRules } from '../../core/year-wheel.js';
import type { SqliteDatabase } from './open-database.js';
import { createCompetenceTables } from './sqlite-competences.js';
import { conversationRecord, ledgerEntryRecord } from '../../records/messaging.js';
import { fromRow, recordTable, toRow, writeStatement, type Row } from './record-table.js';

/** What a released lease's expiry is set to: long past, so the next run may take it at once. */
const releasedAt = '1970-01-01T00:00:00.000Z';

/**
 * Chat records in the embedded database: conversation references, the reminder ledger and
 * the sweep lease (tables from the fourth migration).
 *
 * `allowPersonIdAsAadObjectId` (default true) lets `findPersonByAadObjectId` fall back to the
 * person id, which is what local mode and the Agents Playground send; production turns it off.
 */
export function createSqliteMessagingStore(
  db: SqliteDatabase,
  options: { allowPersonIdAsAadObjectId?: boolean } = {},
): MessagingStore {
  const allowPersonId = options.allowPersonIdAsAadObjectId ?? true;
  const statements = {
    saveConversation: writeStatement(db, conversationTable),
    conversation: db.prepare('SELECT * FROM conversations WHERE person_id = ?'),
    personByAadObjectId: db.prepare('SELECT id FROM people WHERE aad_object_id = ?').pluck(),
    personById: db.prepare('SELECT id FROM people WHERE id = ?').pluck(),
    insertClaim: db.prepare(
      `INSERT OR IGNORE INTO reminder_ledger (key, recipient_id, stage, subject_id, due_on, state, run_id, claimed_at)
       VALUES (:key, :recipientId, :stage, :subjectId, :dueOn, 'claimed', :runId, :claimedAt)`,
    ),
    // A claim left by a run that died (or this run's own, when a claim is repeated) changes hands;
    // a sent entry never does.
    reclaim: db.prepare(
      `UPDATE reminder_ledger SET run_id = :runId, claimed_at = :claimedAt, recipient_id = :recipientId
       WHERE key = :key AND state = 'claimed' AND (run_id = :runId OR run_id IN (SELECT value FROM json_each(:staleRunIds)))`,
    ),
    markSent: db.prepare(
      `UPDATE reminder_ledger SET state = 'sent', sent_at = :sentAt, message_id = :messageId
       WHERE state = 'claimed' AND key IN (SELECT value FROM json_each(:keys))`,
    ),
    ledger: db.prepare('SELECT * FROM reminder_ledger ORDER BY claimed_at, key'),
    lease: db.prepare('SELECT run_id, expires_at FROM sweep_lease WHERE id = 1'),
    takeLease: db.prepare(
      `INSERT INTO sweep_lease (id, run_id, expires_at) VALUES (1, :runId, :expiresAt)
       ON CONFLICT(id) DO UPDATE SET run_id = excluded.run_id, expires_at = excluded.expires_at`,
    ),
    releaseLease: db.prepare('UPDATE sweep_lease SET expires_at = :releasedAt WHERE id = 1 AND run_id = :runId'),
  };

  const claim = db.transaction(
    (entries: Omit<LedgerEntry, 'state' | 'sentAt' | 'messageId'>[], staleRunIds: string[]): string[] => {
      const owned: string[] = [];
      const stale = JSON.stringify(staleRunIds);
      for (const entry of entries) {
        if (statements.insertClaim.run(entry).changes === 1) owned.push(entry.key);
        else if (statements.reclaim.run({ ...entry, staleRunIds: stale }).changes === 1) owned.push(entry.key);
      }
      return owned;
    },
  );

  // The lease row is read and written in one IMMEDIATE transaction, so two processes on the same
  // file cannot both see it free.
  const acquire = db.transaction((runId: string, now: string, leaseSeconds: number) => {
    const current = statements.lease.get() as Row | undefined;
    const heldBy = current?.['run_id'] as string | undefined;
    if (heldBy !== undefined && heldBy !== runId && (current?.['expires_at'] as string) > now) {
      return { acquired: false, previousRunId: null };
    }
    const expiresAt = new Date(Date.parse(now) + leaseSeconds * 1000).toISOString();
    statements.takeLease.run({ runId, expiresAt });
    return { acquired: true, previousRunId: heldBy !== undefined && heldBy !== runId ? heldBy : null };
  });

  return {
    async saveConversation(reference) {
      statements.saveConversation.run(toRow(conversationTable, reference));
    },
    async getConversation(personId) {
      const row = statements.conversation.get(personId) as Row | undefined;
      return row ? toConversation(row) : undefined;
    },
    async findPersonByAadObjectId(aadObjectId) {
      const byAad = statements.personByAadObjectId.get(aadObjectId) as string | undefined;
      if (byAad !== undefined || !allowPersonId) return byAad;
      return statements.personById.get(aadObjectId) as string | undefined;
    },
    async claimReminders(entries, staleRunIds) {
      return claim.immediate(entries, staleRunIds);
    },
    async markRemindersSent(keys, messageId, sentAt) {
      statements.markSent.run({ keys: JSON.stringify(keys), messageId, sentAt });
    },
    async listLedger() {
      return (statements.ledger.all() as Row[]).map(toLedgerEntry);
    },
    async acquireSweepLease(runId, now, leaseSeconds) {
      return acquire.immediate(runId, now, leaseSeconds);
    },
    async releaseSweepLease(runId) {
      statements.releaseLease.run({ runId, releasedAt });
    },
  };
}

/**
 * The sweep's read (jobs/reminder-source.ts) as set-based queries over the embedded database:
 * one per procedure kind, each narrowed in SQL to a superset of what can be due today, so the
 * core rules see hundreds of rows rather than the whole handbook; and for competences one read
 * per table (people, units, procedures' units and areas, competences, requirements, records,
 * external decisions), from which `competenceCandidates` works out coverage in memory; for the
 * årshjul one read of the open occurrences due within 30 days or overdue, with the owner's
 * leader from core/unit-leaders.ts.
 */
export function createSqliteReminderSource(db: SqliteDatabase, options: { timeZone: string }): ReminderSource {
  const { timeZone } = options;
  const readLocalDate = localDateReader(timeZone);
  // Every request for one version carries the same instant (its publication), so most are repeats.
  const localDates = new Map<string, LocalDate>();
  const localDate = (instant: string): LocalDate => {
    let date = localDates.get(instant);
    if (date === undefined) {
      date = readLocalDate(new Date(instant));
      if (localDates.size > 50_000) localDates.clear();
      localDates.set(instant, date);
    }
    return date;
  };
  const statements = {
    // procedures_next_review turns this into a range scan.
    reviews: db.prepare(
      `SELECT p.id, p.code, p.title, p.owner_id, o.name AS owner_name, o.leader_id, p.next_review_on, p.draft_version_id,
         p.etag, p.last_reviewed_on, p.review_interval_months
       FROM procedures p LEFT JOIN people o ON o.id = p.owner_id
       WHERE p.next_review_on <= :horizon AND p.current_version_id IS NOT NULL`,
    ),
    // Only approvals of the procedure's draft as it stands now: a stale open row is not a task.
    approvals: db.prepare(
      `SELECT a.id, a.procedure_id, a.version_id, a.approver_id, a.requested_by, a.requested_at, a.change_summary,
         a.kind, p.code, p.title, cv.major AS from_major, cv.minor AS from_minor,
         coalesce(rb.name, a.requested_by) AS requested_by_name, coalesce(ap.name, a.approver_id) AS approver_name,
         c.user_id AS approver_user_id
       FROM approvals a JOIN procedures p ON p.id = a.procedure_id AND p.draft_version_id = a.version_id
       LEFT JOIN versions cv ON cv.id = p.current_version_id
       LEFT JOIN people rb ON rb.id = a.requested_by
       LEFT JOIN people ap ON ap.id = a.approver_id
       LEFT JOIN conversations c ON c.person_id = a.approver_id
       WHERE a.decision IS NULL AND a.requested_at < :before`,
    ),
    // Requests for the current version only: a superseded version asks nobody to read it.
    acknowledgements: db.prepare(
      `SELECT r.procedure_id, r.version_id, r.person_id, r.requested_at, p.code, p.title, v.major, v.minor,
         v.change_summary, v.published_at
       FROM acknowledgement_requests r
       JOIN procedures p ON p.id = r.procedure_id AND p.current_version_id = r.version_id
       JOIN versions v ON v.id = r.version_id
       WHERE r.requested_at < :before
         AND NOT EXISTS (SELECT 1 FROM acknowledgements k WHERE k.version_id = r.version_id AND k.person_id = r.person_id)`,
    ),
    // Current major versions whose makers were recorded: their requests are derived from the
    // audience (core/audience.ts), not stored.
    recordedVersions: db.prepare(
      `SELECT p.id AS procedure_id, p.code, p.title, p.audience, v.id AS version_id, v.major, v.minor, v.kind,
         v.change_summary, v.published_at, v.approved_by, v.maker_ids
       FROM procedures p JOIN versions v ON v.id = p.current_version_id
       WHERE v.maker_ids IS NOT NULL AND v.kind = 'major' AND v.published_at < :before`,
    ),
    currentAcknowledgements: db.prepare(
      `SELECT k.version_id || ':' || k.person_id FROM acknowledgements k
       JOIN procedures p ON p.current_version_id = k.version_id`,
    ),
  };
  // Open occurrences of the årshjul due within 30 days or overdue (year_wheel_occurrences_due).
  const occurrences = db.prepare(
    `SELECT o.id, o.kind, o.title, o.due_on, o.owner_id, o.origin, o.completed_on, ow.name AS owner_name,
       c.body AS certification_body
     FROM year_wheel_occurrences o
     LEFT JOIN people ow ON ow.id = o.owner_id
     LEFT JOIN certificates c ON c.id = json_extract(o.origin, '$.certificateId')
     WHERE o.completed_on IS NULL AND o.due_on <= :horizon`,
  );
  const competenceReads = createCompetenceTables(db).reads;
  const directory = {
    people: db.prepare('SELECT id, name, unit_id, roles, leader_id FROM people'),
    units: db.prepare('SELECT id, name, parent_id FROM units'),
    procedures: db.prepare('SELECT id, code, title, unit_id, area FROM procedures'),
  };
  // The instant a local day starts: "requested before the start of day D" is "requested on or before D - 1".
  const startOf = (date: LocalDate) => zonedTime(date, 0, timeZone).toISOString();

  return {
    async listReminderCandidates(today) {
      const candidates: ReminderCandidate[] = [];
      const horizon = addDays(today, reminderRules.reviewNoticeDays['review-due-30']);
      for (const row of statements.reviews.all({ horizon }) as Row[]) {
        candidates.push({
          kind: 'review',
          procedureId: row['id'] as string,
          code: row['code'] as string,
          title: row['title'] as string,
          ownerId: row['owner_id'] as string,
          ownerName: (row['owner_name'] as string | null) ?? (row['owner_id'] as string),
          ownerLeaderId: (row['leader_id'] as string | null) ?? null,
          nextReviewOn: row['next_review_on'] as LocalDate,
          hasOpenRevision: row['draft_version_id'] !== null,
          etag: row['etag'] as number,
          lastReviewedOn: (row['last_reviewed_on'] as LocalDate | null) ?? null,
          reviewIntervalMonths: row['review_interval_months'] as number,
        });
      }
      // More than N working days have passed only if at least N + 1 calendar days have.
      const approvalsBefore = startOf(addDays(today, -reminderRules.approvalWaitingWorkingDays));
      for (const row of statements.approvals.all({ before: approvalsBefore }) as Row[]) {
        candidates.push({
          kind: 'approval',
          approvalId: row['id'] as string,
          approverId: row['approver_id'] as string,
          requestedOn: localDate(row['requested_at'] as string),
          procedureId: row['procedure_id'] as string,
          versionId: row['version_id'] as string,
          code: row['code'] as string,
          title: row['title'] as string,
          changeKind: row['kind'] as ChangeKind,
          fromVersionLabel: label(row['from_major'], row['from_minor']),
          changeSummary: row['change_summary'] as string,
          requestedBy: row['requested_by'] as string,
          requestedByName: row['requested_by_name'] as string,
          requestedAt: row['requested_at'] as string,
          approverName: row['approver_name'] as string,
          approverUserId: (row['approver_user_id'] as string | null) ?? null,
        });
      }
      // Every open request up to today: the request itself is due from its day (`acknowledgement-requested`).
      const acknowledgementsBefore = startOf(addDays(today, 1));
      // A request of the current version as the sweep reads it (row: the procedure and version).
      const acknowledgementCandidate = (row: Row, request: AcknowledgementRequest): ReminderCandidate => ({
        kind: 'acknowledgement',
        versionId: request.versionId,
        personId: request.personId,
        requestedOn: localDate(request.requestedAt),
        procedureId: request.procedureId,
        code: row['code'] as string,
        title: row['title'] as string,
        versionLabel: label(row['major'], row['minor']),
        changeSummary: (row['change_summary'] as string | null) ?? null,
        publishedAt: (row['published_at'] as string | null) ?? request.requestedAt,
        requestedAt: request.requestedAt,
      });
      for (const row of statements.acknowledgements.all({ before: acknowledgementsBefore }) as Row[])
        candidates.push(
          acknowledgementCandidate(row, {
            procedureId: row['procedure_id'] as string,
            versionId: row['version_id'] as string,
            personId: row['person_id'] as string,
            requestedAt: row['requested_at'] as string,
          }),
        );
      const occurrenceRows = occurrences.all({
        horizon: addDays(today, occurrenceReminderRules.noticeDays['occurrence-due-30']),
      }) as Row[];
      const readPeople = () =>
        (directory.people.all() as Row[]).map((row) => ({
          id: row['id'] as string,
          name: row['name'] as string,
          unitId: row['unit_id'] as string,
          roles: JSON.parse(row['roles'] as string) as Person['roles'],
          leaderId: (row['leader_id'] as string | null) ?? null,
        }));
      const readUnits = () =>
        (directory.units.all() as Row[]).map((row) => ({
          id: row['id'] as string,
          name: row['name'] as string,
          parentId: (row['parent_id'] as string | null) ?? null,
        }));
      const recorded = statements.recordedVersions.all({ before: acknowledgementsBefore }) as Row[];
      if (recorded.length > 0) {
        const people = readPeople();
        const acknowledged = new Set(statements.currentAcknowledgements.pluck().all() as string[]);
        for (const row of recorded) {
          const version = {
            id: row['version_id'] as string,
            procedureId: row['procedure_id'] as string,
            kind: row['kind'] as ChangeKind,
            publishedAt: row['published_at'] as string,
            approvedBy: (row['approved_by'] as string | null) ?? null,
            makerIds: JSON.parse(row['maker_ids'] as string) as string[],
          };
          const audience = JSON.parse(row['audience'] as string) as Procedure['audience'];
          for (const request of acknowledgementRequestsOf(version, { audience }, people) ?? []) {
            if (!acknowledged.has(`${request.versionId}:${request.personId}`))
              candidates.push(acknowledgementCandidate(row, request));
          }
        }
      }
      if (occurrenceRows.length > 0) {
        const people = readPeople();
        const leaders = leaderDirectory(people, readUnits());
        const byId = new Map(people.map((person) => [person.id, person]));
        for (const row of occurrenceRows) {
          const ownerId = row['owner_id'] as string;
          const owner = byId.get(ownerId);
          candidates.push({
            kind: 'occurrence',
            occurrenceId: row['id'] as string,
            ownerId,
            ownerLeaderId: owner ? leaderOfPerson(owner, leaders) : null,
            dueOn: row['due_on'] as LocalDate,
            completedOn: (row['completed_on'] as LocalDate | null) ?? null,
            occurrenceKind: row['kind'] as OccurrenceKind,
            title: row['title'] as string,
            origin: JSON.parse(row['origin'] as string) as OccurrenceOrigin,
            ownerName: (row['owner_name'] as string | null) ?? ownerId,
            certificationBody: (row['certification_body'] as string | null) ?? null,
          });
        }
      }
      const [competences, requirements, personCompetences, externalCoverage] = await Promise.all([
        competenceReads.listCompetences(),
        competenceReads.listCompetenceRequirements(),
        competenceReads.listPersonCompetences(),
        competenceReads.listExternalCoverage(),
      ]);
      if (personCompetences.length > 0 || requirements.length > 0) {
        const people = readPeople();
        const units = readUnits();
        const procedures = (directory.procedures.all() as Row[]).map((row) => ({
          id: row['id'] as string,
          code: row['code'] as string,
          title: row['title'] as string,
          unitId: (row['unit_id'] as string | null) ?? null,
          area: row['area'] as string,
        }));
        candidates.push(
          ...competenceCandidates(
            { people, units, procedures, competences, requirements, personCompetences, externalCoverage },
            today,
          ),
        );
      }
      return candidates;
    },
  };
}

function label(major: unknown, minor: unknown): string | null {
  return typeof major === 'number' ? `${major}.${typeof minor === 'number' ? minor : 0}` : null;
}

const conversationTable = recordTable(conversationRecord);
const ledgerTable = recordTable(ledgerEntryRecord);
const toConversation = (row: Row): ConversationReference => fromRow(conversationTable, row);
const toLedgerEntry = (row: Row): LedgerEntry => fromRow(ledgerTable, row);
