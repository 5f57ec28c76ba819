import { z } from 'zod';
import { locales } from '../core/locale.js';
import {
  holidayCalendars,
  likelihoods,
  registerKinds,
  registerScopes,
  registerStatuses,
  severities,
  type CaseArea,
  type ContactDetails,
  type DeletionRequest,
  type InterimReply,
  type RegisterCategory,
  type RegisterItem,
  type RegisterKind,
  type RegisterReply,
  type RegisterSettings,
  type RegisterTrailEntry,
  type ReplyDeadlineRule,
  type RiskBandLimits,
  type RootCauseCategory,
  type RoutingRule,
  type SourceMessage,
  type UsedChallenge,
} from '../core/register-types.js';
import { canBeAnswered } from '../core/register-rules.js';
import { declareRecord, type Same } from './declare.js';
import { id, instantText, jsonOf, localDate, versionedFields, versionedSqlite } from './fields.js';
import {
  choice,
  column,
  date,
  instant,
  json,
  multiLine,
  recordKey,
  singleLine,
  title,
  versionedColumns,
  whole,
} from './sharepoint-columns.js';

/**
 * The register (issue 15): its items, the municipality's register settings, and the used
 * proof-of-work solutions of the public form. Columns for what is filtered or sorted; nested
 * lists (replies, trail) are JSON, read whole.
 */

const nullableId = id.nullable();
const oneOf = <const T extends readonly (string | number)[]>(values: T) =>
  z.custom<T[number]>((value) => (values as readonly unknown[]).includes(value), {
    message: `One of ${values.join(', ')}`,
  });
const itemChannels = ['public', 'tab', 'teams'] as const;

export const registerItemSchema = z.object({
  id,
  receiptNumber: z.string().min(1),
  kind: z.enum(registerKinds),
  channel: z.enum(itemChannels),
  status: z.enum(registerStatuses),
  title: z.string().min(1),
  description: z.string(),
  caseAreaId: nullableId,
  caseNumber: z.string().nullable(),
  procedureIds: z.array(id),
  auditId: nullableId,
  sourceMessage: jsonOf<SourceMessage>().nullable(),
  unitIds: z.array(id),
  scope: z.enum(registerScopes),
  severity: oneOf(severities).nullable(),
  likelihood: oneOf(likelihoods).nullable(),
  categoryId: nullableId,
  correction: z.string().nullable(),
  rootCauseCategoryId: nullableId,
  rootCause: z.string().nullable(),
  handlerUnitId: nullableId,
  handlerId: nullableId,
  reportedBy: nullableId,
  reportedAt: instantText,
  receivedOn: localDate,
  locale: z.enum(locales),
  contact: jsonOf<ContactDetails>().nullable(),
  contactRemovedOn: localDate.nullable(),
  statusTokenHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  replyDueOn: localDate.nullable(),
  interimReplies: jsonOf<InterimReply[]>(),
  reply: jsonOf<RegisterReply>().nullable(),
  correctiveActionIds: z.array(id),
  closedOn: localDate.nullable(),
  deletionRequest: jsonOf<DeletionRequest>().nullable(),
  trail: jsonOf<RegisterTrailEntry[]>(),
  ...versionedFields,
});
export const registerItemRecord = declareRecord(registerItemSchema, {
  kind: 'register item',
  sqlite: {
    table: 'register_items',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['receiptNumber', 'receipt_number', 'text', { insertOnly: true }],
      ['kind', 'kind', 'text'],
      ['channel', 'channel', 'text'],
      ['status', 'status', 'text'],
      ['title', 'title', 'text'],
      ['description', 'description', 'text'],
      ['caseAreaId', 'case_area_id', 'text'],
      ['caseNumber', 'case_number', 'text'],
      ['procedureIds', 'procedure_ids', 'json'],
      ['auditId', 'audit_id', 'text'],
      ['sourceMessage', 'source_message', 'json'],
      ['unitIds', 'unit_ids', 'json'],
      ['scope', 'scope', 'text'],
      ['severity', 'severity', 'integer'],
      ['likelihood', 'likelihood', 'integer'],
      ['categoryId', 'category_id', 'text'],
      ['correction', 'correction', 'text'],
      ['rootCauseCategoryId', 'root_cause_category_id', 'text'],
      ['rootCause', 'root_cause', 'text'],
      ['handlerUnitId', 'handler_unit_id', 'text'],
      ['handlerId', 'handler_id', 'text'],
      ['reportedBy', 'reported_by', 'text'],
      ['reportedAt', 'reported_at', 'text'],
      ['receivedOn', 'received_on', 'text'],
      ['locale', 'locale', 'text'],
      ['contact', 'contact', 'json'],
      ['contactRemovedOn', 'contact_removed_on', 'text'],
      ['statusTokenHash', 'status_token_hash', 'text', { insertOnly: true }],
      ['replyDueOn', 'reply_due_on', 'text'],
      ['interimReplies', 'interim_replies', 'json'],
      ['reply', 'reply', 'json'],
      ['correctiveActionIds', 'corrective_action_ids', 'json'],
      ['closedOn', 'closed_on', 'text'],
      ['deletionRequest', 'deletion_request', 'json'],
      ['trail', 'trail', 'json'],
      ...versionedSqlite,
    ],
    // What the statistics read besides the plain columns (one covering index, no JSON per row).
    derived: [
      ['main_unit_id', 'text', (item) => item.unitIds[0] ?? null],
      ['is_answerable', 'boolean', (item) => canBeAnswered(item)],
      ['is_reply_late', 'integer', (item) => (item.reply === null ? null : item.reply.isLate ? 1 : 0)],
    ],
  },
  sharepoint: {
    list: {
      key: 'registerItems',
      displayName: 'Register',
      description:
        'The register: praise, complaints, suggestions and deviations, their handling, replies and trail. ' +
        'Contact details are personal data (removed after the retention period).',
      template: 'genericList',
    },
    key: (item) => item.id,
    title: (item) => `${item.receiptNumber} ${item.title}`,
    columns: [
      [null, null, title('Receipt number and title.')],
      ['id', 'text', recordKey('The item id.')],
      [
        'receiptNumber',
        'text',
        column('receiptNumber', 'The receipt number given to the sender.', singleLine(20), {
          indexed: true,
          unique: true,
        }),
      ],
      ['kind', 'text', column('kind', 'Praise, complaint, suggestion or deviation.', choice(registerKinds))],
      ['channel', 'text', column('channel', 'The door it came through.', choice(itemChannels))],
      ['status', 'text', column('status', 'Status.', choice(registerStatuses), { indexed: true })],
      ['title', 'string', column('itemTitle', 'The title.', singleLine())],
      ['description', 'string', column('description', 'What the sender wrote.', multiLine)],
      ['caseAreaId', 'text', column('caseArea', 'The case area of the public form.', singleLine(100))],
      ['caseNumber', 'text', column('caseNumber', 'The case number the sender gave.', singleLine(100))],
      ['procedureIds', 'list', column('procedureKeys', 'Procedures (KhKey in Procedurer): JSON array.', json)],
      ['auditId', 'text', column('auditKey', 'The audit it was reported on (KhKey in Audits).', singleLine(100))],
      ['sourceMessage', 'json', column('sourceMessage', 'The Teams message it came from: JSON.', json)],
      ['unitIds', 'list', column('unitKeys', 'Units involved, main first (KhKey in Units): JSON array.', json)],
      ['scope', 'text', column('scope', 'One unit, several units or the administration.', choice(registerScopes))],
      ['severity', 'number', column('severity', 'Severity 1-5.', whole(1, 5))],
      ['likelihood', 'number', column('likelihood', 'Likelihood of recurrence 1-5.', whole(1, 5))],
      ['categoryId', 'text', column('category', 'The category (register settings).', singleLine(100))],
      ['correction', 'text', column('correction', 'The immediate correction.', multiLine)],
      ['rootCauseCategoryId', 'text', column('rootCauseCategory', 'The root-cause category.', singleLine(100))],
      ['rootCause', 'text', column('rootCause', 'The root cause found.', multiLine)],
      ['handlerUnitId', 'text', column('handlerUnitKey', 'The unit whose leader handles it.', singleLine(100))],
      ['handlerId', 'text', column('handlerKey', 'The handler (KhKey in People).', singleLine(100), { indexed: true })],
      [
        'reportedBy',
        'text',
        column('reportedByKey', 'The employee who reported it.', singleLine(100), { indexed: true }),
      ],
      ['reportedAt', 'instant', column('reportedAt', 'Received (app time).', instant)],
      ['receivedOn', 'date', column('receivedOn', 'Received on.', date, { indexed: true })],
      ['locale', 'text', column('senderLocale', "The sender's language.", choice(locales))],
      ['contact', 'json', column('contact', 'Contact details (personal data): JSON.', json)],
      ['contactRemovedOn', 'date', column('contactRemovedOn', 'Contact details removed on.', date)],
      [
        'statusTokenHash',
        'text',
        column('statusTokenHash', 'SHA-256 of the status link token, hex.', singleLine(64), { indexed: true }),
      ],
      ['replyDueOn', 'date', column('replyDueOn', 'The answer is due on.', date)],
      ['interimReplies', 'json', column('interimReplies', 'Interim replies: JSON.', json)],
      ['reply', 'json', column('reply', 'The answer: JSON.', json)],
      ['correctiveActionIds', 'list', column('correctiveActionKeys', 'Corrective actions: JSON array.', json)],
      ['closedOn', 'date', column('closedOn', 'Closed on.', date)],
      ['deletionRequest', 'json', column('deletionRequest', 'A deletion request and its outcome: JSON.', json)],
      ['trail', 'json', column('itemTrail', 'Every step of the item: JSON.', json)],
      ...versionedColumns(),
      // Derived from the record on every write (sharepoint-register-store.ts), indexed for the
      // port's queries: a list is filtered on one indexed column at a time.
      [null, null, column('openState', 'open or closed (the inbox).', choice(['open', 'closed']), { indexed: true })],
      [
        null,
        null,
        column('awaitingReplyDueOn', 'The reply deadline while unanswered and open (reminders).', date, {
          indexed: true,
        }),
      ],
      [
        null,
        null,
        column('contactClosedOn', 'Closed on, while contact details are held (retention).', date, { indexed: true }),
      ],
      [
        null,
        null,
        column('contactEmail', "The sender's e-mail in lower case (personal data; export).", singleLine(255), {
          indexed: true,
        }),
      ],
    ],
  },
});

export const registerSettingsSchema = z.object({
  id,
  categories: jsonOf<RegisterCategory[]>(),
  rootCauseCategories: jsonOf<RootCauseCategory[]>(),
  caseAreas: jsonOf<CaseArea[]>(),
  riskBands: jsonOf<RiskBandLimits>(),
  routingRules: jsonOf<RoutingRule[]>(),
  replyDeadlines: jsonOf<Record<RegisterKind, ReplyDeadlineRule>>(),
  holidayCalendar: z.enum(holidayCalendars),
  remindDaysBefore: z.number().int().min(0),
  escalateDaysAfter: z.number().int().min(0),
  contactRetentionYears: z.number().int().min(1),
  ...versionedFields,
});
export const registerSettingsRecord = declareRecord(registerSettingsSchema, {
  kind: 'register settings',
  sqlite: {
    table: 'register_settings',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['categories', 'categories', 'json'],
      ['rootCauseCategories', 'root_cause_categories', 'json'],
      ['caseAreas', 'case_areas', 'json'],
      ['riskBands', 'risk_bands', 'json'],
      ['routingRules', 'routing_rules', 'json'],
      ['replyDeadlines', 'reply_deadlines', 'json'],
      ['holidayCalendar', 'holiday_calendar', 'text'],
      ['remindDaysBefore', 'remind_days_before', 'integer'],
      ['escalateDaysAfter', 'escalate_days_after', 'integer'],
      ['contactRetentionYears', 'contact_retention_years', 'integer'],
      ...versionedSqlite,
    ],
  },
  sharepoint: {
    list: {
      key: 'registerSettings',
      displayName: 'RegisterSettings',
      description: "The register's categories, root causes, case areas, risk bands, routing and deadlines.",
      template: 'genericList',
    },
    key: (settings) => settings.id,
    title: () => 'Register settings',
    columns: [
      [null, null, title('Register settings.')],
      ['id', 'text', recordKey('Always register.')],
      ['categories', 'json', column('categories', 'Categories per kind: JSON.', json)],
      ['rootCauseCategories', 'json', column('rootCauseCategories', 'Root-cause categories: JSON.', json)],
      ['caseAreas', 'json', column('caseAreas', 'Case areas of the public form and their units: JSON.', json)],
      ['riskBands', 'json', column('riskBands', 'Green and yellow limits of the risk score: JSON.', json)],
      ['routingRules', 'json', column('routingRules', 'Scope × severity → leader level: JSON.', json)],
      ['replyDeadlines', 'json', column('replyDeadlines', 'Reply deadline per kind: JSON.', json)],
      ['holidayCalendar', 'text', column('holidayCalendar', 'Danish or Norwegian holidays.', choice(holidayCalendars))],
      ['remindDaysBefore', 'number', column('remindDaysBefore', 'Working days before a deadline.', whole(0))],
      ['escalateDaysAfter', 'number', column('escalateDaysAfter', 'Working days after a deadline.', whole(0))],
      ['contactRetentionYears', 'number', column('contactRetentionYears', 'Years after closing.', whole(1))],
      ...versionedColumns(),
    ],
  },
});

export const usedChallengeSchema = z.object({
  signatureHash: z.string().regex(/^[0-9a-f]{64}$/),
  expiresAt: instantText,
});
export const usedChallengeRecord = declareRecord(usedChallengeSchema, {
  kind: 'used challenge',
  sqlite: {
    table: 'register_used_challenges',
    primaryKey: ['signature_hash'],
    write: 'insert',
    columns: [
      ['signatureHash', 'signature_hash', 'text'],
      ['expiresAt', 'expires_at', 'text'],
    ],
  },
  sharepoint: {
    list: {
      key: 'usedChallenges',
      displayName: 'RegisterUsedChallenges',
      description: 'Proof-of-work solutions already used on the public form, until their challenge expires.',
      template: 'genericList',
    },
    key: (used) => used.signatureHash,
    title: (used) => used.signatureHash.slice(0, 12),
    columns: [
      [null, null, title('The first characters of the hash.')],
      ['signatureHash', 'text', recordKey('SHA-256 of the challenge signature, hex.')],
      ['expiresAt', 'instant', column('expiresAt', 'Kept until (app time).', instant, { indexed: true })],
    ],
  },
});

export const registerTypesMatch: [
  Same<z.output<typeof registerItemSchema>, RegisterItem>,
  Same<z.output<typeof registerSettingsSchema>, RegisterSettings>,
  Same<z.output<typeof usedChallengeSchema>, UsedChallenge>,
] = [true, true, true];
