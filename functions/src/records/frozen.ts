import { z } from 'zod';
import { frozenKinds, type FrozenRecord } from '../core/frozen-records.js';
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
} from './sharepoint-columns.js';

/** Records that stay as they were: one snapshot per frozen record (see core/frozen-records.ts). */

export const frozenRecordSchema = z.object({
  id,
  subjectKind: z.enum(frozenKinds),
  subjectId: id,
  asOf: localDate,
  frozenAt: instantText,
  frozenBy: id,
  lockedAt: instantText.nullable(),
  payload: jsonOf<unknown>(),
  correctsId: id.nullable(),
  correctionReason: z.string().nullable(),
  correctedById: id.nullable(),
  ...versionedFields,
});
export const frozenRecordRecord = declareRecord(frozenRecordSchema, {
  kind: 'frozen record',
  sqlite: {
    table: 'frozen_records',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['subjectKind', 'subject_kind', 'text'],
      ['subjectId', 'subject_id', 'text'],
      ['asOf', 'as_of', 'text'],
      ['frozenAt', 'frozen_at', 'text'],
      ['frozenBy', 'frozen_by', 'text'],
      ['lockedAt', 'locked_at', 'text'],
      ['payload', 'payload', 'json'],
      ['correctsId', 'corrects_id', 'text'],
      ['correctionReason', 'correction_reason', 'text'],
      ['correctedById', 'corrected_by_id', 'text'],
      ...versionedSqlite,
    ],
  },
  sharepoint: {
    list: {
      key: 'frozenRecords',
      displayName: 'FrozenRecords',
      description:
        'Snapshots of held, reported and published records (ISO 9001 7.5.3), keyed by kind and id; locks and corrections.',
      template: 'genericList',
    },
    key: (record) => record.id,
    title: (record) => record.id,
    columns: [
      [null, null, title('Kind and id of the frozen record.')],
      ['id', 'text', recordKey('The snapshot id: kind:id.')],
      ['subjectKind', 'text', column('subjectKind', 'Kind of the frozen record.', choice(frozenKinds))],
      [
        'subjectId',
        'text',
        column('subjectKey', 'Id of the frozen record (KhKey in its list).', singleLine(100), { indexed: true }),
      ],
      ['asOf', 'date', column('asOf', 'The reference date of the figures.', date)],
      ['frozenAt', 'instant', column('frozenAt', 'Frozen at (app time).', instant)],
      ['frozenBy', 'text', column('frozenBy', 'Frozen by (KhKey in People).', singleLine(100))],
      ['lockedAt', 'instant', column('lockedAt', 'Locked at (published or reported; app time).', instant)],
      ['payload', 'json', column('payload', 'The snapshot: JSON.', json)],
      ['correctsId', 'text', column('correctsKey', 'The record this one corrects.', singleLine(100))],
      ['correctionReason', 'text', column('correctionReason', 'Why it was corrected.', multiLine)],
      ['correctedById', 'text', column('correctedByKey', 'The correction that replaces it.', singleLine(100))],
      ...versionedColumns(),
    ],
  },
});

export const frozenTypesMatch: [Same<z.output<typeof frozenRecordSchema>, FrozenRecord>] = [true];
