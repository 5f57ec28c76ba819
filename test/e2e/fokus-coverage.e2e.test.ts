import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * The FOKUS scene (the demo's units across three rounds, Byg og Plan not comparable in 2023) and
 * the coverage matrix (ISO 9001 and 14001, an uncovered clause highlighted), in Danish, for the
 * coordinator, each checked with axe.
 */
const environment = e2e.useE2eEnvironment();

async function coordinator(): Promise<PersonDto> {
  const people = await environment().api<PersonDto[]>('/people', 'mette-kjaer');
  return people.find((candidate) => candidate.id === 'mette-kjaer')!;
}

describe('FOKUS comparison and the coverage matrix', () => {
  it('shows the units across rounds with a not-comparable mark, the chart, and the scorecards', async () => {
    const { server, browser } = environment();
    const { context, page, pageErrors } = await e2e.openPageAs(browser, await coordinator(), {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
    });
    try {
      await page.goto(`${server.url}/fokus`);
      await page.getByRole('heading', { level: 1, name: 'Kvalitetsevaluering af enhederne' }).waitFor();
      const table = page.getByRole('table', { name: /Gennemsnit pr\. enhed og runde/ });
      const headers = await table.locator('thead th').allTextContents();
      expect(headers).toEqual([
        'Enhed',
        'Kvalitetsevaluering 2021',
        'Kvalitetsevaluering 2023',
        'Kvalitetsevaluering 2025',
      ]);
      const building = table.getByRole('row', { name: /Byg og Plan/ });
      const cells = await building.locator('td').allTextContents();
      expect(cells[1]).toBe('Ikke sammenlignelig');
      // 2025 is measured from 2021, the last round Byg og Plan was comparable in.
      expect(cells[2]).toMatch(/procentpoint siden 2021/);
      expect(await table.getByRole('row', { name: /Natur/ }).locator('td').nth(1).textContent()).toMatch(/siden 2021/);
      // The chart is drawn (its bars hidden from screen readers; the table is their alternative).
      await page.locator('figure svg').first().waitFor();
      const scorecards = page.getByRole('table', { name: /Scorer pr\. tema i Kvalitetsevaluering 2025/ });
      await scorecards.waitFor();
      await e2e.chooseOption(page.getByRole('combobox', { name: 'Runde' }), 'Kvalitetsevaluering 2023');
      const partial = page
        .getByRole('table', { name: /Kvalitetsevaluering 2023/ })
        .getByRole('row', { name: /Byg og Plan/ });
      expect(await partial.locator('td').allTextContents()).toEqual([
        '3',
        'Ikke vurderet',
        'Ikke vurderet',
        'Ikke vurderet',
        'Ikke sammenlignelig',
        // The coordinator enters a unit's scores from its row.
        'Indtast scorer for Byg og Plan',
      ]);
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'fokus-coordinator-1366.png', { fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows an uncovered clause highlighted, filtered per standard', async () => {
    const { server, browser } = environment();
    const { context, page, pageErrors } = await e2e.openPageAs(browser, await coordinator(), {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
    });
    try {
      await page.goto(`${server.url}/coverage`);
      await page.getByRole('heading', { level: 1, name: 'Dækningsmatrix' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'ISO 9001:2015' }).waitFor();
      await e2e.chooseOption(page.getByRole('combobox', { name: 'Standard' }), 'ISO 14001');
      await expect.poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['ISO 14001:2015']);
      const emergency = page.getByRole('row', { name: /^8\.2 / });
      expect(await emergency.locator('td').last().textContent()).toBe('Udækket');
      const aspects = page.getByRole('row', { name: /^6\.1\.2 / });
      expect(await aspects.locator('td').nth(1).textContent()).toMatch(/^K-04 /);
      expect(await aspects.locator('td').last().textContent()).toBe('Dækket');
      await page.getByRole('checkbox', { name: 'Vis kun udækkede punkter' }).check();
      await expect.poll(() => page.getByRole('row', { name: /^6\.1\.2 / }).count()).toBe(0);
      expect(await page.getByRole('row', { name: /^8\.2 / }).count()).toBe(1);
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'coverage-coordinator-1366.png', { fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
