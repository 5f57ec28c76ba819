import type { Locale } from '../core/locale.js';
import ExcelJS from 'exceljs';
import type { RequirementCoverage } from '../core/competence-gaps.js';
import { competenceLevelLabels, competenceLevels, type CompetenceLevel } from '../core/competence-types.js';
import { matrixHeader } from '../core/competence-import.js';
import { daysBetween } from '../core/local-date.js';
import type { Actor } from '../core/policies.js';
import { sheetMediaTypes, writeCsv, type SheetFormat } from '../documents/competence-sheet.js';
import { readCompetenceMatrix } from './competence-matrix.js';
import type { Services } from './ports.js';
import { reportCompetenceGaps } from './report-competence-gaps.js';
import { formatDate } from '../i18n/format-date.js';
import { serverTexts } from '../i18n/server-texts.js';

/** A level that ends within this many days is marked as expiring, as on screen and in the gap report. */
export const expiringWithinDays = 90;

/** The fills that mark a cell, the same amber and red as the matrix on screen. */
export const exportFills = { expiring: 'FFFFF4CE', expired: 'FFFDE7E9', header: 'FFEDEBE9' } as const;

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/**
 * The matrix for reading: as .xlsx, the matrix as on screen (people × competences, each level
 * with its name in a legend, expiring and expired levels marked with a fill and in words) and a
 * sheet of the competence gaps, in the user's language; people by name, never by id. As CSV,
 * one row per recorded level in the columns the import reads back (the person by e-mail).
 */
export async function exportCompetenceMatrix(
  services: Services,
  actor: Actor,
  input: { format: SheetFormat; unitId?: string | undefined; locale?: Locale | undefined },
): Promise<{ bytes: Uint8Array; mediaType: string; fileName: string }> {
  const locale = input.locale ?? 'da';
  const text = serverTexts(locale, 'exports');
  const csvText = serverTexts('da', 'exports');
  const matrix = await readCompetenceMatrix(services, actor, { unitId: input.unitId });
  const people = [...matrix.people].sort((a, b) => a.name.localeCompare(b.name, locale));
  const competences = [...matrix.competences].sort((a, b) => a.name.localeCompare(b.name, locale));
  const fileName = `${text('matrix.fileName')}${input.unitId ? `-${input.unitId}` : ''}.${input.format}`;

  if (input.format === 'csv') {
    const personById = new Map(people.map((person) => [person.id, person]));
    const competenceById = new Map(competences.map((competence) => [competence.id, competence]));
    const rows = matrix.records
      .flatMap((cell) => {
        const person = personById.get(cell.personId);
        const competence = competenceById.get(cell.competenceId);
        return person && competence ? [{ cell, person, competence }] : [];
      })
      .sort(
        (a, b) =>
          a.person.name.localeCompare(b.person.name, 'da') || a.competence.name.localeCompare(b.competence.name, 'da'),
      )
      .map(({ cell, person, competence }) => [
        person.email,
        person.name,
        competence.name,
        String(cell.level),
        cell.validUntil ?? '',
        // The CSV is the import's format, read back in Danish whatever the reader's language.
        `${csvText(cell.assessment === 'self' ? 'matrix.selfAssessed' : 'matrix.confirmed')} (${competenceLevelLabels.da[cell.level]})`,
      ]);
    return { bytes: writeCsv(matrixHeader, rows), mediaType: sheetMediaTypes.csv, fileName };
  }

  const gapReport = await reportCompetenceGaps(services, actor, { unitId: input.unitId });
  const today = gapReport.today;
  const workbook = new ExcelJS.Workbook();

  // The matrix: a header row of competences, one row per person.
  const sheet = workbook.addWorksheet(text('matrix.matrixSheet'), {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  const header = sheet.addRow([
    text('matrix.person'),
    text('matrix.jobTitle'),
    ...competences.map((competence) => competence.name),
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.eachCell((cell) => (cell.fill = solid(exportFills.header)));
  const recordOf = new Map(matrix.records.map((record) => [`${record.personId}\u0000${record.competenceId}`, record]));
  for (const person of people) {
    const row = sheet.addRow([person.name, person.title ?? '']);
    competences.forEach((competence, index) => {
      const record = recordOf.get(`${person.id}\u0000${competence.id}`);
      const cell = row.getCell(3 + index);
      const level: CompetenceLevel = record?.level ?? 0;
      const mark = record?.assessment === 'self' ? '*' : '';
      if (!record?.validUntil) {
        cell.value = `${level}${mark}`;
        return;
      }
      const daysLeft = daysBetween(today, record.validUntil);
      if (daysLeft < 0) {
        cell.value = `${level}${mark} (${text('matrix.expired', { date: formatDate(record.validUntil, locale) })})`;
        cell.fill = solid(exportFills.expired);
      } else if (daysLeft <= expiringWithinDays) {
        cell.value = `${level}${mark} (${text('matrix.expiring', { date: formatDate(record.validUntil, locale) })})`;
        cell.fill = solid(exportFills.expiring);
      } else {
        cell.value = `${level}${mark}`;
      }
    });
  }
  sheet.getColumn(1).width = 26;
  sheet.getColumn(2).width = 22;
  for (let column = 3; column < 3 + competences.length; column++) sheet.getColumn(column).width = 16;

  // The legend under the matrix: what the numbers, the star and the fills mean.
  sheet.addRow([]);
  sheet.addRow([text('matrix.legend')]).font = { bold: true };
  for (const level of competenceLevels)
    sheet.addRow([`${text('matrix.level')} ${level}`, competenceLevelLabels[locale][level]]);
  sheet.addRow([text('matrix.selfAssessedLegend')]);
  sheet.addRow([text('matrix.expiringLegend', { days: expiringWithinDays })]).getCell(1).fill = solid(
    exportFills.expiring,
  );
  sheet.addRow([text('matrix.expiredLegend')]).getCell(1).fill = solid(exportFills.expired);

  // The gaps, as in the gap report: requirements not met internally and single-person dependencies.
  const gaps = workbook.addWorksheet(text('matrix.gapsSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const gapHeader = gaps.addRow([
    text('matrix.competence'),
    text('matrix.scope'),
    text('matrix.requirement'),
    text('matrix.qualified'),
    text('matrix.shortBy'),
    text('matrix.status'),
  ]);
  gapHeader.font = { bold: true };
  gapHeader.eachCell((cell) => (cell.fill = solid(exportFills.header)));
  const scopes = await scopeNames(services);
  const competenceName = new Map(matrix.competences.map((competence) => [competence.id, competence.name]));
  const personName = new Map((await services.store.listPeople()).map((person) => [person.id, person.name]));
  for (const gap of gapReport.gaps) {
    gaps.addRow([
      competenceName.get(gap.requirement.competenceId) ?? gap.requirement.competenceId,
      scopeText(gap, scopes),
      text('matrix.requirementText', { count: gap.requirement.minPeople, level: gap.requirement.minLevel }),
      gap.qualified.map((each) => personName.get(each.personId) ?? '').join(', '),
      gap.shortBy,
      gap.coverage === 'unmet'
        ? text('matrix.unmet')
        : gap.coverage === 'external'
          ? text('matrix.external')
          : text('matrix.single'),
    ]);
  }
  if (gapReport.gaps.length === 0) gaps.addRow([text('matrix.noGaps')]);
  [28, 32, 34, 36, 10, 24].forEach((width, index) => (gaps.getColumn(index + 1).width = width));

  return {
    bytes: new Uint8Array(await workbook.xlsx.writeBuffer()),
    mediaType: sheetMediaTypes.xlsx,
    fileName,
  };
}

type ScopeNames = { units: ReadonlyMap<string, string>; procedures: ReadonlyMap<string, string> };

async function scopeNames(services: Services): Promise<ScopeNames> {
  const units = await services.store.listUnits();
  const requirements = await services.store.listCompetenceRequirements();
  const procedures = new Map<string, string>();
  for (const requirement of requirements) {
    if (requirement.scope.kind !== 'procedure' || procedures.has(requirement.scope.procedureId)) continue;
    const procedure = await services.store.getProcedure(requirement.scope.procedureId);
    if (procedure) procedures.set(procedure.id, `${procedure.code} ${procedure.title}`);
  }
  return { units: new Map(units.map((unit) => [unit.id, unit.name])), procedures };
}

function scopeText(gap: RequirementCoverage, names: ScopeNames): string {
  const { scope } = gap.requirement;
  switch (scope.kind) {
    case 'unit':
      return names.units.get(scope.unitId) ?? scope.unitId;
    case 'procedure':
      return names.procedures.get(scope.procedureId) ?? scope.procedureId;
    case 'area':
      return scope.area;
  }
}
