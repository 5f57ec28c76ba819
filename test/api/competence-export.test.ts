import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competenceMatrixSchema, type CompetenceMatrixDto } from '../../functions/src/contract/schemas.js';
import { exportFills, expiringWithinDays } from '../../functions/src/app/export-competence-matrix.js';
import { daysBetween, type LocalDate } from '../../functions/src/core/local-date.js';
import { matrixCells } from '../support/competence-matrix.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The competence matrix as .xlsx, read back with exceljs: the matrix as on screen (people ×
 * competences, levels with their legend, expiring and expired levels marked with a fill and in
 * words) and a sheet of the competence gaps, in the language asked for, with names, not ids.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

async function workbookOf(query: string, as: string = people.coordinator): Promise<ExcelJS.Workbook> {
  const response = await fetch(`${server.url}/api/competence-matrix/export?${query}`, {
    headers: { 'x-local-user': as },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, line: number) =>
  (sheet.getRow(line).values as unknown[]).slice(1).map((value) => (value === undefined ? '' : String(value)));

function allText(workbook: ExcelJS.Workbook): string {
  const parts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => parts.push(cell.text))));
  return parts.join('\n');
}

describe('competence matrix export (.xlsx)', () => {
  it('lays out people × competences as on screen, marks expiring levels, explains the levels, in Danish', async () => {
    const workbook = await workbookOf('format=xlsx');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Kompetencematrix', 'Mangler']);
    const sheet = workbook.getWorksheet('Kompetencematrix')!;
    const matrix: CompetenceMatrixDto = competenceMatrixSchema.parse(
      (await server.api.get(people.coordinator, '/competence-matrix')).body,
    );
    const { today } = (await server.api.get(people.coordinator, '/competence-gaps')).body as { today: LocalDate };

    const competences = [...matrix.competences].sort((a, b) => a.name.localeCompare(b.name, 'da'));
    const persons = [...matrix.people].sort((a, b) => a.name.localeCompare(b.name, 'da'));
    expect(rowValues(sheet, 1)).toEqual(['Medarbejder', 'Stilling', ...competences.map((each) => each.name)]);
    expect(sheet.getRow(1).font?.bold).toBe(true);

    const cells = new Map(matrixCells(matrix).map((cell) => [`${cell.personId}|${cell.competenceId}`, cell]));
    let expiring = 0;
    let expired = 0;
    persons.forEach((person, index) => {
      const row = sheet.getRow(2 + index);
      expect(row.getCell(1).text).toBe(person.name);
      competences.forEach((competence, column) => {
        const cell = row.getCell(3 + column);
        const recorded = cells.get(`${person.id}|${competence.id}`);
        const level = `${recorded?.level ?? 0}${recorded?.assessment === 'self' ? '*' : ''}`;
        const fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        const days = recorded?.validUntil ? daysBetween(today, recorded.validUntil as LocalDate) : null;
        const [year, month, day] = (recorded?.validUntil ?? '').split('-');
        if (days !== null && days < 0) {
          expired++;
          expect({ text: cell.text, fill }).toEqual({
            text: `${level} (udløbet ${day}-${month}-${year})`,
            fill: exportFills.expired,
          });
        } else if (days !== null && days <= expiringWithinDays) {
          expiring++;
          expect({ text: cell.text, fill }).toEqual({
            text: `${level} (udløber ${day}-${month}-${year})`,
            fill: exportFills.expiring,
          });
        } else {
          expect({ text: cell.text, fill }).toEqual({ text: level, fill: undefined });
        }
      });
    });
    // The demo has both, so the marks are really checked.
    expect(expiring).toBeGreaterThan(0);
    expect(expired).toBeGreaterThan(0);

    // The legend under the matrix, after one empty row.
    const legendLine = 2 + persons.length + 1;
    expect(rowValues(sheet, legendLine)).toEqual(['Forklaring']);
    expect(rowValues(sheet, legendLine + 1)).toEqual(['Niveau 0', 'Ingen']);
    expect(rowValues(sheet, legendLine + 5)).toEqual(['Niveau 4', 'Ekspert/underviser']);
    expect(rowValues(sheet, legendLine + 6)).toEqual(['* selvvurderet, ikke bekræftet af lederen']);
    expect(sheet.getRow(legendLine + 7).getCell(1).text).toBe('Udløber inden for 90 dage');
    expect((sheet.getRow(legendLine + 7).getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
      exportFills.expiring,
    );
    expect(sheet.getRow(legendLine + 8).getCell(1).text).toBe('Udløbet');

    // No person ids anywhere: people are shown by name.
    const text = allText(workbook);
    for (const person of matrix.people) expect(text).not.toMatch(new RegExp(`\\b${person.id}\\b`));
  });

  it('has a sheet of the gaps as the gap report lists them, with names and words', async () => {
    const workbook = await workbookOf('format=xlsx&unitId=natur', people.natureLeader);
    const sheet = workbook.getWorksheet('Mangler')!;
    expect(rowValues(sheet, 1)).toEqual(['Kompetence', 'Gælder for', 'Krav', 'Kvalificerede', 'Mangler', 'Status']);
    const report = (await server.api.get(people.natureLeader, '/competence-gaps?unitId=natur')).body as {
      gaps: { requirement: { minPeople: number; minLevel: number }; shortBy: number; coverage: string }[];
    };
    expect(report.gaps.length).toBeGreaterThan(0);
    expect(sheet.actualRowCount).toBe(1 + report.gaps.length);
    const statusWords = { unmet: 'Ikke dækket', external: 'Dækket eksternt', met: 'Afhænger af én person' };
    report.gaps.forEach((gap, index) => {
      const row = sheet.getRow(2 + index);
      const { minPeople, minLevel } = gap.requirement;
      expect(row.getCell(3).text).toBe(
        `${minPeople} ${minPeople === 1 ? 'person' : 'personer'} på niveau ${minLevel} eller derover`,
      );
      expect(row.getCell(5).value).toBe(gap.shortBy);
      expect(row.getCell(6).text).toBe(statusWords[gap.coverage as keyof typeof statusWords]);
    });
  });

  it('speaks the language asked for', async () => {
    const english = await workbookOf('format=xlsx&locale=en');
    expect(english.worksheets.map((sheet) => sheet.name)).toEqual(['Competence matrix', 'Gaps']);
    expect(rowValues(english.getWorksheet('Competence matrix')!, 1).slice(0, 2)).toEqual(['Employee', 'Job title']);
    const norwegian = await workbookOf('format=xlsx&locale=nb');
    expect(norwegian.worksheets.map((sheet) => sheet.name)).toEqual(['Kompetansematrise', 'Mangler']);
    const refused = await server.api.call(people.coordinator, 'GET', '/competence-matrix/export?format=xlsx&locale=sv');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION');
  });
});
