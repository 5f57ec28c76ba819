import type { AccessLaw, AccessRequest } from '../core/access-request.js';
import type { CompetenceRequirement, ExternalCoverage, PersonCompetence } from '../core/competence-types.js';
import type { LocalDate } from '../core/local-date.js';
import type {
  CorrectiveAction,
  OccurrenceKind,
  OccurrenceOrigin,
  YearWheelOccurrence,
} from '../core/quality-year-types.js';
import type { DeadlineKind } from '../core/deadline-kinds.js';
import { replyReminderDates } from '../core/register-rules.js';
import type { RegisterItem, RegisterKind, RegisterSettings } from '../core/register-types.js';
import type { Audience, ChangeKind, Procedure, ProcedureVersion } from '../core/types.js';
import type { ChangeSet } from './ports.js';
import type { QualityChangeSet } from './quality-ports.js';

/**
 * The one index of deadlines: for every record with a date someone must act on, its next due
 * entry (subject, kind, due date, responsible person, unit) plus what the reminder rules and the
 * reminder cards need from that record. Both stores write it in the same commit as the record
 * (SQLite: the same transaction; SharePoint: the same ordered writes), from the records being
 * written, with `deadlineWritesFor` / `qualityDeadlineWritesFor`. The sweep reads this index
 * and the directory (people, units, competences, conversations) instead of every record list
 * (jobs/deadline-candidates.ts).
 *
 * | kind              | subject                     | due date                    | responsible | removed when                        |
 * | ----------------- | --------------------------- | --------------------------- | ----------- | ----------------------------------- |
 * | `review`          | procedure id                | next review (null: unpublished) | owner   | never (every procedure has one)     |
 * | `approval`        | approval id                 | the day it was requested    | approver    | decided or withdrawn                |
 * | `acknowledgement` | published major version id  | the day it was published    | null        | the version is superseded            |
 * | `qualification`   | `personId/competenceId`     | `validUntil` (null: none)   | the holder  | never (every record has one)        |
 * | `requirement`     | requirement id              | null (unmet is monthly)     | null        | the requirement is deleted          |
 * | `coverage`        | external decision id        | the contract's end          | null        | never (ignored without its requirement) |
 * | `occurrence`      | årshjul occurrence id       | its date                    | owner       | completed or deleted                |
 * | `action`          | corrective action id        | the plan's due date         | owner       | implemented/closed, or no owner/date |
 * | `access-request`  | aktindsigt / innsyn request id | its deadline (`deadlineOn`) | null (the coordinators) | answered          |
 * | `register-reply`  | register item id            | its reply deadline (`replyDueOn`) | handler (null: the coordinators) | answered, closed or no deadline |
 *
 * Every procedure and every competence record has an entry even without a date, because the
 * competence rules need the procedures' units and areas and everyone's levels (coverage is
 * computed on the day: a level counts until its `validUntil`). What changes over time without
 * a write (a leader, a name, a unit's parent) is not copied here; the sweep reads it from the
 * directory.
 *
 * The procedure's labels (code, title, current version's number, draft) live only in its
 * `review` entry; approvals and acknowledgements take them from there, so a renamed procedure
 * needs one entry rewritten. The current version's number is known when the version is in the
 * same ChangeSet (publication); otherwise it is carried over from the entry already stored,
 * which the store passes in (`carried`, asked for with `deadlineKeysToCarry`).
 */
export { deadlineKinds, type DeadlineKind } from '../core/deadline-kinds.js';

export type ReviewDetails = {
  code: string;
  title: string;
  area: string;
  currentVersionId: string | null;
  /** "2.1": the current version's number; null when unpublished or not known. */
  currentVersionLabel: string | null;
  draftVersionId: string | null;
  etag: number;
  lastReviewedOn: LocalDate | null;
  reviewIntervalMonths: number;
  /** Who reads it: the acknowledgement readers are derived from it on the day (core/audience.ts). */
  audience: Audience;
};

export type ApprovalDetails = {
  procedureId: string;
  versionId: string;
  requestedBy: string;
  requestedAt: string;
  changeSummary: string;
  changeKind: ChangeKind;
};

/**
 * A published major version that its audience is asked to acknowledge: one entry per version,
 * never one per reader, so that publishing costs the same whatever the audience. Who is asked is
 * derived on the day (core/audience.ts `acknowledgementRequestsOf`: the procedure's audience,
 * from its `review` entry, minus `makerIds`), minus those who acknowledged. `requested` holds
 * the stored request rows (reader and instant) of a version published before its makers were
 * recorded (then `makerIds` is null); null otherwise.
 */
export type AcknowledgementDetails = {
  procedureId: string;
  versionId: string;
  requestedAt: string;
  versionLabel: string | null;
  changeSummary: string | null;
  publishedAt: string | null;
  approvedBy: string | null;
  makerIds: string[] | null;
  requested: StoredRequest[] | null;
};

export type StoredRequest = { personId: string; requestedAt: string };

export type QualificationDetails = Omit<PersonCompetence, 'personId' | 'competenceId' | 'validUntil'>;
export type RequirementDetails = Omit<CompetenceRequirement, 'id'>;
export type CoverageDetails = Omit<ExternalCoverage, 'id'>;

export type OccurrenceDetails = { occurrenceKind: OccurrenceKind; title: string; origin: OccurrenceOrigin };

export type ActionDetails = { title: string; status: CorrectiveAction['status'] };

/** What the coordinators' reminder card shows about an aktindsigt / innsyn request. */
export type AccessRequestDetails = { law: AccessLaw; requesterName: string; subject: string; receivedOn: LocalDate };

/**
 * What the handler's reminder card shows about a register item, and when its reminders start
 * (core/register-rules.ts `replyReminderDates`, from the register settings in force when the
 * item was written; saving the settings rewrites the entries): `remindOn` the handler's notice,
 * `escalateOn` the escalation to the handler's leader (null: the municipality does not escalate).
 */
export type RegisterReplyDetails = {
  receiptNumber: string;
  title: string;
  registerKind: RegisterKind;
  remindOn: LocalDate;
  escalateOn: LocalDate | null;
};

type Entry<K extends DeadlineKind, D> = {
  kind: K;
  subjectId: string;
  dueOn: LocalDate | null;
  responsibleId: string | null;
  unitId: string | null;
  details: D;
};

export type DeadlineEntry =
  | Entry<'review', ReviewDetails>
  | Entry<'approval', ApprovalDetails>
  | Entry<'acknowledgement', AcknowledgementDetails>
  | Entry<'qualification', QualificationDetails>
  | Entry<'requirement', RequirementDetails>
  | Entry<'coverage', CoverageDetails>
  | Entry<'occurrence', OccurrenceDetails>
  | Entry<'action', ActionDetails>
  | Entry<'access-request', AccessRequestDetails>
  | Entry<'register-reply', RegisterReplyDetails>;

export type DeadlineRef = { kind: DeadlineKind; subjectId: string };

/** An entry as the stores keep it (records/deadlines.ts): the details of any kind. */
export type DeadlineRow = Omit<DeadlineEntry, 'details'> & { details: DeadlineEntry['details'] };

/** What a commit does to the index: entries to write (upsert by kind and subject) and to remove. */
export type DeadlineWrites = { upserts: DeadlineEntry[]; removals: DeadlineRef[] };

/** "review:p-1": the entry's unique key (the SharePoint list's KhKey). */
export function deadlineKey(entry: DeadlineRef): string {
  return `${entry.kind}:${entry.subjectId}`;
}

export function versionLabelOf(version: Pick<ProcedureVersion, 'major' | 'minor'> | undefined): string | null {
  if (!version || version.major === null) return null;
  return `${version.major}.${version.minor ?? 0}`;
}

/** The stored entries `deadlineWritesFor` needs to carry values over: procedures published earlier. */
export function deadlineKeysToCarry(changes: ChangeSet): string[] {
  const versions = new Set((changes.versions ?? []).map((version) => version.id));
  const reviews = (changes.procedures ?? [])
    .filter((procedure) => procedure.currentVersionId !== null && !versions.has(procedure.currentVersionId))
    .map((procedure) => deadlineKey({ kind: 'review', subjectId: procedure.id }));
  // Stored request rows (versions published before the makers were recorded) add readers to the entry.
  const requested = new Set(
    (changes.acknowledgementRequests ?? []).map((request) =>
      deadlineKey({ kind: 'acknowledgement', subjectId: request.versionId }),
    ),
  );
  return [...reviews, ...requested];
}

/**
 * The index entries a document-control ChangeSet writes and removes. Pure: `carried` holds the
 * stored entries named by `deadlineKeysToCarry` (missing ones are simply unknown).
 */
export function deadlineWritesFor(
  changes: ChangeSet,
  carried: ReadonlyMap<string, DeadlineEntry> = new Map(),
): DeadlineWrites {
  const writes = new Writes();
  const versions = new Map((changes.versions ?? []).map((version) => [version.id, version]));
  for (const procedure of changes.procedures ?? []) writes.upsert(reviewEntry(procedure, versions, carried));
  for (const approval of changes.approvals ?? []) {
    const ref = { kind: 'approval', subjectId: approval.id } as const;
    if (approval.decision !== null) {
      writes.remove(ref);
      continue;
    }
    writes.upsert({
      ...ref,
      dueOn: approval.requestedAt.slice(0, 10) as LocalDate,
      responsibleId: approval.approverId,
      unitId: null,
      details: {
        procedureId: approval.procedureId,
        versionId: approval.versionId,
        requestedBy: approval.requestedBy,
        requestedAt: approval.requestedAt,
        changeSummary: approval.changeSummary,
        changeKind: approval.kind,
      },
    });
  }
  for (const version of changes.versions ?? []) {
    const ref = { kind: 'acknowledgement', subjectId: version.id } as const;
    if (version.state === 'obsolete') writes.remove(ref);
    else if (version.kind === 'major' && version.publishedAt !== null && (version.makerIds ?? null) !== null)
      writes.upsert(acknowledgementEntry(version, version.procedureId, version.publishedAt, null));
  }
  const requested = new Map<string, { procedureId: string; readers: Map<string, string> }>();
  for (const request of changes.acknowledgementRequests ?? []) {
    const stored = carried.get(deadlineKey({ kind: 'acknowledgement', subjectId: request.versionId }));
    const group = requested.get(request.versionId) ?? {
      procedureId: request.procedureId,
      readers: new Map(
        (stored?.kind === 'acknowledgement' ? (stored.details.requested ?? []) : []).map((row) => [
          row.personId,
          row.requestedAt,
        ]),
      ),
    };
    if (!group.readers.has(request.personId)) group.readers.set(request.personId, request.requestedAt);
    requested.set(request.versionId, group);
  }
  for (const [versionId, group] of requested) {
    const version = versions.get(versionId);
    const stored = carried.get(deadlineKey({ kind: 'acknowledgement', subjectId: versionId }));
    const known = stored?.kind === 'acknowledgement' ? stored.details : undefined;
    writes.upsert(
      acknowledgementEntry(
        version ?? {
          id: versionId,
          major: null,
          minor: null,
          changeSummary: known?.changeSummary ?? null,
          publishedAt: known?.publishedAt ?? null,
          approvedBy: known?.approvedBy ?? null,
        },
        group.procedureId,
        [...group.readers.values()].sort()[0]!,
        [...group.readers].map(([personId, requestedAt]) => ({ personId, requestedAt })),
        known?.versionLabel ?? null,
      ),
    );
  }
  for (const record of changes.personCompetences ?? []) {
    const { personId, competenceId, validUntil, ...details } = record;
    writes.upsert({
      kind: 'qualification',
      subjectId: `${personId}/${competenceId}`,
      dueOn: validUntil,
      responsibleId: personId,
      unitId: null,
      details,
    });
  }
  for (const requirement of changes.competenceRequirements ?? []) {
    const { id, ...details } = requirement;
    writes.upsert({ kind: 'requirement', subjectId: id, dueOn: null, responsibleId: null, unitId: null, details });
  }
  for (const coverage of changes.externalCoverage ?? []) {
    const { id, ...details } = coverage;
    writes.upsert({
      kind: 'coverage',
      subjectId: id,
      dueOn: coverage.contractEnd,
      responsibleId: null,
      unitId: null,
      details,
    });
  }
  for (const id of changes.deleteCompetenceRequirements ?? []) writes.remove({ kind: 'requirement', subjectId: id });
  return writes.result();
}

/** The index entries a quality-year ChangeSet writes and removes (årshjul occurrences, corrective actions). */
export function qualityDeadlineWritesFor(changes: QualityChangeSet): DeadlineWrites {
  const writes = new Writes();
  for (const occurrence of changes.occurrences ?? []) {
    const entry = occurrenceEntry(occurrence);
    if (entry) writes.upsert(entry);
    else writes.remove({ kind: 'occurrence', subjectId: occurrence.id });
  }
  for (const id of changes.deleteOccurrenceIds ?? []) writes.remove({ kind: 'occurrence', subjectId: id });
  for (const action of changes.correctiveActions ?? []) {
    const entry = actionEntry(action);
    if (entry) writes.upsert(entry);
    else writes.remove({ kind: 'action', subjectId: action.id });
  }
  return writes.result();
}

function reviewEntry(
  procedure: Procedure,
  versions: ReadonlyMap<string, ProcedureVersion>,
  carried: ReadonlyMap<string, DeadlineEntry>,
): DeadlineEntry {
  const ref = { kind: 'review', subjectId: procedure.id } as const;
  const stored = carried.get(deadlineKey(ref));
  const carriedLabel =
    stored?.kind === 'review' && stored.details.currentVersionId === procedure.currentVersionId
      ? stored.details.currentVersionLabel
      : null;
  const current = procedure.currentVersionId === null ? undefined : versions.get(procedure.currentVersionId);
  return {
    ...ref,
    dueOn: procedure.currentVersionId === null ? null : procedure.nextReviewOn,
    responsibleId: procedure.ownerId,
    unitId: procedure.unitId,
    details: {
      code: procedure.code,
      title: procedure.title,
      area: procedure.area,
      currentVersionId: procedure.currentVersionId,
      currentVersionLabel: procedure.currentVersionId === null ? null : (versionLabelOf(current) ?? carriedLabel),
      draftVersionId: procedure.draftVersionId,
      etag: procedure.etag,
      lastReviewedOn: procedure.lastReviewedOn,
      reviewIntervalMonths: procedure.reviewIntervalMonths,
      audience: procedure.audience,
    },
  };
}

function acknowledgementEntry(
  version: Pick<ProcedureVersion, 'id' | 'major' | 'minor' | 'changeSummary' | 'publishedAt' | 'approvedBy'> & {
    makerIds?: readonly string[] | null;
  },
  procedureId: string,
  requestedAt: string,
  requested: StoredRequest[] | null,
  knownLabel: string | null = null,
): DeadlineEntry {
  return {
    kind: 'acknowledgement',
    subjectId: version.id,
    dueOn: requestedAt.slice(0, 10) as LocalDate,
    responsibleId: null,
    unitId: null,
    details: {
      procedureId,
      versionId: version.id,
      requestedAt,
      versionLabel: versionLabelOf(version) ?? knownLabel,
      changeSummary: version.changeSummary || null,
      publishedAt: version.publishedAt,
      approvedBy: version.approvedBy ?? null,
      makerIds: version.makerIds ? [...version.makerIds] : null,
      requested: requested === null ? null : [...requested].sort((a, b) => (a.personId < b.personId ? -1 : 1)),
    },
  };
}

function occurrenceEntry(occurrence: YearWheelOccurrence): DeadlineEntry | null {
  if (occurrence.completedOn !== null) return null;
  return {
    kind: 'occurrence',
    subjectId: occurrence.id,
    dueOn: occurrence.dueOn,
    responsibleId: occurrence.ownerId,
    unitId: null,
    details: { occurrenceKind: occurrence.kind, title: occurrence.title, origin: occurrence.origin },
  };
}

/** Only an action whose plan is not carried out yet, with an owner and a due date, is anyone's deadline. */
function actionEntry(action: CorrectiveAction): DeadlineEntry | null {
  if (action.status !== 'open' && action.status !== 'planned') return null;
  if (action.ownerId === null || action.dueOn === null) return null;
  return {
    kind: 'action',
    subjectId: action.id,
    dueOn: action.dueOn,
    responsibleId: action.ownerId,
    unitId: action.unitId,
    details: { title: action.title, status: action.status },
  };
}

/**
 * The index entry an aktindsigt / innsyn request writes (the SQLite store in the request's own
 * transaction, the SharePoint store in the request's own ordered `$batch`): an open request is
 * the coordinators' deadline, an answered one is removed.
 */
export function accessRequestDeadlineWrites(request: AccessRequest): DeadlineWrites {
  const ref = { kind: 'access-request', subjectId: request.id } as const;
  if (request.state !== 'open') return { upserts: [], removals: [ref] };
  return {
    upserts: [
      {
        ...ref,
        dueOn: request.deadlineOn,
        responsibleId: null,
        unitId: null,
        details: {
          law: request.law,
          requesterName: request.requesterName,
          subject: request.subject,
          receivedOn: request.receivedOn,
        },
      },
    ],
    removals: [],
  };
}

/**
 * The index entry a register item writes (both register stores write it in the item's own
 * commit): an item whose sender waits for an answer (a reply deadline, no answer, not closed) is
 * its handler's deadline, with the days its reminders start under `settings`; any other item is
 * removed. The unit is the handler's unit: its leader (or the nearest one above, never the
 * handler) is told on escalation.
 */
export function registerDeadlineWrites(
  item: RegisterItem,
  settings: Pick<RegisterSettings, 'remindDaysBefore' | 'escalateDaysAfter' | 'holidayCalendar'>,
): DeadlineWrites {
  const ref = { kind: 'register-reply', subjectId: item.id } as const;
  if (item.replyDueOn === null || item.reply !== null || item.status === 'closed') {
    return { upserts: [], removals: [ref] };
  }
  return {
    upserts: [
      {
        ...ref,
        dueOn: item.replyDueOn,
        responsibleId: item.handlerId,
        unitId: item.handlerUnitId,
        details: {
          receiptNumber: item.receiptNumber,
          title: item.title,
          registerKind: item.kind,
          ...replyReminderDates(item.replyDueOn, settings),
        },
      },
    ],
    removals: [],
  };
}

/** Later writes to the same entry win, as in the ChangeSet's own order (request, then its acknowledgement). */
class Writes {
  private readonly entries = new Map<string, { entry: DeadlineEntry } | { removed: DeadlineRef }>();
  upsert(entry: DeadlineEntry) {
    const key = deadlineKey(entry);
    this.entries.delete(key);
    this.entries.set(key, { entry });
  }
  remove(ref: DeadlineRef) {
    const key = deadlineKey(ref);
    this.entries.delete(key);
    this.entries.set(key, { removed: { kind: ref.kind, subjectId: ref.subjectId } });
  }
  result(): DeadlineWrites {
    const upserts: DeadlineEntry[] = [];
    const removals: DeadlineRef[] = [];
    for (const value of this.entries.values()) {
      if ('entry' in value) upserts.push(value.entry);
      else removals.push(value.removed);
    }
    return { upserts, removals };
  }
}
