import { z } from 'zod';
import {
  goalCadences,
  goalStatuses,
  type CaseColumnMapping,
  type CaseRecord,
  type CaseSource,
  type Goal,
  type GoalMeasurement,
  type GoalReading,
  type GoalScope,
  type GoalTarget,
  type GoalThresholds,
  type PolicyText,
  type QualityPolicy,
} from '../core/goal-types.js';
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
  yesNo,
} from './sharepoint-columns.js';

/**
 * Quality policy, goals and the case data they are measured on (issue 14): one table and one
 * list per collection of the GoalStore port (app/goal-ports.ts). Imported cases carry no
 * version: an import replaces a case with the same source and case id.
 */

export const qualityPolicySchema = z.object({
  id,
  text: jsonOf<PolicyText>(),
  adoptedBy: z.string(),
  adoptedOn: localDate.nullable(),
  isPublished: z.boolean(),
  publishedOn: localDate.nullable(),
  ...versionedFields,
});
export const qualityPolicyRecord = declareRecord(qualityPolicySchema, {
  kind: 'quality policy',
  sqlite: {
    table: 'quality_policies',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['text', 'text', 'json'],
      ['adoptedBy', 'adopted_by', 'text'],
      ['adoptedOn', 'adopted_on', 'text'],
      ['isPublished', 'is_published', 'boolean'],
      ['publishedOn', 'published_on', 'text'],
      ...versionedSqlite,
    ],
  },
  sharepoint: {
    list: {
      key: 'qualityPolicies',
      displayName: 'QualityPolicy',
      description: 'The quality policy (ISO 9001 5.2): its text per language, who adopted it and when.',
      template: 'genericList',
    },
    key: (policy) => policy.id,
    title: (policy) => `Kvalitetspolitik ${policy.adoptedOn ?? ''}`.trim(),
    columns: [
      [null, null, title('The policy and its adoption date.')],
      ['id', 'text', recordKey('The policy id.')],
      ['text', 'json', column('text', 'The text per language (da, nb, en): JSON.', json)],
      ['adoptedBy', 'string', column('adoptedBy', 'Adopted by, e.g. Byrådet.', singleLine())],
      ['adoptedOn', 'date', column('adoptedOn', 'Adopted on.', date)],
      ['isPublished', 'boolean', column('isPublished', 'Published to citizens and staff.', yesNo)],
      ['publishedOn', 'date', column('publishedOn', 'Published on.', date)],
      ...versionedColumns(),
    ],
  },
});

export const goalSchema = z.object({
  id,
  title: z.string().min(1),
  description: z.string(),
  clauses: z.array(z.string()),
  target: jsonOf<GoalTarget>(),
  scope: jsonOf<GoalScope>(),
  periodFrom: localDate,
  periodTo: localDate,
  cadence: z.enum(goalCadences),
  ownerId: id,
  measurement: jsonOf<GoalMeasurement>(),
  thresholds: jsonOf<GoalThresholds>(),
  status: z.enum(goalStatuses),
  revisionMonth: z.number().int().min(1).max(12),
  lastReading: jsonOf<GoalReading>().nullable(),
  ...versionedFields,
});
export const goalRecord = declareRecord(goalSchema, {
  kind: 'goal',
  sqlite: {
    table: 'goals',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['title', 'title', 'text'],
      ['description', 'description', 'text'],
      ['clauses', 'clauses', 'json'],
      ['target', 'target', 'json'],
      ['scope', 'scope', 'json'],
      ['periodFrom', 'period_from', 'text'],
      ['periodTo', 'period_to', 'text'],
      ['cadence', 'cadence', 'text'],
      ['ownerId', 'owner_id', 'text'],
      ['measurement', 'measurement', 'json'],
      ['thresholds', 'thresholds', 'json'],
      ['status', 'status', 'text'],
      ['revisionMonth', 'revision_month', 'integer'],
      ['lastReading', 'last_reading', 'json'],
      ...versionedSqlite,
    ],
  },
  sharepoint: {
    list: {
      key: 'goals',
      displayName: 'QualityGoals',
      description: 'Quality goals (ISO 9001 6.2): target, scope, period, owner, measurement and colour thresholds.',
      template: 'genericList',
    },
    key: (goal) => goal.id,
    title: (goal) => goal.title,
    columns: [
      ['title', 'string', title('The goal.')],
      ['id', 'text', recordKey('The goal id.')],
      ['description', 'string', column('description', 'What is measured.', multiLine)],
      ['clauses', 'json', column('clauses', 'ISO clauses: JSON array.', json)],
      ['target', 'json', column('target', 'Target (direction, value, unit): JSON.', json)],
      ['scope', 'json', column('scope', 'Case types and units counted: JSON.', json)],
      ['periodFrom', 'date', column('periodFrom', 'Period from.', date)],
      ['periodTo', 'date', column('periodTo', 'Period to.', date)],
      ['cadence', 'text', column('cadence', 'How often it is reported.', choice(goalCadences))],
      ['ownerId', 'text', column('ownerKey', 'Owner (KhKey in People).', singleLine(100))],
      ['measurement', 'json', column('measurement', 'How it is measured (cases, survey, entered): JSON.', json)],
      ['thresholds', 'json', column('thresholds', 'Colour thresholds: JSON.', json)],
      ['status', 'text', column('status', 'Status.', choice(goalStatuses))],
      ['revisionMonth', 'number', column('revisionMonth', 'Month of the yearly revision (1-12).', whole(1, 12))],
      ['lastReading', 'json', column('lastReading', 'The last computed colour and value: JSON.', json)],
      ...versionedColumns(),
    ],
  },
});

export const caseSourceSchema = z.object({
  id,
  name: z.string().min(1),
  mapping: jsonOf<CaseColumnMapping>(),
  ...versionedFields,
});
export const caseSourceRecord = declareRecord(caseSourceSchema, {
  kind: 'case source',
  sqlite: {
    table: 'case_sources',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [['id', 'id', 'text'], ['name', 'name', 'text'], ['mapping', 'mapping', 'json'], ...versionedSqlite],
  },
  sharepoint: {
    list: {
      key: 'caseSources',
      displayName: 'CaseSources',
      description: 'Case-system exports and how their columns map onto the case fields.',
      template: 'genericList',
    },
    key: (source) => source.id,
    title: (source) => source.name,
    columns: [
      ['name', 'string', title('The source, e.g. Byg og Miljø.')],
      ['id', 'text', recordKey('The source id.')],
      ['mapping', 'json', column('mapping', 'Header text per case field: JSON.', json)],
      ...versionedColumns(),
    ],
  },
});

const nullableText = z.string().nullable();
export const caseRecordSchema = z.object({
  id,
  sourceId: id,
  caseId: z.string().min(1),
  caseType: z.string().min(1),
  unitId: id.nullable(),
  receivedOn: localDate,
  fullyInformedOn: localDate.nullable(),
  decidedOn: localDate.nullable(),
  pausedDays: z.number().int().min(0),
  targetDays: z.number().int().min(0),
  exemptionReason: nullableText,
  decisionType: nullableText,
  importedAt: instantText,
});
export const caseRecordRecord = declareRecord(caseRecordSchema, {
  kind: 'case',
  sqlite: {
    table: 'case_records',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['sourceId', 'source_id', 'text'],
      ['caseId', 'case_id', 'text'],
      ['caseType', 'case_type', 'text'],
      ['unitId', 'unit_id', 'text'],
      ['receivedOn', 'received_on', 'text'],
      ['fullyInformedOn', 'fully_informed_on', 'text'],
      ['decidedOn', 'decided_on', 'text'],
      ['pausedDays', 'paused_days', 'integer'],
      ['targetDays', 'target_days', 'integer'],
      ['exemptionReason', 'exemption_reason', 'text'],
      ['decisionType', 'decision_type', 'text'],
      ['importedAt', 'imported_at', 'text'],
    ],
  },
  sharepoint: {
    list: {
      key: 'caseRecords',
      displayName: 'CaseData',
      description: 'Imported cases (case id, type, unit, dates, target): no personal data beyond the case id.',
      template: 'genericList',
    },
    key: (record) => record.id,
    title: (record) => record.caseId,
    columns: [
      [null, null, title('The case id.')],
      ['id', 'text', recordKey('Source and case id.')],
      [
        'sourceId',
        'text',
        column('sourceKey', 'The source (KhKey in CaseSources).', singleLine(100), { indexed: true }),
      ],
      ['caseId', 'string', column('caseId', 'The case id in the case system.', singleLine(200))],
      ['caseType', 'string', column('caseType', 'Case type / servicemål category.', singleLine(200))],
      ['unitId', 'text', column('unitKey', 'The unit (KhKey in Units).', singleLine(100))],
      ['receivedOn', 'date', column('receivedOn', 'Received on.', date)],
      ['fullyInformedOn', 'date', column('fullyInformedOn', 'Fully informed on.', date)],
      ['decidedOn', 'date', column('decidedOn', 'Decided on; empty: open.', date)],
      ['pausedDays', 'number', column('pausedDays', 'Days with the applicant.', whole(0))],
      ['targetDays', 'number', column('targetDays', 'Target days (servicemål).', whole(0))],
      ['exemptionReason', 'text', column('exemptionReason', 'Exemption reason; empty: counted.', singleLine(200))],
      ['decisionType', 'text', column('decisionType', 'Decision type.', singleLine(200))],
      ['importedAt', 'instant', column('importedAt', 'Imported at.', instant)],
    ],
  },
});

export const goalTypesMatch: [
  Same<z.output<typeof qualityPolicySchema>, QualityPolicy>,
  Same<z.output<typeof goalSchema>, Goal>,
  Same<z.output<typeof caseSourceSchema>, CaseSource>,
  Same<z.output<typeof caseRecordSchema>, CaseRecord>,
] = [true, true, true, true];
