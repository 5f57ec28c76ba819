import { z } from 'zod';
import {
  type LocalizedText,
  type Survey,
  type SurveyAnswer,
  type SurveyLink,
  type SurveyQuestion,
  type SurveyRound,
} from '../core/survey-types.js';
import { declareRecord, type Same } from './declare.js';
import { id, instantText, jsonOf, versionedFields, versionedSqlite } from './fields.js';
import {
  choice,
  column,
  instant,
  json,
  recordKey,
  singleLine,
  title,
  versionedColumns,
  yesNo,
  whole,
} from './sharepoint-columns.js';

/**
 * Satisfaction surveys (ISO 9001 9.1.2): the questionnaire with its rounds, the personal links
 * (only the token's hash) and the anonymous answers. A link and the answer given through it share
 * no key: the answer keeps survey, round, case type and unit, never the case or the link.
 */

export const surveySchema = z.object({
  id,
  title: jsonOf<LocalizedText>(),
  intro: jsonOf<LocalizedText>(),
  questions: jsonOf<SurveyQuestion[]>(),
  headlineQuestionId: id,
  caseTypes: z.array(z.string()),
  rounds: jsonOf<SurveyRound[]>(),
  linkValidDays: z.number().int().min(1),
  ...versionedFields,
});
export const surveyRecord = declareRecord(surveySchema, {
  kind: 'survey',
  sqlite: {
    table: 'surveys',
    primaryKey: ['id'],
    write: 'upsert',
    columns: [
      ['id', 'id', 'text'],
      ['title', 'title', 'json'],
      ['intro', 'intro', 'json'],
      ['questions', 'questions', 'json'],
      ['headlineQuestionId', 'headline_question_id', 'text'],
      ['caseTypes', 'case_types', 'json'],
      ['rounds', 'rounds', 'json'],
      ['linkValidDays', 'link_valid_days', 'integer'],
      ...versionedSqlite,
    ],
  },
  sharepoint: {
    list: {
      key: 'surveys',
      displayName: 'Surveys',
      description: 'Satisfaction surveys about the case handling (ISO 9001 9.1.2): questions, rounds, case types.',
      template: 'genericList',
    },
    key: (survey) => survey.id,
    title: (survey) => survey.title.da,
    columns: [
      [null, null, title('The survey’s Danish title.')],
      ['id', 'text', recordKey('The survey id.')],
      ['title', 'json', column('titles', 'The title in da, nb and en: JSON.', json)],
      ['intro', 'json', column('intro', 'The introduction in da, nb and en: JSON.', json)],
      ['questions', 'json', column('questions', 'The questions, scales and satisfied categories: JSON.', json)],
      ['headlineQuestionId', 'text', column('headlineQuestion', 'The headline question id.', singleLine(100))],
      ['caseTypes', 'list', column('caseTypes', 'The case types it covers: JSON array.', json)],
      ['rounds', 'json', column('rounds', 'The rounds (id, label, from, to): JSON.', json)],
      ['linkValidDays', 'number', column('linkValidDays', 'Days a personal link can be answered.', whole(1))],
      ...versionedColumns(),
    ],
  },
});

export const surveyLinkSchema = z.object({
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  surveyId: id,
  roundId: id,
  caseId: id,
  caseType: z.string().min(1),
  unitId: id,
  issuedAt: instantText,
  expiresAt: instantText,
  isAnswered: z.boolean(),
});
export const surveyLinkRecord = declareRecord(surveyLinkSchema, {
  kind: 'survey link',
  sqlite: {
    table: 'survey_links',
    primaryKey: ['token_hash'],
    write: 'insert',
    columns: [
      ['tokenHash', 'token_hash', 'text'],
      ['surveyId', 'survey_id', 'text'],
      ['roundId', 'round_id', 'text'],
      ['caseId', 'case_id', 'text'],
      ['caseType', 'case_type', 'text'],
      ['unitId', 'unit_id', 'text'],
      ['issuedAt', 'issued_at', 'text'],
      ['expiresAt', 'expires_at', 'text'],
      ['isAnswered', 'is_answered', 'boolean'],
    ],
  },
  sharepoint: {
    list: {
      key: 'surveyLinks',
      displayName: 'SurveyLinks',
      description: 'Personal survey links: the SHA-256 of each token (never the token), its case and expiry.',
      template: 'genericList',
    },
    key: (link) => link.tokenHash,
    title: (link) => link.caseId,
    columns: [
      [null, null, title('The case id.')],
      ['tokenHash', 'text', recordKey('SHA-256 of the token, hex.')],
      ['surveyId', 'text', column('surveyKey', 'The survey (KhKey in Surveys).', singleLine(100), { indexed: true })],
      ['roundId', 'text', column('roundId', 'The round of the survey.', singleLine(100))],
      ['caseId', 'text', column('caseId', 'The case the link was issued for.', singleLine(100), { indexed: true })],
      ['caseType', 'text', column('caseType', 'The case type (servicemål category).', singleLine(100))],
      ['unitId', 'text', column('unitKey', 'The unit that decided the case (KhKey in Units).', singleLine(100))],
      ['issuedAt', 'instant', column('issuedAt', 'Issued (app time).', instant)],
      ['expiresAt', 'instant', column('expiresAt', 'Can be answered until (app time).', instant)],
      ['isAnswered', 'boolean', column('isAnswered', 'Yes once answered (one answer per link).', yesNo)],
    ],
  },
});

export const surveyAnswerSchema = z.object({
  id,
  surveyId: id,
  roundId: id,
  caseType: z.string().min(1),
  unitId: id,
  source: z.enum(['link', 'import']),
  values: jsonOf<Record<string, number | string>>(),
});
export const surveyAnswerRecord = declareRecord(surveyAnswerSchema, {
  kind: 'survey answer',
  sqlite: {
    table: 'survey_answers',
    primaryKey: ['id'],
    write: 'insert',
    columns: [
      ['id', 'id', 'text'],
      ['surveyId', 'survey_id', 'text'],
      ['roundId', 'round_id', 'text'],
      ['caseType', 'case_type', 'text'],
      ['unitId', 'unit_id', 'text'],
      ['source', 'source', 'text'],
      ['values', 'answer_values', 'json'],
    ],
  },
  sharepoint: {
    list: {
      key: 'surveyAnswers',
      displayName: 'SurveyAnswers',
      description: 'Anonymous survey answers: survey, round, case type and unit, and the answer per question.',
      template: 'genericList',
    },
    key: (answer) => answer.id,
    title: (answer) => `${answer.caseType} ${answer.roundId}`,
    columns: [
      [null, null, title('Case type and round.')],
      ['id', 'text', recordKey('A random answer id (not derived from the link).')],
      ['surveyId', 'text', column('surveyKey', 'The survey (KhKey in Surveys).', singleLine(100), { indexed: true })],
      ['roundId', 'text', column('roundId', 'The round of the survey.', singleLine(100))],
      ['caseType', 'text', column('caseType', 'The case type (servicemål category).', singleLine(100))],
      ['unitId', 'text', column('unitKey', 'The unit that decided the case (KhKey in Units).', singleLine(100))],
      ['source', 'text', column('source', 'Answered through a link, or imported.', choice(['link', 'import']))],
      ['values', 'json', column('answerValues', 'The answer per question id: JSON.', json)],
    ],
  },
});

export const surveyTypesMatch: [
  Same<z.output<typeof surveySchema>, Survey>,
  Same<z.output<typeof surveyLinkSchema>, SurveyLink>,
  Same<z.output<typeof surveyAnswerSchema>, SurveyAnswer>,
] = [true, true, true];
