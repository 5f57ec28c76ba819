import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * Issue 14 in the tab, in Danish: the coordinator follows the Overblik's goal tile to the goals of
 * its colour, reads the quality policy and the goals, edits the policy, sets a goal, imports
 * a case export from a new source (a bad row is named by line and field; the columns are mapped
 * with dropdowns and saved; the good file is imported), and opens the 95 % goal: its status in
 * words, the chart and the table behind it. axe checks the scene, the dialog and the goal at
 * 1366 and 420 px; the management evaluation's goals section shows the figures of its period.
 */

const header = 'Journalnr;Kategori;Afd.;Indkommet;Oplyst;Afsluttet;Pause;Frist;Ansøger';
const csv = (...rows: string[]) => Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`);

describe('goals and case import', () => {
  const environment = e2e.useE2eEnvironment();

  it('imports a mapped case file and shows the 95 % goal with its chart', async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.id === 'mette-kjaer');
    if (!coordinator) throw new Error('The demo has no coordinator');
    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
      bypassCSP: true,
    });
    try {
      // The Overblik's goal tiles lead to the goals of their colour.
      const { goals } = await api<{
        goals: { title: string; status: string; lastReading: { colour: string } | null }[];
      }>('/goals', coordinator.id);
      const colour = goals.find((goal) => goal.title.startsWith('95 %'))?.lastReading?.colour;
      expect(colour).toMatch(/^(yellow|red)$/);
      const ofColour = goals.filter((goal) => goal.status === 'active' && goal.lastReading?.colour === colour).length;
      await page.goto(`${server.url}/`);
      const tile = page.locator(`a[href="/goals?colour=${colour}"]`);
      expect(await tile.getByTestId('tile-figure').textContent()).toBe(String(ofColour));
      await tile.click();
      await page.getByRole('heading', { level: 1, name: 'Mål og kvalitetspolitik' }).waitFor();
      const goal95 = page.getByRole('article', { name: /^95 % af bygge-/ });
      await goal95.waitFor();
      expect(await page.getByRole('article').count()).toBe(ofColour);

      await page.goto(`${server.url}/goals`);
      await page.getByText(/^Vedtaget af Byrådet den /).waitFor();
      await goal95.waitFor();
      // The status is said in words beside its colour: the demo's 95 % goal needs attention.
      await goal95.getByText(/^(Gul: tæt på|Rød: ikke nået)$/).waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'goals-scene-1366.png', { fullPage: true });

      // The policy form and the goal form, checked by the contract's schema before they are sent.
      await page.getByRole('button', { name: 'Ret kvalitetspolitikken' }).click();
      const policyForm = page.getByRole('form', { name: 'Kvalitetspolitikken' });
      await policyForm.getByLabel('Vedtaget af').fill('Byrådet');
      expect(await e2e.axeViolations(page)).toEqual([]);
      await policyForm.getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Kvalitetspolitikken er gemt.').waitFor();
      await page.getByRole('button', { name: 'Nyt mål' }).click();
      const goalForm = page.getByRole('form', { name: 'Nyt kvalitetsmål' });
      await goalForm.getByRole('button', { name: 'Gem' }).click();
      await goalForm.getByText('Skal udfyldes').first().waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await goalForm.getByLabel('Mål (overskrift)').fill('Mediantid for enfamiliehuse højst 35 dage');
      await e2e.chooseOption(goalForm.getByRole('combobox', { name: 'Tal fra sagsdata' }), 'median sagsbehandlingstid');
      await e2e.chooseOption(goalForm.getByRole('combobox', { name: 'Retning' }), 'Højst');
      await goalForm.getByLabel('Målværdi').fill('35');
      await goalForm.getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Målet «Mediantid for enfamiliehuse højst 35 dage» er oprettet.').waitFor();
      await page
        .getByRole('article', { name: 'Mediantid for enfamiliehuse højst 35 dage' })
        .getByText('højst 35 dage', { exact: true })
        .waitFor();

      await page.getByRole('button', { name: 'Importér sagsdata' }).click();
      const dialog = page.getByRole('dialog', { name: 'Importér sagsdata' });
      await dialog.waitFor();
      await e2e.chooseOption(dialog.getByRole('combobox', { name: 'Kilde' }), 'Ny kilde …');
      await dialog.getByLabel('Kildens navn').fill('ESDH-rapport');
      const file = dialog.getByLabel('Fil (.csv eller .xlsx)');

      // The header matches no field name: the columns are chosen with the dropdowns.
      await file.setInputFiles({
        name: 'sager.csv',
        mimeType: 'text/csv',
        buffer: csv(
          'E-1;Enfamiliehuse;Byg og Plan;02-01-2026;05-01-2026;10-02-2026;0;40;Hans Hansen',
          'E-2;Enfamiliehuse;Byg og Plan;02-01-2026;05-01-2026;01-01-2026;0;40;Grete Jensen',
        ),
      });
      await dialog.getByRole('heading', { name: 'Kolonner' }).waitFor();
      const mapping: [string, string][] = [
        ['Sagsnummer', 'Journalnr'],
        ['Sagstype', 'Kategori'],
        ['Enhed', 'Afd.'],
        ['Modtaget', 'Indkommet'],
        ['Fuldt oplyst', 'Oplyst'],
        ['Afgjort', 'Afsluttet'],
        ['Dage hos ansøger', 'Pause'],
        ['Servicemål (dage)', 'Frist'],
      ];
      for (const [field, column] of mapping)
        await e2e.chooseOption(dialog.getByRole('combobox', { name: field, exact: true }), column);
      expect(await e2e.axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Gem kolonner og vis igen' }).click();

      // Line 3 is decided before it was received: named by line and field, in Danish; nothing can be imported.
      const errors = dialog.getByRole('table', { name: 'Fejl i filen' });
      await errors.waitFor();
      const errorRow = errors.locator('tbody tr').first();
      // The table may still show the previous mapping's errors (line 1) until the new preview arrives.
      await errorRow.getByRole('rowheader').filter({ hasText: /^3$/ }).waitFor();
      expect(await errorRow.getByRole('rowheader').textContent()).toBe('3');
      expect(await errorRow.locator('td').first().textContent()).toBe('Afgjort');
      expect(await errorRow.locator('td').nth(1).textContent()).toMatch(/ligger før datoen i Modtaget\.$/);
      const importButton = dialog.getByRole('button', { name: /^Importér 2 sager$/ });
      expect(await importButton.isDisabled()).toBe(true);
      await page.screenshot({ path: join(e2e.resultsDir, 'goals-import-errors.png'), fullPage: false });

      // The corrected file is read with the saved mapping and imported.
      await file.setInputFiles({
        name: 'sager.csv',
        mimeType: 'text/csv',
        buffer: csv(
          'E-1;Enfamiliehuse;Byg og Plan;02-01-2026;05-01-2026;10-02-2026;0;40;Hans Hansen',
          'E-2;Enfamiliehuse;Byg og Plan;02-01-2026;05-01-2026;20-01-2026;0;40;Grete Jensen',
        ),
      });
      const preview = dialog.getByRole('table', { name: 'De første 2 sager, som de læses' });
      await preview.getByRole('rowheader', { name: 'E-2' }).waitFor();
      await dialog.getByRole('button', { name: 'Importér 2 sager' }).click();
      await page.getByText('2 sager importeret; målene er beregnet igen.').waitFor();

      await goal95.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: /^95 % af bygge-/ }).waitFor();
      await page.getByText(/^(Gul: tæt på|Rød: ikke nået)$/).waitFor();
      const table = page.getByRole('table', { name: 'Tallene bag grafen' });
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(12);
      const chart = page.getByRole('figure', { name: /^Andel inden for servicemålet pr. måned/ });
      await chart.locator('svg').first().waitFor();
      await page.getByRole('table').filter({ hasText: 'Enfamiliehuse' }).first().waitFor();
      await chart.screenshot({ path: join(e2e.resultsDir, 'goal-chart-1366.png') });
      expect(await e2e.axeViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 420, height: 900 });
      expect(await e2e.axeViolations(page)).toEqual([]);
      await chart.screenshot({ path: join(e2e.resultsDir, 'goal-chart-420.png') });
      // The overview's tiles link to the goals of one colour; the 95 % goal is not among the green ones.
      await page.goto(`${server.url}/goals?colour=green`);
      await page.getByRole('list', { name: 'Kvalitetsmål' }).or(page.getByText('Ingen mål har den status.')).waitFor();
      expect(await goal95.count()).toBe(0);
      await page.goto(`${server.url}/goals`);
      await goal95.waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Importér sagsdata' }).click();
      await dialog.waitFor();
      await dialog.getByLabel('Fil (.csv eller .xlsx)').setInputFiles({
        name: 'sager.csv',
        mimeType: 'text/csv',
        buffer: csv('E-3;Enfamiliehuse;Byg og Plan;02-01-2026;05-01-2026;20-01-2026;0;40;X'),
      });
      await dialog.getByRole('heading', { name: 'Kolonner' }).waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'goals-import-420.png');

      // The management evaluation's goals section shows the goals with their figures of its period.
      await page.keyboard.press('Escape');
      await page.goto(`${server.url}/ledelsens-evaluering`);
      const packGoals = page.getByRole('region', { name: 'Kvalitetsmål' });
      const row = packGoals.getByRole('row').filter({ hasText: /^95 % af bygge-/ });
      await row.waitFor();
      expect(await row.locator('td').nth(2).textContent()).toMatch(/^\d{2}(,\d)? %$/);
      await row.getByText(/^(Grøn: nået|Gul: tæt på|Rød: ikke nået)$/).waitFor();
      expect(Number(await row.locator('td').nth(4).textContent())).toBeGreaterThan(100);
      expect(await e2e.axeViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
