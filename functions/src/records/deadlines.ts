import { z } from 'zod';
import type { DeadlineRow } from '../app/deadline-index.js';
import { deadlineKinds } from '../core/deadline-kinds.js';
import { declareRecord, type Same } from './declare.js';
import { id, jsonOf, localDate } from './fields.js';
import { choice, column, date, json, recordKey, singleLine, title } from './sharepoint-columns.js';

/**
 * An entry of the one index of deadlines (app/deadline-index.ts): a record's next due date, who
 * must act and what the reminder rules and cards need from the record (`details`, JSON). Keyed
 * by kind and subject; written by the stores in the same commit as the record.
 */
export const deadlineEntrySchema = z.object({
  kind: z.enum(deadlineKinds),
  subjectId: id,
  dueOn: localDate.nullable(),
  responsibleId: id.nullable(),
  unitId: id.nullable(),
  details: jsonOf<DeadlineRow['details']>(),
});

/** "review:p-1": the entry's unique key (the SharePoint list's KhKey). */
const keyOf = (entry: { kind: string; subjectId: string }) => `${entry.kind}:${entry.subjectId}`;

export const deadlineRecord = declareRecord(deadlineEntrySchema, {
  kind: 'deadline entry',
  sqlite: {
    table: 'deadlines',
    primaryKey: ['kind', 'subject_id'],
    write: 'upsert',
    columns: [
      ['kind', 'kind', 'text'],
      ['subjectId', 'subject_id', 'text'],
      ['dueOn', 'due_on', 'text'],
      ['responsibleId', 'responsible_id', 'text'],
      ['unitId', 'unit_id', 'text'],
      ['details', 'details', 'json'],
    ],
  },
  sharepoint: {
    list: {
      key: 'deadlines',
      displayName: 'Deadlines',
      description: 'The next due entry of every record someone must act on (reviews, approvals, actions …).',
      template: 'genericList',
    },
    key: keyOf,
    title: keyOf,
    columns: [
      [null, null, title('Kind and subject.')],
      [null, null, recordKey('kind:subject, e.g. review:p-1.')],
      ['kind', 'text', column('kind', 'Kind of deadline.', choice(deadlineKinds))],
      ['subjectId', 'text', column('subjectKey', 'The record (its id).', singleLine(200))],
      ['dueOn', 'date', column('dueOn', 'Due date.', date, { indexed: true })],
      ['responsibleId', 'text', column('responsibleKey', 'Who must act (KhKey in People).', singleLine(100))],
      ['unitId', 'text', column('unitKey', 'The unit (KhKey in Units).', singleLine(100))],
      ['details', 'json', column('details', 'What the reminder rules and cards need from the record: JSON.', json)],
    ],
  },
});

export const deadlineTypesMatch: [Same<z.output<typeof deadlineEntrySchema>, DeadlineRow>] = [true];
