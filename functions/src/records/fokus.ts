import { z } from 'zod';
import type { EvaluationRound, FokusTheme, ThemeScore, UnitEvaluation } from '../core/fokus-types.js';
import { standardIds, type StandardsChoice } from '../core/standards.js';
import { declareRecord, type Same } from './declare.js';
import { id, jsonOf, versionedFields, versionedSqlite } from './fields.js';
import {
  column,
  json,
  multiLine,
  recordKey,
  singleLine,
  title,
  versionedColumns,
  whole,
} from './sharepoint-columns.js';

/**
 * FOKUS-style evaluation rounds and the municipality's choice of standards (issue 14): a round
 * with its themes, scale and units, one record per unit's scores in a round, and the one record
 * of the standards worked by. Kept in their own tables and lists beside the quality year's.
 */

export const evaluationRoundSchema = z.object({
  id,
  name: z.string().min(1),
  year: z.number().int(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  themes: jsonOf<FokusTheme[]>(),
  unitIds: jsonOf<string[]>(),
  note: z.string(),
  ...versionedFields,
});
export const evaluationRoundRecord = declareRecord(evaluationRoundSchema, {
  kind: 'evaluation round',
  sqlite: {
    table: 'fokus_rounds',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['name', 'name', 'text'],
      ['year', 'year', 'integer'],
      ['scaleMin', 'scale_min', 'integer'],
      ['scaleMax', 'scale_max', 'integer'],
      ['themes', 'themes', 'json'],
      ['unitIds', 'unit_ids', 'json'],
      ['note', 'note', 'text'],
      ...versionedSqlite,
    ],
  },
  sharepoint: {
    list: {
      key: 'evaluationRounds',
      displayName: 'EvaluationRounds',
      description: 'FOKUS-style evaluation rounds: themes, scale and the units covered.',
      template: 'genericList',
    },
    key: (round) => round.id,
    title: (round) => round.name,
    columns: [
      ['name', 'text', title('Name of the round.')],
      ['id', 'text', recordKey('The round id.')],
      ['year', 'number', column('year', 'The year evaluated.', whole(1900, 2999), { indexed: true })],
      ['scaleMin', 'number', column('scaleMin', 'Lowest score of the scale.', whole())],
      ['scaleMax', 'number', column('scaleMax', 'Highest score of the scale.', whole())],
      ['themes', 'json', column('themes', 'Themes: JSON [{ id, name }].', json)],
      ['unitIds', 'list', column('unitIds', 'Units covered (KhKey in Units): JSON list.', json)],
      ['note', 'string', column('note', 'About the round.', multiLine)],
      ...versionedColumns(),
    ],
  },
});

export const unitEvaluationSchema = z.object({
  id,
  roundId: id,
  unitId: id,
  scores: jsonOf<ThemeScore[]>(),
  note: z.string(),
  ...versionedFields,
});
export const unitEvaluationRecord = declareRecord(unitEvaluationSchema, {
  kind: 'unit evaluation',
  sqlite: {
    table: 'fokus_unit_evaluations',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['roundId', 'round_id', 'text'],
      ['unitId', 'unit_id', 'text'],
      ['scores', 'scores', 'json'],
      ['note', 'note', 'text'],
      ...versionedSqlite,
    ],
  },
  sharepoint: {
    list: {
      key: 'unitEvaluations',
      displayName: 'UnitEvaluations',
      description: "A unit's scores per theme in an evaluation round.",
      template: 'genericList',
    },
    key: (evaluation) => evaluation.id,
    title: (evaluation) => evaluation.id,
    columns: [
      [null, null, title('Round and unit.')],
      ['id', 'text', recordKey('roundId:unitId.')],
      [
        'roundId',
        'text',
        column('roundKey', 'The round (KhKey in EvaluationRounds).', singleLine(100), { indexed: true }),
      ],
      ['unitId', 'text', column('unitKey', 'The unit (KhKey in Units).', singleLine(100))],
      ['scores', 'list', column('scores', 'Scores: JSON [{ themeId, score }].', json)],
      ['note', 'string', column('note', 'About the evaluation (e.g. why only part of the themes).', multiLine)],
      ...versionedColumns(),
    ],
  },
});

export const standardsChoiceSchema = z.object({
  id,
  standardIds: jsonOf<StandardsChoice['standardIds']>(),
  ...versionedFields,
});
export const standardsChoiceRecord = declareRecord(standardsChoiceSchema, {
  kind: 'standards choice',
  sqlite: {
    table: 'management_standards',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [['id', 'id', 'text'], ['standardIds', 'standard_ids', 'json'], ...versionedSqlite],
  },
  sharepoint: {
    list: {
      key: 'managementStandards',
      displayName: 'ManagementStandards',
      description: `The standards the municipality works by (${standardIds.join(', ')}).`,
      template: 'genericList',
    },
    key: (choice) => choice.id,
    title: () => 'Standards',
    columns: [
      [null, null, title('Standards.')],
      ['id', 'text', recordKey('Always "standards".')],
      ['standardIds', 'list', column('standardIds', 'The standards chosen: JSON list.', json)],
      ...versionedColumns(),
    ],
  },
});

export const fokusTypesMatch: [
  Same<z.output<typeof evaluationRoundSchema>, EvaluationRound>,
  Same<z.output<typeof unitEvaluationSchema>, UnitEvaluation>,
  Same<z.output<typeof standardsChoiceSchema>, StandardsChoice>,
] = [true, true, true];
