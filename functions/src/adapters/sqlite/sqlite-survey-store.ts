import type { IssuedLinks } from '../../core/survey-results.js';
import { staleSurveyError, type SurveyStore } from '../../app/survey-ports.js';
import { surveyAnswerRecord, surveyLinkRecord, surveyRecord } from '../../records/surveys.js';
import type { SqliteDatabase } from './open-database.js';
import { insertTrailStatement, trailRow } from './sqlite-store.js';
import { fromRow, recordTable, toRow, writeStatement, type Row } from './record-table.js';

const surveys = recordTable(surveyRecord);
const links = recordTable(surveyLinkRecord);
const answers = recordTable(surveyAnswerRecord);

/** Surveys, links and answers in the embedded database (tables from the migrations). */
export function createSqliteSurveyStore(db: SqliteDatabase): SurveyStore {
  const statements = {
    surveys: db.prepare(`SELECT * FROM surveys ORDER BY json_extract(title, '$.da'), id`),
    survey: db.prepare('SELECT * FROM surveys WHERE id = ?'),
    writeSurvey: writeStatement(db, surveys),
    writeLink: writeStatement(db, links),
    writeAnswer: writeStatement(db, answers),
    insertTrail: insertTrailStatement(db),
    linkedCases: db.prepare('SELECT case_id FROM survey_links WHERE survey_id = ? AND round_id = ?').pluck(),
    openLink: db.prepare('SELECT * FROM survey_links WHERE token_hash = ? AND expires_at > ?'),
    markAnswered: db.prepare(
      'UPDATE survey_links SET is_answered = 1 WHERE token_hash = ? AND expires_at > ? AND is_answered = 0',
    ),
    answers: db.prepare('SELECT * FROM survey_answers WHERE survey_id = ? ORDER BY round_id, id'),
    issued: db.prepare(
      `SELECT round_id AS roundId, case_type AS caseType, unit_id AS unitId, count(*) AS count
       FROM survey_links WHERE survey_id = ? GROUP BY round_id, case_type, unit_id
       ORDER BY round_id, case_type, unit_id`,
    ),
  };

  const saveSurvey = db.transaction((row: Row, expectedEtag: number, trail: Row) => {
    const stored = statements.survey.get(row['id']) as Row | undefined;
    const etag = (stored?.['etag'] as number | undefined) ?? 0;
    if (etag !== expectedEtag)
      throw staleSurveyError(
        String(row['id']),
        stored && { etag, updatedBy: stored['updated_by'] as string, updatedAt: stored['updated_at'] as string },
      );
    statements.writeSurvey.run(row);
    statements.insertTrail.run(trail);
  });
  const insertLinks = db.transaction((rows: Row[], trail: Row) => {
    for (const row of rows) statements.writeLink.run(row);
    statements.insertTrail.run(trail);
  });
  const answerThroughLink = db.transaction((tokenHash: string, now: string, row: Row) => {
    if (statements.markAnswered.run(tokenHash, now).changes === 1) {
      statements.writeAnswer.run(row);
      return 'accepted' as const;
    }
    const link = statements.openLink.get(tokenHash, now) as Row | undefined;
    return link ? ('already-answered' as const) : ('invalid' as const);
  });
  const importAnswers = db.transaction((rows: Row[], trail: Row) => {
    for (const row of rows) statements.writeAnswer.run(row);
    statements.insertTrail.run(trail);
  });

  return {
    listSurveys: async () => (statements.surveys.all() as Row[]).map((row) => fromRow(surveys, row)),
    getSurvey: async (id) => {
      const row = statements.survey.get(id) as Row | undefined;
      return row ? fromRow(surveys, row) : undefined;
    },
    saveSurvey: async (survey, expectedEtag, trail) =>
      saveSurvey(toRow(surveys, survey), expectedEtag, trailRow(trail)),
    linkedCaseIds: async (surveyId, roundId) => statements.linkedCases.all(surveyId, roundId) as string[],
    insertLinks: async (newLinks, trail) =>
      insertLinks(
        newLinks.map((link) => toRow(links, link)),
        trailRow(trail),
      ),
    answerThroughLink: async (tokenHash, now, answer) => answerThroughLink(tokenHash, now, toRow(answers, answer)),
    findOpenLink: async (tokenHash, now) => {
      const row = statements.openLink.get(tokenHash, now) as Row | undefined;
      return row ? fromRow(links, row) : undefined;
    },
    importAnswers: async (newAnswers, trail) =>
      importAnswers(
        newAnswers.map((answer) => toRow(answers, answer)),
        trailRow(trail),
      ),
    listAnswers: async (surveyId) => (statements.answers.all(surveyId) as Row[]).map((row) => fromRow(answers, row)),
    issuedLinks: async (surveyId) => statements.issued.all(surveyId) as IssuedLinks[],
  };
}
