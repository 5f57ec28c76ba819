import { caseImportLimits, guessCaseMapping, planCaseImport, type CaseImportError } from '../core/case-import.js';
import { AppError, isAppError } from '../core/errors.js';
import type { CaseColumnMapping, CaseRecord, CaseSource } from '../core/goal-types.js';
import { reportImportErrors, type ImportErrorReport } from '../core/import-errors.js';
import { canManageGoals, ensure, type Actor } from '../core/policies.js';
import { readSheet, type Sheet, type SheetFormat } from '../documents/competence-sheet.js';
import { measureGoals } from './measure-goals.js';
import type { Services } from './ports.js';
import { firstVersion, nextVersion, qualityTrail, stampOf, todayOf } from './quality-records.js';

/** Rows a preview shows mapped. */
export const casePreviewRows = 20;

async function readCaseSheet(bytes: Uint8Array, format: SheetFormat): Promise<Sheet> {
  if (format === 'csv') {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('VALIDATION', 'The file is not UTF-8 text; save it as "CSV UTF-8".', { field: 'file' });
    }
  }
  try {
    return await readSheet(bytes, format, { maxRows: caseImportLimits.maxRows, detectDelimiter: true });
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('VALIDATION', 'The file is not a readable .xlsx workbook.', { field: 'file' });
  }
}

export type CasePreview = {
  sourceId: string;
  header: string[];
  mapping: CaseColumnMapping;
  /** false: no mapping is saved for the source yet; `mapping` is guessed from the header. */
  isMappingSaved: boolean;
  rowCount: number;
  /** The first rows that map without errors. */
  cases: CaseRecord[];
} & ImportErrorReport<CaseImportError>;

/**
 * The first rows of an export mapped with the source's saved mapping (or one guessed from the
 * header when none is saved), and every row's errors. Writes nothing. The coordinator only.
 */
export async function previewCases(
  services: Services,
  actor: Actor,
  input: { sourceId: string; format: SheetFormat; bytes: Uint8Array },
): Promise<CasePreview> {
  ensure(canManageGoals(actor), 'Only the quality coordinator imports case data.');
  const sheet = await readCaseSheet(input.bytes, input.format);
  const source = await services.goals.getCaseSource(input.sourceId);
  const mapping = source?.mapping ?? guessCaseMapping(sheet.header);
  const plan = planCaseImport({
    ...sheet,
    mapping,
    sourceId: input.sourceId,
    units: await services.store.listUnits(),
    importedAt: services.clock.now().toISOString(),
  });
  return {
    sourceId: input.sourceId,
    header: sheet.header,
    mapping,
    isMappingSaved: source !== undefined,
    rowCount: sheet.rows.length,
    cases: plan.cases.slice(0, casePreviewRows),
    ...reportImportErrors(plan.errors),
  };
}

export type CaseImportResult = {
  sourceId: string;
  rowCount: number;
  created: number;
  updated: number;
  goals: { goalId: string; colour: string; value: number | null; hasTurnedRed: boolean }[];
};

/**
 * Imports an export with the source's saved mapping: every row or none (VALIDATION with the
 * per-row errors). A case already imported from the source (same case id) is replaced, never
 * duplicated. The active goals are measured again afterwards. The coordinator only.
 */
export async function importCases(
  services: Services,
  actor: Actor,
  input: { sourceId: string; format: SheetFormat; bytes: Uint8Array },
): Promise<CaseImportResult> {
  ensure(canManageGoals(actor), 'Only the quality coordinator imports case data.');
  const source = await services.goals.getCaseSource(input.sourceId);
  if (!source)
    throw new AppError('NOT_FOUND', `No case source ${input.sourceId}: save its column mapping first.`, {
      id: input.sourceId,
    });
  const sheet = await readCaseSheet(input.bytes, input.format);
  const stamp = stampOf(services, actor);
  const plan = planCaseImport({
    ...sheet,
    mapping: source.mapping,
    sourceId: source.id,
    units: await services.store.listUnits(),
    importedAt: stamp.at,
  });
  if (plan.errors.length > 0) {
    const report = reportImportErrors(plan.errors);
    throw new AppError('VALIDATION', `The file has ${plan.errors.length} errors; nothing was imported.`, report);
  }
  const existing = new Set((await services.goals.listCaseRecords({ sourceId: source.id })).map((record) => record.id));
  const updated = plan.cases.filter((record) => existing.has(record.id)).length;
  await services.goals.commit({
    caseRecords: plan.cases,
    trail: [
      qualityTrail(
        stamp,
        'case-data.imported',
        source.id,
        `Sagsdata importeret fra ${source.name}: ${plan.cases.length} sager`,
        {
          rowCount: plan.cases.length,
          created: plan.cases.length - updated,
          updated,
        },
      ),
    ],
  });
  const readings = await measureGoals(services, stamp, todayOf(services));
  return {
    sourceId: source.id,
    rowCount: plan.cases.length,
    created: plan.cases.length - updated,
    updated,
    goals: readings.map(({ goalId, reading, hasTurnedRed }) => ({
      goalId,
      colour: reading.colour,
      value: reading.value,
      hasTurnedRed,
    })),
  };
}

/** Saves a source's name and column mapping (the coordinator); etag 0 creates it. */
export async function saveCaseSource(
  services: Services,
  actor: Actor,
  input: { id: string; etag: number; name: string; mapping: CaseColumnMapping },
): Promise<CaseSource> {
  ensure(canManageGoals(actor), 'Only the quality coordinator maps case data.');
  const stamp = stampOf(services, actor);
  const stored = await services.goals.getCaseSource(input.id);
  const source: CaseSource = {
    ...(stored ?? firstVersion(stamp)),
    ...(stored ? nextVersion(stored, stamp) : {}),
    id: input.id,
    name: input.name,
    mapping: input.mapping,
  };
  await services.goals.commit({
    expect: [{ collection: 'caseSources', id: input.id, etag: input.etag }],
    caseSources: [source],
    trail: [qualityTrail(stamp, 'case-source.saved', input.id, `Kolonner for ${input.name} gemt`)],
  });
  return source;
}
