import { localDateOf } from '../core/local-date.js';
import { ensureAuditOpenForResults } from '../core/audit-status.js';
import { AppError, isAppError } from '../core/errors.js';
import { reportImportErrors, type ImportErrorReport } from '../core/import-errors.js';
import {
  planFindingImport,
  procedureCodesIn,
  type FindingImportError,
  type FindingImportRow,
} from '../core/finding-import.js';
import { canManageQuality, ensure, type Actor } from '../core/policies.js';
import type { Finding } from '../core/quality-year-types.js';
import { detectCsvDelimiter, readCsv } from '../documents/competence-sheet.js';
import type { Services } from './ports.js';
import { firstVersion, loadAudit, qualityTrail, stampOf } from './quality-records.js';
import { ensureAuditUnlocked } from './freeze-audit.js';

export type FindingImportResult = {
  mode: 'preview' | 'apply';
  isApplied: boolean;
  rows: FindingImportRow[];
  created: string[];
} & ImportErrorReport<FindingImportError>;

function readRows(bytes: Uint8Array) {
  let records: string[][];
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    records = readCsv(bytes, detectCsvDelimiter(bytes));
  } catch (error) {
    // The import limits (PAYLOAD_TOO_LARGE) keep their code and reason.
    if (isAppError(error)) throw error;
    throw new AppError('VALIDATION', 'The file is not UTF-8 text.', { field: 'file' });
  }
  const numbered = records.map((cells, index) => ({ line: index + 1, cells: cells.map((cell) => cell.trim()) }));
  const [first, ...rest] = numbered;
  return { header: first?.cells ?? [], rows: rest.filter((row) => row.cells.some((cell) => cell !== '')) };
}

/**
 * Imports a certification body's findings for an audit from CSV (core/finding-import.ts):
 * 'preview' checks every row; 'apply' writes all findings in one commit, or nothing at all when
 * any row has an error (VALIDATION with the per-row errors). The coordinator only.
 */
export async function importFindings(
  services: Services,
  actor: Actor,
  input: { auditId: string; mode: 'preview' | 'apply'; bytes: Uint8Array },
): Promise<FindingImportResult> {
  ensure(canManageQuality(actor), 'Only the quality coordinator imports a certifier’s findings.');
  const audit = await loadAudit(services, input.auditId);
  await ensureAuditUnlocked(services, audit);
  ensureAuditOpenForResults(audit.status);
  const sheet = readRows(input.bytes);
  const today = localDateOf(services.clock.now(), services.settings.timeZone);
  const codes = procedureCodesIn(sheet);
  const procedures = await Promise.all(codes.map((code) => services.store.getProcedureByCode(code)));
  const procedureIdByCode = new Map(
    codes.flatMap((code, index) => (procedures[index] ? [[code, procedures[index].id] as const] : [])),
  );
  const plan = planFindingImport({
    ...sheet,
    procedureIdByCode,
    units: await services.store.listUnits(),
    // A row without a date is found on the audit's date, or today if the audit lies ahead.
    defaultFoundOn: audit.plannedOn > today ? today : audit.plannedOn,
    today,
  });
  const report = reportImportErrors(plan.errors);
  if (input.mode === 'preview') return { mode: 'preview', isApplied: false, ...plan, ...report, created: [] };
  if (plan.errors.length > 0)
    throw new AppError('VALIDATION', `The file has ${plan.errors.length} errors; nothing was imported.`, report);
  const stamp = stampOf(services, actor);
  const findings: Finding[] = plan.rows.map((row) => ({
    id: services.ids.next(),
    auditId: audit.id,
    grade: row.grade,
    clause: row.clause,
    procedureId: row.procedureId,
    unitId: row.unitId,
    description: row.description,
    foundOn: row.foundOn,
    foundBy: actor.id,
    correctiveActionId: null,
    checklistLineId: null,
    withdrawal: null,
    ...firstVersion(stamp),
  }));
  await services.quality.commit({
    expect: findings.map((finding) => ({ collection: 'findings' as const, id: finding.id, etag: 0 })),
    findings,
    trail: [
      qualityTrail(stamp, 'finding.imported', audit.id, `Import af ${findings.length} fund: ${audit.title}`, {
        lines: plan.rows.map((row) => row.line),
        findingIds: findings.map((finding) => finding.id),
      }),
    ],
  });
  return { mode: 'apply', isApplied: true, ...plan, ...report, created: findings.map((finding) => finding.id) };
}
