import { z } from 'zod';
import {
  accessLaws,
  accessRequestStates,
  type AccessAnswer,
  type AccessExport,
  type AccessRequest,
} from '../core/access-request.js';
import { declareRecord, type Same } from './declare.js';
import { id, jsonOf, localDate, versionedFields, versionedSqlite } from './fields.js';
import {
  choice,
  column,
  date,
  json,
  multiLine,
  recordKey,
  singleLine,
  title,
  versionedColumns,
} from './sharepoint-columns.js';

/**
 * Aktindsigt / innsyn requests in the handbook's procedures (core/access-request.ts): who asked,
 * what, when it was received and its deadline, every export handed out (file by file, with
 * hashes) and the answer. SQLite: `access_requests`; SharePoint: the AccessRequests list
 * (adapters/sharepoint/sharepoint-access-request-store.ts).
 */
export const accessRequestSchema = z.object({
  id,
  law: z.enum(accessLaws),
  requesterName: z.string(),
  requesterContact: z.string(),
  subject: z.string(),
  procedureIds: z.array(z.string()),
  receivedOn: localDate,
  deadlineOn: localDate,
  state: z.enum(accessRequestStates),
  answer: jsonOf<AccessAnswer | null>(),
  exports: jsonOf<AccessExport[]>(),
  ...versionedFields,
});

export const accessRequestRecord = declareRecord(accessRequestSchema, {
  kind: 'access request',
  sqlite: {
    table: 'access_requests',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['law', 'law', 'text'],
      ['requesterName', 'requester_name', 'text'],
      ['requesterContact', 'requester_contact', 'text'],
      ['subject', 'subject', 'text'],
      ['procedureIds', 'procedure_ids', 'json'],
      ['receivedOn', 'received_on', 'text'],
      ['deadlineOn', 'deadline_on', 'text'],
      ['state', 'state', 'text'],
      ['answer', 'answer', 'json'],
      ['exports', 'exports', 'json'],
      ...versionedSqlite,
    ],
  },
  sharepoint: {
    list: {
      key: 'accessRequests',
      displayName: 'AccessRequests',
      description:
        'Aktindsigt/innsyn requests in the procedures: requester, subject, received, deadline, exports handed out, answer.',
      template: 'genericList',
    },
    key: (request) => request.id,
    title: (request) => request.requesterName,
    columns: [
      [null, null, title('The requester’s name.')],
      ['id', 'text', recordKey('The request id.')],
      ['law', 'text', column('law', 'dk: offentlighedsloven; no: offentleglova.', choice(accessLaws))],
      ['requesterName', 'string', column('requesterName', 'Who asked.', singleLine())],
      ['requesterContact', 'string', column('requesterContact', 'How to reach them (internal).', singleLine())],
      ['subject', 'string', column('subject', 'What was asked for.', multiLine)],
      ['procedureIds', 'list', column('procedureKeys', 'The procedures concerned: JSON array of KhKey.', json)],
      ['receivedOn', 'date', column('receivedOn', 'Received on.', date)],
      ['deadlineOn', 'date', column('deadlineOn', 'Answer at the latest on.', date)],
      ['state', 'text', column('state', 'open or answered.', choice(accessRequestStates))],
      ['answer', 'json', column('answer', 'The answer (decision, text, date, by): JSON.', json)],
      ['exports', 'json', column('exports', 'The exports handed out, file by file with SHA-256: JSON.', json)],
      ...versionedColumns(),
    ],
  },
});

export const accessRequestTypesMatch: [Same<z.output<typeof accessRequestSchema>, AccessRequest>] = [true];
