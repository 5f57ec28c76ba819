import { deadlineKinds } from '../../app/deadline-index.js';
import { reminderStages } from '../../core/reminder-schedule.js';
import { processLevels, versionStates } from '../../core/types.js';
import {
  actionStatuses,
  auditKinds,
  auditStatuses,
  evaluationStatuses,
  findingGrades,
  occurrenceKinds,
} from '../../core/quality-year-types.js';

/**
 * What the handbook keeps in a SharePoint site: one document library for the procedures and
 * one list per kind of record. This is the one place SharePoint names appear: the
 * provisioner creates exactly this, and the store translates records to and from list item
 * fields through these specs.
 *
 * Column names carry a `Kh` prefix so they never collide with SharePoint's own columns
 * (document libraries already have "Title", "Name", "Version"…) or another app's. Columns the
 * app filters on are indexed: past 5,000 items SharePoint refuses queries on columns that are
 * not (https://learn.microsoft.com/en-us/graph/api/listitem-list). Our record ids live in an
 * indexed, unique `KhKey`; a list item's own id is SharePoint's.
 *
 * Column type facets follow https://learn.microsoft.com/en-us/graph/api/resources/columndefinition
 * (textColumn, numberColumn, dateTimeColumn, choiceColumn, personOrGroupColumn).
 */

export type ColumnType =
  | { text: { allowMultipleLines?: boolean; maxLength?: number; textType?: 'plain' } }
  | { number: { minimum?: number; maximum?: number; decimalPlaces?: 'none' | 'automatic' } }
  | { dateTime: { format: 'dateOnly' | 'dateTime'; displayAs?: 'standard' } }
  | { choice: { choices: readonly string[]; allowTextEntry?: boolean; displayAs?: 'dropDownMenu' } }
  | { personOrGroup: { allowMultipleSelection: boolean; chooseFromType: 'peopleOnly' } }
  | { boolean: Record<string, never> };

export type ColumnSpec = {
  /** Our name for the value (a record property or a derived value). */
  key: string;
  /** SharePoint's internal name: the key of the value in a list item's `fields`. */
  name: string;
  description: string;
  type: ColumnType;
  indexed?: boolean;
  unique?: boolean;
  /** The list template brings it (Title): checked, never created. */
  builtIn?: boolean;
};

export type ListSpec = {
  key: string;
  displayName: string;
  description: string;
  template: 'genericList' | 'documentLibrary';
  columns: ColumnSpec[];
};

const singleLine = (maxLength = 255): ColumnType => ({ text: { maxLength } });
const multiLine: ColumnType = { text: { allowMultipleLines: true, textType: 'plain' } };
const json: ColumnType = multiLine;
const date: ColumnType = { dateTime: { format: 'dateOnly', displayAs: 'standard' } };
const instant: ColumnType = { dateTime: { format: 'dateTime', displayAs: 'standard' } };
const whole = (minimum?: number, maximum?: number): ColumnType => ({
  number: {
    decimalPlaces: 'none',
    ...(minimum !== undefined ? { minimum } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
  },
});
const choice = (choices: readonly string[]): ColumnType => ({ choice: { choices, displayAs: 'dropDownMenu' } });
const person: ColumnType = { personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' } };

function column(key: string, description: string, type: ColumnType, options: Partial<ColumnSpec> = {}): ColumnSpec {
  return { key, name: `Kh${key[0]!.toUpperCase()}${key.slice(1)}`, description, type, ...options };
}
const title = (description: string): ColumnSpec => ({
  key: 'title',
  name: 'Title',
  description,
  type: singleLine(),
  builtIn: true,
});
const recordKey = (description: string) => column('key', description, singleLine(100), { indexed: true, unique: true });
const procedureKey = (indexed: boolean) =>
  column('procedureKey', 'The procedure (KhKey in Procedurer).', singleLine(100), { indexed });

export const procedureLibrary: ListSpec = {
  key: 'procedures',
  displayName: 'Procedurer',
  description: 'Kvalitetshåndbogens procedurer: filen er proceduren, kolonnerne dens metadata.',
  template: 'documentLibrary',
  columns: [
    title('The procedure title.'),
    recordKey('The procedure id.'),
    column('code', 'Handbook code, e.g. TM-02-04.', singleLine(64), { indexed: true, unique: true }),
    column('processLevel', 'Process level.', choice(processLevels)),
    column('area', 'Area within the process level.', singleLine()),
    column('unitKey', 'The owning unit (KhKey in Units).', singleLine(100)),
    column('owner', 'The owner, as a SharePoint person (for people reading SharePoint).', person),
    column('ownerKey', 'The owner (KhKey in People): the app filters on this.', singleLine(100), { indexed: true }),
    column('approver', 'The approver, as a SharePoint person.', person),
    column('approverKey', 'The approver (KhKey in People).', singleLine(100)),
    column(
      'approverDesignatedByKey',
      'The coordinator who designated the approver (KhKey in People); empty when the approver is a leader above.',
      singleLine(100),
    ),
    column('audience', 'Who must read it: JSON { unitIds, roles }.', json),
    column('reviewIntervalMonths', 'Months between periodic reviews.', whole(1, 120)),
    column('nextReviewDate', 'Next periodic review is due on this date.', date, { indexed: true }),
    column('status', 'published or unpublished (has a current version or not).', choice(['published', 'unpublished']), {
      indexed: true,
    }),
    column('draftState', 'State of the open draft, if any.', choice(['draft', 'pending'])),
    column('version', 'Current version number, major.minor.', singleLine(16)),
    column('standards', 'Standard references: JSON [{ standard, clauses }].', json),
    column('legalBasis', 'Legal basis: JSON array of citations.', json),
    column('currentVersionKey', 'The published version (KhKey in Revisions).', singleLine(100)),
    column('draftVersionKey', 'The open draft (KhKey in Revisions).', singleLine(100)),
    column('approvedOn', 'Date the current version was approved.', date),
    column('lastReviewedOn', 'Date of the last periodic review.', date),
    column('createdAt', 'Created (app time).', instant),
    column('updatedAt', 'Last changed (app time).', instant),
    column('updatedBy', 'Last changed by (KhKey in People).', singleLine(100)),
    column('etag', "The app's optimistic-concurrency counter.", whole(0)),
  ],
};

export const recordLists: ListSpec[] = [
  {
    key: 'versions',
    displayName: 'Revisions',
    description: 'Versions of each procedure: drafts, pending, published and obsolete (ISO 9001 7.5.3).',
    template: 'genericList',
    columns: [
      title('Procedure code and version.'),
      recordKey('The version id.'),
      procedureKey(true),
      column('state', 'Lifecycle state.', choice(versionStates)),
      column('major', 'Major number once published.', whole(0)),
      column('minor', 'Minor number once published.', whole(0)),
      column('kind', 'Major or minor change.', choice(['major', 'minor'])),
      column('authorKey', 'Author (KhKey in People).', singleLine(100)),
      column('fileRef', 'The file: driveItem id in Procedurer.', singleLine(100)),
      column('fileName', 'File name as uploaded.', singleLine()),
      column('mediaType', 'Media type detected from the content.', singleLine(100)),
      column('size', 'File size in bytes.', whole(0)),
      column('sha256', 'SHA-256 of the file.', singleLine(64)),
      column('text', 'Plain text of the file (for search).', multiLine),
      column('html', 'Sanitised HTML rendering.', multiLine),
      column('changeSummary', 'What changed.', multiLine),
      column('createdAt', 'Created.', instant),
      column('updatedAt', 'Last changed.', instant),
      column('publishedAt', 'Published.', instant),
      column('approvedBy', 'Approved by (KhKey in People).', singleLine(100)),
      column('supersededBy', 'The version that replaced it (KhKey).', singleLine(100)),
      column('obsoleteAt', 'Marked obsolete.', instant),
    ],
  },
  {
    key: 'approvals',
    displayName: 'Approvals',
    description: 'Approval requests and decisions.',
    template: 'genericList',
    columns: [
      title('Procedure code and version.'),
      recordKey('The approval id.'),
      procedureKey(true),
      column('versionKey', 'The version to approve (KhKey in Revisions).', singleLine(100), { indexed: true }),
      column('requestedBy', 'Requested by (KhKey in People).', singleLine(100)),
      column('requestedAt', 'Requested.', instant),
      column('approverKey', 'Approver (KhKey in People).', singleLine(100), { indexed: true }),
      column('changeSummary', 'What changed.', multiLine),
      column('kind', 'Major or minor change.', choice(['major', 'minor'])),
      column('decision', 'The decision, once made.', choice(['approved', 'rejected', 'withdrawn'])),
      column('decidedBy', 'Decided by (KhKey in People).', singleLine(100)),
      column('decidedAt', 'Decided.', instant),
      column('comment', "The approver's comment.", multiLine),
    ],
  },
  {
    key: 'reviews',
    displayName: 'Reviews',
    description: 'Periodic reviews of procedures.',
    template: 'genericList',
    columns: [
      title('Procedure code and review date.'),
      recordKey('The review id.'),
      procedureKey(true),
      column('reviewerKey', 'Reviewer (KhKey in People).', singleLine(100)),
      column('outcome', 'Outcome.', choice(['still-valid', 'revision-started'])),
      column('comment', 'Comment.', multiLine),
      column('reviewedAt', 'Reviewed.', instant),
      column('dueOn', 'The review was due on.', date),
      column('nextReviewOn', 'Next review set to.', date),
    ],
  },
  {
    key: 'acknowledgementRequests',
    displayName: 'AcknowledgementRequests',
    description: 'Who is asked to confirm having read a published version.',
    template: 'genericList',
    columns: [
      title('Procedure code, version and person.'),
      recordKey('versionId:personId.'),
      procedureKey(false),
      column('versionKey', 'The version (KhKey in Revisions).', singleLine(100), { indexed: true }),
      column('personKey', 'The person (KhKey in People).', singleLine(100), { indexed: true }),
      column('requestedAt', 'Requested.', instant),
    ],
  },
  {
    key: 'acknowledgements',
    displayName: 'Acknowledgements',
    description: '"Læst og forstået": confirmations.',
    template: 'genericList',
    columns: [
      title('Procedure code, version and person.'),
      recordKey('versionId:personId.'),
      procedureKey(false),
      column('versionKey', 'The version (KhKey in Revisions).', singleLine(100), { indexed: true }),
      column('personKey', 'The person (KhKey in People).', singleLine(100), { indexed: true }),
      column('acknowledgedAt', 'Confirmed.', instant),
    ],
  },
  {
    key: 'trail',
    displayName: 'AuditTrail',
    description: 'Append-only audit trail; the item id is the sequence number.',
    template: 'genericList',
    columns: [
      title('Action and subject.'),
      column('at', 'When.', instant),
      column('actorKey', 'Who (KhKey in People).', singleLine(100)),
      column('action', 'What, e.g. version.approved.', singleLine(100)),
      procedureKey(true),
      column('subjectKey', 'The record acted on.', singleLine(100)),
      column('summary', 'One line for people.', multiLine),
      column('details', 'Structured facts: JSON.', json),
    ],
  },
  {
    key: 'reminderLedger',
    displayName: 'ReminderLedger',
    description: 'One entry per reminder (subject, due date, stage), written before sending.',
    template: 'genericList',
    columns: [
      title('Reminder key.'),
      recordKey('The ledger key.'),
      column('recipientKey', 'Recipient (KhKey in People).', singleLine(100)),
      column('stage', 'Reminder stage.', choice(reminderStages)),
      column('subjectKey', 'What the reminder is about.', singleLine(100)),
      column('dueOn', 'Due date.', date),
      column('state', 'claimed or sent.', choice(['claimed', 'sent']), { indexed: true }),
      column('runId', 'The sweep run that claimed it.', singleLine(100), { indexed: true }),
      column('claimedAt', 'Claimed.', instant),
      column('sentAt', 'Sent.', instant),
      column('messageId', 'The chat message.', singleLine()),
    ],
  },
  {
    key: 'conversations',
    displayName: 'Conversations',
    description: 'Where the bot can message each person.',
    template: 'genericList',
    columns: [
      title('Person name.'),
      recordKey('The person id.'),
      column('conversationId', 'Teams conversation id.', singleLine()),
      column('serviceUrl', 'Bot Framework service URL.', singleLine()),
      column('tenantId', 'Entra tenant id.', singleLine(64)),
      column('userAadObjectId', "The person's Entra object id.", singleLine(64), { indexed: true }),
      column('userId', 'Teams user id (MRI, 29:…) for card refresh.', singleLine()),
      column('locale', 'Card language.', choice(['da', 'nb', 'en'])),
      column('installedAt', 'App installed for the person.', instant),
    ],
  },
  {
    key: 'people',
    displayName: 'People',
    description: 'The people the handbook knows: roles, unit and leader.',
    template: 'genericList',
    columns: [
      title('Name.'),
      recordKey('The person id.'),
      column('email', 'E-mail.', singleLine()),
      column('jobTitle', 'Job title.', singleLine()),
      column('unitKey', 'Unit (KhKey in Units).', singleLine(100)),
      column('roles', 'Roles: JSON array.', json),
      column('leaderKey', 'Leader (KhKey in People).', singleLine(100)),
      column('aadObjectId', 'Entra object id.', singleLine(64), { indexed: true }),
      column('person', 'The SharePoint person.', person),
    ],
  },
  {
    // Not in the first list of the design, but the Store port lists units (listUnits).
    key: 'units',
    displayName: 'Units',
    description: 'Organisational units.',
    template: 'genericList',
    columns: [title('Name.'), recordKey('The unit id.'), column('parentKey', 'Parent unit (KhKey).', singleLine(100))],
  },
  {
    // One item (KhKey "sweep"): the reminder sweep's lease, taken and released with If-Match.
    key: 'sweepLease',
    displayName: 'SweepLease',
    description: 'The reminder sweep lease: which run holds it and until when.',
    template: 'genericList',
    columns: [
      title('Lease name.'),
      recordKey('The lease name.'),
      column('runId', 'The sweep run holding the lease.', singleLine(100)),
      column('expiresAt', 'The lease holds until.', instant),
    ],
  },
];

/** Competence management (ISO 9001 7.2): the catalogue, requirements, levels and bought-in cover. */
recordLists.push(
  {
    key: 'competences',
    displayName: 'Competences',
    description: 'The competences the municipality needs (ISO 9001 7.2).',
    template: 'genericList',
    columns: [
      title('Name.'),
      recordKey('The competence id.'),
      column('category', 'Grouping in the matrix.', singleLine()),
      column('description', 'What the competence covers.', multiLine),
      column('validityMonths', 'Months a qualification lasts; empty: it does not expire.', whole(0)),
    ],
  },
  {
    key: 'competenceRequirements',
    displayName: 'CompetenceRequirements',
    description: 'At least N people at level L or above, per unit, procedure or area.',
    template: 'genericList',
    columns: [
      title('Competence and scope.'),
      recordKey('The requirement id.'),
      column('competenceKey', 'The competence (KhKey in Competences).', singleLine(100)),
      column('scope', 'Unit, procedure or area: JSON.', json),
      column('minPeople', 'How many people at least.', whole(0)),
      column('minLevel', 'The lowest level that counts (0-4).', whole(0, 4)),
    ],
  },
  {
    key: 'personCompetences',
    displayName: 'PersonCompetences',
    description: "Each person's level per competence, with evidence and validity.",
    template: 'genericList',
    columns: [
      title('Person and competence.'),
      recordKey('personId:competenceId.'),
      column('personKey', 'The person (KhKey in People).', singleLine(100), { indexed: true }),
      column('competenceKey', 'The competence (KhKey in Competences).', singleLine(100)),
      column('level', 'Level 0-4.', whole(0, 4)),
      column('evidence', 'Course, certificate or experience: JSON.', json),
      column('validUntil', 'Last valid day.', date),
      column('assessment', 'Self-assessed or confirmed by the leader.', choice(['self', 'confirmed'])),
      column('confirmedBy', 'Confirmed by (KhKey in People).', singleLine(100)),
    ],
  },
  {
    key: 'externalCoverage',
    displayName: 'ExternalCoverage',
    description: 'Dated decisions to buy a competence from a supplier.',
    template: 'genericList',
    columns: [
      title('Supplier.'),
      recordKey('The decision id.'),
      column('requirementKey', 'The requirement (KhKey in CompetenceRequirements).', singleLine(100)),
      column('supplier', 'The supplier.', singleLine()),
      column('decidedOn', 'Decided on.', date),
      column('decidedBy', 'Decided by (KhKey in People).', singleLine(100)),
      column('contractEnd', 'Last day of the contract; empty: open-ended.', date),
      column('note', 'Why, and on what terms.', multiLine),
    ],
  },
);

/**
 * The quality year (ISO 9001 9.2, 9.3, 10.2 and the certificate): one list per collection of the
 * QualityStore port, keyed like the port's collections. Columns for what is filtered or sorted;
 * nested lists and small unions are JSON in a plain multi-line column, read whole.
 */
const versionedColumns = (): ColumnSpec[] => [
  column('createdAt', 'Created (app time).', instant),
  column('updatedAt', 'Last changed (app time).', instant),
  column('updatedBy', 'Last changed by (KhKey in People).', singleLine(100)),
  column('etag', "The app's optimistic-concurrency counter.", whole(0)),
];

export const qualityLists: ListSpec[] = [
  {
    key: 'certificates',
    displayName: 'Certificates',
    description: 'The ISO 9001 certificate and its cycle (surveillance every year, recertification every 3 or 4).',
    template: 'genericList',
    columns: [
      title('Body, standard and number.'),
      recordKey('The certificate id.'),
      column('body', 'The certification body, e.g. DS Certificering.', singleLine()),
      column('standard', 'The standard, e.g. ISO 9001:2015.', singleLine()),
      column('scope', 'The certified scope as the certificate words it.', multiLine),
      column('certificateNumber', 'The certificate number.', singleLine()),
      column('issuedOn', 'Issued on.', date),
      column('expiresOn', 'Expires on.', date),
      column('cycleYears', 'Years between recertifications (3 or 4).', whole(3, 4)),
      column('isActive', 'No once superseded or withdrawn.', { boolean: {} }),
      ...versionedColumns(),
    ],
  },
  {
    key: 'programmeItems',
    displayName: 'AuditProgramme',
    description: 'The internal audit programme: subjects, importance and clauses (ISO 9001 9.2.2).',
    template: 'genericList',
    columns: [
      title('The programme line.'),
      recordKey('The programme item id.'),
      column('subject', 'Process, unit or clause: JSON.', json),
      column('importance', 'Importance 1-3.', whole(1, 3)),
      column('clauses', 'Clauses covered: JSON array.', json),
      column('unitKey', 'The unit audited (KhKey in Units); empty: cross-cutting.', singleLine(100)),
      column('changedOn', 'A change affecting the subject noted on (ISO 9001 9.2.2 a); empty: none.', date),
      ...versionedColumns(),
    ],
  },
  {
    key: 'audits',
    displayName: 'Audits',
    description: "Internal audits and the certification body's audits, with checklist and report.",
    template: 'genericList',
    columns: [
      title('The audit title.'),
      recordKey('The audit id.'),
      column('kind', 'Internal or a certifier audit.', choice(auditKinds)),
      column('year', 'The programme year.', whole(2000, 2999), { indexed: true }),
      column('programmeItemKey', 'The programme line (KhKey in AuditProgramme).', singleLine(100)),
      column('certificateKey', 'The certificate (KhKey in Certificates).', singleLine(100)),
      column('unitKey', 'The unit audited (KhKey in Units).', singleLine(100)),
      column('clauses', 'Clauses: JSON array.', json),
      column('procedureKeys', 'Procedures (KhKey in Procedurer): JSON array.', json),
      column('scope', 'Audit scope.', multiLine),
      column('criteria', 'Audit criteria.', multiLine),
      column('auditorKeys', 'Auditors (KhKey in People): JSON array.', json),
      column('externalAuditors', "External auditors' names: JSON array.", json),
      column('plannedOn', 'Planned date.', date),
      column('status', 'Status.', choice(auditStatuses)),
      column('checklist', 'Checklist lines with results: JSON.', json),
      column('report', 'The report: JSON.', json),
      ...versionedColumns(),
    ],
  },
  {
    key: 'findings',
    displayName: 'Findings',
    description: "Findings on the certifier's scale, linked to clause, procedure and unit.",
    template: 'genericList',
    columns: [
      title('Grade and clause.'),
      recordKey('The finding id.'),
      column('auditKey', 'The audit (KhKey in Audits).', singleLine(100), { indexed: true }),
      column('grade', 'Grade.', choice(findingGrades)),
      column('clause', 'ISO 9001 clause.', singleLine(32)),
      column('procedureKey', 'The procedure (KhKey in Procedurer).', singleLine(100)),
      column('unitKey', 'The unit (KhKey in Units).', singleLine(100)),
      column('description', 'The finding.', multiLine),
      column('foundOn', 'Found on.', date),
      column('correctiveActionKey', 'The corrective action (KhKey in CorrectiveActions).', singleLine(100)),
      ...versionedColumns(),
    ],
  },
  {
    key: 'correctiveActions',
    displayName: 'CorrectiveActions',
    description: 'Corrective actions (ISO 9001 10.2): correction, root cause, plan and effectiveness checks.',
    template: 'genericList',
    columns: [
      title('The action title.'),
      recordKey('The action id.'),
      column('source', 'Where it came from: JSON.', json),
      column('unitKey', 'The unit (KhKey in Units).', singleLine(100)),
      column('correction', 'The immediate correction.', multiLine),
      column('rootCause', 'The root-cause analysis.', multiLine),
      column('plan', 'The plan.', multiLine),
      column('ownerKey', 'Owner (KhKey in People).', singleLine(100)),
      column('dueOn', 'Due date.', date),
      column('status', 'Status.', choice(actionStatuses)),
      column('implementedOn', 'Implemented on.', date),
      column('implementedBy', 'Who marked it implemented (KhKey in People).', singleLine(100)),
      column('involvedKeys', 'Everyone who owned it or marked it implemented (KhKey in People): JSON array.', json),
      column('effectivenessChecks', 'Effectiveness checks, oldest first: JSON.', json),
      column('closedOn', 'Closed on.', date),
      ...versionedColumns(),
    ],
  },
  {
    key: 'managementEvaluations',
    displayName: 'ManagementEvaluations',
    description: 'The yearly management evaluation (ISO 9001 9.3): participants, conclusions, decisions.',
    template: 'genericList',
    columns: [
      title('Management evaluation and year.'),
      recordKey('The evaluation id.'),
      column('year', 'The year evaluated.', whole(2000, 2999)),
      column('plannedOn', 'Planned date.', date),
      column('heldOn', 'Held on.', date),
      column('status', 'Status.', choice(evaluationStatuses)),
      column('participantKeys', 'Participants (KhKey in People): JSON array.', json),
      column('guests', "Guests' names: JSON array.", json),
      column('conclusions', 'Conclusions.', multiLine),
      column('decisions', 'Decisions: JSON.', json),
      column('committee', 'The political committee.', singleLine()),
      column('committeeOn', 'Treated by the committee on.', date),
      column('publishedOn', 'Published on.', date),
      ...versionedColumns(),
    ],
  },
  {
    key: 'occurrences',
    displayName: 'YearWheel',
    description: 'Årshjul: the recurring activities of the quality year, with owners and due dates.',
    template: 'genericList',
    columns: [
      title('The activity.'),
      recordKey('The occurrence id.'),
      column('kind', 'Kind of activity.', choice(occurrenceKinds)),
      column('dueOn', 'Due date.', date, { indexed: true }),
      column('ownerKey', 'Owner (KhKey in People).', singleLine(100)),
      column('origin', 'Where a generated occurrence came from: JSON.', json),
      column('completedOn', 'Done on.', date),
      column('isEdited', 'Moved or renamed by hand: regeneration leaves it alone.', { boolean: {} }),
      column('note', 'Note.', multiLine),
      ...versionedColumns(),
    ],
  },
];

export const handbookSchema: ListSpec[] = [procedureLibrary, ...recordLists, ...qualityLists];

/** The type facet's name (text, number, …) of a column spec. */
export function typeOf(spec: ColumnSpec): string {
  return Object.keys(spec.type)[0]!;
}

/**
 * Appended for the full Store (listing and search read the procedure library alone): values a
 * procedure row derives from its open draft, the draft's open approval and its published
 * version. The store writes them together with the procedure's own fields.
 */
procedureLibrary.columns.push(
  column('draftAuthorKey', 'Author of the open draft (KhKey in People).', singleLine(100)),
  column('pendingApproverKey', "Approver of the open draft's open approval (KhKey in People).", singleLine(100)),
  column('searchText', 'Plain text of the published version (for search).', multiLine),
);

/**
 * The one index of deadlines (app/deadline-index.ts): every record's next due entry, written by
 * the stores with the record. The sweep reads this list (one delta mirror) instead of a mirror
 * per record list. Appended to the record lists, so provisioning creates it on existing sites.
 */
export const deadlineList: ListSpec = {
  key: 'deadlines',
  displayName: 'Deadlines',
  description: 'The next due entry of every record someone must act on (reviews, approvals, actions …).',
  template: 'genericList',
  columns: [
    title('Kind and subject.'),
    recordKey('kind:subject, e.g. review:p-1.'),
    column('kind', 'Kind of deadline.', choice(deadlineKinds)),
    column('subjectKey', 'The record (its id; versionId/personId for acknowledgements).', singleLine(200)),
    column('dueOn', 'Due date.', date, { indexed: true }),
    column('responsibleKey', 'Who must act (KhKey in People).', singleLine(100)),
    column('unitKey', 'The unit (KhKey in Units).', singleLine(100)),
    column('details', 'What the reminder rules and cards need from the record: JSON.', json),
  ],
};
recordLists.push(deadlineList);
handbookSchema.push(deadlineList);
