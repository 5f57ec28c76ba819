import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CompetenceMatrixDto, PersonDto } from '../../functions/src/contract/schemas.js';
import { matrixCellLocator, matrixCells } from '../support/competence-matrix.js';
import * as e2e from '../support/e2e.js';

/**
 * The competence matrix in Danish: a leader of the Natur unit raises a caseworker's Natura 2000
 * level in the matrix, the gaps panel shows one person fewer missing, and the .xlsx export holds
 * the new level and otherwise the same numbers as GET /competence-matrix.
 */

const unitId = 'natur';
const unitName = 'Natur';
// In the demo, procedure K-18 (Natur) needs 2 people at level ≥ 3 in Natura 2000 and nobody has it.
const competenceId = 'natura-2000';
const requiredLevel = 3;

describe('the competence matrix', () => {
  const environment = e2e.useE2eEnvironment();

  it('raises a level, updates the gaps and exports the same numbers as the API', async () => {
    const { server, browser, api } = environment();
    const anyone = (await server.app.services.store.listPeople())[0];
    if (!anyone) throw new Error('The demo data has no people');
    const people = await api<PersonDto[]>('/people', anyone.id);
    const leader = people.find((person) => person.unitId === unitId && person.roles.includes('leader'));
    if (!leader) throw new Error(`No leader in ${unitId}`);

    const before = await api<CompetenceMatrixDto>(`/competence-matrix?unitId=${unitId}`, leader.id);
    const competence = before.competences.find((c) => c.id === competenceId);
    if (!competence) throw new Error(`No competence ${competenceId}`);
    // A caseworker one level short of the requirement; raising them closes one of the gaps.
    const target = matrixCells(before)
      .filter((cell) => cell.competenceId === competenceId && cell.level === requiredLevel - 1)
      .map((cell) => before.people.find((person) => person.id === cell.personId)!)
      .find((person) => person.id !== leader.id);
    if (!target) throw new Error(`Nobody in ${unitId} is one level short in ${competenceId}`);

    const { context, page, pageErrors } = await e2e.openPageAs(browser, leader, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1280, height: 1000 },
      acceptDownloads: true,
    });
    try {
      await page.goto(`${server.url}/competences`);
      await page.getByRole('heading', { level: 1, name: 'Kompetencer' }).waitFor();
      await e2e.chooseOption(page.getByRole('combobox', { name: 'Enhed', exact: true }), unitName);
      const table = page.getByRole('region', { name: /^Kompetencematrix/ });
      await table.getByRole('rowheader', { name: target.name, exact: true }).waitFor();

      const unmet = page.getByRole('region', { name: 'Uopfyldte krav' });
      const gapText = (count: number) => `${competence.name}: mangler ${count} med niveau ≥ ${requiredLevel}`;
      await expect.poll(() => unmet.getByRole('listitem').allTextContents()).toContain(gapText(2));

      // The grid: its size for assistive technology, one tab stop, arrow keys and Ctrl+End move it.
      const grid = table.getByRole('grid');
      expect(await grid.getAttribute('aria-rowcount')).toBe(String(before.people.length + 2));
      expect(await grid.getAttribute('aria-colcount')).toBe(String(before.competences.length + 1));
      const focusedAt = () =>
        page.evaluate(() => {
          const cell = document.activeElement?.closest('td');
          return `${cell?.closest('tr')?.getAttribute('aria-rowindex')}/${cell?.getAttribute('aria-colindex')}`;
        });
      await grid.locator('[tabindex="0"]').focus();
      expect(await focusedAt()).toBe('3/2');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      await expect.poll(focusedAt).toBe('4/3');
      await page.keyboard.press('Control+End');
      await expect.poll(focusedAt).toBe(`${before.people.length + 2}/${before.competences.length + 1}`);
      expect(await grid.locator('[tabindex="0"]').count()).toBe(1);

      const cell = await matrixCellLocator(table, target.name, competence.name);
      await expect.poll(() => cell.getByRole('button').textContent()).toContain(`${requiredLevel - 1}`);

      await cell.getByRole('button').click();
      await e2e.chooseOption(
        cell.getByRole('combobox', { name: `Niveau for ${target.name}, ${competence.name}` }),
        new RegExp(`^Niveau ${requiredLevel} – `),
      );
      await cell.getByRole('button', { name: 'Gem' }).click();
      await page.getByRole('status').getByText('Niveauet er gemt.').waitFor();
      await cell.getByRole('button', { name: `Niveau ${requiredLevel} – erfaren` }).waitFor();
      await expect.poll(() => unmet.getByRole('listitem').allTextContents()).toContain(gapText(1));
      expect(await unmet.getByRole('listitem').allTextContents()).not.toContain(gapText(2));

      // The export, saved as a file and read back, has the same numbers as the API.
      const downloadEvent = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Hent som Excel (.xlsx)' }).click();
      const download = await downloadEvent;
      expect(download.suggestedFilename()).toBe(`kompetencematrix-${unitId}.xlsx`);
      const savedPath = join(e2e.resultsDir, `competences-${Date.now().toString(36)}.xlsx`);
      await download.saveAs(savedPath);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(savedPath)) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Kompetencematrix');
      if (!sheet) throw new Error('The export has no matrix sheet');
      // People × competences as on screen: a cell starts with its level ("3", "3*", "3 (udløber …)").
      const columns = (sheet.getRow(1).values as unknown[]).map(String);
      const exported = new Map<string, number>();
      for (let line = 2; sheet.getRow(line).getCell(1).text !== ''; line++) {
        const sheetRow = sheet.getRow(line);
        for (let column = 3; column < columns.length; column++) {
          const level = /^\d/.exec(sheetRow.getCell(column).text)?.[0];
          exported.set(`${sheetRow.getCell(1).text}/${columns[column]}`, Number(level));
        }
      }

      const after = await api<CompetenceMatrixDto>(`/competence-matrix?unitId=${unitId}`, leader.id);
      const levelOf = new Map(matrixCells(after).map((c) => [`${c.personId}/${c.competenceId}`, c.level]));
      const expected = new Map(
        after.people.flatMap((person) =>
          after.competences.map((c) => [`${person.name}/${c.name}`, levelOf.get(`${person.id}/${c.id}`) ?? 0] as const),
        ),
      );
      expect(exported.get(`${target.name}/${competence.name}`)).toBe(requiredLevel);
      expect(exported.size).toBeGreaterThan(0);
      expect(Object.fromEntries(exported)).toEqual(Object.fromEntries(expected));

      expect(pageErrors).toEqual([]);
    } catch (error) {
      await e2e.saveScreenshot(page, 'competences-failure.png', { fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
