import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../core/errors.js';
import { reportImportErrors, type ImportErrorReport } from '../core/import-errors.js';
import { canManageSurveys, ensure, type Actor } from '../core/policies.js';
import { planSurveyImport, type SurveyImportError } from '../core/survey-import.js';
import { detectCsvDelimiter, readCsv, readXlsx, type SheetFormat } from '../documents/competence-sheet.js';
import type { Services } from './ports.js';
import { measureGoals } from './measure-goals.js';
import { qualityTrail, stampOf, todayOf } from './quality-records.js';
import { loadSurvey } from './survey-views.js';

export type SurveyImportResult = {
  mode: 'preview' | 'apply';
  isApplied: boolean;
  rowCount: number;
} & ImportErrorReport<SurveyImportError>;

async function readRows(bytes: Uint8Array, format: SheetFormat) {
  let numbered: { line: number; cells: string[] }[];
  try {
    if (format === 'xlsx') numbered = await readXlsx(bytes);
    else {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      numbered = readCsv(bytes, detectCsvDelimiter(bytes)).map((cells, index) => ({ line: index + 1, cells }));
    }
  } catch (error) {
    // The import limits (PAYLOAD_TOO_LARGE) and the archive guard (UNSAFE_DOCUMENT) keep their code.
    if (isAppError(error)) throw error;
    throw new AppError('VALIDATION', `The file could not be read as ${format === 'csv' ? 'UTF-8 CSV' : 'xlsx'}.`, {
      field: 'file',
    });
  }
  const rows = numbered.map((row) => ({ line: row.line, cells: row.cells.map((cell) => cell.trim()) }));
  const [first, ...rest] = rows;
  return { header: first?.cells ?? [], rows: rest.filter((row) => row.cells.some((cell) => cell !== '')) };
}

/**
 * Imports an external survey tool's export into a round (core/survey-import.ts): 'preview' checks
 * every row; 'apply' stores every answer in one transaction, or nothing when any row has an error
 * (VALIDATION with the per-row errors). The coordinator only.
 */
export async function importSurveyAnswers(
  services: Services,
  actor: Actor,
  input: { surveyId: string; roundId: string; format: SheetFormat; mode: 'preview' | 'apply'; bytes: Uint8Array },
): Promise<SurveyImportResult> {
  ensure(canManageSurveys(actor), 'Only the quality coordinator imports survey results.');
  const survey = await loadSurvey(services, input.surveyId);
  if (!survey.rounds.some((round) => round.id === input.roundId))
    throw new AppError('VALIDATION', `The survey has no round ${input.roundId}.`, { field: 'roundId' });
  const sheet = await readRows(input.bytes, input.format);
  const plan = planSurveyImport({ survey, ...sheet, units: await services.store.listUnits() });
  const report = reportImportErrors(plan.errors);
  if (input.mode === 'preview') return { mode: 'preview', isApplied: false, rowCount: plan.rows.length, ...report };
  if (plan.errors.length > 0)
    throw new AppError('VALIDATION', `The file has ${plan.errors.length} errors; nothing was imported.`, report);
  const stamp = stampOf(services, actor);
  await services.surveys.importAnswers(
    plan.rows.map((row) => ({
      id: randomUUID(),
      surveyId: survey.id,
      roundId: input.roundId,
      caseType: row.caseType,
      unitId: row.unitId,
      source: 'import' as const,
      values: row.values,
    })),
    qualityTrail(stamp, 'survey.answers-imported', survey.id, `${plan.rows.length} survey answers imported`, {
      roundId: input.roundId,
      count: plan.rows.length,
    }),
  );
  // Goals measured by this survey follow the new answers (and a goal turning red reaches its owner).
  await measureGoals(services, stamp, todayOf(services));
  return { mode: 'apply', isApplied: true, rowCount: plan.rows.length, ...report };
}
