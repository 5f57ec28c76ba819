import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * Issue 16 in Chromium: the coordinator previews last year's report in the "Årsrapport" scene and
 * publishes it; a visitor without sign-in reads it and the public handbook (search, a procedure
 * with its approval history) at 390 px and 1366 px, axe clean, nothing wider than the screen.
 */

describe('the yearly public report and the public handbook', () => {
  const environment = e2e.useE2eEnvironment();

  it('the coordinator publishes; a visitor reads the report and the handbook', { timeout: 240_000 }, async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.id === 'mette-kjaer')!;
    const year = new Date().getFullYear() - 1;
    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
      bypassCSP: true,
    });
    try {
      await page.goto(`${server.url}/yearly-report?year=${year}`);
      await page.getByRole('heading', { level: 1, name: 'Årsrapport' }).waitFor();
      await page.getByRole('heading', { level: 2, name: `Forhåndsvisning af årsrapport ${year}` }).waitFor();
      await page.getByText('Gældende procedurer').waitFor();
      await page.getByText('Ros, klager, forslag og afvigelser modtaget').waitFor();
      await page
        .getByText(`Kvalitetshåndbogens opbygning er håndbogen, som den var 31-12-${year}`, { exact: false })
        .waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: `Offentliggør årsrapport ${year}` }).click();
      await page.getByText(`Årsrapport ${year} er offentliggjort (udgave 1).`).waitFor();
      const link = page.getByRole('link', { name: `Kvalitetsrapport ${year}` });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`${server.url}/public/reports/${year}`);
      // Locked now: only a correction with its reason.
      await page.getByRole('button', { name: 'Offentliggør rettelse' }).waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'yearly-report-scene-1366.png', { fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }

    for (const width of [390, 1366]) {
      const visitor = await browser.newContext({
        locale: 'da-DK',
        viewport: { width, height: 900 },
        bypassCSP: true,
      });
      const visit = await visitor.newPage();
      try {
        const fitsTheScreen = () => visit.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        await visit.goto(`${server.url}/public/reports/${year}`);
        await visit.getByRole('heading', { level: 1, name: `Kvalitetsrapport ${year}` }).waitFor();
        await visit.getByRole('heading', { level: 2, name: 'Ledelsens evaluering' }).waitFor();
        await visit.getByRole('heading', { level: 2, name: 'Ros, klager, forslag og afvigelser' }).waitFor();
        await visit.getByRole('table', { name: `Modtaget i ${year} efter type` }).waitFor();
        await visit.getByRole('img', { name: `Kvalitetsmål ${year}: resultat i forhold til målsætning` }).waitFor();
        expect(await e2e.axeViolations(visit)).toEqual([]);
        expect(await fitsTheScreen()).toBe(true);
        await e2e.saveScreenshot(visit, `public-report-${width}.png`, { fullPage: true });
        const pdf = await visit.request.get(`${server.url}/public/reports/${year}.pdf?lang=nb`);
        expect(pdf.headers()['content-type']).toBe('application/pdf');

        await visit.goto(`${server.url}/public/handbook`);
        await visit.getByRole('heading', { level: 1, name: 'Kvalitetshåndbog' }).waitFor();
        expect(await e2e.axeViolations(visit)).toEqual([]);
        expect(await fitsTheScreen()).toBe(true);
        await e2e.saveScreenshot(visit, `public-handbook-${width}.png`, { fullPage: width === 1366 });
        await visit.getByLabel('Søg i procedurerne').fill('byggetilladelse');
        await visit.getByRole('button', { name: 'Søg' }).click();
        await visit.getByRole('heading', { level: 2, name: /procedurer? matcher “byggetilladelse”/ }).waitFor();
        expect(await e2e.axeViolations(visit)).toEqual([]);
        await visit.locator('main ul li a').first().click();
        await visit.getByRole('heading', { level: 2, name: 'Godkendelseshistorik' }).waitFor();
        expect(await e2e.axeViolations(visit)).toEqual([]);
        expect(await fitsTheScreen()).toBe(true);
        await e2e.saveScreenshot(visit, `public-procedure-${width}.png`, { fullPage: true });
      } finally {
        await visitor.close();
      }
    }
  });
});
