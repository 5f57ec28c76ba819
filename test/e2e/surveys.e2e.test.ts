import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * Satisfaction surveys in the tab, in Danish: the coordinator reads the demo survey's results
 * (share satisfied of those who answered, per case type and unit, the small groups suppressed)
 * and its chart with the table beside it; opens the form, the links and the import dialogs (a
 * bad line and a bad file are refused with Danish messages); the management evaluation's survey
 * section shows the figures. axe finds nothing on the scene and its dialogs at 1366 and 420 px.
 */
/** Cell text with its no-break spaces ("92 %") as plain ones. */
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('satisfaction surveys in the tab', () => {
  const environment = e2e.useE2eEnvironment();

  it('the coordinator sees the results and the chart; the dialogs and the evaluation pack', async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.id === 'mette-kjaer')!;
    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 900 },
      bypassCSP: true,
    });
    const violations: Record<string, string[]> = {};
    const check = async (name: string) => {
      violations[name] = await e2e.axeViolations(page);
    };
    try {
      // The coordinator reads survey results: the menu leads there.
      await page.goto(`${server.url}/`);
      await e2e.openFromHeader(page, 'Tilfredshed', 'Kvalitetsår');
      await page.getByRole('heading', { level: 1, name: 'Tilfredshedsundersøgelser' }).waitFor();
      // The constructed demo's newest round: 36 of 39 satisfied overall.
      await page.getByText('92 % tilfredse (36 af 39)').waitFor();
      const scopes = page.getByRole('region', { name: 'Resultater pr. sagstype og enhed' });
      // The first row after the header: all case types and units.
      const all = scopes.getByRole('row').nth(1);
      expect((await all.getByRole('cell').allTextContents()).map(normal)).toEqual([
        '92 %',
        '39',
        '53 %',
        '+7 procentpoint',
      ]);
      expect(await all.getByRole('rowheader').textContent()).toBe('Alle');
      await page.getByText('Af hensyn til anonymiteten').waitFor();

      const chart = page.getByTestId('survey-chart');
      await chart.locator('svg').first().waitFor();
      expect(await chart.locator('rect').count()).toBeGreaterThan(4);
      const figures = page.getByRole('region', { name: 'Tallene bag grafen' });
      const overall = figures.getByRole('row', { name: /samlede proces/ });
      expect((await overall.getByRole('cell').allTextContents()).map(normal)).toEqual(['85 %', '92 %']);
      await chart.scrollIntoViewIfNeeded();
      await e2e.saveScreenshot(page, 'surveys-chart.png', { fullPage: true });
      await check('scene 1366');

      // The form, with the demo survey's questions.
      await page.getByRole('button', { name: 'Redigér undersøgelsen' }).click();
      const form = page.getByRole('dialog', { name: 'Redigér undersøgelsen' });
      await form.getByRole('group', { name: 'Spørgsmål 4' }).waitFor();
      await form.getByLabel('Titel (Dansk)').fill('');
      await form.getByRole('button', { name: 'Gem' }).click();
      await form.getByText('Ret felterne markeret med fejl.').waitFor();
      await check('form with errors 1366');
      // Corrected, it is saved with the ETag it was read with.
      await form.getByLabel('Titel (Dansk)').fill('Tilfredshed med sagsbehandlingen (demo)');
      await form.getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Undersøgelsen er gemt.').waitFor();
      expect(await form.isVisible()).toBe(false);

      // Links: a line without a unit is named before anything is sent.
      await page.getByRole('button', { name: 'Udsted links' }).click();
      const links = page.getByRole('dialog', { name: /^Udsted personlige links/ });
      await links.getByRole('textbox').fill('BYG-1;Byggetilladelse – enfamiliehuse');
      await links.getByRole('button', { name: 'Udsted og hent CSV' }).click();
      await links.getByText('Linje 1: skriv «Sagsnummer;Sagstype;Enhed».').waitFor();
      await check('links 1366');
      // A good line: the links come as the CSV for the decision letters, once.
      await links.getByRole('textbox').fill('E2E-1;Byggetilladelse – enfamiliehuse;Byg og Plan');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        links.getByRole('button', { name: 'Udsted og hent CSV' }).click(),
      ]);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv).toContain('Sagsnummer;Sagstype;Enhed;Link;Kan besvares til');
      expect(csv).toMatch(/E2E-1;Byggetilladelse – enfamiliehuse;byg-plan;http[^;]+\/survey\/[\w-]{43};/);
      await page.getByText('Linkene er udstedt, og CSV-filen er hentet.').waitFor();

      // Import: an unknown case type is reported by line and column in Danish; nothing can be applied.
      await page.getByRole('button', { name: 'Importér svar' }).click();
      const importing = page.getByRole('dialog', { name: /^Importér svar fra et andet værktøj/ });
      await importing.getByLabel('Fil (.csv eller .xlsx)').setInputFiles({
        name: 'svar.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          '\uFEFFSagstype;Enhed;vejledning;faglighed;tid;samlet;kommentar\r\nUkendt type;byg-plan;5;5;5;5;\r\n',
        ),
      });
      const errors = importing.getByRole('region', { name: 'Fejl i filen' });
      await errors
        .getByText(/Ukendt sagstype «Ukendt type»/)
        .waitFor()
        .catch(async (error: unknown) => {
          await e2e.saveScreenshot(page, 'surveys-import-failed.png');
          throw error;
        });
      expect(await importing.getByRole('button', { name: /^Importér \d+ svar/ }).isDisabled()).toBe(true);
      await check('import with errors 1366');
      await importing.getByRole('button', { name: 'Luk' }).click();

      // 420 px: the scene and the form.
      await page.setViewportSize({ width: 420, height: 900 });
      await check('scene 420');
      await page.getByRole('button', { name: 'Ny undersøgelse' }).click();
      await page.getByRole('dialog', { name: 'Ny undersøgelse' }).waitFor();
      await check('new survey 420');
      await e2e.saveScreenshot(page, 'surveys-form-420.png');
      await page.getByRole('dialog', { name: 'Ny undersøgelse' }).getByRole('button', { name: 'Annullér' }).click();
      await page.getByRole('button', { name: 'Importér svar' }).click();
      await check('import 420');
      await page
        .getByRole('dialog', { name: /^Importér svar/ })
        .getByRole('button', { name: 'Luk' })
        .click();
      await page.setViewportSize({ width: 1366, height: 900 });

      // The management evaluation's survey section shows the rounds of its period.
      await page.goto(`${server.url}/ledelsens-evaluering`);
      const section = page.getByRole('region', { name: 'Tilfredshedsundersøgelser' });
      await section.getByRole('heading', { level: 3 }).first().waitFor();
      const text = (await section.textContent()) ?? '';
      expect(text).toContain('Tilfredshed med sagsbehandlingen (demo)');
      expect(text).toMatch(/Alle sagstyper\s*92\s%\s*39/);
      expect(text).not.toContain('Udfyldes af en senere version');
      await e2e.saveScreenshot(page, 'surveys-evaluation-pack.png', { fullPage: true });

      expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((name) => [name, []])));
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
