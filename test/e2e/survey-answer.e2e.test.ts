import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSurveyId } from '../../functions/src/seed/demo-surveys.js';
import * as e2e from '../support/e2e.js';

/**
 * A citizen answers the satisfaction survey from the personal link in their decision letter: on
 * a 390 px phone screen, without signing in, and without JavaScript (the page has none; the CSP
 * allows none). axe-core finds no WCAG 2.1 A/AA violations on the page in Danish and Norwegian,
 * with and without errors.
 */

const environment = e2e.useE2eEnvironment();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

/** Issues a fresh link for one constructed case of the demo survey's newest round, as the coordinator. */
async function issueLink(caseId: string): Promise<string> {
  const { server } = environment();
  const headers = { 'x-local-user': 'mette-kjaer', 'content-type': 'application/json' };
  const survey = (await (await fetch(`${server.url}/api/surveys/${demoSurveyId}`, { headers })).json()) as {
    rounds: { id: string }[];
  };
  const response = await fetch(`${server.url}/api/surveys/${demoSurveyId}/links`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      roundId: survey.rounds.at(-1)!.id,
      cases: [{ caseId, caseType: 'Byggetilladelse – enfamiliehuse', unitId: 'byg-plan' }],
    }),
  });
  const body = (await response.json()) as { issued: { url: string }[] };
  return body.issued[0]!.url;
}

async function phonePage(browser: Browser, options: { javaScriptEnabled: boolean; locale: string }) {
  const context = await browser.newContext({ ...phone, ...options, bypassCSP: options.javaScriptEnabled });
  return { context, page: await context.newPage() };
}

const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the public survey page on a phone', () => {
  it('a citizen answers on a 390 px screen without signing in and without JavaScript, once', async () => {
    const url = await issueLink('E2E-BYG-001');
    const { context, page } = await phonePage(environment().browser, { javaScriptEnabled: false, locale: 'da-DK' });
    try {
      await page.goto(url);
      await expect(page.getAttribute('html', 'lang')).resolves.toBe('da');
      await page.getByRole('heading', { level: 1, name: 'Tilfredshed med sagsbehandlingen (demo)' }).waitFor();
      expect(await fitsTheScreen(page)).toBe(true);

      // Sent with a required answer missing: the errors, linked to their fields, and nothing lost.
      const overall = page.getByRole('group', { name: /samlede proces/ });
      await overall.getByLabel('5', { exact: true }).check();
      await page.getByRole('button', { name: 'Send svar' }).click();
      await page.getByRole('heading', { name: 'Der er et problem' }).waitFor();
      expect(await page.title()).toMatch(/^Fejl: /);
      expect(await overall.getByLabel('5', { exact: true }).isChecked()).toBe(true);
      await page.getByRole('link', { name: /vejledning.*Besvar spørgsmålet/ }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-vejledning-1');
      expect(await fitsTheScreen(page)).toBe(true);

      for (const [question, value] of [
        [/vejledning/, '4'],
        [/faglighed/, '5'],
        [/sagsbehandlingstiden/, '3'],
      ] as const)
        await page.getByRole('group', { name: question }).getByLabel(value, { exact: true }).check();
      await page.getByLabel(/Har du forslag/).fill('Tydeligere besked om, hvad sagen venter på.');
      await page.getByRole('button', { name: 'Send svar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tak for dit svar' }).waitFor();

      // The link is used: going back to it says so.
      await page.goto(url);
      await page.getByRole('heading', { level: 1, name: 'Undersøgelsen er allerede besvaret' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('has no axe violations in Danish and Norwegian bokmål, with the error summary focused', async () => {
    const url = await issueLink('E2E-BYG-002');
    const { context, page } = await phonePage(environment().browser, { javaScriptEnabled: true, locale: 'da-DK' });
    try {
      await page.goto(url);
      await page.getByRole('button', { name: 'Send svar' }).waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);

      // The visible language switch.
      await page.getByRole('link', { name: 'Norsk bokmål' }).click();
      await page.getByRole('button', { name: 'Send svar' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('nb');
      expect(await e2e.axeViolations(page)).toEqual([]);

      // Sent empty: the error summary takes focus, and the page is still clean.
      await page.getByRole('button', { name: 'Send svar' }).click();
      await page.getByRole('heading', { name: 'Det er et problem' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
      expect(await e2e.axeViolations(page)).toEqual([]);
      expect(await fitsTheScreen(page)).toBe(true);

      await page.getByRole('link', { name: 'Dansk' }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('da');
      expect(await e2e.axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
