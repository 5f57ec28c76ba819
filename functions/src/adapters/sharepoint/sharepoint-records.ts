import type { DeadlineEntry } from '../../app/deadline-index.js';
import type { LocalDate } from '../../core/local-date.js';
import type { Procedure, TrailEntry } from '../../core/types.js';
import type { RecordDeclaration, SharePointCodec } from '../../records/declare.js';
import * as records from '../../records/index.js';
import { handbookSchema, type ListSpec } from './sharepoint-schema.js';

export { personCompetenceKey } from '../../records/competences.js';
export type { SweepLeaseRecord } from '../../records/messaging.js';

/**
 * Records ↔ list item fields. Each mapping is a table of (record property, schema column key,
 * codec) derived from the record's declaration (`functions/src/records/`); the SharePoint column
 * names come from the schema, so nothing outside the declarations knows them.
 */

/** How a field's value is written and read: see `SharePointCodec` in records/declare.ts. */
type Codec = SharePointCodec;
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

/** A record kind's mapping: every column of its list that the declaration binds to a field path. */
export function mappingOf<T>(declaration: RecordDeclaration<T>): RecordMapping<T> {
  return {
    list: listSpec(declaration.sharepoint.list.key),
    key: declaration.sharepoint.key,
    title: declaration.sharepoint.title,
    properties: declaration.sharepoint.columns.flatMap(([path, codec, column]): Property[] =>
      path === null || codec === null ? [] : [[path as string, column.key, codec]],
    ),
  };
}

export const procedureMapping = mappingOf(records.procedureRecord);

/** Procedure fields plus what SharePoint views show and filter on but the record derives. */
export function procedureFields(procedure: Procedure): Fields {
  return {
    ...toFields(procedureMapping, procedure),
    [fieldOf(procedureMapping, 'status')]: procedure.currentVersionId ? 'published' : 'unpublished',
  };
}

export const versionMapping = mappingOf(records.versionRecord);
export const approvalMapping = mappingOf(records.approvalRecord);
export const reviewMapping = mappingOf(records.reviewRecord);
export const acknowledgementRequestMapping = mappingOf(records.acknowledgementRequestRecord);
export const acknowledgementMapping = mappingOf(records.acknowledgementRecord);
/** The trail's `seq` is the list item's id (SharePoint numbers items in creation order). */
export const trailMapping = mappingOf(records.trailEntryRecord) as unknown as RecordMapping<Omit<TrailEntry, 'seq'>>;
export const personMapping = mappingOf(records.personRecord);
export const unitMapping = mappingOf(records.unitRecord);
export const ledgerItemMapping = mappingOf(records.ledgerItemRecord);
export const conversationMapping = mappingOf(records.conversationRecord);
export const sweepLeaseMapping = mappingOf(records.sweepLeaseRecord);
export const competenceMapping = mappingOf(records.competenceRecord);
export const competenceRequirementMapping = mappingOf(records.competenceRequirementRecord);
export const personCompetenceMapping = mappingOf(records.personCompetenceRecord);
export const externalCoverageMapping = mappingOf(records.externalCoverageRecord);

// The quality year
export const certificateMapping = mappingOf(records.certificateRecord);
export const programmeItemMapping = mappingOf(records.programmeItemRecord);
export const auditMapping = mappingOf(records.auditRecord);
export const findingMapping = mappingOf(records.findingRecord);
export const correctiveActionMapping = mappingOf(records.correctiveActionRecord);
export const managementEvaluationMapping = mappingOf(records.managementEvaluationRecord);
export const occurrenceMapping = mappingOf(records.occurrenceRecord);
export const frozenRecordMapping = mappingOf(records.frozenRecordRecord);
export const yearlyReportMapping = mappingOf(records.yearlyReportRecord);

// Quality policy, goals and case data
export const qualityPolicyMapping = mappingOf(records.qualityPolicyRecord);
export const goalMapping = mappingOf(records.goalRecord);
export const caseSourceMapping = mappingOf(records.caseSourceRecord);
export const caseRecordMapping = mappingOf(records.caseRecordRecord);

/** The one index of deadlines (app/deadline-index.ts). */
export const deadlineMapping = mappingOf(records.deadlineRecord) as unknown as RecordMapping<DeadlineEntry>;
