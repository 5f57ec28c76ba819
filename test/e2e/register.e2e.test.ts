import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PersonDto, ProcedureDetail } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';
import { saveDoorSettings } from '../support/register-settings.js';

/**
 * The register's doors, end to end (issue 15): a citizen sends a complaint from the public form
 * on a 390 px phone (the ALTCHA proof of work solved by the widget in the browser) and gets a
 * receipt with a private status link; the leader the complaint was routed to finds it in the
 * register and answers; the citizen's status page shows the answer. A caseworker reports a
 * deviation from a procedure page; its leader records the root cause and starts a corrective
 * action from it; the Pareto of root causes shows it. axe-core finds no WCAG 2.1 A/AA violations
 * on the public pages.
 */

const environment = e2e.useE2eEnvironment();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const desktop = { locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 1000 } };
const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

type Item = { id: string; receiptNumber: string; handler: { id: string; name: string } | null; title: string };

async function itemByReceipt(receiptNumber: string): Promise<Item> {
  const { server } = environment();
  const headers = { 'x-local-user': 'mette-kjaer' };
  const list = (await (
    await fetch(`${server.url}/api/register/items?view=all&includeFindings=false`, { headers })
  ).json()) as {
    rows: { receiptNumber: string; source: { kind: string; itemId: string } }[];
  };
  const row = list.rows.find((candidate) => candidate.receiptNumber === receiptNumber);
  if (!row || row.source.kind !== 'item') throw new Error(`No item ${receiptNumber}`);
  return (await (await fetch(`${server.url}/api/register/items/${row.source.itemId}`, { headers })).json()) as Item;
}

describe('the register from the public form, the tab and a procedure page', () => {
  let statusUrl = '';
  let complaint: Item;

  it('a citizen sends a complaint on a phone and gets a receipt with a private status link', async () => {
    const { server, browser } = environment();
    // Case areas for the form and root-cause categories for the Pareto (test/support/register-settings.ts).
    await saveDoorSettings(server.url);
    const context = await browser.newContext({ ...phone, locale: 'da-DK' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(`${server.url}/register`);
      await page.getByRole('heading', { level: 1, name: 'Ros, klage eller forslag' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('da');
      expect(await fitsTheScreen(page)).toBe(true);
      expect(await e2e.axeViolations(page)).toEqual([]);

      await page.getByRole('radio', { name: /^Klage/ }).check();
      await page.getByLabel(/^Hvad drejer det sig om\?/).selectOption({ index: 1 });
      await page
        .getByLabel(/^Din henvendelse/)
        .fill('Jeg har ventet tre måneder på svar om min byggetilladelse og er ikke blevet ringet op.');
      await page.getByLabel(/^E-mail/).fill('borger@example.org');
      // The widget solves the proof of work in its workers and puts the payload in the form.
      await page.locator('altcha-widget').click();
      await page.waitForFunction(
        () => ((document.querySelector('input[name="altcha"]') as HTMLInputElement | null)?.value ?? '') !== '',
        undefined,
        { timeout: 60_000 },
      );
      await page.getByRole('button', { name: 'Send' }).click();

      await page.getByRole('heading', { name: 'Tak for din henvendelse' }).waitFor();
      const receiptText = (await page.getByText(/^Dit kvitteringsnummer er /).textContent()) ?? '';
      const receiptNumber = /er (\S+)\.$/.exec(receiptText)?.[1] ?? '';
      expect(receiptNumber).not.toBe('');
      statusUrl = page.url().replace(/\?.*$/, '');
      expect(await page.getByRole('link', { name: statusUrl }).count()).toBe(1);
      expect(await page.getByText('Registreret').count()).toBeGreaterThan(0);
      expect(await fitsTheScreen(page)).toBe(true);
      expect(await e2e.axeViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
      complaint = await itemByReceipt(receiptNumber);
      expect(complaint.handler).not.toBeNull();
    } finally {
      await context.close();
    }
  });

  it('the routed leader finds it in the register and answers; the status page shows the answer', async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const leader = people.find((person) => person.id === complaint.handler!.id)!;
    const { context, page, pageErrors } = await e2e.openPageAs(browser, leader, desktop);
    try {
      await page.goto(`${server.url}/reports`);
      await page.getByRole('heading', { level: 1, name: 'Afvigelser, klager, forslag og ros' }).waitFor();
      await page.getByTestId('register-list').getByRole('link', { name: complaint.title }).click();
      await page.getByRole('heading', { level: 1, name: complaint.title }).waitFor();
      await page
        .getByRole('textbox', { name: /^Svar til afsenderen/ })
        .fill('Tak for din henvendelse. Sagen er nu afgjort, og du får brevet i e-Boks i dag.');
      await page.getByRole('button', { name: 'Send svar' }).click();
      await page.getByRole('status').filter({ hasText: 'Svaret er sendt.' }).waitFor();
      await page.getByTestId('register-reply').waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await e2e.saveScreenshot(page, 'register-leader-failure.png', { fullPage: true });
      throw error;
    } finally {
      await context.close();
    }

    // The status page has no script at all; axe is injected past its CSP.
    const citizen = await browser.newContext({ ...phone, locale: 'da-DK', bypassCSP: true });
    try {
      const statusPage = await citizen.newPage();
      await statusPage.goto(statusUrl);
      await statusPage.getByRole('heading', { name: 'Svar fra kommunen' }).waitFor();
      expect(await statusPage.getByTestId('answer').textContent()).toContain('Sagen er nu afgjort');
      expect(await e2e.axeViolations(statusPage)).toEqual([]);
    } finally {
      await citizen.close();
    }
  });

  it('a caseworker reports a deviation from a procedure page; the leader starts an action; the Pareto shows it', async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const caseworker = people.find((person) => person.id === 'karen-holt')!;
    const procedures = await api<{ items: ProcedureDetail[] }>('/procedures?limit=5', caseworker.id);
    const procedure = procedures.items[0]!;
    const title = 'Skabelonen i proceduren henviser til en ophævet bekendtgørelse';
    const { context, page, pageErrors } = await e2e.openPageAs(browser, caseworker, desktop);
    let item: Item;
    try {
      await e2e.openProcedure(page, server, procedure);
      await page.getByRole('link', { name: 'Meld afvigelse på proceduren' }).click();
      await page.getByRole('heading', { level: 1, name: 'Meld afvigelse, forslag eller ros' }).waitFor();
      expect(await page.getByRole('radio', { name: new RegExp(procedure.title) }).isChecked()).toBe(true);
      await page.getByRole('textbox', { name: /^Overskrift/ }).fill(title);
      await page
        .getByRole('textbox', { name: /^Beskrivelse/ })
        .fill('Afsnit 3 henviser til bekendtgørelse nr. 1234 fra 2011, som er ophævet.');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const notice =
        (await page.getByRole('status').filter({ hasText: 'Meldingen er registreret som' }).textContent()) ?? '';
      item = await itemByReceipt(/som (\S+)\.$/.exec(notice)?.[1] ?? '');
      expect(item.handler).not.toBeNull();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }

    const leader = people.find((person) => person.id === item.handler!.id)!;
    const signedIn = await e2e.openPageAs(browser, leader, desktop);
    try {
      const leaderPage = signedIn.page;
      await leaderPage.goto(`${server.url}/reports/${item.id}`);
      await leaderPage.getByRole('heading', { level: 1, name: title }).waitFor();
      const rootCause = leaderPage.getByRole('combobox', { name: /^Årsagskategori/ });
      await rootCause.click();
      const option = leaderPage.locator('.fui-Listbox[role="listbox"]:visible').getByRole('option').nth(1);
      const rootCauseLabel = ((await option.textContent()) ?? '').trim();
      await option.click();
      await leaderPage
        .getByRole('textbox', { name: /^Grundlæggende årsag/ })
        .fill('Proceduren er ikke gennemgået siden 2019.');
      await leaderPage.getByRole('button', { name: 'Gem behandling' }).click();
      await leaderPage.getByRole('status').filter({ hasText: 'Behandlingen er gemt.' }).waitFor();
      await leaderPage.getByRole('button', { name: 'Start korrigerende handling' }).click();
      await leaderPage.getByRole('status').filter({ hasText: 'Den korrigerende handling er oprettet.' }).waitFor();
      await leaderPage.getByRole('region', { name: 'Korrigerende handlinger' }).getByRole('link').first().waitFor();

      await leaderPage.goto(`${server.url}/reports/statistics`);
      await leaderPage.getByRole('heading', { level: 1, name: /^Statistik/ }).waitFor();
      const pareto = leaderPage.getByTestId('pareto-table');
      await pareto.getByRole('rowheader', { name: rootCauseLabel }).waitFor();
      expect(await e2e.axeViolations(leaderPage)).toEqual([]);
      await e2e.saveScreenshot(leaderPage, 'register-statistics.png', { fullPage: true });
      expect(signedIn.pageErrors).toEqual([]);
    } finally {
      await signedIn.context.close();
    }
  });
});
