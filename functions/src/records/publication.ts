import { z } from 'zod';
import type { YearlyReport, YearlyReportData } from '../core/yearly-report.js';
import { declareRecord, type Same } from './declare.js';
import { id, instantText, jsonOf, localDate, versionedFields, versionedSqlite } from './fields.js';
import {
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
 * Publication (issue 16): the yearly public report, frozen when published. One row per revision;
 * a correction is a new row with its reason, the earlier one stays as it was. The content is the
 * report's facts as JSON (core/yearly-report.ts), read whole.
 */

export const yearlyReportSchema = z.object({
  id,
  year: z.number().int().min(2000).max(2100),
  revision: z.number().int().min(1),
  content: jsonOf<YearlyReportData>(),
  publishedAt: instantText,
  publishedOn: localDate,
  publishedBy: id,
  correctionReason: z.string().nullable(),
  ...versionedFields,
});

export const yearlyReportTypesMatch: Same<z.output<typeof yearlyReportSchema>, YearlyReport> = true;

export const yearlyReportRecord = declareRecord(yearlyReportSchema, {
  kind: 'yearly report',
  sqlite: {
    table: 'yearly_reports',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['year', 'year', 'integer'],
      ['revision', 'revision', 'integer'],
      ['content', 'content', 'json'],
      ['publishedAt', 'published_at', 'text'],
      ['publishedOn', 'published_on', 'text'],
      ['publishedBy', 'published_by', 'text'],
      ['correctionReason', 'correction_reason', 'text'],
      ...versionedSqlite,
    ],
  },
  sharepoint: {
    list: {
      key: 'yearlyReports',
      displayName: 'YearlyReports',
      description: 'The published yearly public reports, frozen: one item per revision (a correction adds one).',
      template: 'genericList',
    },
    key: (report) => report.id,
    title: (report) => `Årsrapport ${report.year} r${report.revision}`,
    columns: [
      [null, null, title('Yearly report, year and revision.')],
      ['id', 'text', recordKey('The report id (year and revision).')],
      ['year', 'number', column('year', 'The year reported on.', whole(2000, 2100))],
      ['revision', 'number', column('revision', 'Revision: 1, then one more per correction.', whole(1))],
      ['content', 'json', column('content', 'The frozen content: JSON.', json)],
      ['publishedAt', 'instant', column('publishedAt', 'Published at.', instant)],
      ['publishedOn', 'date', column('publishedOn', 'Published on.', date)],
      ['publishedBy', 'text', column('publishedBy', 'Published by (KhKey in People).', singleLine())],
      ['correctionReason', 'text', column('correctionReason', 'Why a correction was published.', multiLine)],
      ...versionedColumns(),
    ],
  },
});
