import { deadlineKey, type DeadlineEntry } from '../../app/deadline-index.js';
import type { ConversationReference, LedgerEntry } from '../../app/messaging-ports.js';
import type {
  Competence,
  CompetenceRequirement,
  ExternalCoverage,
  PersonCompetence,
} from '../../core/competence-types.js';
import type { LocalDate } from '../../core/local-date.js';
import type {
  Acknowledgement,
  AcknowledgementRequest,
  Approval,
  Person,
  Procedure,
  ProcedureVersion,
  Review,
  TrailEntry,
  Unit,
} from '../../core/types.js';
import type {
  Audit,
  Certificate,
  CorrectiveAction,
  Finding,
  ManagementEvaluation,
  ProgrammeItem,
  YearWheelOccurrence,
} from '../../core/quality-year-types.js';
import { handbookSchema, type ListSpec } from './sharepoint-schema.js';

/**
 * Records ↔ list item fields, in one place. Each mapping is a table of
 * (record property, schema column key, codec); the SharePoint column names come from the
 * schema, so nothing outside this file and the schema knows them.
 */

/** `string`: text that is never null (SharePoint stores an empty text as no value; it reads back as ''). */
/** `list`: a JSON array that reads back as [] from an item written before its column existed. */
type Codec = 'text' | 'string' | 'number' | 'date' | 'instant' | 'json' | 'list' | 'boolean';
type Property = readonly [path: string, column: string, codec: Codec];

export type RecordMapping<T> = {
  list: ListSpec;
  properties: readonly Property[];
  /** Our id of the record: the value of KhKey (absent for the audit trail, keyed by item id). */
  key: ((record: T) => string) | null;
  /** What a person sees as the item's Title in SharePoint. */
  title: (record: T) => string;
};

export type Fields = Record<string, unknown>;

function listSpec(key: string): ListSpec {
  const spec = handbookSchema.find((candidate) => candidate.key === key);
  if (!spec) throw new Error(`No list ${key} in the SharePoint schema`);
  return spec;
}

function columnName(list: ListSpec, key: string): string {
  const column = list.columns.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`No column ${key} in ${list.displayName}`);
  return column.name;
}

function encode(codec: Codec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (codec) {
    case 'json':
    case 'list':
      return JSON.stringify(value);
    case 'date':
      // A dateOnly column: the calendar date, without a time that a site time zone could shift.
      return value as LocalDate;
    default:
      return value;
  }
}

function decode(codec: Codec, value: unknown): unknown {
  // A yes/no column that was never set reads as empty: no.
  if (codec === 'boolean') return value === true || value === 'true' || value === 1 || value === '1';
  if (codec === 'string') return value === null || value === undefined ? '' : value;
  if (codec === 'list') return value === null || value === undefined || value === '' ? [] : JSON.parse(value as string);
  if (value === null || value === undefined || value === '') return null;
  switch (codec) {
    case 'json':
      return JSON.parse(value as string);
    case 'date':
      return (value as string).slice(0, 10);
    case 'number':
      return Number(value);
    default:
      return value;
  }
}

export function toFields<T>(mapping: RecordMapping<T>, record: T): Fields {
  const fields: Fields = {};
  const mapped = new Set(mapping.properties.map(([, column]) => column));
  if (!mapped.has('title') && mapping.list.columns.some((column) => column.key === 'title'))
    fields[columnName(mapping.list, 'title')] = mapping.title(record);
  if (mapping.key && !mapped.has('key')) fields[columnName(mapping.list, 'key')] = mapping.key(record);
  for (const [path, column, codec] of mapping.properties)
    fields[columnName(mapping.list, column)] = encode(codec, read(record, path));
  return fields;
}

/**
 * The fields of a new item: without the empty ones. SharePoint refuses a null in a create's
 * fieldValueSet, and a field left out of a new item is empty; an update (PATCH …/fields) clears
 * a value with null.
 */
export function createFields(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined));
}

export function fromFields<T>(mapping: RecordMapping<T>, fields: Fields): T {
  const record: Record<string, unknown> = {};
  for (const [path, column, codec] of mapping.properties)
    write(record, path, decode(codec, fields[columnName(mapping.list, column)]));
  return record as T;
}

/** The field that holds a column's value, for $filter: `fields/<name>`. */
export function fieldOf<T>(mapping: RecordMapping<T>, column: string): string {
  return columnName(mapping.list, column);
}

function read(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | null)?.[part], record);
}

function write(record: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let target = record;
  for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
  target[parts.at(-1)!] = value;
}

const procedures = listSpec('procedures');
export const procedureMapping: RecordMapping<Procedure> = {
  list: procedures,
  key: (procedure) => procedure.id,
  title: (procedure) => procedure.title,
  properties: [
    ['id', 'key', 'text'],
    ['code', 'code', 'text'],
    ['title', 'title', 'text'],
    ['level', 'processLevel', 'text'],
    ['area', 'area', 'text'],
    ['unitId', 'unitKey', 'text'],
    ['ownerId', 'ownerKey', 'text'],
    ['approverId', 'approverKey', 'text'],
    ['approverDesignatedBy', 'approverDesignatedByKey', 'text'],
    ['audience', 'audience', 'json'],
    ['reviewIntervalMonths', 'reviewIntervalMonths', 'number'],
    ['standards', 'standards', 'json'],
    ['legalBasis', 'legalBasis', 'json'],
    ['currentVersionId', 'currentVersionKey', 'text'],
    ['draftVersionId', 'draftVersionKey', 'text'],
    ['approvedOn', 'approvedOn', 'date'],
    ['lastReviewedOn', 'lastReviewedOn', 'date'],
    ['nextReviewOn', 'nextReviewDate', 'date'],
    ['createdAt', 'createdAt', 'instant'],
    ['updatedAt', 'updatedAt', 'instant'],
    ['updatedBy', 'updatedBy', 'text'],
    ['etag', 'etag', 'number'],
  ],
};

/** Procedure fields plus what SharePoint views show and filter on but the record derives. */
export function procedureFields(procedure: Procedure): Fields {
  return {
    ...toFields(procedureMapping, procedure),
    [fieldOf(procedureMapping, 'status')]: procedure.currentVersionId ? 'published' : 'unpublished',
  };
}

export const versionMapping: RecordMapping<ProcedureVersion> = {
  list: listSpec('versions'),
  key: (version) => version.id,
  title: (version) => `${version.file.name} (${version.state})`,
  properties: [
    ['id', 'key', 'text'],
    ['procedureId', 'procedureKey', 'text'],
    ['state', 'state', 'text'],
    ['major', 'major', 'number'],
    ['minor', 'minor', 'number'],
    ['kind', 'kind', 'text'],
    ['authorId', 'authorKey', 'text'],
    ['file.ref', 'fileRef', 'text'],
    ['file.name', 'fileName', 'text'],
    ['file.mediaType', 'mediaType', 'text'],
    ['file.size', 'size', 'number'],
    ['file.sha256', 'sha256', 'text'],
    ['text', 'text', 'text'],
    ['html', 'html', 'text'],
    ['changeSummary', 'changeSummary', 'text'],
    ['createdAt', 'createdAt', 'instant'],
    ['updatedAt', 'updatedAt', 'instant'],
    ['publishedAt', 'publishedAt', 'instant'],
    ['approvedBy', 'approvedBy', 'text'],
    ['supersededByVersionId', 'supersededBy', 'text'],
    ['obsoleteAt', 'obsoleteAt', 'instant'],
  ],
};

export const approvalMapping: RecordMapping<Approval> = {
  list: listSpec('approvals'),
  key: (approval) => approval.id,
  title: (approval) => approval.id,
  properties: [
    ['id', 'key', 'text'],
    ['procedureId', 'procedureKey', 'text'],
    ['versionId', 'versionKey', 'text'],
    ['requestedBy', 'requestedBy', 'text'],
    ['requestedAt', 'requestedAt', 'instant'],
    ['approverId', 'approverKey', 'text'],
    ['changeSummary', 'changeSummary', 'text'],
    ['kind', 'kind', 'text'],
    ['decision', 'decision', 'text'],
    ['decidedBy', 'decidedBy', 'text'],
    ['decidedAt', 'decidedAt', 'instant'],
    ['comment', 'comment', 'text'],
  ],
};

export const reviewMapping: RecordMapping<Review> = {
  list: listSpec('reviews'),
  key: (review) => review.id,
  title: (review) => review.id,
  properties: [
    ['id', 'key', 'text'],
    ['procedureId', 'procedureKey', 'text'],
    ['reviewerId', 'reviewerKey', 'text'],
    ['outcome', 'outcome', 'text'],
    ['comment', 'comment', 'text'],
    ['reviewedAt', 'reviewedAt', 'instant'],
    ['dueOn', 'dueOn', 'date'],
    ['nextReviewOn', 'nextReviewOn', 'date'],
  ],
};

const readingKey = (entry: { versionId: string; personId: string }) => `${entry.versionId}:${entry.personId}`;

export const acknowledgementRequestMapping: RecordMapping<AcknowledgementRequest> = {
  list: listSpec('acknowledgementRequests'),
  key: readingKey,
  title: readingKey,
  properties: [
    ['procedureId', 'procedureKey', 'text'],
    ['versionId', 'versionKey', 'text'],
    ['personId', 'personKey', 'text'],
    ['requestedAt', 'requestedAt', 'instant'],
  ],
};

export const acknowledgementMapping: RecordMapping<Acknowledgement> = {
  list: listSpec('acknowledgements'),
  key: readingKey,
  title: readingKey,
  properties: [
    ['procedureId', 'procedureKey', 'text'],
    ['versionId', 'versionKey', 'text'],
    ['personId', 'personKey', 'text'],
    ['acknowledgedAt', 'acknowledgedAt', 'instant'],
  ],
};

/** The trail's `seq` is the list item's id (SharePoint numbers items in creation order). */
export const trailMapping: RecordMapping<Omit<TrailEntry, 'seq'>> = {
  list: listSpec('trail'),
  key: null,
  title: (entry) => `${entry.action} ${entry.subjectId}`,
  properties: [
    ['at', 'at', 'instant'],
    ['actorId', 'actorKey', 'text'],
    ['action', 'action', 'text'],
    ['procedureId', 'procedureKey', 'text'],
    ['subjectId', 'subjectKey', 'text'],
    ['summary', 'summary', 'text'],
    ['details', 'details', 'json'],
  ],
};

export const personMapping: RecordMapping<Person> = {
  list: listSpec('people'),
  key: (person) => person.id,
  title: (person) => person.name,
  properties: [
    ['id', 'key', 'text'],
    ['name', 'title', 'text'],
    ['email', 'email', 'text'],
    ['title', 'jobTitle', 'text'],
    ['unitId', 'unitKey', 'text'],
    ['roles', 'roles', 'json'],
    ['leaderId', 'leaderKey', 'text'],
    ['aadObjectId', 'aadObjectId', 'text'],
  ],
};

export const unitMapping: RecordMapping<Unit> = {
  list: listSpec('units'),
  key: (unit) => unit.id,
  title: (unit) => unit.name,
  properties: [
    ['id', 'key', 'text'],
    ['name', 'title', 'text'],
    ['parentId', 'parentKey', 'text'],
  ],
};

export const ledgerEntryMapping: RecordMapping<LedgerEntry> = {
  list: listSpec('reminderLedger'),
  key: (entry) => entry.key,
  title: (entry) => entry.key,
  properties: [
    ['key', 'key', 'text'],
    ['recipientId', 'recipientKey', 'text'],
    ['stage', 'stage', 'text'],
    ['subjectId', 'subjectKey', 'text'],
    ['dueOn', 'dueOn', 'date'],
    ['state', 'state', 'text'],
    ['runId', 'runId', 'text'],
    ['claimedAt', 'claimedAt', 'instant'],
    ['sentAt', 'sentAt', 'instant'],
    ['messageId', 'messageId', 'text'],
  ],
};

export const conversationMapping: RecordMapping<ConversationReference> = {
  list: listSpec('conversations'),
  key: (reference) => reference.personId,
  title: (reference) => reference.personId,
  properties: [
    ['personId', 'key', 'text'],
    ['conversationId', 'conversationId', 'text'],
    ['serviceUrl', 'serviceUrl', 'text'],
    ['tenantId', 'tenantId', 'text'],
    ['userAadObjectId', 'userAadObjectId', 'text'],
    ['userId', 'userId', 'text'],
    ['locale', 'locale', 'text'],
    ['installedAt', 'installedAt', 'instant'],
  ],
};

export type SweepLeaseRecord = { name: string; runId: string; expiresAt: string };

export const sweepLeaseMapping: RecordMapping<SweepLeaseRecord> = {
  list: listSpec('sweepLease'),
  key: (lease) => lease.name,
  title: (lease) => lease.name,
  properties: [
    ['name', 'key', 'text'],
    ['runId', 'runId', 'text'],
    ['expiresAt', 'expiresAt', 'instant'],
  ],
};

export const competenceMapping: RecordMapping<Competence> = {
  list: listSpec('competences'),
  key: (competence) => competence.id,
  title: (competence) => competence.name,
  properties: [
    ['id', 'key', 'text'],
    ['name', 'title', 'text'],
    ['category', 'category', 'text'],
    ['description', 'description', 'text'],
    ['validityMonths', 'validityMonths', 'number'],
  ],
};

export const competenceRequirementMapping: RecordMapping<CompetenceRequirement> = {
  list: listSpec('competenceRequirements'),
  key: (requirement) => requirement.id,
  title: (requirement) => `${requirement.competenceId} ${requirement.id}`,
  properties: [
    ['id', 'key', 'text'],
    ['competenceId', 'competenceKey', 'text'],
    ['scope', 'scope', 'json'],
    ['minPeople', 'minPeople', 'number'],
    ['minLevel', 'minLevel', 'number'],
  ],
};

/** One item per (person, competence): the key makes a second write of the pair an update. */
export const personCompetenceKey = (record: { personId: string; competenceId: string }) =>
  `${record.personId}:${record.competenceId}`;

export const personCompetenceMapping: RecordMapping<PersonCompetence> = {
  list: listSpec('personCompetences'),
  key: personCompetenceKey,
  title: personCompetenceKey,
  properties: [
    ['personId', 'personKey', 'text'],
    ['competenceId', 'competenceKey', 'text'],
    ['level', 'level', 'number'],
    ['evidence', 'evidence', 'json'],
    ['validUntil', 'validUntil', 'date'],
    ['assessment', 'assessment', 'text'],
    ['confirmedBy', 'confirmedBy', 'text'],
  ],
};

export const externalCoverageMapping: RecordMapping<ExternalCoverage> = {
  list: listSpec('externalCoverage'),
  key: (coverage) => coverage.id,
  title: (coverage) => coverage.supplier,
  properties: [
    ['id', 'key', 'text'],
    ['requirementId', 'requirementKey', 'text'],
    ['supplier', 'supplier', 'text'],
    ['decidedOn', 'decidedOn', 'date'],
    ['decidedBy', 'decidedBy', 'text'],
    ['contractEnd', 'contractEnd', 'date'],
    ['note', 'note', 'text'],
  ],
};

// ---------------------------------------------------------------------------------------------
// The quality year

const versionedProperties = [
  ['createdAt', 'createdAt', 'instant'],
  ['updatedAt', 'updatedAt', 'instant'],
  ['updatedBy', 'updatedBy', 'text'],
  ['etag', 'etag', 'number'],
] as const;

export const certificateMapping: RecordMapping<Certificate> = {
  list: listSpec('certificates'),
  key: (certificate) => certificate.id,
  title: (certificate) => `${certificate.body} ${certificate.standard} ${certificate.certificateNumber}`,
  properties: [
    ['id', 'key', 'text'],
    ['body', 'body', 'string'],
    ['standard', 'standard', 'string'],
    ['scope', 'scope', 'string'],
    ['certificateNumber', 'certificateNumber', 'string'],
    ['issuedOn', 'issuedOn', 'date'],
    ['expiresOn', 'expiresOn', 'date'],
    ['cycleYears', 'cycleYears', 'number'],
    ['isActive', 'isActive', 'boolean'],
    ...versionedProperties,
  ],
};

export const programmeItemMapping: RecordMapping<ProgrammeItem> = {
  list: listSpec('programmeItems'),
  key: (item) => item.id,
  title: (item) => item.title,
  properties: [
    ['id', 'key', 'text'],
    ['title', 'title', 'string'],
    ['subject', 'subject', 'json'],
    ['importance', 'importance', 'number'],
    ['clauses', 'clauses', 'json'],
    ['unitId', 'unitKey', 'text'],
    ['changedOn', 'changedOn', 'date'],
    ...versionedProperties,
  ],
};

export const auditMapping: RecordMapping<Audit> = {
  list: listSpec('audits'),
  key: (audit) => audit.id,
  title: (audit) => audit.title,
  properties: [
    ['id', 'key', 'text'],
    ['title', 'title', 'string'],
    ['kind', 'kind', 'text'],
    ['year', 'year', 'number'],
    ['programmeItemId', 'programmeItemKey', 'text'],
    ['certificateId', 'certificateKey', 'text'],
    ['unitId', 'unitKey', 'text'],
    ['clauses', 'clauses', 'json'],
    ['procedureIds', 'procedureKeys', 'json'],
    ['scope', 'scope', 'string'],
    ['criteria', 'criteria', 'string'],
    ['auditorIds', 'auditorKeys', 'json'],
    ['externalAuditors', 'externalAuditors', 'json'],
    ['plannedOn', 'plannedOn', 'date'],
    ['status', 'status', 'text'],
    ['checklist', 'checklist', 'json'],
    ['report', 'report', 'json'],
    ...versionedProperties,
  ],
};

export const findingMapping: RecordMapping<Finding> = {
  list: listSpec('findings'),
  key: (finding) => finding.id,
  title: (finding) => `${finding.grade} ${finding.clause ?? ''}`.trim(),
  properties: [
    ['id', 'key', 'text'],
    ['auditId', 'auditKey', 'text'],
    ['grade', 'grade', 'text'],
    ['clause', 'clause', 'text'],
    ['procedureId', 'procedureKey', 'text'],
    ['unitId', 'unitKey', 'text'],
    ['description', 'description', 'string'],
    ['foundOn', 'foundOn', 'date'],
    ['correctiveActionId', 'correctiveActionKey', 'text'],
    ...versionedProperties,
  ],
};

export const correctiveActionMapping: RecordMapping<CorrectiveAction> = {
  list: listSpec('correctiveActions'),
  key: (action) => action.id,
  title: (action) => action.title,
  properties: [
    ['id', 'key', 'text'],
    ['title', 'title', 'string'],
    ['source', 'source', 'json'],
    ['unitId', 'unitKey', 'text'],
    ['correction', 'correction', 'text'],
    ['rootCause', 'rootCause', 'text'],
    ['plan', 'plan', 'text'],
    ['ownerId', 'ownerKey', 'text'],
    ['dueOn', 'dueOn', 'date'],
    ['status', 'status', 'text'],
    ['implementedOn', 'implementedOn', 'date'],
    ['implementedBy', 'implementedBy', 'text'],
    ['involvedIds', 'involvedKeys', 'list'],
    ['effectivenessChecks', 'effectivenessChecks', 'json'],
    ['closedOn', 'closedOn', 'date'],
    ...versionedProperties,
  ],
};

export const managementEvaluationMapping: RecordMapping<ManagementEvaluation> = {
  list: listSpec('managementEvaluations'),
  key: (evaluation) => evaluation.id,
  title: (evaluation) => `Ledelsens evaluering ${evaluation.year}`,
  properties: [
    ['id', 'key', 'text'],
    ['year', 'year', 'number'],
    ['plannedOn', 'plannedOn', 'date'],
    ['heldOn', 'heldOn', 'date'],
    ['status', 'status', 'text'],
    ['participantIds', 'participantKeys', 'json'],
    ['guests', 'guests', 'json'],
    ['conclusions', 'conclusions', 'string'],
    ['decisions', 'decisions', 'json'],
    ['committee', 'committee', 'text'],
    ['committeeOn', 'committeeOn', 'date'],
    ['publishedOn', 'publishedOn', 'date'],
    ...versionedProperties,
  ],
};

export const occurrenceMapping: RecordMapping<YearWheelOccurrence> = {
  list: listSpec('occurrences'),
  key: (occurrence) => occurrence.id,
  title: (occurrence) => occurrence.title,
  properties: [
    ['id', 'key', 'text'],
    ['title', 'title', 'string'],
    ['kind', 'kind', 'text'],
    ['dueOn', 'dueOn', 'date'],
    ['ownerId', 'ownerKey', 'text'],
    ['origin', 'origin', 'json'],
    ['completedOn', 'completedOn', 'date'],
    ['isEdited', 'isEdited', 'boolean'],
    ['note', 'note', 'string'],
    ...versionedProperties,
  ],
};

export const deadlineMapping: RecordMapping<DeadlineEntry> = {
  list: listSpec('deadlines'),
  key: (entry) => deadlineKey(entry),
  title: (entry) => deadlineKey(entry),
  properties: [
    ['kind', 'kind', 'text'],
    ['subjectId', 'subjectKey', 'text'],
    ['dueOn', 'dueOn', 'date'],
    ['responsibleId', 'responsibleKey', 'text'],
    ['unitId', 'unitKey', 'text'],
    ['details', 'details', 'json'],
  ],
};
