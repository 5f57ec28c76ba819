import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * The coordinator edits FOKUS in the tab: creates an evaluation round (themes, scale, units),
 * enters a unit's scores (one off the scale refused at its field, one unit scored on part of the
 * themes marked "Ikke sammenlignelig"), sees the scorecard, and imports scores from a file with
 * its per-row errors first. axe-core checks every dialog, in Danish.
 */
const environment = e2e.useE2eEnvironment();

async function coordinator(): Promise<PersonDto> {
  const people = await environment().api<PersonDto[]>('/people', 'mette-kjaer');
  return people.find((candidate) => candidate.id === 'mette-kjaer')!;
}

const dialogOf = (page: Page) => page.locator('dialog[open]');

async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  const report = await e2e.axeReport(page, include);
  expect([...report.failing, ...report.other]).toEqual([]);
}

describe('FOKUS editing in the tab', () => {
  it('the coordinator creates a round, enters scores, imports a file and sees the scorecard', async () => {
    const { server, browser } = environment();
    const { context, page, pageErrors } = await e2e.openPageAs(browser, await coordinator(), {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
    });
    try {
      await page.goto(`${server.url}/fokus`);
      await page.getByRole('heading', { level: 1, name: 'Kvalitetsevaluering af enhederne' }).waitFor();

      // A new round: sent without a name first, so the form says what is missing and sends nothing.
      await page.getByRole('button', { name: 'Ny evalueringsrunde' }).click();
      const dialog = dialogOf(page);
      await dialog.getByRole('heading', { name: 'Ny evalueringsrunde' }).waitFor();
      await dialog.getByRole('textbox', { name: 'Tema 1' }).fill('Klagesagsbehandling');
      await dialog.getByRole('spinbutton', { name: 'Skalaen til' }).fill('1');
      await dialog.getByRole('button', { name: 'Gem runden' }).click();
      await dialog.getByText('Skalaens top skal være over dens bund.').waitFor();
      expect(await dialog.getByText('Skal udfyldes.').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'dialog[open]');

      await dialog.getByRole('textbox', { name: 'Navn' }).fill('Kvalitetsevaluering 2027');
      await dialog.getByRole('spinbutton', { name: 'År' }).fill('2027');
      await dialog.getByRole('spinbutton', { name: 'Skalaen til' }).fill('4');
      await dialog.getByRole('button', { name: 'Tilføj tema' }).click();
      await dialog.getByRole('textbox', { name: 'Tema 2' }).fill('Borgerbetjening');
      await dialog.getByRole('checkbox', { name: 'Byg og Plan', exact: true }).check();
      await dialog.getByRole('checkbox', { name: 'Natur', exact: true }).check();
      await dialog.getByRole('button', { name: 'Gem runden' }).click();
      await page.getByRole('status').filter({ hasText: 'Runden «Kvalitetsevaluering 2027» er oprettet.' }).waitFor();

      // The new round is chosen, and its units are not rated yet.
      const scorecard = page.getByRole('table', { name: /Scorer pr\. tema i Kvalitetsevaluering 2027/ });
      await scorecard.waitFor();
      expect(await scorecard.locator('thead th').allTextContents()).toEqual([
        'Enhed',
        'Klagesagsbehandling',
        'Borgerbetjening',
        'I alt',
        'Gennemsnit',
        'Scorer',
      ]);

      // Byg og Plan on every theme, with a decimal comma.
      await page.getByRole('button', { name: 'Indtast scorer for Byg og Plan' }).click();
      await dialog.getByRole('heading', { name: 'Scorer for Byg og Plan i Kvalitetsevaluering 2027' }).waitFor();
      await dialog.getByRole('textbox', { name: 'Klagesagsbehandling' }).fill('3');
      await dialog.getByRole('textbox', { name: 'Borgerbetjening' }).fill('2,5');
      await dialog.getByRole('button', { name: 'Gem scorer' }).click();
      await page.getByRole('status').filter({ hasText: 'Scorerne for Byg og Plan er gemt.' }).waitFor();
      const building = scorecard.getByRole('row', { name: /Byg og Plan/ });
      await expect
        .poll(() => building.locator('td').allTextContents())
        .toEqual(['3', '2,5', '5,5', '2,75', 'Indtast scorer for Byg og Plan']);

      // Natur: a score off the scale is refused at its field; then rated on one theme only.
      await page.getByRole('button', { name: 'Indtast scorer for Natur' }).click();
      const first = dialog.getByRole('textbox', { name: 'Klagesagsbehandling' });
      await first.fill('5');
      await dialog.getByRole('button', { name: 'Gem scorer' }).click();
      await dialog.getByText('Skriv et tal fra 1 til 4.').waitFor();
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('5');
      await dialog
        .getByRole('status')
        .filter({ hasText: 'Uden en score i hvert tema er Natur ikke sammenlignelig i runden.' })
        .waitFor();
      await expectNoAxeViolations(page, 'dialog[open]');
      await first.fill('4');
      await dialog.getByRole('button', { name: 'Gem scorer' }).click();
      await page.getByRole('status').filter({ hasText: 'Scorerne for Natur er gemt.' }).waitFor();
      const nature = scorecard.getByRole('row', { name: /Natur/ });
      await expect
        .poll(() => nature.locator('td').allTextContents())
        .toEqual(['4', 'Ikke vurderet', 'Ikke sammenlignelig', 'Indtast scorer for Natur']);
      // The comparison has the new round as a column, Natur not comparable in it.
      const comparison = page.getByRole('table', { name: /Gennemsnit pr\. enhed og runde/ });
      expect(await comparison.locator('thead th').last().textContent()).toBe('Kvalitetsevaluering 2027');
      expect(await comparison.getByRole('row', { name: /Natur/ }).locator('td').last().textContent()).toBe(
        'Ikke sammenlignelig',
      );

      // Import: a file with errors lists them per row and column and cannot be applied.
      await page.getByRole('button', { name: 'Importér scorer …' }).click();
      await dialog.getByRole('heading', { name: 'Importér scorer til Kvalitetsevaluering 2027' }).waitFor();
      const file = dialog.getByLabel('Fil (.csv eller .xlsx)');
      await file.setInputFiles({
        name: 'scorer.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Enhed;Klagesagsbehandling;Borgerbetjening;Bemærkning\nByg og Plan;7;2;\nMiljø;3;3;\n'),
      });
      const errors = dialog.getByRole('table', { name: 'Fejl i filen' });
      await errors.waitFor();
      expect(await errors.locator('tbody tr').allTextContents()).toEqual([
        '2Klagesagsbehandling«7» er ikke en score fra 1 til 4.',
        '3EnhedRunden omfatter ikke enheden «Miljø».',
      ]);
      expect(await dialog.getByRole('button', { name: /^Importér/ }).isDisabled()).toBe(true);
      await expectNoAxeViolations(page, 'dialog[open]');

      // A good file: the scores as read, then applied.
      await file.setInputFiles({
        name: 'scorer.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          '\uFEFFEnhed;Klagesagsbehandling;Borgerbetjening;Bemærkning\nByg og Plan;4;3;Ny måling\nNatur;2;3;\n',
        ),
      });
      const preview = dialog.getByRole('table', { name: 'Scorerne, som de læses' });
      await preview.waitFor();
      expect(
        await preview
          .getByRole('row', { name: /Byg og Plan/ })
          .locator('td')
          .allTextContents(),
      ).toEqual(['4', '3', 'Ny måling']);
      await expectNoAxeViolations(page, 'dialog[open]');
      await dialog.getByRole('button', { name: 'Importér 2 enheder' }).click();
      await page.getByRole('status').filter({ hasText: 'Scorerne for 2 enheder er importeret.' }).waitFor();
      await expect
        .poll(() => nature.locator('td').allTextContents())
        .toEqual(['2', '3', '5', '2,5', 'Indtast scorer for Natur']);

      // The round's edit keeps its themes' scores; the whole page is clean.
      await page.getByRole('button', { name: 'Ret runden' }).click();
      await dialog.getByRole('heading', { name: 'Ret Kvalitetsevaluering 2027' }).waitFor();
      expect(await dialog.getByRole('textbox', { name: 'Tema 2' }).inputValue()).toBe('Borgerbetjening');
      await expectNoAxeViolations(page, 'dialog[open]');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'fokus-editing-1366.png', { fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the coordinator chooses the standards worked by and the coverage matrix follows', async () => {
    const { server, browser } = environment();
    const { context, page, pageErrors } = await e2e.openPageAs(browser, await coordinator(), {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
    });
    try {
      await page.goto(`${server.url}/coverage`);
      await page.getByRole('heading', { level: 2, name: 'ISO 14001:2015' }).waitFor();
      const choice = page.getByRole('group', { name: 'Standarder, kommunen arbejder efter' });
      const save = choice.getByRole('button', { name: 'Gem valget' });
      expect(await save.isDisabled()).toBe(true);
      await choice.getByRole('checkbox', { name: 'ISO 45001 (2018)' }).check();
      await choice.getByRole('checkbox', { name: 'ISO 14001 (2015)' }).uncheck();
      await save.click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Valget er gemt. Matrixen viser nu: ISO 9001, ISO 45001.' })
        .waitFor();
      await expect
        .poll(() => page.getByRole('heading', { level: 2 }).allTextContents())
        .toEqual(['ISO 9001:2015', 'ISO 45001:2018']);
      // Nothing chosen cannot be saved, and says why.
      await choice.getByRole('checkbox', { name: 'ISO 9001 (2015)' }).uncheck();
      await choice.getByRole('checkbox', { name: 'ISO 45001 (2018)' }).uncheck();
      await choice.getByText('Vælg mindst én standard.').waitFor();
      expect(await choice.getByRole('button', { name: 'Gem valget' }).isDisabled()).toBe(true);
      expect(await e2e.axeViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a leader reads which standards are worked by, without the choice', async () => {
    const { server, browser } = environment();
    const people = await environment().api<PersonDto[]>('/people', 'mette-kjaer');
    const leader = people.find((person) => person.roles.includes('leader') && !person.roles.includes('coordinator'))!;
    const { context, page } = await e2e.openPageAs(browser, leader, { locale: 'da-DK' });
    try {
      await page.goto(`${server.url}/coverage`);
      await page.getByText(/^Kommunen arbejder efter: ISO 9001/).waitFor();
      expect(await page.getByRole('group', { name: 'Standarder, kommunen arbejder efter' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
