import { z } from 'zod';
import {
  roles,
  processLevels,
  versionStates,
  type Acknowledgement,
  type AcknowledgementRequest,
  type Approval,
  type Person,
  type Procedure,
  type ProcedureVersion,
  type Review,
  type TrailEntry,
  type Unit,
} from '../core/types.js';
import { declareRecord, type Same } from './declare.js';
import { id, instantText, localDate } from './fields.js';
import {
  choice,
  column,
  date,
  instant,
  json,
  multiLine,
  person,
  procedureKey,
  recordKey,
  singleLine,
  title,
  whole,
} from './sharepoint-columns.js';

/** Document control: procedures, their versions, approvals, reviews, readings and the trail; people and units. */

const nullableId = id.nullable();
const changeKind = z.enum(['major', 'minor']);

export const unitSchema = z.object({ id, name: z.string().min(1), parentId: nullableId });
export const unitRecord = declareRecord(unitSchema, {
  kind: 'unit',
  sqlite: {
    table: 'units',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['name', 'name', 'text'],
      ['parentId', 'parent_id', 'text'],
    ],
  },
  sharepoint: {
    // Not in the first list of the design, but the Store port lists units (listUnits).
    list: { key: 'units', displayName: 'Units', description: 'Organisational units.', template: 'genericList' },
    key: (unit) => unit.id,
    title: (unit) => unit.name,
    columns: [
      ['name', 'text', title('Name.')],
      ['id', 'text', recordKey('The unit id.')],
      ['parentId', 'text', column('parentKey', 'Parent unit (KhKey).', singleLine(100))],
    ],
  },
});

export const personSchema = z.object({
  id,
  name: z.string().min(1),
  email: z.string(),
  title: z.string(),
  unitId: id,
  roles: z.array(z.enum(roles)),
  leaderId: nullableId,
  aadObjectId: z.string().nullable(),
  addedAt: instantText.nullable().optional(),
});
export const personRecord = declareRecord(personSchema, {
  kind: 'person',
  sqlite: {
    table: 'people',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['name', 'name', 'text'],
      ['email', 'email', 'text'],
      ['title', 'title', 'text'],
      ['unitId', 'unit_id', 'text'],
      ['roles', 'roles', 'json'],
      ['leaderId', 'leader_id', 'text'],
      ['aadObjectId', 'aad_object_id', 'text'],
      ['addedAt', 'added_at', 'text', { insertOnly: true }],
    ],
  },
  sharepoint: {
    list: {
      key: 'people',
      displayName: 'People',
      description: 'The people the handbook knows: roles, unit and leader.',
      template: 'genericList',
    },
    key: (record) => record.id,
    title: (record) => record.name,
    columns: [
      ['name', 'text', title('Name.')],
      ['id', 'text', recordKey('The person id.')],
      ['email', 'text', column('email', 'E-mail.', singleLine())],
      ['title', 'text', column('jobTitle', 'Job title.', singleLine())],
      ['unitId', 'text', column('unitKey', 'Unit (KhKey in Units).', singleLine(100))],
      ['roles', 'json', column('roles', 'Roles: JSON array.', json)],
      ['leaderId', 'text', column('leaderKey', 'Leader (KhKey in People).', singleLine(100))],
      ['aadObjectId', 'text', column('aadObjectId', 'Entra object id.', singleLine(64), { indexed: true })],
      [null, null, column('person', 'The SharePoint person.', person)],
      [
        'addedAt',
        'instant',
        column(
          'addedAt',
          'When the handbook came to know the person (app time); empty for people from before.',
          instant,
        ),
      ],
    ],
  },
});

export const procedureSchema = z.object({
  id,
  code: z.string().min(1),
  title: z.string().min(1),
  level: z.enum(processLevels),
  area: z.string(),
  unitId: nullableId,
  ownerId: id,
  approverId: id,
  approverDesignatedBy: nullableId,
  audience: z.object({ unitIds: z.array(id), roles: z.array(z.enum(roles)) }),
  reviewIntervalMonths: z.number().int().min(1).max(120),
  standards: z.array(z.object({ standard: z.string(), clauses: z.array(z.string()) })),
  legalBasis: z.array(z.string()),
  currentVersionId: nullableId,
  draftVersionId: nullableId,
  approvedOn: localDate.nullable(),
  lastReviewedOn: localDate.nullable(),
  nextReviewOn: localDate.nullable(),
  createdAt: instantText,
  updatedAt: instantText,
  updatedBy: id,
  etag: z.number().int().min(0),
});
export const procedureRecord = declareRecord(procedureSchema, {
  kind: 'procedure',
  sqlite: {
    table: 'procedures',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['code', 'code', 'text', { insertOnly: true }],
      ['title', 'title', 'text'],
      ['level', 'level', 'text'],
      ['area', 'area', 'text'],
      ['unitId', 'unit_id', 'text'],
      ['ownerId', 'owner_id', 'text'],
      ['approverId', 'approver_id', 'text'],
      ['approverDesignatedBy', 'approver_designated_by', 'text'],
      ['audience', 'audience', 'json'],
      ['reviewIntervalMonths', 'review_interval_months', 'integer'],
      ['standards', 'standards', 'json'],
      ['legalBasis', 'legal_basis', 'json'],
      ['currentVersionId', 'current_version_id', 'text'],
      ['draftVersionId', 'draft_version_id', 'text'],
      ['approvedOn', 'approved_on', 'text'],
      ['lastReviewedOn', 'last_reviewed_on', 'text'],
      ['nextReviewOn', 'next_review_on', 'text'],
      ['createdAt', 'created_at', 'text', { insertOnly: true }],
      ['updatedAt', 'updated_at', 'text'],
      ['updatedBy', 'updated_by', 'text'],
      ['etag', 'etag', 'integer'],
    ],
  },
  sharepoint: {
    list: {
      key: 'procedures',
      displayName: 'Procedurer',
      description: 'Kvalitetshåndbogens procedurer: filen er proceduren, kolonnerne dens metadata.',
      template: 'documentLibrary',
    },
    key: (procedure) => procedure.id,
    title: (procedure) => procedure.title,
    columns: [
      ['title', 'text', title('The procedure title.')],
      ['id', 'text', recordKey('The procedure id.')],
      [
        'code',
        'text',
        column('code', 'Handbook code, e.g. TM-02-04.', singleLine(64), { indexed: true, unique: true }),
      ],
      ['level', 'text', column('processLevel', 'Process level.', choice(processLevels))],
      ['area', 'text', column('area', 'Area within the process level.', singleLine())],
      ['unitId', 'text', column('unitKey', 'The owning unit (KhKey in Units).', singleLine(100))],
      [null, null, column('owner', 'The owner, as a SharePoint person (for people reading SharePoint).', person)],
      [
        'ownerId',
        'text',
        column('ownerKey', 'The owner (KhKey in People): the app filters on this.', singleLine(100), { indexed: true }),
      ],
      [null, null, column('approver', 'The approver, as a SharePoint person.', person)],
      ['approverId', 'text', column('approverKey', 'The approver (KhKey in People).', singleLine(100))],
      [
        'approverDesignatedBy',
        'text',
        column(
          'approverDesignatedByKey',
          'The coordinator who designated the approver (KhKey in People); empty when the approver is a leader above.',
          singleLine(100),
        ),
      ],
      ['audience', 'json', column('audience', 'Who must read it: JSON { unitIds, roles }.', json)],
      [
        'reviewIntervalMonths',
        'number',
        column('reviewIntervalMonths', 'Months between periodic reviews.', whole(1, 120)),
      ],
      [
        'nextReviewOn',
        'date',
        column('nextReviewDate', 'Next periodic review is due on this date.', date, { indexed: true }),
      ],
      [
        null,
        null,
        column(
          'status',
          'published or unpublished (has a current version or not).',
          choice(['published', 'unpublished']),
          { indexed: true },
        ),
      ],
      [null, null, column('draftState', 'State of the open draft, if any.', choice(['draft', 'pending']))],
      [null, null, column('version', 'Current version number, major.minor.', singleLine(16))],
      ['standards', 'json', column('standards', 'Standard references: JSON [{ standard, clauses }].', json)],
      ['legalBasis', 'json', column('legalBasis', 'Legal basis: JSON array of citations.', json)],
      [
        'currentVersionId',
        'text',
        column('currentVersionKey', 'The published version (KhKey in Revisions).', singleLine(100)),
      ],
      ['draftVersionId', 'text', column('draftVersionKey', 'The open draft (KhKey in Revisions).', singleLine(100))],
      ['approvedOn', 'date', column('approvedOn', 'Date the current version was approved.', date)],
      ['lastReviewedOn', 'date', column('lastReviewedOn', 'Date of the last periodic review.', date)],
      ['createdAt', 'instant', column('createdAt', 'Created (app time).', instant)],
      ['updatedAt', 'instant', column('updatedAt', 'Last changed (app time).', instant)],
      ['updatedBy', 'text', column('updatedBy', 'Last changed by (KhKey in People).', singleLine(100))],
      ['etag', 'number', column('etag', "The app's optimistic-concurrency counter.", whole(0))],
      // For the full Store (listing and search read the procedure library alone): values a
      // procedure row derives from its open draft, the draft's open approval and its published
      // version. The store writes them together with the procedure's own fields.
      [null, null, column('draftAuthorKey', 'Author of the open draft (KhKey in People).', singleLine(100))],
      [
        null,
        null,
        column('pendingApproverKey', "Approver of the open draft's open approval (KhKey in People).", singleLine(100)),
      ],
      [null, null, column('searchText', 'Plain text of the published version (for search).', multiLine)],
      [
        null,
        null,
        column(
          'acknowledgementAsk',
          'Who is asked to acknowledge the current version: JSON { versionId, makerIds, publishedAt } of a major version whose makers were recorded; empty otherwise.',
          json,
        ),
      ],
    ],
  },
});

export const versionSchema = z.object({
  id,
  procedureId: id,
  state: z.enum(versionStates),
  major: z.number().int().min(0).nullable(),
  minor: z.number().int().min(0).nullable(),
  kind: changeKind.nullable(),
  authorId: id,
  file: z.object({
    ref: z.string().min(1),
    name: z.string().min(1),
    mediaType: z.string().min(1),
    size: z.number().int().min(0),
    sha256: z.string().length(64),
  }),
  text: z.string(),
  html: z.string(),
  changeSummary: z.string().nullable(),
  createdAt: instantText,
  updatedAt: instantText,
  publishedAt: instantText.nullable(),
  approvedBy: nullableId,
  supersededByVersionId: nullableId,
  obsoleteAt: instantText.nullable(),
  makerIds: z.array(id).nullable().optional(),
});
export const versionRecord = declareRecord(versionSchema, {
  kind: 'version',
  sqlite: {
    table: 'versions',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['procedureId', 'procedure_id', 'text', { insertOnly: true }],
      ['state', 'state', 'text'],
      ['major', 'major', 'integer'],
      ['minor', 'minor', 'integer'],
      ['kind', 'kind', 'text'],
      ['authorId', 'author_id', 'text', { insertOnly: true }],
      ['file.ref', 'file_ref', 'text'],
      ['file.name', 'file_name', 'text'],
      ['file.mediaType', 'media_type', 'text'],
      ['file.size', 'size', 'integer'],
      ['file.sha256', 'sha256', 'text'],
      ['text', 'text', 'text'],
      ['html', 'html', 'text'],
      ['changeSummary', 'change_summary', 'text'],
      ['createdAt', 'created_at', 'text', { insertOnly: true }],
      ['updatedAt', 'updated_at', 'text'],
      ['publishedAt', 'published_at', 'text'],
      ['approvedBy', 'approved_by', 'text'],
      ['supersededByVersionId', 'superseded_by', 'text'],
      ['obsoleteAt', 'obsolete_at', 'text'],
      ['makerIds', 'maker_ids', 'json'],
    ],
  },
  sharepoint: {
    list: {
      key: 'versions',
      displayName: 'Revisions',
      description: 'Versions of each procedure: drafts, pending, published and obsolete (ISO 9001 7.5.3).',
      template: 'genericList',
    },
    key: (version) => version.id,
    title: (version) => `${version.file.name} (${version.state})`,
    columns: [
      [null, null, title('Procedure code and version.')],
      ['id', 'text', recordKey('The version id.')],
      ['procedureId', 'text', procedureKey(true)],
      ['state', 'text', column('state', 'Lifecycle state.', choice(versionStates))],
      ['major', 'number', column('major', 'Major number once published.', whole(0))],
      ['minor', 'number', column('minor', 'Minor number once published.', whole(0))],
      ['kind', 'text', column('kind', 'Major or minor change.', choice(['major', 'minor']))],
      ['authorId', 'text', column('authorKey', 'Author (KhKey in People).', singleLine(100))],
      ['file.ref', 'text', column('fileRef', 'The file: driveItem id in Procedurer.', singleLine(100))],
      ['file.name', 'text', column('fileName', 'File name as uploaded.', singleLine())],
      ['file.mediaType', 'text', column('mediaType', 'Media type detected from the content.', singleLine(100))],
      ['file.size', 'number', column('size', 'File size in bytes.', whole(0))],
      ['file.sha256', 'text', column('sha256', 'SHA-256 of the file.', singleLine(64))],
      ['text', 'text', column('text', 'Plain text of the file (for search).', multiLine)],
      ['html', 'text', column('html', 'Sanitised HTML rendering.', multiLine)],
      ['changeSummary', 'text', column('changeSummary', 'What changed.', multiLine)],
      ['createdAt', 'instant', column('createdAt', 'Created.', instant)],
      ['updatedAt', 'instant', column('updatedAt', 'Last changed.', instant)],
      ['publishedAt', 'instant', column('publishedAt', 'Published.', instant)],
      ['approvedBy', 'text', column('approvedBy', 'Approved by (KhKey in People).', singleLine(100))],
      [
        'supersededByVersionId',
        'text',
        column('supersededBy', 'The version that replaced it (KhKey).', singleLine(100)),
      ],
      ['obsoleteAt', 'instant', column('obsoleteAt', 'Marked obsolete.', instant)],
      [
        'makerIds',
        'json',
        column(
          'makerKeys',
          'Who made it (contributors and approver, KhKey in People), recorded at publication: not asked to acknowledge it. JSON array; empty before this was recorded.',
          json,
        ),
      ],
    ],
  },
});

export const approvalSchema = z.object({
  id,
  procedureId: id,
  versionId: id,
  requestedBy: id,
  requestedAt: instantText,
  approverId: id,
  changeSummary: z.string(),
  kind: changeKind,
  decision: z.enum(['approved', 'rejected', 'withdrawn']).nullable(),
  decidedBy: nullableId,
  decidedAt: instantText.nullable(),
  comment: z.string().nullable(),
});
export const approvalRecord = declareRecord(approvalSchema, {
  kind: 'approval',
  sqlite: {
    table: 'approvals',
    primaryKey: ['id'],
    write: 'upsert',
    // A request is written once; only its decision changes.
    columns: [
      ['id', 'id', 'text'],
      ['procedureId', 'procedure_id', 'text', { insertOnly: true }],
      ['versionId', 'version_id', 'text', { insertOnly: true }],
      ['requestedBy', 'requested_by', 'text', { insertOnly: true }],
      ['requestedAt', 'requested_at', 'text', { insertOnly: true }],
      ['approverId', 'approver_id', 'text', { insertOnly: true }],
      ['changeSummary', 'change_summary', 'text', { insertOnly: true }],
      ['kind', 'kind', 'text', { insertOnly: true }],
      ['decision', 'decision', 'text'],
      ['decidedBy', 'decided_by', 'text'],
      ['decidedAt', 'decided_at', 'text'],
      ['comment', 'comment', 'text'],
    ],
  },
  sharepoint: {
    list: {
      key: 'approvals',
      displayName: 'Approvals',
      description: 'Approval requests and decisions.',
      template: 'genericList',
    },
    key: (approval) => approval.id,
    title: (approval) => approval.id,
    columns: [
      [null, null, title('Procedure code and version.')],
      ['id', 'text', recordKey('The approval id.')],
      ['procedureId', 'text', procedureKey(true)],
      [
        'versionId',
        'text',
        column('versionKey', 'The version to approve (KhKey in Revisions).', singleLine(100), { indexed: true }),
      ],
      ['requestedBy', 'text', column('requestedBy', 'Requested by (KhKey in People).', singleLine(100))],
      ['requestedAt', 'instant', column('requestedAt', 'Requested.', instant)],
      ['approverId', 'text', column('approverKey', 'Approver (KhKey in People).', singleLine(100), { indexed: true })],
      ['changeSummary', 'text', column('changeSummary', 'What changed.', multiLine)],
      ['kind', 'text', column('kind', 'Major or minor change.', choice(['major', 'minor']))],
      [
        'decision',
        'text',
        column('decision', 'The decision, once made.', choice(['approved', 'rejected', 'withdrawn'])),
      ],
      ['decidedBy', 'text', column('decidedBy', 'Decided by (KhKey in People).', singleLine(100))],
      ['decidedAt', 'instant', column('decidedAt', 'Decided.', instant)],
      ['comment', 'text', column('comment', "The approver's comment.", multiLine)],
    ],
  },
});

export const reviewSchema = z.object({
  id,
  procedureId: id,
  reviewerId: id,
  outcome: z.enum(['still-valid', 'revision-started']),
  comment: z.string().nullable(),
  reviewedAt: instantText,
  dueOn: localDate.nullable(),
  nextReviewOn: localDate.nullable(),
});
export const reviewRecord = declareRecord(reviewSchema, {
  kind: 'review',
  sqlite: {
    table: 'reviews',
    primaryKey: ['id'],
    write: 'insert',
    columns: [
      ['id', 'id', 'text'],
      ['procedureId', 'procedure_id', 'text'],
      ['reviewerId', 'reviewer_id', 'text'],
      ['outcome', 'outcome', 'text'],
      ['comment', 'comment', 'text'],
      ['reviewedAt', 'reviewed_at', 'text'],
      ['dueOn', 'due_on', 'text'],
      ['nextReviewOn', 'next_review_on', 'text'],
    ],
  },
  sharepoint: {
    list: {
      key: 'reviews',
      displayName: 'Reviews',
      description: 'Periodic reviews of procedures.',
      template: 'genericList',
    },
    key: (review) => review.id,
    title: (review) => review.id,
    columns: [
      [null, null, title('Procedure code and review date.')],
      ['id', 'text', recordKey('The review id.')],
      ['procedureId', 'text', procedureKey(true)],
      ['reviewerId', 'text', column('reviewerKey', 'Reviewer (KhKey in People).', singleLine(100))],
      ['outcome', 'text', column('outcome', 'Outcome.', choice(['still-valid', 'revision-started']))],
      ['comment', 'text', column('comment', 'Comment.', multiLine)],
      ['reviewedAt', 'instant', column('reviewedAt', 'Reviewed.', instant)],
      ['dueOn', 'date', column('dueOn', 'The review was due on.', date)],
      ['nextReviewOn', 'date', column('nextReviewOn', 'Next review set to.', date)],
    ],
  },
});

const readingKey = (entry: { versionId: string; personId: string }) => `${entry.versionId}:${entry.personId}`;
const readingColumns = [
  [null, null, title('Procedure code, version and person.')],
  [null, null, recordKey('versionId:personId.')],
  ['procedureId', 'text', procedureKey(false)],
  ['versionId', 'text', column('versionKey', 'The version (KhKey in Revisions).', singleLine(100), { indexed: true })],
  ['personId', 'text', column('personKey', 'The person (KhKey in People).', singleLine(100), { indexed: true })],
] as const;

export const acknowledgementRequestSchema = z.object({
  procedureId: id,
  versionId: id,
  personId: id,
  requestedAt: instantText,
});
export const acknowledgementRequestRecord = declareRecord(acknowledgementRequestSchema, {
  kind: 'acknowledgement request',
  sqlite: {
    table: 'acknowledgement_requests',
    primaryKey: ['version_id', 'person_id'],
    write: 'insert-or-ignore',
    columns: [
      ['procedureId', 'procedure_id', 'text'],
      ['versionId', 'version_id', 'text'],
      ['personId', 'person_id', 'text'],
      ['requestedAt', 'requested_at', 'text'],
    ],
  },
  sharepoint: {
    list: {
      key: 'acknowledgementRequests',
      displayName: 'AcknowledgementRequests',
      description: 'Who is asked to confirm having read a published version.',
      template: 'genericList',
    },
    key: readingKey,
    title: readingKey,
    columns: [...readingColumns, ['requestedAt', 'instant', column('requestedAt', 'Requested.', instant)]],
  },
});

export const acknowledgementSchema = z.object({
  procedureId: id,
  versionId: id,
  personId: id,
  acknowledgedAt: instantText,
});
export const acknowledgementRecord = declareRecord(acknowledgementSchema, {
  kind: 'acknowledgement',
  sqlite: {
    table: 'acknowledgements',
    primaryKey: ['version_id', 'person_id'],
    write: 'insert-or-ignore',
    columns: [
      ['procedureId', 'procedure_id', 'text'],
      ['versionId', 'version_id', 'text'],
      ['personId', 'person_id', 'text'],
      ['acknowledgedAt', 'acknowledged_at', 'text'],
    ],
  },
  sharepoint: {
    list: {
      key: 'acknowledgements',
      displayName: 'Acknowledgements',
      description: '"Læst og forstået": confirmations.',
      template: 'genericList',
    },
    key: readingKey,
    title: readingKey,
    columns: [...readingColumns, ['acknowledgedAt', 'instant', column('acknowledgedAt', 'Confirmed.', instant)]],
  },
});

export const trailEntrySchema = z.object({
  seq: z.number().int(),
  at: instantText,
  actorId: id,
  action: z.string().min(1),
  procedureId: nullableId,
  subjectId: id,
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export const trailEntryRecord = declareRecord(trailEntrySchema, {
  kind: 'trail entry',
  sqlite: {
    table: 'audit_trail',
    primaryKey: ['seq'],
    write: 'insert',
    columns: [
      ['seq', 'seq', 'integer', { generated: true }],
      ['at', 'at', 'text'],
      ['actorId', 'actor_id', 'text'],
      ['action', 'action', 'text'],
      ['procedureId', 'procedure_id', 'text'],
      ['subjectId', 'subject_id', 'text'],
      ['summary', 'summary', 'text'],
      ['details', 'details', 'json'],
    ],
  },
  sharepoint: {
    list: {
      key: 'trail',
      displayName: 'AuditTrail',
      description: 'Append-only audit trail; the item id is the sequence number.',
      template: 'genericList',
    },
    key: null,
    title: (entry) => `${entry.action} ${entry.subjectId}`,
    columns: [
      [null, null, title('Action and subject.')],
      ['at', 'instant', column('at', 'When.', instant)],
      ['actorId', 'text', column('actorKey', 'Who (KhKey in People).', singleLine(100))],
      ['action', 'text', column('action', 'What, e.g. version.approved.', singleLine(100))],
      ['procedureId', 'text', procedureKey(true)],
      ['subjectId', 'text', column('subjectKey', 'The record acted on.', singleLine(100))],
      ['summary', 'text', column('summary', 'One line for people.', multiLine)],
      ['details', 'json', column('details', 'Structured facts: JSON.', json)],
    ],
  },
  // The trail's seq is SharePoint's item id (items are numbered in creation order).
  unstored: { sharepoint: ['seq'] },
});

// The schemas infer exactly the domain types: a field added to one and not the other fails here.
export const documentControlTypesMatch: [
  Same<z.output<typeof unitSchema>, Unit>,
  Same<z.output<typeof personSchema>, Person>,
  Same<z.output<typeof procedureSchema>, Procedure>,
  Same<z.output<typeof versionSchema>, ProcedureVersion>,
  Same<z.output<typeof approvalSchema>, Approval>,
  Same<z.output<typeof reviewSchema>, Review>,
  Same<z.output<typeof acknowledgementRequestSchema>, AcknowledgementRequest>,
  Same<z.output<typeof acknowledgementSchema>, Acknowledgement>,
  Same<z.output<typeof trailEntrySchema>, TrailEntry>,
] = [true, true, true, true, true, true, true, true, true];
