import { describe, expect, it } from 'vitest';
import type { CompetenceMatrixDto, PersonDto } from '../../functions/src/contract/schemas.js';
import { matrixCellLocator, matrixCells } from '../support/competence-matrix.js';
import * as e2e from '../support/e2e.js';

/**
 * Importing levels in Danish: a leader of the Natur unit chooses a file of the wrong type, then a
 * CSV with a bad row (the preview names its line and the import cannot be applied, nothing
 * changes), then a good CSV (the preview shows the change, applying it shows the new level in the
 * matrix). axe checks the dialog with both kinds of preview.
 */

const unitId = 'natur';
const unitName = 'Natur';
const competenceId = 'natura-2000';

const csv = (...lines: string[]) =>
  Buffer.from('\uFEFF' + ['Person;Kompetence;Niveau;Gyldig til', ...lines].join('\r\n'));

describe('competence import', () => {
  const environment = e2e.useE2eEnvironment();

  it('shows bad rows by line and refuses them, then previews and applies a good file', async () => {
    const { server, browser, api } = environment();
    const anyone = (await server.app.services.store.listPeople())[0];
    if (!anyone) throw new Error('The demo data has no people');
    const people = await api<PersonDto[]>('/people', anyone.id);
    const leader = people.find((person) => person.unitId === unitId && person.roles.includes('leader'));
    if (!leader) throw new Error(`No leader in ${unitId}`);

    const before = await api<CompetenceMatrixDto>(`/competence-matrix?unitId=${unitId}`, leader.id);
    const competence = before.competences.find((c) => c.id === competenceId);
    if (!competence) throw new Error(`No competence ${competenceId}`);
    const other = before.competences.find((c) => c.id !== competenceId)!;
    const levels = new Map(
      matrixCells(before)
        .filter((cell) => cell.competenceId === competenceId)
        .map((cell) => [cell.personId, cell.level]),
    );
    // A caseworker below level 4, raised to 4 by the import.
    const target = before.people.find((person) => person.id !== leader.id && (levels.get(person.id) ?? 0) < 4);
    if (!target) throw new Error(`Everyone in ${unitId} is at level 4 in ${competenceId}`);
    const fromLevel = levels.get(target.id);

    const { context, page, pageErrors } = await e2e.openPageAs(browser, leader, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1280, height: 1000 },
      bypassCSP: true,
    });
    try {
      await page.goto(`${server.url}/competences`);
      await page.getByRole('heading', { level: 1, name: 'Kompetencer' }).waitFor();
      await e2e.chooseOption(page.getByRole('combobox', { name: 'Enhed', exact: true }), unitName);
      const table = page.getByRole('region', { name: /^Kompetencematrix/ });
      await table.getByRole('rowheader', { name: target.name, exact: true }).waitFor();

      await page.getByRole('button', { name: 'Importér fra fil …' }).click();
      const dialog = page.getByRole('dialog', { name: 'Importér niveauer fra .xlsx eller CSV' });
      await dialog.waitFor();
      const file = dialog.getByLabel('Fil (.xlsx eller .csv)');

      // A file that is neither .xlsx nor .csv is refused before anything is sent.
      await file.setInputFiles({ name: 'niveauer.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
      await dialog.getByText('Vælg en .xlsx- eller .csv-fil.').waitFor();

      // Line 2 is good, line 3 has level 7: the error is listed with its line, nothing can be applied.
      await file.setInputFiles({
        name: 'niveauer.csv',
        mimeType: 'text/csv',
        buffer: csv(`${target.id};${competence.name};4;`, `${target.id};${other.name};7;`),
      });
      const errors = dialog.getByRole('table', { name: 'Fejl i filen' });
      await errors.waitFor();
      const errorRows = errors.locator('tbody tr');
      expect(await errorRows.count()).toBe(1);
      expect(await errorRows.first().getByRole('rowheader').textContent()).toBe('3');
      expect(await errorRows.first().locator('td').first().textContent()).toBe('Niveau');
      // The error is worded in Danish from its code, not the server's English message.
      expect(await errorRows.first().locator('td').nth(1).textContent()).toBe('Ukendt niveau «7» — brug 0–4.');
      await dialog.getByText('1 ændringer, 0 uændrede linjer, 1 fejl.', { exact: false }).waitFor();
      expect(await dialog.getByRole('button', { name: /^Importér 1 ændringer$/ }).isDisabled()).toBe(true);
      expect(await e2e.axeViolations(page)).toEqual([]);
      const unchanged = await api<CompetenceMatrixDto>(`/competence-matrix?unitId=${unitId}`, leader.id);
      expect(matrixCells(unchanged)).toEqual(matrixCells(before));

      // The corrected file: the preview shows the change, from → to, and can be applied.
      await file.setInputFiles({
        name: 'niveauer.csv',
        mimeType: 'text/csv',
        buffer: csv(`${target.id};${competence.name};4;`),
      });
      const changes = dialog.getByRole('table', { name: 'Ændringer, der importeres' });
      await changes.waitFor();
      expect(await errors.count()).toBe(0);
      const change = changes.locator('tbody tr');
      expect(await change.count()).toBe(1);
      expect(await change.first().locator('th, td').allTextContents()).toEqual([
        '2',
        target.name,
        competence.name,
        levels.has(target.id) ? expect.stringContaining(`Niveau ${fromLevel} – `) : 'Intet niveau',
        'Niveau 4 – ekspert/underviser',
      ]);
      expect(await e2e.axeViolations(page)).toEqual([]);
      const apply = dialog.getByRole('button', { name: 'Importér 1 ændringer' });
      expect(await apply.isEnabled()).toBe(true);
      await apply.click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('status').getByText('1 niveauer er importeret.').waitFor();

      // The matrix reloads with the new level in the target's row.
      const cell = await matrixCellLocator(table, target.name, competence.name);
      await cell.getByRole('button', { name: 'Niveau 4 – ekspert/underviser' }).waitFor();
      const after = await api<CompetenceMatrixDto>(`/competence-matrix?unitId=${unitId}`, leader.id);
      expect(
        matrixCells(after).find((cell) => cell.personId === target.id && cell.competenceId === competenceId),
      ).toMatchObject({ level: 4, assessment: 'confirmed' });

      expect(pageErrors).toEqual([]);
    } catch (error) {
      await e2e.saveScreenshot(page, 'competence-import-failure.png', { fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
